import {
  PforteError,
  createManualClock,
  isTrivialPin,
  policyPresets,
  type ManualClock,
} from '../src/index.js';
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
} from '../src/memory.js';
import { deepEqual, describe, equal, it, notEqual, ok } from './assert.js';
import { expectCode } from './expect-code.js';

const phone = '+4915112345678';
const goodPassword = 'lange-sichere-Passphrase';


interface Setup {
  adapter: MemoryAdapter;
  clock: ManualClock;
  flowId: string;
}

async function withAccount(options: MemoryAdapterOptions = {}): Promise<Setup> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'de' });
  await adapter.submitCredentials({ flowId, username: 'anna@praxis.de', password: goodPassword });
  return { adapter, clock, flowId };
}

describe('memory adapter', () => {
  describe('flows', () => {
    it('starts a flow that expires after 14 days', async () => {
      const clock = createManualClock();
      const adapter = createMemoryAdapter({ clock });
      const start = await adapter.startRegistration({ locale: 'de', product: 'VideoSprechstunde' });
      equal(start.now, clock.now());
      equal(start.expiresAt, clock.now() + 14 * 24 * 3600 * 1000);
      clock.advance(14 * 24 * 3600 * 1000 - 1);
      await adapter.submitCredentials({ flowId: start.flowId, username: 'anna', password: goodPassword });
      clock.advance(1);
      await expectCode(adapter.submitCredentials({ flowId: start.flowId, username: 'anna', password: goodPassword }), 'flow.expired');
    });

    it('rejects unknown flows', async () => {
      const adapter = createMemoryAdapter();
      await expectCode(adapter.complete({ flowId: 'flow_nope' }), 'flow.unknown');
    });

    it("closes a completed flow ('link.used')", async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.complete({ flowId });
      await expectCode(adapter.complete({ flowId }), 'link.used');
      await expectCode(adapter.submitCredentials({ flowId, username: 'other', password: goodPassword }), 'link.used');
    });

    it('demands credentials before everything else', async () => {
      const adapter = createMemoryAdapter();
      const { flowId } = await adapter.startRegistration({ locale: 'en' });
      await expectCode(adapter.issuePin({ flowId, length: 6 }), 'step.required');
      await expectCode(adapter.sendSmsCode({ flowId, phone }), 'step.required');
      await expectCode(adapter.setVisibility({ flowId, visible: true }), 'step.required');
      await expectCode(adapter.complete({ flowId }), 'step.required');
    });
  });

  describe('credentials', () => {
    it('keeps usernames unique, case-insensitively', async () => {
      const adapter = createMemoryAdapter({ takenUsernames: ['Dr.Meier@Praxis.de'] });
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      await expectCode(
        adapter.submitCredentials({ flowId, username: 'dr.meier@praxis.DE', password: goodPassword }),
        'identifier.unavailable',
        { field: 'username' },
      );
      await adapter.submitCredentials({ flowId, username: 'anna@praxis.de', password: goodPassword });
      const other = await adapter.startRegistration({ locale: 'de' });
      await expectCode(
        adapter.submitCredentials({ flowId: other.flowId, username: 'ANNA@praxis.de', password: goodPassword }),
        'identifier.unavailable',
        { field: 'username' },
      );
      await adapter.complete({ flowId });
      await expectCode(
        adapter.submitCredentials({ flowId: other.flowId, username: 'Anna@Praxis.de', password: goodPassword }),
        'identifier.unavailable',
      );
    });

    it('rejects invalid identifiers', async () => {
      const adapter = createMemoryAdapter();
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      for (const username of ['', 'ab', 'an na', 'x'.repeat(255)]) {
        await expectCode(adapter.submitCredentials({ flowId, username, password: goodPassword }), 'identifier.invalid', {
          field: 'username',
        });
      }
    });

    it('enforces the password policy server-side', async () => {
      const adapter = createMemoryAdapter({ passwordPolicy: policyPresets.strict10 });
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      const submit = (password: string) => adapter.submitCredentials({ flowId, username: 'anna@praxis.de', password });
      await expectCode(submit('Ab1!'), 'password.too_short', { field: 'password' });
      await expectCode(submit('abcdefghij1!'), 'password.rejected', { field: 'password' });
      await expectCode(submit('Anna-Praxis-2026'), 'password.rejected', { field: 'password' });
      deepEqual(await submit('Zahn-Praxis-2026!'), { username: 'anna@praxis.de' });
    });

    it('blocks common passwords with the default policy', async () => {
      const adapter = createMemoryAdapter();
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      await expectCode(adapter.submitCredentials({ flowId, username: 'anna', password: 'Passwort123' }), 'password.rejected');
    });

    it('never puts the password into an error', async () => {
      const adapter = createMemoryAdapter();
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      const error = await expectCode(
        adapter.submitCredentials({ flowId, username: 'anna', password: 'geheim' }),
        'password.too_short',
      );
      ok(!JSON.stringify({ ...(error as object), message: (error as Error).message }).includes('geheim'));
    });
  });

  describe('pin', () => {
    it('issues a fresh, non-trivial PIN each time and needs a confirmation', async () => {
      const { adapter, flowId } = await withAccount({ requiredSteps: ['credentials', 'pin'] });
      const first = await adapter.issuePin({ flowId, length: 6 });
      ok(/^\d{6}$/.test(first.pin) && !isTrivialPin(first.pin));
      await expectCode(adapter.complete({ flowId }), 'step.required');
      await adapter.confirmPinSaved({ flowId });
      const second = await adapter.issuePin({ flowId, length: 8 });
      equal(second.pin.length, 8);
      await expectCode(adapter.complete({ flowId }), 'step.required');
      await adapter.confirmPinSaved({ flowId });
      await adapter.complete({ flowId });
    });

    it('needs a PIN before confirming, and a sane length', async () => {
      const { adapter, flowId } = await withAccount();
      await expectCode(adapter.confirmPinSaved({ flowId }), 'step.required');
      await expectCode(adapter.issuePin({ flowId, length: 3 }), 'pin.invalid');
    });

    it('checks a chosen PIN like a secret', async () => {
      const { adapter, flowId } = await withAccount({ requiredSteps: ['credentials', 'pin'] });
      await expectCode(adapter.setPin({ flowId, pin: '12a4' }), 'pin.invalid', { field: 'pin' });
      await expectCode(adapter.setPin({ flowId, pin: '123' }), 'pin.invalid', { field: 'pin' });
      for (const pin of ['000000', '123456', '654321', '121212']) {
        await expectCode(adapter.setPin({ flowId, pin }), 'pin.trivial', { field: 'pin' });
      }
      await adapter.setPin({ flowId, pin: '483920' });
      await adapter.complete({ flowId });
    });
  });

  describe('sms', () => {
    it('sends random codes of the configured length into the outbox', async () => {
      const { adapter, clock, flowId } = await withAccount();
      const sent = await adapter.sendSmsCode({ flowId, phone });
      deepEqual(sent, {
        resendAvailableAt: clock.now() + 60_000,
        expiresAt: clock.now() + 600_000,
        now: clock.now(),
        codeLength: 8,
      });
      equal(adapter.outbox.length, 1);
      const message = adapter.outbox[0]!;
      equal(message.channel, 'sms');
      equal(message.to, phone);
      equal(message.flowId, flowId);
      equal(message.sentAt, clock.now());
      ok(/^\d{8}$/.test(message.code ?? ''));
      ok(message.text.includes(message.code!));
      equal(adapter.lastCode(phone), message.code);
      equal(adapter.lastCode('+4917000000000'), undefined);
    });

    it('honours smsCodeLength and the injected random source', async () => {
      const { adapter, flowId } = await withAccount({ smsCodeLength: 6, random: (max) => max - 1 });
      equal((await adapter.sendSmsCode({ flowId, phone })).codeLength, 6);
      equal(adapter.lastCode(), '999999');
    });

    it('rejects numbers that are not E.164', async () => {
      const { adapter, flowId } = await withAccount();
      for (const bad of ['015112345678', '+49 151 12345678', '+0151', '']) {
        await expectCode(adapter.sendSmsCode({ flowId, phone: bad }), 'phone.invalid', { field: 'phone' });
      }
      equal(adapter.outbox.length, 0);
    });

    it('throttles resends per flow: blocked at 0 s and 59 s, allowed at 60 s', async () => {
      const { adapter, clock, flowId } = await withAccount();
      const first = await adapter.sendSmsCode({ flowId, phone });
      await expectCode(adapter.sendSmsCode({ flowId, phone }), 'rate_limited', {
        retryAfterSeconds: 60,
        resendAvailableAt: first.resendAvailableAt,
        now: clock.now(),
      });
      clock.advance(59_000);
      await expectCode(adapter.sendSmsCode({ flowId, phone: '+4915187654321' }), 'rate_limited', {
        retryAfterSeconds: 1,
        now: clock.now(),
      });
      clock.advance(500);
      await expectCode(adapter.sendSmsCode({ flowId, phone }), 'rate_limited', { retryAfterSeconds: 1 });
      clock.advance(500);
      const second = await adapter.sendSmsCode({ flowId, phone });
      equal(second.resendAvailableAt, clock.now() + 60_000);
      equal(adapter.outbox.length, 2);
    });

    it('throttles each flow on its own', async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.sendSmsCode({ flowId, phone });
      const other = await adapter.startRegistration({ locale: 'de' });
      await adapter.submitCredentials({ flowId: other.flowId, username: 'ben@praxis.de', password: goodPassword });
      await adapter.sendSmsCode({ flowId: other.flowId, phone });
    });

    it('verifies a code once (single use) and records the second factor', async () => {
      const { adapter, flowId } = await withAccount({ requiredSteps: ['credentials', 'sms'] });
      await expectCode(adapter.verifySmsCode({ flowId, code: '12345678' }), 'step.required');
      await adapter.sendSmsCode({ flowId, phone });
      const code = adapter.lastCode(phone)!;
      await adapter.verifySmsCode({ flowId, code });
      await expectCode(adapter.verifySmsCode({ flowId, code }), 'code.expired');
      const result = await adapter.complete({ flowId });
      equal(result.secondFactor, 'sms');
      deepEqual(adapter.accounts[0], {
        accountId: result.accountId,
        username: 'anna@praxis.de',
        visible: false,
        secondFactor: 'sms',
        phone,
        email: 'anna@praxis.de',
        emailVerified: false,
      });
    });

    it('binds a code to its flow', async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.sendSmsCode({ flowId, phone });
      const other = await adapter.startRegistration({ locale: 'de' });
      await adapter.submitCredentials({ flowId: other.flowId, username: 'ben@praxis.de', password: goodPassword });
      await expectCode(adapter.verifySmsCode({ flowId: other.flowId, code: adapter.lastCode()! }), 'step.required');
    });

    it('counts attempts and kills the code after the last one', async () => {
      const { adapter, clock, flowId } = await withAccount();
      await adapter.sendSmsCode({ flowId, phone });
      const code = adapter.lastCode()!;
      const wrong = code === '00000000' ? '11111111' : '00000000';
      for (const remaining of [4, 3, 2, 1]) {
        await expectCode(adapter.verifySmsCode({ flowId, code: wrong }), 'code.invalid', {
          field: 'code',
          attemptsRemaining: remaining,
        });
      }
      await expectCode(adapter.verifySmsCode({ flowId, code: wrong }), 'code.max_attempts');
      await expectCode(adapter.verifySmsCode({ flowId, code }), 'code.max_attempts');
      clock.advance(60_000);
      await adapter.sendSmsCode({ flowId, phone });
      await adapter.verifySmsCode({ flowId, code: adapter.lastCode()! });
    });

    it('honours maxCodeAttempts', async () => {
      const { adapter, flowId } = await withAccount({ maxCodeAttempts: 2, random: () => 7 });
      await adapter.sendSmsCode({ flowId, phone });
      await expectCode(adapter.verifySmsCode({ flowId, code: '1' }), 'code.invalid', { attemptsRemaining: 1 });
      await expectCode(adapter.verifySmsCode({ flowId, code: '1' }), 'code.max_attempts');
    });

    it('expires codes after codeTtlSeconds', async () => {
      const { adapter, clock, flowId } = await withAccount({ codeTtlSeconds: 300 });
      await adapter.sendSmsCode({ flowId, phone });
      const code = adapter.lastCode()!;
      clock.advance(300_000);
      await expectCode(adapter.verifySmsCode({ flowId, code }), 'code.expired');
    });

    it('replaces the old code with a new one', async () => {
      let draw = 0;
      const { adapter, clock, flowId } = await withAccount({ random: (max) => (draw++ * 7) % max });
      await adapter.sendSmsCode({ flowId, phone });
      const old = adapter.lastCode()!;
      clock.advance(60_000);
      await adapter.sendSmsCode({ flowId, phone });
      const fresh = adapter.lastCode()!;
      notEqual(fresh, old);
      await expectCode(adapter.verifySmsCode({ flowId, code: old }), 'code.invalid');
      await adapter.verifySmsCode({ flowId, code: fresh });
    });
  });

  describe('optional steps, visibility and completion', () => {
    it('skips optional steps and reports them', async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.skipStep({ flowId, step: 'sms' });
      await adapter.setVisibility({ flowId, visible: true });
      const result = await adapter.complete({ flowId });
      deepEqual(
        { ...result, accountId: '' },
        {
          accountId: '',
          username: 'anna@praxis.de',
          skipped: ['sms'],
          visible: true,
          secondFactor: 'none',
          emailVerified: false,
        },
      );
      ok(result.accountId.startsWith('acc_'));
    });

    it('refuses to skip required steps', async () => {
      const { adapter, flowId } = await withAccount();
      await expectCode(adapter.skipStep({ flowId, step: 'pin' }), 'step.required');
      await expectCode(adapter.skipStep({ flowId, step: 'credentials' }), 'step.required');
      const strict = await withAccount({ optionalSteps: ['visibility'] });
      await expectCode(strict.adapter.skipStep({ flowId: strict.flowId, step: 'sms' }), 'step.required');
    });

    it('defaults visibility to false and lets a later choice undo a skip', async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.skipStep({ flowId, step: 'visibility' });
      await adapter.setVisibility({ flowId, visible: false });
      const result = await adapter.complete({ flowId });
      equal(result.visible, false);
      deepEqual(result.skipped, []);
    });

    it('demands requiredSteps on complete', async () => {
      const { adapter, flowId } = await withAccount({ requiredSteps: ['credentials', 'sms', 'visibility'] });
      await expectCode(adapter.complete({ flowId }), 'step.required');
      await adapter.sendSmsCode({ flowId, phone });
      await adapter.verifySmsCode({ flowId, code: adapter.lastCode()! });
      await expectCode(adapter.complete({ flowId }), 'step.required');
      await adapter.setVisibility({ flowId, visible: true });
      equal((await adapter.complete({ flowId })).secondFactor, 'sms');
    });

    it('exposes accounts without any secret', async () => {
      const { adapter, flowId } = await withAccount();
      const { pin } = await adapter.issuePin({ flowId, length: 6 });
      await adapter.confirmPinSaved({ flowId });
      await adapter.sendSmsCode({ flowId, phone });
      const code = adapter.lastCode()!;
      await adapter.verifySmsCode({ flowId, code });
      await adapter.complete({ flowId });
      const dump = JSON.stringify(adapter.accounts);
      for (const secret of [goodPassword, pin, code]) ok(!dump.includes(secret), 'no secret in accounts');
      deepEqual(Object.keys(adapter.accounts[0]!).sort(), ['accountId', 'email', 'emailVerified', 'phone', 'secondFactor', 'username', 'visible']);
    });

    it('returns copies of outbox and accounts', async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.sendSmsCode({ flowId, phone });
      (adapter.outbox as unknown[]).length = 0;
      equal(adapter.outbox.length, 1);
      await adapter.complete({ flowId });
      (adapter.accounts[0] as { visible: boolean }).visible = true;
      equal(adapter.accounts[0]!.visible, false);
    });
  });

  describe('transport simulation', () => {
    it('fails the next call once with a scripted error', async () => {
      const { adapter, flowId } = await withAccount();
      adapter.failNext('sendSmsCode', new PforteError('rate_limited', { retryAfterSeconds: 5 }));
      await expectCode(adapter.sendSmsCode({ flowId, phone }), 'rate_limited', { retryAfterSeconds: 5 });
      equal(adapter.outbox.length, 0, 'the failed call had no effect');
      await adapter.sendSmsCode({ flowId, phone });
      adapter.failNext('complete', 'offline');
      await expectCode(adapter.complete({ flowId }), 'network');
      await adapter.complete({ flowId });
    });

    it("rejects every call with 'network' while offline", async () => {
      const adapter = createMemoryAdapter();
      adapter.setOffline(true);
      await expectCode(adapter.startRegistration({ locale: 'de' }), 'network');
      adapter.setOffline(false);
      ok((await adapter.startRegistration({ locale: 'de' })).flowId);
    });

    it("answers after latencyMs and rejects with 'timeout' when aborted", async () => {
      const adapter = createMemoryAdapter({ latencyMs: 20 });
      const started = performance.now();
      await adapter.startRegistration({ locale: 'de' });
      ok(performance.now() - started >= 15, 'took the latency');
      const controller = new AbortController();
      const pending = adapter.startRegistration({ locale: 'de' }, { signal: controller.signal });
      controller.abort();
      await expectCode(pending, 'timeout');
    });

    it("'hang' never settles until aborted", async () => {
      const adapter = createMemoryAdapter();
      adapter.failNext('startRegistration', 'hang');
      const controller = new AbortController();
      let settled = false;
      const pending = adapter.startRegistration({ locale: 'de' }, { signal: controller.signal }).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      equal(settled, false);
      controller.abort();
      await expectCode(pending, 'timeout');
    });

    it('creates distinct flow ids', async () => {
      const adapter = createMemoryAdapter();
      const a = await adapter.startRegistration({ locale: 'de' });
      const b = await adapter.startRegistration({ locale: 'de' });
      notEqual(a.flowId, b.flowId);
    });
  });
});
