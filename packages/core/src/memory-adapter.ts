import type { CallOptions, CompleteResult, PforteAdapter, SmsSentResult, StartResult } from './adapter.js';
import { systemClock, type Clock } from './clock.js';
import { stepIds, type StepId } from './config.js';
import { PforteError } from './errors.js';
import { cryptoRandom, generatePin, isTrivialPin } from './pin.js';
import { evaluatePassword, policyPresets, type PasswordPolicy } from './policy.js';

/** A message the memory adapter "sent"; inspect it in tests and demos. */
export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  text: string;
  /** The code in the message, for test helpers. */
  code?: string;
  sentAt: number;
  flowId: string;
}

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Source of time for every deadline (default: the system clock). */
  clock?: Clock;
  /** Simulated latency per call via setTimeout (default 0: no timer, answers on the next microtask). */
  latencyMs?: number;
  /** Usernames already registered (compared case-insensitively). */
  takenUsernames?: string[];
  /** Policy the "server" enforces (default: the nist preset). */
  passwordPolicy?: PasswordPolicy;
  /** Digits per SMS code (default 8). */
  smsCodeLength?: number;
  /** Seconds between two SMS sends per flow (default 60). */
  resendSeconds?: number;
  /** Seconds an SMS code stays valid (default 600). */
  codeTtlSeconds?: number;
  /** Wrong tries per code before it dies (default 5). */
  maxCodeAttempts?: number;
  /** Seconds a flow (registration link) stays valid (default 14 days). */
  flowTtlSeconds?: number;
  /** Steps `complete` insists on (default ['credentials']). */
  requiredSteps?: StepId[];
  /** Steps `skipStep` accepts (default ['sms', 'visibility']). */
  optionalSteps?: StepId[];
  /** Integers in [0, max) for codes, PINs and ids (default: crypto.getRandomValues). */
  random?: (max: number) => number;
}

/** A registered account, without any secret. */
export interface MemoryAccount {
  accountId: string;
  username: string;
  visible: boolean;
  secondFactor: 'sms' | 'none';
  phone?: string;
}

/** A complete in-browser backend with real server semantics, for docs, tests and demos. */
export interface MemoryAdapter extends PforteAdapter {
  /** Every SMS/e-mail "sent", oldest first. */
  readonly outbox: readonly OutboxMessage[];
  /** The code of the latest SMS (to `phone`, if given). */
  lastCode(phone?: string): string | undefined;
  /**
   * Makes the next call of `method` fail once: with the given error, with
   * 'network' ('offline'), or by never answering until aborted ('hang').
   */
  failNext(method: keyof PforteAdapter, error: PforteError | 'offline' | 'hang'): void;
  /** While offline, every call rejects with 'network'. */
  setOffline(offline: boolean): void;
  /** Accounts created by `complete`; no password, no PIN, no code. */
  readonly accounts: ReadonlyArray<MemoryAccount>;
}

/** Server-side state of one SMS code. The code is kept only as long as it can be used. */
interface SmsCodeState {
  code: string | undefined;
  expiresAt: number;
  attempts: number;
  /** Set when the code died of too many wrong tries. */
  dead: boolean;
}

interface FlowRecord {
  id: string;
  expiresAt: number;
  completed: boolean;
  /** Stored username once credentials were accepted; no password is kept. */
  username?: string;
  pin: 'none' | 'issued' | 'set';
  pinConfirmed: boolean;
  phone?: string;
  smsCode?: SmsCodeState;
  resendAvailableAt?: number;
  smsVerified: boolean;
  visibilitySet: boolean;
  visible: boolean;
  skipped: Set<StepId>;
}

const e164Pattern = /^\+[1-9]\d{6,14}$/;

