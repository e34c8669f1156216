import { PforteError } from '../errors.js';
import type { CodeView } from './view.js';

/** 'rate_limited' until `until`: the retry in whole seconds, at least 1, with the deadline and the server's `now`. */
export function rateLimited(until: number, now: number): PforteError {
  return new PforteError('rate_limited', {
    retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
    resendAvailableAt: until,
    now,
  });
}

/** Refuses a send before the resend deadline of the flow. */
export function checkResend(resendAvailableAt: number | undefined, now: number): void {
  if (resendAvailableAt !== undefined && now < resendAvailableAt) throw rateLimited(resendAvailableAt, now);
}

/** A fresh code's state and deadlines; the code itself (or its hash) stays with the backend. */
export function issueCode(now: number, resendSeconds: number, ttlSeconds: number) {
  const expiresAt = now + Math.min(ttlSeconds, 600) * 1000;
  const code: CodeView = { expiresAt, attempts: 0, state: 'live' };
  return { code, expiresAt, resendAvailableAt: now + resendSeconds * 1000 };
}

/**
 * The verdict on an entered code, given whether it `matches` the live one:
 * the state to store (always, even when it fails: attempts count) and the
 * error to answer with, if any. Codes are single use, expire, and die after
 * `maxAttempts` wrong tries. No code sent: 'step.required'.
 */
export function verifyCode(
  code: CodeView | undefined,
  matches: boolean,
  now: number,
  maxAttempts: number,
): { code: CodeView; error?: PforteError } {
  if (!code) throw new PforteError('step.required');
  if (code.state === 'dead') return { code, error: new PforteError('code.max_attempts') };
  if (code.state === 'used' || now >= code.expiresAt) return { code, error: new PforteError('code.expired') };
  if (!matches) {
    const attempts = code.attempts + 1;
    if (attempts >= maxAttempts) return { code: { ...code, attempts, state: 'dead' }, error: new PforteError('code.max_attempts') };
    return {
      code: { ...code, attempts },
      error: new PforteError('code.invalid', { field: 'code', attemptsRemaining: maxAttempts - attempts }),
    };
  }
  return { code: { ...code, state: 'used' } };
}
