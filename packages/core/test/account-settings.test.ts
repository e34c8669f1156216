import { createManualClock, type PforteConfigInput } from '../src/index.js';
import { createMemoryAdapter } from '../src/memory.js';
import { secondFactorChoices, createProductCatalog } from '../src/rules/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

const password = 'Lange Passphrase für später 2026';
const products = {
  video: { steps: ['credentials', { id: 'pin', length: 8 }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }], signIn: {} },
  billing: { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] }, 'sms', 'emailCode'], signIn: {} },
  emailOnly: { steps: ['credentials', 'emailCode'], signIn: {} },
} satisfies Record<string, PforteConfigInput>;

async function signedIn() {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, products, latencyMs: 0 });
  const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'video' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.org', password });
  const { pin } = await adapter.issuePin({ flowId, length: 8 });
  await adapter.confirmPinSaved({ flowId });
  await adapter.skipStep({ flowId, step: 'sms' });
  const { accountId } = await adapter.complete({ flowId });
  await adapter.signIn({ identifier: 'anna@example.org', password, locale: 'de', product: 'video' });
  return { adapter, clock, accountId, pin };
}

describe('account settings (memory adapter over the rules)', () => {
  it('offers the factors of the product: the choice step, else the code steps and none where they are optional', () => {
    const catalog = createProductCatalog({ products });
    deepEqual(secondFactorChoices(catalog.resolve('video')), ['none', 'sms']);
    deepEqual(secondFactorChoices(catalog.resolve('billing')), ['none', 'email', 'sms']);
    deepEqual(secondFactorChoices(catalog.resolve('emailOnly')), ['email']);
  });

  it('records every change in the audit log: who, what, when, the new setting; never a number, PIN or code', async () => {
    const { adapter, clock, accountId } = await signedIn();
    await adapter.setContactVisibility({ visible: true });
    await adapter.sendSecondFactorSmsCode({ phone: '+4915112345678', locale: 'de' });
    const code = adapter.lastCode('+4915112345678')!;
    await adapter.verifySecondFactorSmsCode({ code });
    const { pin } = await adapter.renewServicePin();
    const log = adapter.auditLog();
    deepEqual(
      log.map(({ action, detail }) => [action, detail]),
      [
        ['account.visibility', 'visible'],
        ['account.second_factor', 'sms'],
        ['account.service_pin', undefined],
      ],
    );
    for (const event of log) {
      equal(event.actorId, accountId);
      equal(event.subjectId, accountId);
      equal(event.at, clock.now());
      const text = JSON.stringify(event);
      ok(!text.includes(pin) && !text.includes(code) && !text.includes('12345678'), text);
    }
  });

  it('the support check of a PIN: the registration PIN until a new one replaces it; five checks an hour', async () => {
    const { adapter, clock, pin } = await signedIn();
    const checkPin = (value: string) => adapter.checkServicePin({ product: 'video', username: 'anna@example.org', pin: value });
    equal(await checkPin(pin), true);
    const renewed = await adapter.renewServicePin();
    equal(await checkPin(pin), false);
    equal(await checkPin(renewed.pin), true);
    await checkPin('00000000');
    await checkPin('00000000');
    await adapter.checkServicePin({ product: 'video', username: 'anna@example.org', pin: renewed.pin }).then(
      () => ok(false, 'a sixth check within the hour'),
      (error: { code?: string }) => equal(error.code, 'rate_limited'),
    );
    clock.advance(60 * 60_000 + 1);
    equal(await checkPin(renewed.pin), true);
  });

  it('a new password ends every other session and is audited; the person stays signed in', async () => {
    const { adapter, accountId } = await signedIn();
    await adapter.signIn({ identifier: 'anna@example.org', password, locale: 'de', product: 'video' });
    equal(adapter.sessionCount(accountId), 2);
    const result = await adapter.changeAccountPassword({ currentPassword: password, password: 'Ein ganz neues Kennwort 2027' });
    equal(result.status, 'changed');
    equal(adapter.sessionCount(accountId), 1);
    equal((await adapter.getAccountSettings()).settings.username, 'anna@example.org');
    deepEqual(
      adapter.auditLog().map((event) => event.action),
      ['account.password'],
    );
  });

  it('a confirmed password opens the window again, counted from the confirmation', async () => {
    const { adapter, clock } = await signedIn();
    clock.advance(11 * 60_000);
    const before = (await adapter.getAccountSettings()).settings;
    ok(before.reauthUntil < before.now);
    const confirmed = await adapter.reauthenticate({ password });
    ok(confirmed.status === 'confirmed');
    equal(confirmed.settings.reauthUntil, clock.now() + 10 * 60_000);
  });
});
