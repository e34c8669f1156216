import {
  PforteError,
  createManualClock,
  guardAdapter,
  httpRoutes,
  type PforteAdapter,
} from '../src/index.js';
import {
  createMemoryAdapter,
} from '../src/memory.js';
import { deepEqual, describe, equal, it, ok, rejects } from './assert.js';

const signInMethods = new Set<string>(['signIn', 'resendSignInCode', 'verifySignInCode', 'changePassword', 'requestPasswordReset', 'resetPassword', 'getSession', 'signOut']);

/** A backend whose every method answers with `answer(method)`. */
function fakeAdapter(answer: (method: keyof PforteAdapter) => Promise<unknown>): PforteAdapter {
  const methods = httpRoutes.map((route) => route.method).filter((method): method is keyof PforteAdapter => !signInMethods.has(method));

  return Object.fromEntries(methods.map((method) => [method, () => answer(method)])) as unknown as PforteAdapter;
}

const codeOf = (error: unknown) => (error instanceof PforteError ? error.code : String(error));

describe('guardAdapter', () => {
  it('times out a call that hangs, and aborts its signal', async () => {
    const memory = createMemoryAdapter();
    const guarded = guardAdapter(memory, { timeoutMs: 50 });
    memory.failNext('startRegistration', 'hang');
    const started = performance.now();
    const error = await rejects(guarded.startRegistration({ locale: 'de' }));
    equal(codeOf(error), 'timeout');
    ok(performance.now() - started >= 45, 'waited for the timeout');
    // The hang was one-shot: the next call goes through.
    const result = await guarded.startRegistration({ locale: 'de' });
    ok(result.flowId.length > 0);
  });

  it("rejects with 'timeout' when the caller aborts", async () => {
    const memory = createMemoryAdapter();
    const guarded = guardAdapter(memory, { timeoutMs: 10_000 });
    memory.failNext('startRegistration', 'hang');
    const controller = new AbortController();
    const pending = guarded.startRegistration({ locale: 'de' }, { signal: controller.signal });
    controller.abort();
    equal(codeOf(await rejects(pending)), 'timeout');
    equal(codeOf(await rejects(guarded.startRegistration({ locale: 'de' }, { signal: controller.signal }))), 'timeout');
  });

  it("turns a malformed result into 'response.invalid'", async () => {
    const bad: Array<[keyof PforteAdapter, unknown]> = [
      ['startRegistration', { flowId: '', expiresAt: 1, now: 1 }],
      ['startRegistration', { flowId: 'f', expiresAt: 'tomorrow', now: 1 }],
      ['submitCredentials', {}],
      ['issuePin', { pin: 1234 }],
      ['issuePin', { pin: '12' }],
      ['sendSmsCode', { resendAvailableAt: 1, expiresAt: 1, now: Number.NaN, codeLength: 8 }],
      ['complete', { accountId: 'a', username: 'u', skipped: ['captch'], visible: false, secondFactor: 'none', emailVerified: false }],
      ['complete', { accountId: 'a', username: 'u', skipped: [], visible: false, secondFactor: 'none' }],
      ['openInvitation', { email: 'a@b.de' }],
      ['sendVerificationEmail', { email: 'a@b.de', resendAvailableAt: 1, expiresAt: 1, now: 1 }],
      ['confirmEmail', { flowId: 'f', expiresAt: 1, now: 1, completedSteps: ['nope'] }],
      ['lookupCustomer', { customerName: 7 }],
      ['registerOrganization', { organizationId: '', name: 'x' }],
      ['joinOrganization', { organizationId: 'o', name: 'x', status: 'member' }],
      ['sendEmailCode', { resendAvailableAt: 1, expiresAt: 1, now: 1, codeLength: 2 }],
      ['complete', null],
    ];
    for (const [method, value] of bad) {
      const guarded = guardAdapter(
        fakeAdapter(async () => value),
        { timeoutMs: 1000 },
      );
      const call = (guarded[method] as (input: unknown) => Promise<unknown>)({});
      equal(codeOf(await rejects(call)), 'response.invalid', `${method} ${JSON.stringify(value)}`);
    }
  });

  it('passes valid results on, strips unknown fields and stamps receivedAt', async () => {
    const clock = createManualClock(5_000);
    const guarded = guardAdapter(
      fakeAdapter(async (method) =>
        method === 'sendSmsCode'
          ? { resendAvailableAt: 61_000, expiresAt: 601_000, now: 1_000, codeLength: 8, debugCode: '12345678' }
          : undefined,
      ),
      { timeoutMs: 1000, clock },
    );
    deepEqual(await guarded.sendSmsCode({ flowId: 'f', phone: '+4915112345678' }), {
      resendAvailableAt: 61_000,
      expiresAt: 601_000,
      now: 1_000,
      codeLength: 8,
      receivedAt: 5_000,
    });
    equal(await guarded.verifySmsCode({ flowId: 'f', code: '1' }), undefined);
  });

  it("maps thrown errors: TypeError → 'network', others → 'unknown', PforteError kept", async () => {
    const throwing = (error: unknown) => guardAdapter(fakeAdapter(() => Promise.reject(error)), { timeoutMs: 1000 });
    equal(codeOf(await rejects(throwing(new TypeError('Failed to fetch')).complete({ flowId: 'f' }))), 'network');
    equal(codeOf(await rejects(throwing(new Error('boom')).complete({ flowId: 'f' }))), 'unknown');
    const original = new PforteError('code.invalid', { field: 'code', attemptsRemaining: 3 });
    equal(await rejects(throwing(original).verifySmsCode({ flowId: 'f', code: '1' })), original);
  });

  it('stamps receivedAt on errors that carry a server now', async () => {
    const clock = createManualClock(9_000);
    const limited = new PforteError('rate_limited', { retryAfterSeconds: 30, resendAvailableAt: 31_000, now: 1_000 });
    const guarded = guardAdapter(fakeAdapter(() => Promise.reject(limited)), { timeoutMs: 1000, clock });
    const error = (await rejects(guarded.sendSmsCode({ flowId: 'f', phone: '+4915112345678' }))) as PforteError;
    equal(error.code, 'rate_limited');
    equal(error.receivedAt, 9_000);
    equal(error.retryAfterSeconds, 30);
    equal(error.resendAvailableAt, 31_000);
  });

  it("maps an offline memory adapter to 'network'", async () => {
    const memory = createMemoryAdapter();
    const guarded = guardAdapter(memory, { timeoutMs: 1000 });
    memory.setOffline(true);
    equal(codeOf(await rejects(guarded.startRegistration({ locale: 'de' }))), 'network');
    memory.setOffline(false);
    ok((await guarded.startRegistration({ locale: 'de' })).flowId);
  });

  it('stamps receivedAt on e-mail results and keeps link validity on errors', async () => {
    const clock = createManualClock(7_000);
    const answers: Partial<Record<keyof PforteAdapter, unknown>> = {
      sendVerificationEmail: { email: 'a@b.de', resendAvailableAt: 61_000, expiresAt: 9_000_000, now: 1_000, validityHours: 24 },
      sendEmailCode: { resendAvailableAt: 61_000, expiresAt: 601_000, now: 1_000, codeLength: 6 },
      confirmEmail: { flowId: 'f', expiresAt: 9_000_000, now: 1_000, completedSteps: ['credentials', 'emailVerification'] },
      acceptTerms: { ignored: true },
    };
    const guarded = guardAdapter(
      fakeAdapter(async (method) => answers[method]),
      { timeoutMs: 1000, clock },
    );
    equal((await guarded.sendVerificationEmail({ flowId: 'f', returnUrl: 'https://x.example/' })).receivedAt, 7_000);
    equal((await guarded.sendEmailCode({ flowId: 'f' })).receivedAt, 7_000);
    deepEqual(await guarded.confirmEmail({ token: 't' }), {
      flowId: 'f',
      expiresAt: 9_000_000,
      now: 1_000,
      completedSteps: ['credentials', 'emailVerification'],
      receivedAt: 7_000,
    });
    equal(await guarded.acceptTerms({ flowId: 'f', acceptedAt: 1 }), undefined);
    const expired = new PforteError('link.expired', { validityDays: 14, now: 1_000 });
    const failing = guardAdapter(fakeAdapter(() => Promise.reject(expired)), { timeoutMs: 1000, clock });
    const error = (await rejects(failing.openInvitation({ flowId: 'f', token: 't' }))) as PforteError;
    equal(error.validityDays, 14);
    equal(error.receivedAt, 7_000);
  });
});
