import * as z from 'zod/mini';
import type { ContractMethod } from './adapter.js';
import { resultSchemas } from './adapter-schemas.js';
import { stepIds } from './steps/ids.js';
import type { PforteErrorCode } from './errors.js';
import { httpRouteBases, type HttpRouteBase } from './http-routes.js';

/**
 * The Pforte HTTP contract: one `POST` route per adapter method, JSON in and
 * out, errors as `application/problem+json` (RFC 9457). The HTTP adapter, the
 * reference server and the OpenAPI document (docs/openapi.json) are all built
 * from this table, so they cannot drift apart.
 *
 * - Every request carries an `Idempotency-Key` header (a UUID per logical
 *   submit). A server stores the outcome per key and answers a repeat with the
 *   stored outcome instead of acting twice; the client re-sends the same key
 *   only on its own retry after a network failure or a 502/503/504.
 *   `issuePin` is the exception on the server side: its answer holds a secret
 *   that must never be stored, and a repeat simply issues a fresh PIN, which
 *   invalidates the unseen one (the documented `issuePin` semantics).
 * - `Accept-Language` carries the widget's locale, for `detail` texts.
 * - Request bodies are checked for types here; ranges and formats are the
 *   server's business rules, which answer with the precise error code
 *   (e.g. `pin.invalid`), never with a generic 400.
 */

/** Body of `POST /registrations`. */
export const startRequestSchema = z.object({
  locale: z.string().check(z.maxLength(35)),
  product: z.optional(z.string().check(z.maxLength(200))),
  invitation: z.optional(z.string().check(z.maxLength(500))),
});
/** Body of `POST /registrations/{flowId}/credentials`. */
export const credentialsRequestSchema = z.object({
  username: z.string().check(z.maxLength(2000)),
  password: z.string().check(z.maxLength(20000)),
});
/** Body of `POST /registrations/{flowId}/pin`. */
export const issuePinRequestSchema = z.object({ length: z.number() });
/** Body of `POST /registrations/{flowId}/pin/chosen`. */
export const setPinRequestSchema = z.object({ pin: z.string().check(z.maxLength(64)) });
/** Body of `POST /registrations/{flowId}/pin/confirm`, `/complete` (may be empty). */
export const emptyRequestSchema = z.object({});
/** Body of `POST /registrations/{flowId}/sms`. */
export const sendSmsRequestSchema = z.object({ phone: z.string().check(z.maxLength(32)) });
/** Body of `POST /registrations/{flowId}/sms/verify`. */
export const verifySmsRequestSchema = z.object({ code: z.string().check(z.maxLength(32)) });
/** Body of `POST /registrations/{flowId}/skip`. */
export const skipRequestSchema = z.object({ step: z.enum(stepIds) });
/** Body of `POST /registrations/{flowId}/visibility`. */
export const visibilityRequestSchema = z.object({ visible: z.boolean() });
/** Body of `POST /registrations/{flowId}/invitation`. */
export const invitationRequestSchema = z.object({ token: z.string().check(z.maxLength(500)) });
const profileText = z.optional(z.string().check(z.maxLength(500)));
/** Body of `POST /registrations/{flowId}/profile`. */
export const profileRequestSchema = z.object({
  profile: z.object({
    salutation: profileText,
    title: profileText,
    firstName: profileText,
    lastName: profileText,
    position: profileText,
    mobile: profileText,
    phone: profileText,
    email: profileText,
  }),
});
/** Body of `POST /registrations/{flowId}/terms`. */
export const termsRequestSchema = z.object({
  acceptedAt: z.number(),
  version: z.optional(z.string().check(z.maxLength(100))),
});
/** Body of `POST /registrations/{flowId}/email/verification`. */
export const verificationEmailRequestSchema = z.object({ returnUrl: z.string().check(z.maxLength(2000)) });
/** Body of `POST /email-confirmations`. */
export const confirmEmailRequestSchema = z.object({ token: z.string().check(z.maxLength(500)) });
/** Body of `POST /registrations/{flowId}/customer-lookup`. */
export const customerLookupRequestSchema = z.object({
  customerNumber: z.string().check(z.maxLength(200)),
  email: z.string().check(z.maxLength(500)),
  captchaToken: z.optional(z.string().check(z.maxLength(5000))),
});
/** Body of `POST /registrations/{flowId}/captcha`. */
export const captchaRequestSchema = z.object({ token: z.string().check(z.maxLength(5000)) });
/** Body of `POST /registrations/{flowId}/organization/register`. */
export const registerOrganizationRequestSchema = z.object({
  name: z.string().check(z.maxLength(500)),
  postalCode: z.string().check(z.maxLength(50)),
  customerNumber: z.optional(z.string().check(z.maxLength(200))),
});
/** Body of `POST /registrations/{flowId}/organization/join`. */
export const joinOrganizationRequestSchema = z.object({
  customerNumber: z.string().check(z.maxLength(200)),
  postalCode: z.string().check(z.maxLength(50)),
});
/** Body of `POST /registrations/{flowId}/second-factor`. */
export const secondFactorRequestSchema = z.object({ method: z.enum(['none', 'email', 'sms']) });
/** Body of `POST /registrations/{flowId}/email/code/verify`. */
export const verifyEmailCodeRequestSchema = z.object({ code: z.string().check(z.maxLength(32)) });

