import * as z from 'zod/mini';
import {
  codeSentResultSchema,
  completeResultSchema,
  credentialsResultSchema,
  customerLookupResultSchema,
  emailConfirmedResultSchema,
  emailSentResultSchema,
  invitationDetailsSchema,
  issuePinResultSchema,
  joinOrganizationResultSchema,
  organizationResultSchema,
  smsSentResultSchema,
  startResultSchema,
  type PforteAdapter,
} from './adapter.js';
import { stepIds } from './config.js';
import { pforteErrorCodes, type PforteErrorCode } from './errors.js';
import {
  resetRequestedResultSchema,
  sessionResultSchema,
  signInResultSchema,
  type PforteSignInAdapter,
} from './sign-in-adapter.js';

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
export interface HttpRoute {
  method: keyof PforteAdapter | keyof PforteSignInAdapter;
  /** The HTTP method (default POST); a GET carries no body and no Idempotency-Key. */
  verb?: 'GET' | 'POST';
  /** Path below the base URL; `{flowId}` and `{signInId}` are replaced by the input's URL-encoded member of that name. */
  path: string;
  summary: string;
  request: z.ZodMiniType;
  /** Schema of the 200/201 body; `undefined`: the answer is 204 without a body. */
  response: z.ZodMiniType | undefined;
  status: 200 | 201 | 204;
  /** Error codes besides the ones every route may answer. */
  errors: PforteErrorCode[];
  /** Whether the server stores the answer under the Idempotency-Key (false only where it holds a secret). */
  storesAnswer: boolean;
}

/** Error codes every route may answer. */
export const commonErrorCodes: PforteErrorCode[] = ['rate_limited', 'flow.unknown', 'flow.expired', 'link.used'];

