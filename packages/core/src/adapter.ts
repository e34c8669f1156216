import * as z from 'zod/mini';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { stepIds, type StepId } from './config.js';
import { PforteError, toPforteError } from './errors.js';

/** Options every adapter call accepts. */
export interface CallOptions {
  /** Aborting rejects the call with PforteError 'timeout'. */
  signal?: AbortSignal;
}

/** A registration flow was opened. */
export interface StartResult {
  flowId: string;
  /** Server ms epoch when the flow (the registration link) expires. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered. */
  now: number;
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** An SMS code was sent. */
export interface SmsSentResult {
  /** Server ms epoch from which another code may be requested. */
  resendAvailableAt: number;
  /** Server ms epoch when this code stops working. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered; with `receivedAt` it cancels clock skew. */
  now: number;
  /** Number of digits of the code. */
  codeLength: number;
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** The account was created. */
export interface CompleteResult {
  accountId: string;
  username: string;
  /** Optional steps put off for later. */
  skipped: StepId[];
  /** Whether the person is visible in the contact search. */
  visible: boolean;
  secondFactor: 'sms' | 'none';
}

/**
 * The contract between the elements and a backend. Every method is async and
 * fails only with a {@link PforteError}; every one may fail with 'network',
 * 'timeout', 'rate_limited', 'flow.unknown', 'flow.expired' and 'link.used'
 * (the flow was already completed) besides the codes listed per method.
 * Secrets (password, PIN, code) travel only in inputs, and the PIN once in
 * the result of `issuePin`; never in an error.
 */
export interface PforteAdapter {
  /**
   * Opens a registration flow (e.g. from a registration link).
   * Errors: 'link.expired', 'link.used'.
   */
  startRegistration(input: { locale: string; product?: string }, options?: CallOptions): Promise<StartResult>;
  /**
   * Sets username and password; may be called again after going back.
   * Returns the username as the server stores it.
   * Errors: 'identifier.unavailable', 'identifier.invalid' (field 'username');
   * 'password.too_short', 'password.rejected' (field 'password').
   */
  submitCredentials(
    input: { flowId: string; username: string; password: string },
    options?: CallOptions,
  ): Promise<{ username: string }>;
  /**
   * Generates a service PIN of `length` digits and returns it this once; the
   * server never shows it again. Calling again issues a fresh PIN and
   * invalidates the previous one (and its confirmation), so a PIN is never
   * handed out twice. Errors: 'step.required' (credentials first), 'pin.invalid' (bad length).
   */
  issuePin(input: { flowId: string; length: number }, options?: CallOptions): Promise<{ pin: string }>;
  /**
   * Sets a PIN the person chose. Errors: 'pin.invalid' (not 4–12 digits),
   * 'pin.trivial' (e.g. 000000, 123456) — both field 'pin'; 'step.required'.
   */
  setPin(input: { flowId: string; pin: string }, options?: CallOptions): Promise<void>;
  /** Records that the person has stored the PIN safely. Errors: 'step.required' (no PIN yet). */
  confirmPinSaved(input: { flowId: string }, options?: CallOptions): Promise<void>;
  /**
   * Sends a code by SMS to `phone` (E.164), replacing any earlier code.
   * Errors: 'phone.invalid' (field 'phone'); 'rate_limited' with
   * `retryAfterSeconds`, `resendAvailableAt` and `now`; 'step.required'.
   */
  sendSmsCode(input: { flowId: string; phone: string }, options?: CallOptions): Promise<SmsSentResult>;
  /**
   * Checks the SMS code; a code works once.
   * Errors: 'code.invalid' (field 'code', `attemptsRemaining`), 'code.expired'
   * (also after it was used), 'code.max_attempts' (the code is dead; send a
   * new one), 'step.required' (no code sent).
   */
  verifySmsCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void>;
  /** Puts off an optional step ("activate later"). Errors: 'step.required' when the step is not optional. */
  skipStep(input: { flowId: string; step: StepId }, options?: CallOptions): Promise<void>;
  /** Opts in to or out of the contact search. Errors: 'step.required' (credentials first). */
  setVisibility(input: { flowId: string; visible: boolean }, options?: CallOptions): Promise<void>;
  /**
   * Creates the account and closes the flow.
   * Errors: 'step.required' when a required step is missing.
   */
  complete(input: { flowId: string }, options?: CallOptions): Promise<CompleteResult>;
}

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
/** Schema of {@link CompleteResult}. */
export const completeResultSchema = z.object({
  accountId: z.string().check(z.minLength(1)),
  username: z.string().check(z.minLength(1)),
  skipped: z.array(z.enum(stepIds)),
  visible: z.boolean(),
  secondFactor: z.enum(['sms', 'none']),
});

/** Options of {@link guardAdapter}. */
export interface GuardOptions {
  /** A call that takes longer rejects with PforteError 'timeout' (and its signal is aborted). */
  timeoutMs: number;
  /** Client clock used to stamp `receivedAt` on results and errors that carry a server `now`. */
  clock?: Clock;
}

/**
 * Wraps an adapter so the elements can trust it: every call gets a timeout
 * (combined with the caller's signal), anything thrown becomes a
 * {@link PforteError} via {@link toPforteError}, and every result is
 * validated; a malformed one becomes 'response.invalid' and is never passed
 * on. Results and errors that carry a server `now` get `receivedAt` from the
 * client clock, so countdowns can cancel clock skew.
 */
export function guardAdapter(adapter: PforteAdapter, { timeoutMs, clock = systemClock }: GuardOptions): PforteAdapter {
  async function run<T>(
    options: CallOptions | undefined,
    call: (options: CallOptions) => Promise<unknown>,
    parse: (value: unknown) => T,
  ): Promise<T> {
    const outer = options?.signal;
    if (outer?.aborted) throw new PforteError('timeout', { cause: outer.reason });
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      const stop = (error: PforteError) => {
        controller.abort(error);
        reject(error);
      };
      timer = setTimeout(() => stop(new PforteError('timeout')), timeoutMs);
      onAbort = () => stop(new PforteError('timeout', { cause: outer?.reason }));
      outer?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const value = await Promise.race([call({ signal: controller.signal }), stopped]);
      return parse(value);
    } catch (error) {
      throw stampError(toPforteError(error), clock);
    } finally {
      clearTimeout(timer);
      if (onAbort) outer?.removeEventListener('abort', onAbort);
    }
  }