/** Body of `POST /sign-in`. */
export const signInRequestSchema = z.object({
  identifier: z.string().check(z.maxLength(2000)),
  password: z.string().check(z.maxLength(20000)),
  locale: z.string().check(z.maxLength(35)),
  product: z.optional(z.string().check(z.maxLength(200))),
});
/** Body of `POST /sign-in/{signInId}/password` and the password of a reset. */
export const changePasswordRequestSchema = z.object({ password: z.string().check(z.maxLength(20000)) });
/** Body of `POST /password-resets`. */
export const passwordResetRequestSchema = z.object({
  identifier: z.string().check(z.maxLength(2000)),
  locale: z.string().check(z.maxLength(35)),
  returnUrl: z.string().check(z.maxLength(2000)),
  product: z.optional(z.string().check(z.maxLength(200))),
});
/** Body of `POST /password-resets/complete`. */
export const resetPasswordRequestSchema = z.object({
  token: z.string().check(z.maxLength(500)),
  password: z.string().check(z.maxLength(20000)),
});
/** Body of `POST /account/organization/join-requests/decide`. */
export const decideJoinRequestSchema = z.object({
  accountId: z.string().check(z.maxLength(200)),
  approve: z.boolean(),
  locale: z.string().check(z.maxLength(35)),
});
/** Body of `POST /account/organization/members/remove`. */
export const removeMemberRequestSchema = z.object({ accountId: z.string().check(z.maxLength(200)) });
/** Body of `POST /account/organization/invitations`. */
export const inviteMemberRequestSchema = z.object({
  email: z.string().check(z.maxLength(320)),
  locale: z.string().check(z.maxLength(35)),
  returnUrl: z.string().check(z.maxLength(2000)),
});

/** Body of `POST /account/reauthenticate`. */
export const reauthenticateRequestSchema = z.object({ password: z.string().check(z.maxLength(20000)) });
/** Body of `POST /account/password`. */
export const accountPasswordRequestSchema = z.object({
  currentPassword: z.string().check(z.maxLength(20000)),
  password: z.string().check(z.maxLength(20000)),
});
/** Body of `POST /account/visibility`. */
export const contactVisibilityRequestSchema = z.object({ visible: z.boolean() });
/** Body of `POST /account/second-factor/sms`. */
export const secondFactorSmsRequestSchema = z.object({
  phone: z.string().check(z.maxLength(32)),
  locale: z.string().check(z.maxLength(35)),
});
/** Body of `POST /account/second-factor`. */
export const setSecondFactorRequestSchema = z.object({ method: z.enum(['none', 'email']) });

/** Body of `POST /guest-access/invitation`: the token from the invitation link. */
export const guestInvitationRequestSchema = z.object({
  invitation: z.string().check(z.maxLength(500)),
  product: z.optional(z.string().check(z.maxLength(200))),
});
/** Body of `POST /guest-access`. */
export const guestAccessRequestSchema = z.object({
  invitation: z.string().check(z.maxLength(500)),
  code: z.string().check(z.maxLength(32)),
  product: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * An error as `application/problem+json` (RFC 9457) with Pforte's members.
 * `detail` is a backend's own text: clients show it only as plain text.
 */
export const problemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** A stable Pforte error code; unknown codes are read as 'unknown'. */
  code: z.string(),
  field: z.optional(z.string()),
  attemptsRemaining: z.optional(z.int().check(z.nonnegative())),
  retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
  resendAvailableAt: z.optional(z.number().check(z.nonnegative())),
  now: z.optional(z.number().check(z.nonnegative())),
  /** Days a registration link was valid ('link.expired'). */
  validityDays: z.optional(z.number().check(z.nonnegative())),
  /** Hours an e-mail link was valid ('link.expired'). */
  validityHours: z.optional(z.number().check(z.nonnegative())),
});
/** A parsed problem document. */
export type Problem = z.output<typeof problemSchema>;

