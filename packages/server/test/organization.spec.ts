import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter, type PforteConfigInput } from '@pforte/core';
import { fetchWithCookies, outboxEmail, startTestServer, type TestServer } from './support.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
const password = 'Praxis-Passwort 2026 🦷';

const products: Record<string, PforteConfigInput> = {
  praxis: {
    product: 'Zahnarztportal',
    steps: ['credentials', { id: 'organization', maxMembers: 5 }],
    signIn: { resetUrlOrigins: ['https://praxis.example'] },
  },
};

describe('organization administration on the reference server', () => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer({ products });
  });
  after(() => test.close());

  async function registered(mode: 'register' | 'join', customerNumber: string) {
    const adapter = createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() });
    const username = `${unique('praxis')}@example.org`;
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'praxis' });
    await adapter.submitCredentials({ flowId, username, password });
    if (mode === 'register') await adapter.registerOrganization({ flowId, name: 'Zahnarztpraxis am Markt', postalCode: '10115', customerNumber });
    else await adapter.joinOrganization({ flowId, customerNumber, postalCode: '10115' });
    const { accountId } = await adapter.complete({ flowId });
    await adapter.signIn({ identifier: username, password, locale: 'de', product: 'praxis' });
    return { adapter, username, accountId };
  }

  it('records every decision and removal in the audit log (who, what, whom, when; nothing secret), and tells the requester in German', async () => {
    const customerNumber = unique('K');
    const founder = await registered('register', customerNumber);
    const approved = await registered('join', customerNumber);
    const denied = await registered('join', customerNumber);
    await founder.adapter.decideJoinRequest({ accountId: approved.accountId, approve: true, locale: 'de' });
    await founder.adapter.decideJoinRequest({ accountId: denied.accountId, approve: false, locale: 'de' });
    await founder.adapter.removeMember({ accountId: approved.accountId });

    const events = await test.server.db.query<Record<string, unknown>>(
      `SELECT at, actor_id, action, subject_id FROM audit_events WHERE organization_id = (SELECT organization_id FROM memberships WHERE account_id = $1) ORDER BY id`,
      [founder.accountId],
    );
    assert.deepEqual(
      events.map(({ actor_id, action, subject_id }) => ({ actor_id, action, subject_id })),
      [
        { actor_id: founder.accountId, action: 'organization.approve', subject_id: approved.accountId },
        { actor_id: founder.accountId, action: 'organization.deny', subject_id: denied.accountId },
        { actor_id: founder.accountId, action: 'organization.remove', subject_id: approved.accountId },
      ],
    );
    assert.ok(events.every((event) => Number(event['at']) > 0), 'each with its time');
    assert.ok(!JSON.stringify(events).includes(password), 'no password in the log');

    const approval = await outboxEmail(test.url, approved.username);
    assert.ok(approval, 'the approved requester got an e-mail');
    const messages = (await (await fetch(`${test.url}/dev/outbox?to=${encodeURIComponent(denied.username)}`)).json()) as {
      messages: Array<{ text: string }>;
    };
    const refusal = messages.messages.at(-1)!.text;
    assert.match(refusal, /^Ihre Anfrage für Zahnarztpraxis am Markt wurde abgelehnt\n/);
    assert.match(refusal, /Zahnarztportal/);
  });

  it("records an invitation in the audit log without its token, and e-mails the link in the inviter's language with the product name", async () => {
    const customerNumber = unique('K');
    const founder = await registered('register', customerNumber);
    const invitee = `${unique('neu')}@example.org`;
    const { organization } = await founder.adapter.inviteMember({ email: invitee, locale: 'de', returnUrl: 'https://praxis.example/passwort-setzen' });
    const member = organization.members.find((entry) => entry.username === invitee);
    assert.ok(member, 'the invitee is a member');
    const invitation = await outboxEmail(test.url, invitee);
    const token = /#pforte-reset-token=(.+)$/.exec(invitation?.link ?? '')?.[1];
    assert.ok(token, 'the e-mail carries the link to set a password');
    const messages = (await (await fetch(`${test.url}/dev/outbox?to=${encodeURIComponent(invitee)}`)).json()) as { messages: Array<{ text: string }> };
    assert.match(messages.messages.at(-1)!.text, /Zahnarztportal/);
    const events = await test.server.db.query<Record<string, unknown>>(
      `SELECT actor_id, action, subject_id FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [member.accountId],
    );
    assert.deepEqual(events, [{ actor_id: founder.accountId, action: 'organization.invite', subject_id: member.accountId }]);
    assert.ok(!JSON.stringify(await test.server.db.query('SELECT * FROM audit_events')).includes(token), 'no token in the log');
  });

  it('a removed member keeps the account but no longer sees the organization', async () => {
    const customerNumber = unique('K');
    const founder = await registered('register', customerNumber);
    const member = await registered('join', customerNumber);
    await founder.adapter.decideJoinRequest({ accountId: member.accountId, approve: true, locale: 'de' });
    assert.equal((await member.adapter.getOrganization()).organization?.members.length, 2);
    await founder.adapter.removeMember({ accountId: member.accountId });
    assert.equal((await member.adapter.getOrganization()).organization, null);
    assert.equal((await member.adapter.getSession()).session?.organization, undefined);
  });
});