/**
 * Creates a {@link MemoryAdapter}. Semantics a real server must share:
 * case-insensitively unique usernames, the password policy enforced server
 * side, random single-use SMS codes bound to the flow with expiry, limited
 * attempts and a per-flow resend throttle, flows that expire, and a flow
 * that is closed once completed ('link.used').
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const clock = options.clock ?? systemClock;
  const latencyMs = options.latencyMs ?? 0;
  const policy = options.passwordPolicy ?? policyPresets.nist;
  const smsCodeLength = options.smsCodeLength ?? 8;
  const resendMs = (options.resendSeconds ?? 60) * 1000;
  const codeTtlMs = (options.codeTtlSeconds ?? 600) * 1000;
  const maxCodeAttempts = options.maxCodeAttempts ?? 5;
  const flowTtlMs = (options.flowTtlSeconds ?? 14 * 24 * 60 * 60) * 1000;
  const requiredSteps = new Set<StepId>(options.requiredSteps ?? ['credentials']);
  const optionalSteps = new Set<StepId>(options.optionalSteps ?? ['sms', 'visibility']);
  const random = options.random ?? cryptoRandom;
  const taken = new Set((options.takenUsernames ?? []).map((name) => name.trim().toLowerCase()));

  const flows = new Map<string, FlowRecord>();
  const outbox: OutboxMessage[] = [];
  const accounts: MemoryAccount[] = [];
  const failures = new Map<keyof PforteAdapter, PforteError | 'offline' | 'hang'>();
  let offline = false;

  const randomDigits = (length: number) => Array.from({ length }, () => String(random(10))).join('');
  const randomId = (prefix: string) =>
    `${prefix}_${Array.from({ length: 16 }, () => random(16).toString(16)).join('')}`;

  /** Simulated transport: scripted failures, offline mode, latency and abort. */
  async function call<T>(method: keyof PforteAdapter, callOptions: CallOptions | undefined, handle: () => T): Promise<T> {
    const signal = callOptions?.signal;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure === 'hang') return hang(signal);
    await delay(latencyMs, signal);
    if (offline || failure === 'offline') throw new PforteError('network');
    if (failure) throw failure;
    return handle();
  }

  function flow(flowId: string): FlowRecord {
    const record = flows.get(flowId);
    if (!record) throw new PforteError('flow.unknown');
    if (record.completed) throw new PforteError('link.used');
    if (clock.now() >= record.expiresAt) throw new PforteError('flow.expired');
    return record;
  }

  function withAccount(flowId: string): FlowRecord & { username: string } {
    const record = flow(flowId);
    if (record.username === undefined) throw new PforteError('step.required');
    return record as FlowRecord & { username: string };
  }

  function isUsernameTaken(username: string, flowId: string): boolean {
    const key = username.toLowerCase();
    if (taken.has(key) || accounts.some((account) => account.username.toLowerCase() === key)) return true;
    // Open flows reserve their username until they complete or expire.
    const now = clock.now();
    for (const other of flows.values()) {
      if (other.id !== flowId && !other.completed && now < other.expiresAt && other.username?.toLowerCase() === key) {
        return true;
      }
    }
    return false;
  }

  function isStepDone(record: FlowRecord, step: StepId): boolean {
    switch (step) {
      case 'credentials':
        return record.username !== undefined;
      case 'pin':
        return record.pin === 'set' || (record.pin === 'issued' && record.pinConfirmed);
      case 'sms':
        return record.smsVerified;
      case 'visibility':
        return record.visibilitySet;
      case 'done':
        return true;
    }
  }

  const adapter: MemoryAdapter = {
    get outbox() {
      return outbox.slice();
    },
    get accounts() {
      return accounts.map((account) => ({ ...account }));
    },
    lastCode(phone) {
      for (let i = outbox.length - 1; i >= 0; i--) {
        const message = outbox[i]!;
        if (message.channel === 'sms' && (phone === undefined || message.to === phone)) return message.code;
      }
      return undefined;
    },
    failNext(method, error) {
      failures.set(method, error);
    },
    setOffline(value) {
      offline = value;
    },

    startRegistration(_input, callOptions) {
      return call('startRegistration', callOptions, (): StartResult => {
        const now = clock.now();
        const id = randomId('flow');
        flows.set(id, {
          id,
          expiresAt: now + flowTtlMs,
          completed: false,
          pin: 'none',
          pinConfirmed: false,
          smsVerified: false,
          visibilitySet: false,
          visible: false,
          skipped: new Set(),
        });
        return { flowId: id, expiresAt: now + flowTtlMs, now };
      });
    },

    submitCredentials({ flowId, username, password }, callOptions) {
      return call('submitCredentials', callOptions, () => {
        const record = flow(flowId);
        const name = username.trim();
        const nameLength = [...name].length;
        if (nameLength < 3 || nameLength > 254 || /\s/.test(name)) {
          throw new PforteError('identifier.invalid', { field: 'username' });
        }
        if (isUsernameTaken(name, flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
        const evaluation = evaluatePassword(policy, password, { identifier: name });
        if (!evaluation.ok) {
          const tooShort = evaluation.results.some((result) => result.rule.kind === 'minLength' && !result.met);
          throw new PforteError(tooShort ? 'password.too_short' : 'password.rejected', { field: 'password' });
        }
        // The password itself is not stored: a demo backend has no reason to keep it.
        record.username = name;
        return { username: name };
      });
    },

    issuePin({ flowId, length }, callOptions) {
      return call('issuePin', callOptions, () => {
        const record = withAccount(flowId);
        if (!Number.isInteger(length) || length < 4 || length > 12) throw new PforteError('pin.invalid');
        // A fresh PIN replaces the old one, which is never shown again; the new one must be confirmed anew.
        record.pin = 'issued';
        record.pinConfirmed = false;
        return { pin: generatePin(length, random) };
      });
    },

    setPin({ flowId, pin }, callOptions) {
      return call('setPin', callOptions, () => {
        const record = withAccount(flowId);
        if (!/^\d{4,12}$/.test(pin)) throw new PforteError('pin.invalid', { field: 'pin' });
        if (isTrivialPin(pin)) throw new PforteError('pin.trivial', { field: 'pin' });
        record.pin = 'set';
        record.pinConfirmed = true;
      });
    },

    confirmPinSaved({ flowId }, callOptions) {
      return call('confirmPinSaved', callOptions, () => {
        const record = withAccount(flowId);
        if (record.pin === 'none') throw new PforteError('step.required');
        record.pinConfirmed = true;
      });
    },

    sendSmsCode({ flowId, phone }, callOptions) {
      return call('sendSmsCode', callOptions, (): SmsSentResult => {
        const record = withAccount(flowId);
        if (!e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
        const now = clock.now();
        if (record.resendAvailableAt !== undefined && now < record.resendAvailableAt) {
          throw new PforteError('rate_limited', {
            retryAfterSeconds: Math.ceil((record.resendAvailableAt - now) / 1000),
            resendAvailableAt: record.resendAvailableAt,
            now,
          });
        }
        const code = randomDigits(smsCodeLength);
        const expiresAt = now + codeTtlMs;
        record.phone = phone;
        record.smsVerified = false;
        record.smsCode = { code, expiresAt, attempts: 0, dead: false };
        record.resendAvailableAt = now + resendMs;
        outbox.push({
          channel: 'sms',
          to: phone,
          text: `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
          code,
          sentAt: now,
          flowId,
        });
        return { resendAvailableAt: record.resendAvailableAt, expiresAt, now, codeLength: smsCodeLength };
      });
    },

    verifySmsCode({ flowId, code }, callOptions) {
      return call('verifySmsCode', callOptions, () => {
        const record = withAccount(flowId);
        const state = record.smsCode;
        if (!state) throw new PforteError('step.required');
        if (state.dead) throw new PforteError('code.max_attempts');
        if (state.code === undefined || clock.now() >= state.expiresAt) {
          state.code = undefined;
          throw new PforteError('code.expired');
        }
        if (!sameCode(state.code, code)) {
          state.attempts++;
          if (state.attempts >= maxCodeAttempts) {
            state.dead = true;
            state.code = undefined;
            throw new PforteError('code.max_attempts');
          }
          throw new PforteError('code.invalid', { field: 'code', attemptsRemaining: maxCodeAttempts - state.attempts });
        }
        // Single use: the code is gone once it worked.
        state.code = undefined;
        record.smsVerified = true;
        record.skipped.delete('sms');
      });
    },

    skipStep({ flowId, step }, callOptions) {
      return call('skipStep', callOptions, () => {
        const record = withAccount(flowId);
        if (!optionalSteps.has(step)) throw new PforteError('step.required');
        record.skipped.add(step);
        if (step === 'sms') record.smsVerified = false;
      });
    },

    setVisibility({ flowId, visible }, callOptions) {
      return call('setVisibility', callOptions, () => {
        const record = withAccount(flowId);
        record.visible = visible;
        record.visibilitySet = true;
        record.skipped.delete('visibility');
      });
    },

    complete({ flowId }, callOptions) {
      return call('complete', callOptions, (): CompleteResult => {
        const record = withAccount(flowId);
        // An issued PIN must be confirmed as stored, whether or not the step is demanded.
        const pinPending = record.pin === 'issued' && !record.pinConfirmed;
        const missing = [...requiredSteps].some((step) => !isStepDone(record, step));
        if (pinPending || missing) throw new PforteError('step.required');
        const account: MemoryAccount = {
          accountId: randomId('acc'),
          username: record.username,
          visible: record.visible,
          secondFactor: record.smsVerified ? 'sms' : 'none',
        };
        if (record.smsVerified && record.phone !== undefined) account.phone = record.phone;
        accounts.push(account);
        record.completed = true;
        return {
          accountId: account.accountId,
          username: account.username,
          skipped: stepIds.filter((step) => record.skipped.has(step)),
          visible: account.visible,
          secondFactor: account.secondFactor,
        };
      });
    },
  };
  return adapter;
}

/** Compares codes without an early exit, as a real server should. */
function sameCode(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return difference === 0;
}

function abortError(signal: AbortSignal): PforteError {
  return new PforteError('timeout', { cause: signal.reason });
}

/** Waits `ms` (no timer at all for 0), rejecting with 'timeout' when the signal aborts. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles, except with 'timeout' when the signal aborts. */
function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(abortError(signal));
    else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}
