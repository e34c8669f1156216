/** Stable error codes. Elements map each code to a translated message. */
export type PforteErrorCode =
  | 'identifier.unavailable'
  | 'identifier.invalid'
  | 'password.too_short'
  | 'password.rejected'
  | 'password.common'
  | 'password.breached'
  | 'phone.invalid'
  | 'pin.invalid'
  | 'pin.trivial'
  | 'code.invalid'
  | 'code.expired'
  | 'code.max_attempts'
  | 'rate_limited'
  | 'flow.expired'
  | 'flow.unknown'
  | 'link.expired'
  | 'link.used'
  | 'link.invalid'
  | 'profile.invalid'
  | 'customer.mismatch'
  | 'captcha.invalid'
  | 'organization.not_found'
  | 'organization.full'
  | 'organization.invalid'
  | 'terms.required'
  | 'step.required'
  | 'step.unavailable'
  | 'product.unknown'
  | 'input.invalid'
  | 'session.required'
  | 'reauth.required'
  | 'permission.denied'
  | 'member.unknown'
  | 'network'
  | 'timeout'
  | 'response.invalid'
  | 'unknown';

/** Every code, e.g. for validating codes that arrive over the wire. */
export const pforteErrorCodes: readonly PforteErrorCode[] = [
  'identifier.unavailable',
  'identifier.invalid',
  'password.too_short',
  'password.rejected',
  'password.common',
  'password.breached',
  'phone.invalid',
  'pin.invalid',
  'pin.trivial',
  'code.invalid',
  'code.expired',
  'code.max_attempts',
  'rate_limited',
  'flow.expired',
  'flow.unknown',
  'link.expired',
  'link.used',
  'link.invalid',
  'profile.invalid',
  'customer.mismatch',
  'captcha.invalid',
  'organization.not_found',
  'organization.full',
  'organization.invalid',
  'terms.required',
  'step.required',
  'step.unavailable',
  'product.unknown',
  'input.invalid',
  'session.required',
  'reauth.required',
  'permission.denied',
  'member.unknown',
  'network',
  'timeout',
  'response.invalid',
  'unknown',
];

/** Optional details of a {@link PforteError}. */
export interface PforteErrorInit {
  /** Input field the error belongs to, e.g. 'username', 'password', 'phone', 'code', 'pin'. */
  field?: string;
  /** Seconds until the action may be retried (rate limits). */
  retryAfterSeconds?: number;
  /** Tries left before the code is dead (code.invalid). */
  attemptsRemaining?: number;
  /** Server ms epoch from which a new code may be requested. */
  resendAvailableAt?: number;
  /** Server clock (ms epoch) when the error was produced, to cancel clock skew. */
  now?: number;
  /** Client clock (ms epoch) when the error arrived; set by `guardAdapter` when `now` is present. */
  receivedAt?: number;
  /** A backend's own text; shown only as plain text, never as HTML. */
  serverMessage?: string;
  /** How many days a registration link was valid ('link.expired' of an invitation). */
  validityDays?: number;
  /** How many hours an e-mail link was valid ('link.expired' of an e-mail confirmation). */
  validityHours?: number;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The one error type of Pforte. `message` is the code, so no secret can ever
 * end up in a message or a log line through it.
 */
export class PforteError extends Error {
  readonly code: PforteErrorCode;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  readonly attemptsRemaining?: number;
  readonly resendAvailableAt?: number;
  readonly now?: number;
  readonly receivedAt?: number;
  readonly serverMessage?: string;
  readonly validityDays?: number;
  readonly validityHours?: number;

  constructor(code: PforteErrorCode, init: PforteErrorInit = {}) {
    super(code, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PforteError';
    this.code = code;
    // Assign only defined fields so that `'field' in error` and deepEqual stay meaningful.
    if (init.field !== undefined) this.field = init.field;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.attemptsRemaining !== undefined) this.attemptsRemaining = init.attemptsRemaining;
    if (init.resendAvailableAt !== undefined) this.resendAvailableAt = init.resendAvailableAt;
    if (init.now !== undefined) this.now = init.now;
    if (init.receivedAt !== undefined) this.receivedAt = init.receivedAt;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
    if (init.validityDays !== undefined) this.validityDays = init.validityDays;
    if (init.validityHours !== undefined) this.validityHours = init.validityHours;
  }
}

/** True for a {@link PforteError}, also one from another copy of this module (two bundles on one page). */
export function isPforteError(value: unknown): value is PforteError {
  if (value instanceof PforteError) return true;
  return (
    value instanceof Error &&
    value.name === 'PforteError' &&
    (pforteErrorCodes as readonly unknown[]).includes((value as { code?: unknown }).code)
  );
}

/**
 * Normalises anything thrown into a {@link PforteError}:
 * a PforteError passes through; `TypeError` (what `fetch` throws when the
 * network fails) and the string 'offline' become 'network'; `AbortError` and
 * `TimeoutError` become 'timeout'; everything else becomes 'unknown'.
 */
export function toPforteError(error: unknown): PforteError {
  if (isPforteError(error)) return error;
  if (error === 'offline' || error instanceof TypeError) return new PforteError('network', { cause: error });
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'AbortError' || name === 'TimeoutError') return new PforteError('timeout', { cause: error });
  return new PforteError('unknown', { cause: error });
}
