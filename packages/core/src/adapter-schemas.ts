import * as z from 'zod/mini';
import type { ContractMethod } from './adapter.js';
import { PforteError } from './errors.js';
import { stepIds } from './steps/ids.js';

const epochMs = z.number().check(z.nonnegative());

/** Schema of {@link StartResult} as it comes from a backend. */
export const startResultSchema = z.object({ flowId: z.string().check(z.minLength(1)), expiresAt: epochMs, now: epochMs });
/** Schema of the result of `submitCredentials`. */
export const credentialsResultSchema = z.object({ username: z.string().check(z.minLength(1)) });
/** Schema of the result of `issuePin`. */
export const issuePinResultSchema = z.object({ pin: z.string().check(z.regex(/^\d{4,12}$/)) });
/** Schema of {@link SmsSentResult} as it comes from a backend. */
export const smsSentResultSchema = z.object({
  resendAvailableAt: epochMs,
  expiresAt: epochMs,
  now: epochMs,
  codeLength: z.int().check(z.minimum(4), z.maximum(10)),
});
/** Schema of {@link CodeSentResult} (SMS or e-mail code). */
export const codeSentResultSchema = smsSentResultSchema;
const text = z.optional(z.string().check(z.maxLength(500)));
/** Schema of {@link InvitationDetails}. */
export const invitationDetailsSchema = z.object({
  email: text,
  salutation: text,
  title: text,
  firstName: text,
  lastName: text,
  organization: text,
  invitedBy: text,
  validUntil: epochMs,
});
/** Schema of {@link EmailSentResult}. */
export const emailSentResultSchema = z.object({
  email: z.string().check(z.minLength(3), z.maxLength(320)),
  resendAvailableAt: epochMs,
  expiresAt: epochMs,
  now: epochMs,
  validityHours: z.number().check(z.positive()),
});
/** Schema of {@link EmailConfirmedResult}. */
export const emailConfirmedResultSchema = z.object({
  flowId: z.string().check(z.minLength(1)),
  expiresAt: epochMs,
  now: epochMs,
  completedSteps: z.array(z.enum(stepIds)),
});
/** Schema of the result of `lookupCustomer`. */
export const customerLookupResultSchema = z.object({ customerName: text });
/** Schema of the result of `registerOrganization`. */
export const organizationResultSchema = z.object({
  organizationId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});
/** Schema of the result of `joinOrganization`. */
export const joinOrganizationResultSchema = z.object({
  organizationId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  status: z.literal('pending'),
});
/** Schema of {@link CompleteResult}. */
export const completeResultSchema = z.object({
  accountId: z.string().check(z.minLength(1)),
  username: z.string().check(z.minLength(1)),
  skipped: z.array(z.enum(stepIds)),
  visible: z.boolean(),
  secondFactor: z.enum(['sms', 'email', 'none']),
  organization: z.optional(
    z.object({
      organizationId: z.string().check(z.minLength(1)),
      name: z.string().check(z.minLength(1)),
      status: z.enum(['member', 'pending']),
    }),
  ),
  emailVerified: z.boolean(),
});

const id = z.string().check(z.minLength(1), z.maxLength(200));
/** Schema of {@link SessionInfo}. */
export const sessionInfoSchema = z.object({
  accountId: id,
  username: z.string().check(z.minLength(1)),
  product: z.string(),
  secondFactor: z.enum(['sms', 'email', 'none']),
  organization: z.optional(
    z.object({
      organizationId: id,
      name: z.string().check(z.minLength(1)),
      status: z.enum(['member', 'pending', 'denied']),
      role: z.enum(['master', 'member']),
    }),
  ),
  expiresAt: epochMs,
  now: epochMs,
  guest: z.optional(z.literal(true)),
});
/** Schema of {@link SignInResult}. */
export const signInResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('failed'), attemptsRemaining: z.int().check(z.nonnegative()), now: epochMs }),
  z.object({ status: z.literal('locked'), lockedUntil: epochMs, retryAfterSeconds: z.number().check(z.nonnegative()), now: epochMs }),
  z.object({
    status: z.literal('secondFactor'),
    signInId: id,
    method: z.enum(['sms', 'email']),
    ...codeSentResultSchema.shape,
  }),
  z.object({ status: z.literal('passwordChange'), signInId: id, expiresAt: epochMs, now: epochMs }),
  z.object({ status: z.literal('signedIn'), session: sessionInfoSchema, firstSignIn: z.optional(z.boolean()) }),
]);
/** Schema of {@link ResetRequestedResult}. */
export const resetRequestedResultSchema = z.object({
  resendAvailableAt: epochMs,
  validityMinutes: z.number().check(z.positive()),
  now: epochMs,
});
/** Schema of the answer of `getSession`: `{ session: null }` when signed out. */
export const sessionResultSchema = z.object({ session: z.nullable(sessionInfoSchema) });