  function validated<S extends z.ZodMiniType>(schema: S): (value: unknown) => z.output<S> {
    return (value) => {
      const result = z.safeParse(schema, value);
      // No cause: the issues could echo parts of a result that holds a PIN.
      if (!result.success) throw new PforteError('response.invalid');
      return result.data;
    };
  }
  const stamped =
    <S extends z.ZodMiniType<object>>(schema: S) =>
    (value: unknown): z.output<S> & { receivedAt: number } => ({ ...validated(schema)(value), receivedAt: clock.now() });
  // Void methods: whatever a backend returns is dropped, never passed on.
  const nothing = (): void => undefined;

  return {
    startRegistration: (input, options) =>
      run(options, (o) => adapter.startRegistration(input, o), stamped(startResultSchema)),
    submitCredentials: (input, options) =>
      run(options, (o) => adapter.submitCredentials(input, o), validated(credentialsResultSchema)),
    issuePin: (input, options) => run(options, (o) => adapter.issuePin(input, o), validated(issuePinResultSchema)),
    setPin: (input, options) => run(options, (o) => adapter.setPin(input, o), nothing),
    confirmPinSaved: (input, options) => run(options, (o) => adapter.confirmPinSaved(input, o), nothing),
    sendSmsCode: (input, options) => run(options, (o) => adapter.sendSmsCode(input, o), stamped(smsSentResultSchema)),
    verifySmsCode: (input, options) => run(options, (o) => adapter.verifySmsCode(input, o), nothing),
    skipStep: (input, options) => run(options, (o) => adapter.skipStep(input, o), nothing),
    setVisibility: (input, options) => run(options, (o) => adapter.setVisibility(input, o), nothing),
    complete: (input, options) => run(options, (o) => adapter.complete(input, o), validated(completeResultSchema)),
  };
}

function stampError(error: PforteError, clock: Clock): PforteError {
  if (error.now === undefined || error.receivedAt !== undefined) return error;
  return new PforteError(error.code, {
    ...pforteErrorDetails(error),
    receivedAt: clock.now(),
    cause: error.cause,
  });
}

function pforteErrorDetails(error: PforteError) {
  const { field, retryAfterSeconds, attemptsRemaining, resendAvailableAt, now, serverMessage } = error;
  return { field, retryAfterSeconds, attemptsRemaining, resendAvailableAt, now, serverMessage };
}
