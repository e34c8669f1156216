import type { ContractMethod } from './adapter.js';
import { pforteErrorCodes, type PforteErrorCode } from './errors.js';

/**
 * Where each adapter method goes in the Pforte HTTP contract: what the HTTP
 * adapter needs to send a request, free of zod and of the documentation, so
 * that the browser's first step carries neither. `http-contract.ts` adds each
 * route's summary, error codes and request and answer schemas (the server,
 * the OpenAPI document, the adapter's validation of answers).
 */

/** Where one adapter method goes. */
export interface HttpRouteBase {
  method: ContractMethod;
  /** The HTTP method (default POST); a GET carries no body and no Idempotency-Key. */
  verb?: 'GET' | 'POST';
  /** Path below the base URL; `{flowId}` and `{signInId}` are replaced by the input's URL-encoded member of that name. */
  path: string;
  /** 204: the answer has no body. */
  status: 200 | 201 | 204;
}

/** Every route, in flow order. */
export const httpRouteBases: readonly HttpRouteBase[] = [
  { method: 'startRegistration', path: '/registrations', status: 201 },
  { method: 'submitCredentials', path: '/registrations/{flowId}/credentials', status: 200 },
  { method: 'issuePin', path: '/registrations/{flowId}/pin', status: 200 },
  { method: 'setPin', path: '/registrations/{flowId}/pin/chosen', status: 204 },
  { method: 'confirmPinSaved', path: '/registrations/{flowId}/pin/confirm', status: 204 },
  { method: 'sendSmsCode', path: '/registrations/{flowId}/sms', status: 200 },
  { method: 'verifySmsCode', path: '/registrations/{flowId}/sms/verify', status: 204 },
  { method: 'skipStep', path: '/registrations/{flowId}/skip', status: 204 },
  { method: 'setVisibility', path: '/registrations/{flowId}/visibility', status: 204 },
  { method: 'openInvitation', path: '/registrations/{flowId}/invitation', status: 200 },
  { method: 'lookupCustomer', path: '/registrations/{flowId}/customer-lookup', status: 200 },
  { method: 'verifyCaptcha', path: '/registrations/{flowId}/captcha', status: 204 },
  { method: 'submitProfile', path: '/registrations/{flowId}/profile', status: 204 },
  { method: 'acceptTerms', path: '/registrations/{flowId}/terms', status: 204 },
  { method: 'sendVerificationEmail', path: '/registrations/{flowId}/email/verification', status: 200 },
  { method: 'confirmEmail', path: '/email-confirmations', status: 200 },
  { method: 'registerOrganization', path: '/registrations/{flowId}/organization/register', status: 200 },
  { method: 'joinOrganization', path: '/registrations/{flowId}/organization/join', status: 200 },
  { method: 'chooseSecondFactor', path: '/registrations/{flowId}/second-factor', status: 204 },
  { method: 'sendEmailCode', path: '/registrations/{flowId}/email/code', status: 200 },
  { method: 'verifyEmailCode', path: '/registrations/{flowId}/email/code/verify', status: 204 },
  { method: 'complete', path: '/registrations/{flowId}/complete', status: 200 },
  { method: 'signIn', path: '/sign-in', status: 200 },
  { method: 'resendSignInCode', path: '/sign-in/{signInId}/code', status: 200 },
  { method: 'verifySignInCode', path: '/sign-in/{signInId}/code/verify', status: 200 },
  { method: 'changePassword', path: '/sign-in/{signInId}/password', status: 200 },
  { method: 'requestPasswordReset', path: '/password-resets', status: 200 },
  { method: 'resetPassword', path: '/password-resets/complete', status: 204 },
  { method: 'getSession', verb: 'GET', path: '/session', status: 200 },
  { method: 'signOut', path: '/session/logout', status: 204 },
  { method: 'openGuestInvitation', path: '/guest-access/invitation', status: 200 },
  { method: 'signInAsGuest', path: '/guest-access', status: 200 },
  { method: 'getOrganization', verb: 'GET', path: '/account/organization', status: 200 },
  { method: 'decideJoinRequest', path: '/account/organization/join-requests/decide', status: 200 },
  { method: 'removeMember', path: '/account/organization/members/remove', status: 200 },
  { method: 'getAccountSettings', verb: 'GET', path: '/account/settings', status: 200 },
  { method: 'reauthenticate', path: '/account/reauthenticate', status: 200 },
  { method: 'setContactVisibility', path: '/account/visibility', status: 200 },
  { method: 'sendSecondFactorSmsCode', path: '/account/second-factor/sms', status: 200 },
  { method: 'verifySecondFactorSmsCode', path: '/account/second-factor/sms/verify', status: 200 },
  { method: 'setSecondFactor', path: '/account/second-factor', status: 200 },
  { method: 'renewServicePin', path: '/account/service-pin', status: 200 },
  { method: 'changeAccountPassword', path: '/account/password', status: 200 },
  { method: 'inviteMember', path: '/account/organization/invitations', status: 200 },
];

/** Where an adapter method goes. */
export function routeBaseOf(method: ContractMethod): HttpRouteBase {
  const route = httpRouteBases.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no route for ${method}`);
  return route;
}

/** Whether `code` is one of Pforte's error codes. */
export function isPforteErrorCode(code: unknown): code is PforteErrorCode {
  return (pforteErrorCodes as readonly unknown[]).includes(code);
}