/** Every route, in flow order. */
export const httpRoutes: readonly HttpRoute[] = [
  {
    method: 'startRegistration',
    path: '/registrations',
    summary: 'Open a registration flow',
    request: startRequestSchema,
    response: startResultSchema,
    status: 201,
    errors: ['link.expired'],
    storesAnswer: true,
  },
  {
    method: 'submitCredentials',
    path: '/registrations/{flowId}/credentials',
    summary: 'Set username and password (again after going back)',
    request: credentialsRequestSchema,
    response: credentialsResultSchema,
    status: 200,
    errors: ['identifier.unavailable', 'identifier.invalid', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'],
    storesAnswer: true,
  },
  {
    method: 'issuePin',
    path: '/registrations/{flowId}/pin',
    summary: 'Generate a service PIN and return it this once',
    request: issuePinRequestSchema,
    response: issuePinResultSchema,
    status: 200,
    errors: ['step.required', 'pin.invalid'],
    storesAnswer: false,
  },
  {
    method: 'setPin',
    path: '/registrations/{flowId}/pin/chosen',
    summary: 'Set a service PIN the person chose',
    request: setPinRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required', 'pin.invalid', 'pin.trivial'],
    storesAnswer: true,
  },
  {
    method: 'confirmPinSaved',
    path: '/registrations/{flowId}/pin/confirm',
    summary: 'Record that the PIN is stored safely',
    request: emptyRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'sendSmsCode',
    path: '/registrations/{flowId}/sms',
    summary: 'Send a code by SMS (replaces an earlier code)',
    request: sendSmsRequestSchema,
    response: smsSentResultSchema,
    status: 200,
    errors: ['step.required', 'phone.invalid'],
    storesAnswer: true,
  },
  {
    method: 'verifySmsCode',
    path: '/registrations/{flowId}/sms/verify',
    summary: 'Check the SMS code (single use)',
    request: verifySmsRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'],
    storesAnswer: true,
  },
  {
    method: 'skipStep',
    path: '/registrations/{flowId}/skip',
    summary: 'Put off an optional step',
    request: skipRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'setVisibility',
    path: '/registrations/{flowId}/visibility',
    summary: 'Opt in to or out of the contact search',
    request: visibilityRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'openInvitation',
    path: '/registrations/{flowId}/invitation',
    summary: 'Open a registration link (invitation) and read its details',
    request: invitationRequestSchema,
    response: invitationDetailsSchema,
    status: 200,
    errors: ['link.invalid', 'link.expired'],
    storesAnswer: true,
  },
  {
    method: 'lookupCustomer',
    path: '/registrations/{flowId}/customer-lookup',
    summary: 'Find the customer by customer number and the e-mail address on file',
    request: customerLookupRequestSchema,
    response: customerLookupResultSchema,
    status: 200,
    errors: ['customer.mismatch', 'captcha.invalid'],
    storesAnswer: true,
  },
  {
    method: 'verifyCaptcha',
    path: '/registrations/{flowId}/captcha',
    summary: 'Check a captcha token (single use)',
    request: captchaRequestSchema,
    response: undefined,
    status: 204,
    errors: ['captcha.invalid'],
    storesAnswer: true,
  },
  {
    method: 'submitProfile',
    path: '/registrations/{flowId}/profile',
    summary: 'Store the personal data (again after going back)',
    request: profileRequestSchema,
    response: undefined,
    status: 204,
    errors: ['profile.invalid'],
    storesAnswer: true,
  },
  {
    method: 'acceptTerms',
    path: '/registrations/{flowId}/terms',
    summary: 'Record that the terms and the privacy notice were accepted',
    request: termsRequestSchema,
    response: undefined,
    status: 204,
    errors: ['terms.required'],
    storesAnswer: true,
  },
  {
    method: 'sendVerificationEmail',
    path: '/registrations/{flowId}/email/verification',
    summary: 'Send an e-mail with a confirmation link (fragment token)',
    request: verificationEmailRequestSchema,
    response: emailSentResultSchema,
    status: 200,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'confirmEmail',
    path: '/email-confirmations',
    summary: 'Confirm the e-mail address with the token from the link; returns the flow to resume',
    request: confirmEmailRequestSchema,
    response: emailConfirmedResultSchema,
    status: 200,
    errors: ['link.invalid', 'link.expired'],
    storesAnswer: true,
  },
  {
    method: 'registerOrganization',
    path: '/registrations/{flowId}/organization/register',
    summary: 'Register a new organization with the person as its first member',
    request: registerOrganizationRequestSchema,
    response: organizationResultSchema,
    status: 200,
    errors: ['step.required', 'organization.invalid'],
    storesAnswer: true,
  },
  {
    method: 'joinOrganization',
    path: '/registrations/{flowId}/organization/join',
    summary: 'Ask to join an existing organization (pending until a member approves)',
    request: joinOrganizationRequestSchema,
    response: joinOrganizationResultSchema,
    status: 200,
    errors: ['step.required', 'organization.not_found', 'organization.full', 'organization.invalid'],
    storesAnswer: true,
  },
  {
    method: 'chooseSecondFactor',
    path: '/registrations/{flowId}/second-factor',
    summary: 'Choose the second factor (none, e-mail code, SMS code)',
    request: secondFactorRequestSchema,
    response: undefined,
    status: 204,
    errors: [],
    storesAnswer: true,
  },
  {
    method: 'sendEmailCode',
    path: '/registrations/{flowId}/email/code',
    summary: "Send a one-time code to the flow's e-mail address (replaces an earlier code)",
    request: emptyRequestSchema,
    response: codeSentResultSchema,
    status: 200,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'verifyEmailCode',
    path: '/registrations/{flowId}/email/code/verify',
    summary: 'Check the e-mail code (single use)',
    request: verifyEmailCodeRequestSchema,
    response: undefined,
    status: 204,
    errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'],
    storesAnswer: true,
  },
  {
    method: 'complete',
    path: '/registrations/{flowId}/complete',
    summary: 'Create the account and close the flow',
    request: emptyRequestSchema,
    response: completeResultSchema,
    status: 200,
    errors: ['step.required', 'terms.required', 'organization.full', 'organization.not_found'],
    storesAnswer: true,
  },
  {
    method: 'signIn',
    path: '/sign-in',
    summary: 'Sign in with identifier and password: a wrong password, a lock, the second factor, a forced change or the session',
    request: signInRequestSchema,
    response: signInResultSchema,
    status: 200,
    errors: ['identifier.invalid', 'product.unknown', 'step.unavailable'],
    storesAnswer: false,
  },
  {
    method: 'resendSignInCode',
    path: '/sign-in/{signInId}/code',
    summary: 'Send a fresh second-factor code',
    request: emptyRequestSchema,
    response: codeSentResultSchema,
    status: 200,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'verifySignInCode',
    path: '/sign-in/{signInId}/code/verify',
    summary: 'Check the second-factor code (single use)',
    request: verifySmsRequestSchema,
    response: signInResultSchema,
    status: 200,
    errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'],
    storesAnswer: false,
  },
  {
    method: 'changePassword',
    path: '/sign-in/{signInId}/password',
    summary: 'Replace a password the account must change (not the old one), then sign in',
    request: changePasswordRequestSchema,
    response: signInResultSchema,
    status: 200,
    errors: ['step.required', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'],
    storesAnswer: false,
  },
  {
    method: 'requestPasswordReset',
    path: '/password-resets',
    summary: 'Send a reset link if the account exists; the same answer either way',
    request: passwordResetRequestSchema,
    response: resetRequestedResultSchema,
    status: 200,
    errors: ['identifier.invalid', 'link.invalid', 'product.unknown', 'step.unavailable'],
    storesAnswer: true,
  },
  {
    method: 'resetPassword',
    path: '/password-resets/complete',
    summary: 'Set a new password with the token of a reset link; ends every session and lifts a lock',
    request: resetPasswordRequestSchema,
    response: undefined,
    status: 204,
    errors: ['link.invalid', 'link.expired', 'password.too_short', 'password.rejected', 'password.common', 'password.breached'],
    storesAnswer: true,
  },
  {
    method: 'getSession',
    verb: 'GET',
    path: '/session',
    summary: 'The current session (renewed), or null',
    request: emptyRequestSchema,
    response: sessionResultSchema,
    status: 200,
    errors: [],
    storesAnswer: false,
  },
  {
    method: 'signOut',
    path: '/session/logout',
    summary: 'End the current session',
    request: emptyRequestSchema,
    response: undefined,
    status: 204,
    errors: [],
    storesAnswer: false,
  },
];

/** The route of an adapter method. */
export function routeOf(method: keyof PforteAdapter | keyof PforteSignInAdapter): HttpRoute {
  const route = httpRoutes.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no route for ${method}`);
  return route;
}

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
  network: 503,
  timeout: 504,
  'response.invalid': 502,
  unknown: 500,
};

/** Whether `code` is one of Pforte's error codes. */
export function isPforteErrorCode(code: unknown): code is PforteErrorCode {
  return (pforteErrorCodes as readonly unknown[]).includes(code);
}