/** The media type of errors. */
export const problemMediaType = 'application/problem+json';

/** One route of the contract. */
export interface HttpRoute extends HttpRouteBase {
  summary: string;
  /** Error codes besides the ones every route may answer. */
  errors: PforteErrorCode[];
  /** Whether the server stores the answer under the Idempotency-Key (false only where it holds a secret). */
  storesAnswer: boolean;
  request: z.ZodMiniType;
  /** Schema of the 200/201 body; `undefined`: the answer is 204 without a body. */
  response: z.ZodMiniType | undefined;
}

/** Error codes every route may answer. */
export const commonErrorCodes: PforteErrorCode[] = ['rate_limited', 'flow.unknown', 'flow.expired', 'link.used'];

/** What each route is for, the errors it may answer besides the common ones, and whether its answer is stored. */
const routeDocs: Record<ContractMethod, Pick<HttpRoute, 'summary' | 'errors' | 'storesAnswer'>> = {
  startRegistration: { summary: 'Open a registration flow', errors: ['link.expired'], storesAnswer: true },
  submitCredentials: { summary: 'Set username and password (again after going back)', errors: ['identifier.unavailable', 'identifier.invalid', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'], storesAnswer: true },
  issuePin: { summary: 'Generate a service PIN and return it this once', errors: ['step.required', 'pin.invalid'], storesAnswer: false },
  setPin: { summary: 'Set a service PIN the person chose', errors: ['step.required', 'pin.invalid', 'pin.trivial'], storesAnswer: true },
  confirmPinSaved: { summary: 'Record that the PIN is stored safely', errors: ['step.required'], storesAnswer: true },
  sendSmsCode: { summary: 'Send a code by SMS (replaces an earlier code)', errors: ['step.required', 'phone.invalid'], storesAnswer: true },
  verifySmsCode: { summary: 'Check the SMS code (single use)', errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'], storesAnswer: true },
  skipStep: { summary: 'Put off an optional step', errors: ['step.required'], storesAnswer: true },
  setVisibility: { summary: 'Opt in to or out of the contact search', errors: ['step.required'], storesAnswer: true },
  openInvitation: { summary: 'Open a registration link (invitation) and read its details', errors: ['link.invalid', 'link.expired'], storesAnswer: true },
  lookupCustomer: { summary: 'Find the customer by customer number and the e-mail address on file', errors: ['customer.mismatch', 'captcha.invalid'], storesAnswer: true },
  verifyCaptcha: { summary: 'Check a captcha token (single use)', errors: ['captcha.invalid'], storesAnswer: true },
  submitProfile: { summary: 'Store the personal data (again after going back)', errors: ['profile.invalid'], storesAnswer: true },
  acceptTerms: { summary: 'Record that the terms and the privacy notice were accepted', errors: ['terms.required'], storesAnswer: true },
  sendVerificationEmail: { summary: 'Send an e-mail with a confirmation link (fragment token)', errors: ['step.required'], storesAnswer: true },
  confirmEmail: { summary: 'Confirm the e-mail address with the token from the link; returns the flow to resume', errors: ['link.invalid', 'link.expired'], storesAnswer: true },
  registerOrganization: { summary: 'Register a new organization with the person as its first member', errors: ['step.required', 'organization.invalid'], storesAnswer: true },
  joinOrganization: { summary: 'Ask to join an existing organization (pending until a member approves)', errors: ['step.required', 'organization.not_found', 'organization.full', 'organization.invalid'], storesAnswer: true },
  chooseSecondFactor: { summary: 'Choose the second factor (none, e-mail code, SMS code)', errors: [], storesAnswer: true },
  sendEmailCode: { summary: "Send a one-time code to the flow's e-mail address (replaces an earlier code)", errors: ['step.required'], storesAnswer: true },
  verifyEmailCode: { summary: 'Check the e-mail code (single use)', errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'], storesAnswer: true },
  complete: { summary: 'Create the account and close the flow', errors: ['step.required', 'terms.required', 'organization.full', 'organization.not_found'], storesAnswer: true },
  signIn: { summary: 'Sign in with identifier and password: a wrong password, a lock, the second factor, a forced change or the session', errors: ['identifier.invalid', 'product.unknown', 'step.unavailable'], storesAnswer: false },
  resendSignInCode: { summary: 'Send a fresh second-factor code', errors: ['step.required'], storesAnswer: true },
  verifySignInCode: { summary: 'Check the second-factor code (single use)', errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'], storesAnswer: false },
  changePassword: { summary: 'Replace a password the account must change (not the old one), then sign in', errors: ['step.required', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'], storesAnswer: false },
  requestPasswordReset: { summary: 'Send a reset link if the account exists; the same answer either way', errors: ['identifier.invalid', 'link.invalid', 'product.unknown', 'step.unavailable'], storesAnswer: true },
  resetPassword: { summary: 'Set a new password with the token of a reset link; ends every session and lifts a lock', errors: ['link.invalid', 'link.expired', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'], storesAnswer: true },
  getSession: { summary: 'The current session (renewed), or null', errors: [], storesAnswer: false },
  signOut: { summary: 'End the current session', errors: [], storesAnswer: false },
  openGuestInvitation: { summary: 'Open a guest invitation (the token from its link): who was invited, the code length, uses and attempts left', errors: ['link.invalid', 'link.expired', 'code.max_attempts', 'step.unavailable'], storesAnswer: true },
  signInAsGuest: { summary: "Check a guest's one-time code and start a guest session limited to the invitation", errors: ['link.invalid', 'link.expired', 'code.invalid', 'code.max_attempts', 'step.unavailable'], storesAnswer: false },
  getOrganization: { summary: "The signed-in member's organization: members, join requests, places", errors: ['session.required'], storesAnswer: false },
  decideJoinRequest: { summary: 'Approve or deny a join request (the requester is told by e-mail)', errors: ['session.required', 'permission.denied', 'member.unknown'], storesAnswer: true },
  removeMember: { summary: 'Remove a member (needs a recent sign-in)', errors: ['session.required', 'reauth.required', 'permission.denied', 'member.unknown'], storesAnswer: true },
  getAccountSettings: { summary: 'What the signed-in person may change later: visibility, second factor, the choices, the re-authentication window', errors: ['session.required'], storesAnswer: false },
  reauthenticate: { summary: "Confirm the current password: opens the re-authentication window; wrong ones count towards the sign-in's lock", errors: ['session.required'], storesAnswer: false },
  setContactVisibility: { summary: 'Opt in to or out of the contact search', errors: ['session.required'], storesAnswer: true },
  sendSecondFactorSmsCode: { summary: 'Send a code to the number that is to become the SMS second factor (needs a recent sign-in)', errors: ['session.required', 'reauth.required', 'phone.invalid', 'step.unavailable'], storesAnswer: true },
  verifySecondFactorSmsCode: { summary: "Check the code: the number becomes the account's second factor (needs a recent sign-in)", errors: ['session.required', 'reauth.required', 'step.required', 'code.invalid', 'code.expired', 'code.max_attempts'], storesAnswer: true },
  setSecondFactor: { summary: 'Switch to no second factor or to e-mail codes, where the product offers it (needs a recent sign-in)', errors: ['session.required', 'reauth.required', 'input.invalid', 'profile.invalid'], storesAnswer: true },
  changeAccountPassword: { summary: "Replace the password: the current one (wrong ones count towards the sign-in's lock) and a new one under the policy; other sessions end", errors: ['session.required', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'], storesAnswer: false },
  renewServicePin: { summary: 'Replace the service PIN with a new one, returned this once; the old one stops working (needs a recent sign-in)', errors: ['session.required', 'reauth.required', 'step.unavailable'], storesAnswer: false },
  inviteMember: { summary: 'Invite a new member by e-mail (takes a place; the link sets the first password)', errors: ['session.required', 'permission.denied', 'organization.full', 'profile.invalid', 'identifier.invalid', 'identifier.unavailable', 'link.invalid'], storesAnswer: true },
};

/** The body schema of each route's request. */
const requestSchemas: Record<ContractMethod, z.ZodMiniType> = {
  startRegistration: startRequestSchema,
  submitCredentials: credentialsRequestSchema,
  issuePin: issuePinRequestSchema,
  setPin: setPinRequestSchema,
  confirmPinSaved: emptyRequestSchema,
  sendSmsCode: sendSmsRequestSchema,
  verifySmsCode: verifySmsRequestSchema,
  skipStep: skipRequestSchema,
  setVisibility: visibilityRequestSchema,
  openInvitation: invitationRequestSchema,
  lookupCustomer: customerLookupRequestSchema,
  verifyCaptcha: captchaRequestSchema,
  submitProfile: profileRequestSchema,
  acceptTerms: termsRequestSchema,
  sendVerificationEmail: verificationEmailRequestSchema,
  confirmEmail: confirmEmailRequestSchema,
  registerOrganization: registerOrganizationRequestSchema,
  joinOrganization: joinOrganizationRequestSchema,
  chooseSecondFactor: secondFactorRequestSchema,
  sendEmailCode: emptyRequestSchema,
  verifyEmailCode: verifyEmailCodeRequestSchema,
  complete: emptyRequestSchema,
  signIn: signInRequestSchema,
  resendSignInCode: emptyRequestSchema,
  verifySignInCode: verifySmsRequestSchema,
  changePassword: changePasswordRequestSchema,
  requestPasswordReset: passwordResetRequestSchema,
  resetPassword: resetPasswordRequestSchema,
  getSession: emptyRequestSchema,
  signOut: emptyRequestSchema,
  openGuestInvitation: guestInvitationRequestSchema,
  signInAsGuest: guestAccessRequestSchema,
  getOrganization: emptyRequestSchema,
  decideJoinRequest: decideJoinRequestSchema,
  removeMember: removeMemberRequestSchema,
  getAccountSettings: emptyRequestSchema,
  reauthenticate: reauthenticateRequestSchema,
  setContactVisibility: contactVisibilityRequestSchema,
  sendSecondFactorSmsCode: secondFactorSmsRequestSchema,
  verifySecondFactorSmsCode: verifySmsRequestSchema,
  setSecondFactor: setSecondFactorRequestSchema,
  renewServicePin: emptyRequestSchema,
  changeAccountPassword: accountPasswordRequestSchema,
  inviteMember: inviteMemberRequestSchema,
};

/** Every route, in flow order, with its request and answer schemas. */
export const httpRoutes: readonly HttpRoute[] = httpRouteBases.map((route) => ({
  ...route,
  ...routeDocs[route.method],
  request: requestSchemas[route.method],
  response: resultSchemas[route.method],
}));

/** The route of an adapter method. */
export function routeOf(method: ContractMethod): HttpRoute {
  const route = httpRoutes.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no route for ${method}`);
  return route;
}

/** An answer's body checked against `method`'s result schema; 'response.invalid' when it does not match. */
export { parseResult as parseResponse } from './adapter-schemas.js';

/** A problem document's members, or `undefined` when `json` is not one. */
export function parseProblem(json: unknown): Problem | undefined {
  const parsed = z.safeParse(problemSchema, json);
  return parsed.success ? parsed.data : undefined;
}

export { isPforteErrorCode } from './http-routes.js';

/** HTTP status a server answers for each error code. */
export const problemStatus: Record<PforteErrorCode, number> = {
  'identifier.unavailable': 409,
  'identifier.invalid': 422,
  'password.too_short': 422,
  'password.rejected': 422,
  'password.common': 422,
  'password.breached': 422,
  'phone.invalid': 422,
  'pin.invalid': 422,
  'pin.trivial': 422,
  'code.invalid': 422,
  'code.expired': 410,
  'code.max_attempts': 422,
  rate_limited: 429,
  'flow.expired': 410,
  'flow.unknown': 404,
  'link.expired': 410,
  'link.used': 410,
  'link.invalid': 404,
  'profile.invalid': 422,
  'customer.mismatch': 422,
  'captcha.invalid': 422,
  'organization.not_found': 404,
  'organization.full': 409,
  'organization.invalid': 422,
  'terms.required': 409,
  'step.required': 409,
  'step.unavailable': 404,
  'product.unknown': 404,
  'input.invalid': 422,
  'session.required': 401,
  'reauth.required': 403,
  'permission.denied': 403,
  'member.unknown': 404,
  network: 503,
  timeout: 504,
  'response.invalid': 502,
  unknown: 500,
};
