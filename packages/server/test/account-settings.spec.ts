import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter, type PforteConfigInput } from '@pforte/core';
import { fetchWithCookies, outboxCode, startTestServer, type TestServer } from './support.js';

const password = 'Videosprechstunde am Mittwoch';
const products: Record<string, PforteConfigInput> = {
  video: {
    product: 'Videosprechstunde',
    steps: ['credentials', { id: 'pin', length: 8 }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }],
    signIn: {},
  },
};

describe('account settings on the reference server', () => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer({ products });
  });
  after(() => test.close());

  it('stores each change with an audit event (who, what, when, the new setting; never a number, PIN, code or password) and the PIN under the slow hash', async () => {
    const adapter = createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() });
    const username = `settings-${Date.now().toString(36)}@example.org`;
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'video' });
    await adapter.submitCredentials({ flowId, username, password });
    const { pin: firstPin } = await adapter.issuePin({ flowId, length: 8 });
    await adapter.confirmPinSaved({ flowId });
    const { accountId } = await adapter.complete({ flowId });
    await adapter.signIn({ identifier: username, password, locale: 'de', product: 'video' });

    await adapter.setContactVisibility({ visible: true });
    const phone = '+4915112340001';
    await adapter.sendSecondFactorSmsCode({ phone, locale: 'de' });
    const code = await outboxCode(test.url, phone, `account:${accountId}`);
    assert.ok(code);
    const [pending] = await test.server.db.query<{ code_hash: string }>('SELECT code_hash FROM account_phone_changes WHERE account_id = $1', [accountId]);
    assert.ok(pending && !pending.code_hash.includes(code), 'the pending code is kept as a keyed hash');
    await adapter.verifySecondFactorSmsCode({ code });
    assert.deepEqual(await test.server.db.query('SELECT 1 FROM account_phone_changes WHERE account_id = $1', [accountId]), []);
    const { pin } = await adapter.renewServicePin();
    const newPassword = 'Ein ganz neues Kennwort 2027';
    assert.equal((await adapter.changeAccountPassword({ currentPassword: password, password: newPassword })).status, 'changed');

    const [account] = await test.server.db.query<{ pin_hash: string; second_factor: string; phone: string; visible: boolean }>(
      'SELECT pin_hash, second_factor, phone, visible FROM accounts WHERE id = $1',
      [accountId],
    );
    assert.ok(account);
    assert.match(account.pin_hash, /^scrypt\$/);
    assert.ok(!account.pin_hash.includes(pin) && !account.pin_hash.includes(firstPin));
    assert.deepEqual({ second_factor: account.second_factor, phone: account.phone, visible: account.visible }, { second_factor: 'sms', phone, visible: true });
    assert.equal((await test.server.checkServicePin({ product: 'video', username, pin: firstPin })).matches, false);
    assert.equal((await test.server.checkServicePin({ product: 'video', username, pin })).matches, true);

    const events = await test.server.db.query<Record<string, unknown>>(
      'SELECT at, actor_id, action, subject_id, organization_id, detail FROM audit_events WHERE subject_id = $1 ORDER BY id',
      [accountId],
    );
    assert.deepEqual(
      events.map(({ actor_id, action, detail, organization_id }) => ({ actor_id, action, detail, organization_id })),
      [
        { actor_id: accountId, action: 'account.visibility', detail: 'visible', organization_id: null },
        { actor_id: accountId, action: 'account.second_factor', detail: 'sms', organization_id: null },
        { actor_id: accountId, action: 'account.service_pin', detail: null, organization_id: null },
        { actor_id: accountId, action: 'account.password', detail: null, organization_id: null },
      ],
    );
    const logged = JSON.stringify(events);
    for (const secret of [pin, firstPin, code, phone, password, newPassword]) assert.ok(!logged.includes(secret), 'no secret in the audit log');
    assert.ok(events.every((event) => Number(event['at']) > 0));
  });
});
