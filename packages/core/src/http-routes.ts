import type { PforteAdapter } from './adapter.js';
import { pforteErrorCodes, type PforteErrorCode } from './errors.js';

/**
 * The routes of the Pforte HTTP contract without their schemas: what the
 * HTTP adapter needs to send a request, free of zod so that the browser's
 * first step does not load it. `http-contract.ts` adds each route's request
 * and answer schemas (the server, the OpenAPI document, the adapter's
 * validation of answers).
 */

/** One route of the contract, without its schemas. */
export interface HttpRouteBase {
  method: keyof PforteAdapter;
  /** Path below the base URL; `{flowId}` is replaced by the URL-encoded flow id. */
  path: string;
  summary: string;
  /** 204: the answer has no body. */
  status: 200 | 201 | 204;
  /** Error codes besides the ones every route may answer. */
  errors: PforteErrorCode[];
  /** Whether the server stores the answer under the Idempotency-Key (false only where it holds a secret). */
  storesAnswer: boolean;
}

/** Error codes every route may answer. */
export const commonErrorCodes: PforteErrorCode[] = ['rate_limited', 'flow.unknown', 'flow.expired', 'link.used'];

/** Every route, in flow order. */
export const httpRouteBases: readonly HttpRouteBase[] = [
  {
    method: 'startRegistration',
    path: '/registrations',
    summary: 'Open a registration flow',
    status: 201,
    errors: ['link.expired'],
    storesAnswer: true,
  },
  {
    method: 'submitCredentials',
    path: '/registrations/{flowId}/credentials',
    summary: 'Set username and password (again after going back)',
    status: 200,
    errors: ['identifier.unavailable', 'identifier.invalid', 'password.too_short', 'password.rejected'],
    storesAnswer: true,
  },
  {
    method: 'issuePin',
    path: '/registrations/{flowId}/pin',
    summary: 'Generate a service PIN and return it this once',
    status: 200,
    errors: ['step.required', 'pin.invalid'],
    storesAnswer: false,
  },
  {
    method: 'setPin',
    path: '/registrations/{flowId}/pin/chosen',
    summary: 'Set a service PIN the person chose',
    status: 204,
    errors: ['step.required', 'pin.invalid', 'pin.trivial'],
    storesAnswer: true,
  },
  {
    method: 'confirmPinSaved',
    path: '/registrations/{flowId}/pin/confirm',
    summary: 'Record that the PIN is stored safely',
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'sendSmsCode',
    path: '/registrations/{flowId}/sms',
    summary: 'Send a code by SMS (replaces an earlier code)',
    status: 200,
    errors: ['step.required', 'phone.invalid'],
    storesAnswer: true,
  },
  {
    method: 'verifySmsCode',
    path: '/registrations/{flowId}/sms/verify',
    summary: 'Check the SMS code (single use)',
    status: 204,
    errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'],
    storesAnswer: true,
  },
  {
    method: 'skipStep',
    path: '/registrations/{flowId}/skip',
    summary: 'Put off an optional step',
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'setVisibility',
    path: '/registrations/{flowId}/visibility',
    summary: 'Opt in to or out of the contact search',
    status: 204,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'openInvitation',
    path: '/registrations/{flowId}/invitation',
    summary: 'Open a registration link (invitation) and read its details',
    status: 200,
    errors: ['link.invalid', 'link.expired'],
    storesAnswer: true,
  },
  {
    method: 'lookupCustomer',
    path: '/registrations/{flowId}/customer-lookup',
    summary: 'Find the customer by customer number and the e-mail address on file',
    status: 200,
    errors: ['customer.mismatch', 'captcha.invalid'],
    storesAnswer: true,
  },
  {
    method: 'verifyCaptcha',
    path: '/registrations/{flowId}/captcha',
    summary: 'Check a captcha token (single use)',
    status: 204,
    errors: ['captcha.invalid'],
    storesAnswer: true,
  },
  {
    method: 'submitProfile',
    path: '/registrations/{flowId}/profile',
    summary: 'Store the personal data (again after going back)',
    status: 204,
    errors: ['profile.invalid'],
    storesAnswer: true,
  },
  {
    method: 'acceptTerms',
    path: '/registrations/{flowId}/terms',
    summary: 'Record that the terms and the privacy notice were accepted',
    status: 204,
    errors: ['terms.required'],
    storesAnswer: true,
  },
  {
    method: 'sendVerificationEmail',
    path: '/registrations/{flowId}/email/verification',
    summary: 'Send an e-mail with a confirmation link (fragment token)',
    status: 200,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'confirmEmail',
    path: '/email-confirmations',
    summary: 'Confirm the e-mail address with the token from the link; returns the flow to resume',
    status: 200,
    errors: ['link.invalid', 'link.expired'],
    storesAnswer: true,
  },
  {
    method: 'registerOrganization',
    path: '/registrations/{flowId}/organization/register',
    summary: 'Register a new organization with the person as its first member',
    status: 200,
    errors: ['step.required', 'organization.invalid'],
    storesAnswer: true,
  },
  {
    method: 'joinOrganization',
    path: '/registrations/{flowId}/organization/join',
    summary: 'Ask to join an existing organization (pending until a member approves)',
    status: 200,
    errors: ['step.required', 'organization.not_found', 'organization.full', 'organization.invalid'],
    storesAnswer: true,
  },
  {
    method: 'chooseSecondFactor',
    path: '/registrations/{flowId}/second-factor',
    summary: 'Choose the second factor (none, e-mail code, SMS code)',
    status: 204,
    errors: [],
    storesAnswer: true,
  },
  {
    method: 'sendEmailCode',
    path: '/registrations/{flowId}/email/code',
    summary: "Send a one-time code to the flow's e-mail address (replaces an earlier code)",
    status: 200,
    errors: ['step.required'],
    storesAnswer: true,
  },
  {
    method: 'verifyEmailCode',
    path: '/registrations/{flowId}/email/code/verify',
    summary: 'Check the e-mail code (single use)',
    status: 204,
    errors: ['step.required', 'code.invalid', 'code.expired', 'code.max_attempts'],
    storesAnswer: true,
  },
  {
    method: 'complete',
    path: '/registrations/{flowId}/complete',
    summary: 'Create the account and close the flow',
    status: 200,
    errors: ['step.required', 'terms.required', 'organization.full', 'organization.not_found'],
    storesAnswer: true,
  },
];

/** The route of an adapter method, without its schemas. */
export function routeBaseOf(method: keyof PforteAdapter): HttpRouteBase {
  const route = httpRouteBases.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no route for ${method}`);
  return route;
}

/** HTTP status a server answers for each error code. */
export const problemStatus: Record<PforteErrorCode, number> = {
  'identifier.unavailable': 409,
  'identifier.invalid': 422,
  'password.too_short': 422,
  'password.rejected': 422,
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