/** Schema of `GuestInvitationInfo` (sign-in-adapter.ts). */
export const guestInvitationInfoSchema = z.object({
  product: z.string(),
  guest: z.string(),
  codeLength: z.int().check(z.positive()),
  codeSent: z.enum(['withLink', 'sms', 'email']),
  expiresAt: epochMs,
  usesRemaining: z.int().check(z.nonnegative()),
  attemptsRemaining: z.int().check(z.nonnegative()),
  now: epochMs,
});
/** Schema of the answer of `signInAsGuest`. */
export const guestSessionResultSchema = z.object({ session: sessionInfoSchema });
/** Schema of {@link OrganizationOverview}. */
export const organizationOverviewSchema = z.object({
  organizationId: id,
  name: z.string().check(z.minLength(1)),
  role: z.enum(['master', 'member']),
  members: z.array(
    z.object({ accountId: id, username: z.string().check(z.minLength(1)), role: z.enum(['master', 'member']), since: epochMs }),
  ),
  joinRequests: z.array(
    z.object({
      accountId: id,
      username: z.string().check(z.minLength(1)),
      email: z.optional(z.string()),
      name: z.optional(z.string()),
      requestedAt: epochMs,
    }),
  ),
  seatsTaken: z.int().check(z.nonnegative()),
  maxMembers: z.int().check(z.positive()),
  canManage: z.boolean(),
  now: epochMs,
});
/** Schema of the answer of `getOrganization`: `{ organization: null }` for no member of one. */
export const organizationAnswerSchema = z.object({ organization: z.nullable(organizationOverviewSchema) });
/** Schema of the answer of a change in the organization: the organization afterwards. */
export const organizationChangedSchema = z.object({ organization: organizationOverviewSchema });

const secondFactorMethod = z.enum(['none', 'email', 'sms']);
/** Schema of {@link AccountSettings}. */
export const accountSettingsSchema = z.object({
  username: z.string().check(z.minLength(1)),
  visible: z.boolean(),
  secondFactor: secondFactorMethod,
  phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/))),
  email: z.optional(z.string().check(z.maxLength(320))),
  secondFactorChoices: z.array(secondFactorMethod),
  pinLength: z.optional(z.int().check(z.minimum(4), z.maximum(12))),
  reauthUntil: epochMs,
  now: epochMs,
});
/** Schema of an answer with the account's settings afterwards. */
export const accountSettingsAnswerSchema = z.object({ settings: accountSettingsSchema });
/** Schema of {@link ReauthResult}. */
export const reauthResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('confirmed'), settings: accountSettingsSchema }),
  z.object({ status: z.literal('failed'), attemptsRemaining: z.int().check(z.nonnegative()), now: epochMs }),
  z.object({ status: z.literal('locked'), lockedUntil: epochMs, retryAfterSeconds: z.number().check(z.nonnegative()), now: epochMs }),
]);

/** Schema of {@link AccountPasswordResult}. */
export const accountPasswordResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('changed'), settings: accountSettingsSchema }),
  z.object({ status: z.literal('failed'), attemptsRemaining: z.int().check(z.nonnegative()), now: epochMs }),
  z.object({ status: z.literal('locked'), lockedUntil: epochMs, retryAfterSeconds: z.number().check(z.nonnegative()), now: epochMs }),
]);

/** The schema of each adapter method's result; methods without one answer nothing. */
export const resultSchemas: Partial<Record<ContractMethod, z.ZodMiniType>> = {
  startRegistration: startResultSchema,
  submitCredentials: credentialsResultSchema,
  issuePin: issuePinResultSchema,
  sendSmsCode: smsSentResultSchema,
  openInvitation: invitationDetailsSchema,
  sendVerificationEmail: emailSentResultSchema,
  confirmEmail: emailConfirmedResultSchema,
  lookupCustomer: customerLookupResultSchema,
  registerOrganization: organizationResultSchema,
  joinOrganization: joinOrganizationResultSchema,
  sendEmailCode: codeSentResultSchema,
  complete: completeResultSchema,
  signIn: signInResultSchema,
  resendSignInCode: codeSentResultSchema,
  verifySignInCode: signInResultSchema,
  changePassword: signInResultSchema,
  requestPasswordReset: resetRequestedResultSchema,
  getSession: sessionResultSchema,
  openGuestInvitation: guestInvitationInfoSchema,
  signInAsGuest: guestSessionResultSchema,
  getOrganization: organizationAnswerSchema,
  decideJoinRequest: organizationChangedSchema,
  inviteMember: organizationChangedSchema,
  removeMember: organizationChangedSchema,
  getAccountSettings: accountSettingsAnswerSchema,
  reauthenticate: reauthResultSchema,
  setContactVisibility: accountSettingsAnswerSchema,
  sendSecondFactorSmsCode: codeSentResultSchema,
  verifySecondFactorSmsCode: accountSettingsAnswerSchema,
  setSecondFactor: accountSettingsAnswerSchema,
  renewServicePin: issuePinResultSchema,
  changeAccountPassword: accountPasswordResultSchema,
};

/** `value` checked against `method`'s result schema (unknown fields dropped); 'response.invalid' when it does not match. */
export function parseResult(method: ContractMethod, value: unknown): unknown {
  const schema = resultSchemas[method];
  if (!schema) return undefined;
  const result = z.safeParse(schema, value);
  // No cause: the issues could echo parts of a result that holds a PIN.
  if (!result.success) throw new PforteError('response.invalid');
  return result.data;
}
