import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter, type PforteConfigInput } from '@pforte/core';
import { hashToken } from '../src/secrets.js';
import { createAccountCommand, inviteGuestCommand } from '../src/create-account.js';
import { sessionCookieName } from '../src/app.js';
import { createAccountByAdmin, fetchWithCookies, startTestServer, testAdminToken, type TestServer } from './support.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@example.org`;

const products: Record<string, PforteConfigInput> = {
  praxis: {
    steps: ['credentials'],
    signIn: { sessionIdleMinutes: 10, sessionAbsoluteHours: 1, lockout: { maxAttempts: 3, lockSeconds: 300 } },
  },
  sprechstunde: {
    product: 'Videosprechstunde',
    steps: ['credentials'],
    signIn: { resetUrlOrigins: ['https://praxis.example'], guestAccess: { code: 'separately' } },
  },
};
const initial = 'Anfangs-Passwort 2026 🔑';
const chosen = 'Mein eigenes Passwort 2026 🌻';

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('sign-in on the reference server', () => {
  let test: TestServer;
  before(async () => {
    test = await startTestServer({ products });
  });
  after(() => test.close());

  /** An account whose initial password was already replaced: signs in straight to a session. */
  async function account(): Promise<string> {
    const username = unique('praxis');
    assert.equal((await createAccountByAdmin(test.url, { product: 'praxis', username, password: initial })).status, 201);
    const adapter = createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() });
    const first = await adapter.signIn({ identifier: username, password: initial, locale: 'de', product: 'praxis' });
    assert.equal(first.status, 'passwordChange');
    assert.equal((await adapter.changePassword({ signInId: first.signInId, password: chosen })).status, 'signedIn');
    return username;
  }

  it('sets the session as a __Host- cookie (HttpOnly, Secure, SameSite=Lax, Path=/), keeps only its hash, and never puts it in the body', async () => {
    const username = await account();
    const response = await post(`${test.url}/sign-in`, { identifier: username, password: chosen, locale: 'de', product: 'praxis' });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    const match = new RegExp(`^${sessionCookieName}=([A-Za-z0-9_-]{40,}); HttpOnly; Secure; SameSite=Lax; Path=/$`).exec(cookie);
    assert.ok(match, cookie);
    const token = match[1]!;
    const body = await response.text();
    assert.ok(!body.includes(token), 'the token is not in the body');
    assert.ok(!body.includes(chosen), 'the password is not in the body');
    const rows = await test.server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    assert.ok(rows.some((row) => row.token_hash === hashToken(token)), 'the hash is stored');
    assert.ok(!rows.some((row) => row.token_hash === token), 'the token itself is not');
  });

  it('GET /session renews the idle timeout up to the absolute one; logout ends the session and clears the cookie', async () => {
    const username = await account();
    const adapter = createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() });
    await adapter.signIn({ identifier: username, password: chosen, locale: 'de', product: 'praxis' });
    const { session } = await adapter.getSession();
    assert.equal(session?.username, username);
    assert.equal(session.product, 'praxis');
    // Used every 9 minutes, the session outlives its 10-minute idle timeout, but not its absolute hour.
    for (let minute = 9; minute < 60; minute += 9) {
      test.clock.advance(9 * 60_000);
      assert.notEqual((await adapter.getSession()).session, null, `alive at minute ${minute}`);
    }
    test.clock.advance(9 * 60_000);
    assert.equal((await adapter.getSession()).session, null, 'gone after the absolute hour');

    await adapter.signIn({ identifier: username, password: chosen, locale: 'de', product: 'praxis' });
    test.clock.advance(10 * 60_000);
    assert.equal((await adapter.getSession()).session, null, 'gone after 10 idle minutes');

    const jar = fetchWithCookies();
    const again = createHttpAdapter({ baseUrl: test.url, fetch: jar });
    await again.signIn({ identifier: username, password: chosen, locale: 'de', product: 'praxis' });
    const logout = await jar(`${test.url}/session/logout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(logout.status, 204);
    assert.match(logout.headers.get('set-cookie') ?? '', new RegExp(`^${sessionCookieName}=; .*Max-Age=0`));
    assert.equal((await again.getSession()).session, null);
  });

  it('a password reset ends every session of the account', async () => {
    const username = await account();
    const browsers = [createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() }), createHttpAdapter({ baseUrl: test.url, fetch: fetchWithCookies() })];
    for (const browser of browsers) await browser.signIn({ identifier: username, password: chosen, locale: 'de', product: 'praxis' });
    const [accountRow] = await test.server.db.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]);
    const count = async () => (await test.server.db.query('SELECT 1 FROM sessions WHERE account_id = $1', [accountRow!.id])).length;
    // The change of the initial password signed in once more.
    assert.equal(await count(), 3);
    const origin = 'https://praxis.example';
    const served = await startTestServer({ products, allowedOrigins: [origin] });
    try {
      // The same database: a reset on one instance ends the sessions another one made.
      const reset = await post(`${served.url}/password-resets`, { identifier: username, locale: 'de', returnUrl: `${origin}/reset`, product: 'praxis' }, { Origin: origin });
      assert.equal(reset.status, 200);
      const outbox = await fetch(`${served.url}/dev/outbox?${new URLSearchParams({ to: username, channel: 'email' })}`);
      const { messages } = (await outbox.json()) as { messages: Array<{ link: string; text: string }> };
      const link = messages.at(-1)!.link;
      assert.match(messages.at(-1)!.text, /Neues Passwort|neues Passwort/);
      const token = /#pforte-reset-token=(.+)$/.exec(link)![1]!;
      const done = await post(`${served.url}/password-resets/complete`, { token, password: `${chosen}!` }, { Origin: origin });
      assert.equal(done.status, 204);
    } finally {
      await served.close();
    }
    assert.equal(await count(), 0);
    for (const browser of browsers) assert.equal((await browser.getSession()).session, null);
  });

  it('an unknown account costs the same slow hash as a known one', async () => {
    const username = await account();
    const adapter = createHttpAdapter({ baseUrl: test.url });
    const hashes = async (identifier: string) => {
      const before = test.server.hashQueue.stats.completed;
      const result = await adapter.signIn({ identifier, password: 'falsch falsch falsch', locale: 'de', product: 'praxis' });
      assert.equal(result.status, 'failed');
      return test.server.hashQueue.stats.completed - before;
    };
    assert.equal(await hashes(unique('nobody')), await hashes(username));
  });

  it('limits sign-ins per client address', async () => {
    const limited = await startTestServer({ products, signInsPerIpPerHour: 2, trustProxyHops: 1 });
    try {
      // An address of its own: the database is shared with the other tests.
      const address = `2001:db8::${Date.now().toString(16).slice(-4)}:${++counter}`;
      const adapter = createHttpAdapter({ baseUrl: limited.url, headers: { 'X-Forwarded-For': address } });
      const attempt = () => adapter.signIn({ identifier: unique('ip'), password: 'falsch falsch falsch', locale: 'de', product: 'praxis' });
      await attempt();
      await attempt();
      await assert.rejects(attempt(), (error: { code?: string }) => error.code === 'rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('the admin API needs its bearer token and is absent without one', async () => {
    const body = { product: 'praxis', username: unique('admin'), password: initial };
    assert.equal((await post(`${test.url}/admin/accounts`, body)).status, 401);
    assert.equal((await post(`${test.url}/admin/accounts`, body, { Authorization: `Bearer ${testAdminToken}x` })).status, 401);
    assert.equal((await post(`${test.url}/admin/accounts`, body, { Authorization: `Bearer ${testAdminToken}` })).status, 201);
    const again = await post(`${test.url}/admin/accounts`, body, { Authorization: `Bearer ${testAdminToken}` });
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as { code: string }).code, 'identifier.unavailable');
    const weak = await post(`${test.url}/admin/accounts`, { ...body, username: unique('weak'), password: 'password' }, { Authorization: `Bearer ${testAdminToken}` });
    assert.equal(weak.status, 422);
    const closed = await startTestServer({ products, adminToken: undefined });
    try {
      assert.equal((await post(`${closed.url}/admin/accounts`, body, { Authorization: `Bearer ${testAdminToken}` })).status, 404);
    } finally {
      await closed.close();
    }
    await assert.rejects(startTestServer({ products, adminToken: 'too short' }), /at least 32 characters/);
  });

  it('pforte-server create-account reads the password from stdin and the first sign-in must replace it', async () => {
    const lines: string[] = [];
    const print = { out: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const username = unique('cli');
    const code = await createAccountCommand(test.server, ['--username', username, '--product', 'praxis'], async () => `${initial}\n`, print);
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(!lines.join('\n').includes(initial), 'the password is not printed');
    const adapter = createHttpAdapter({ baseUrl: test.url });
    assert.equal((await adapter.signIn({ identifier: username, password: initial, locale: 'de', product: 'praxis' })).status, 'passwordChange');
    assert.equal(await createAccountCommand(test.server, ['--username', username, '--product', 'praxis'], async () => initial, print), 1);
    assert.match(lines.at(-1)!, /identifier\.unavailable/);
    assert.equal(await createAccountCommand(test.server, ['--product', 'praxis'], async () => initial, print), 2);
  });

  it('guest access: the admin API needs its token and never answers the token or the code; the guest session is a cookie bound to the invitation', async () => {
    const body = { product: 'sprechstunde', email: unique('gast'), name: 'Ben Berger', phone: '+4915112345678', returnUrl: 'https://praxis.example/gast' };
    assert.equal((await post(`${test.url}/admin/guest-invitations`, body)).status, 401);
    const foreign = await post(`${test.url}/admin/guest-invitations`, { ...body, returnUrl: 'https://elsewhere.example/gast' }, { Authorization: `Bearer ${testAdminToken}` });
    assert.equal(((await foreign.json()) as { code: string }).code, 'link.invalid', 'a return URL outside the allowed origins');
    const noGuests = await post(`${test.url}/admin/guest-invitations`, { ...body, product: 'praxis' }, { Authorization: `Bearer ${testAdminToken}` });
    assert.equal(((await noGuests.json()) as { code: string }).code, 'step.unavailable', 'a product without guest access');
    const created = await post(`${test.url}/admin/guest-invitations`, body, { Authorization: `Bearer ${testAdminToken}` });
    assert.equal(created.status, 201);
    const answer = await created.text();
    const outbox = (await (await fetch(`${test.url}/dev/outbox?to=${encodeURIComponent(body.email)}`)).json()) as { messages: Array<{ link?: string; code?: string; text: string }> };
    const link = outbox.messages.find((message) => message.link)!.link!;
    const invitation = new URL(link).hash.split('=')[1]!;
    const sms = (await (await fetch(`${test.url}/dev/outbox?phone=${encodeURIComponent(body.phone)}`)).json()) as { messages: Array<{ code: string }> };
    const code = sms.messages.at(-1)!.code;
    assert.ok(!outbox.messages.some((message) => message.text.includes(code)), 'with `separately` the code goes by SMS, not in the e-mail');
    assert.ok(!answer.includes(invitation) && !answer.includes(code), 'the admin answer holds neither token nor code');
    const rows = await test.server.db.query<{ token_hash: string; view: object }>('SELECT token_hash, view FROM guest_invitations');
    assert.ok(rows.some((row) => row.token_hash === hashToken(invitation)), 'the token is stored as its hash');
    assert.ok(!JSON.stringify(rows).includes(invitation) && !JSON.stringify(rows).includes(code), 'neither token nor code in clear');
    const response = await post(`${test.url}/guest-access`, { invitation, code, product: 'sprechstunde' });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    const token = new RegExp(`^${sessionCookieName}=([A-Za-z0-9_-]{40,}); HttpOnly; Secure; SameSite=Lax; Path=/$`).exec(cookie)?.[1];
    assert.ok(token, cookie);
    const session = await fetch(`${test.url}/session`, { headers: { Cookie: `${sessionCookieName}=${token}` } });
    const { session: shown } = (await session.json()) as { session: { guest?: boolean; username: string } | null };
    assert.equal(shown?.guest, true);
    assert.equal(shown?.username, 'Ben Berger');
  });

  it('pforte-server invite-guest and create-account --invite print ids, never a token or a code', async () => {
    const lines: string[] = [];
    const print = { out: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const email = unique('cli-gast');
    const invited = await inviteGuestCommand(test.server, ['--email', email, '--product', 'sprechstunde', '--return-url', 'https://praxis.example/gast'], print);
    assert.equal(invited, 0, lines.join('\n'));
    assert.match(lines.at(-1)!, /^invited guest_/);
    const outbox = (await (await fetch(`${test.url}/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { messages: Array<{ link?: string; code?: string }> };
    const secrets = outbox.messages.flatMap((message) => [message.code, message.link && new URL(message.link).hash.split('=')[1]]).filter(Boolean);
    assert.ok(secrets.length >= 2, 'a link and a code went out');
    for (const secret of secrets) assert.ok(!lines.join('\n').includes(secret!), 'nothing secret printed');
    assert.equal(await inviteGuestCommand(test.server, ['--email', email], print), 2, 'the return URL is required');

    const username = unique('cli-invite');
    const created = await createAccountCommand(
      test.server,
      ['--username', username, '--product', 'sprechstunde', '--invite', '--return-url', 'https://praxis.example/passwort'],
      async () => assert.fail('an invitation reads no password'),
      print,
    );
    assert.equal(created, 0, lines.join('\n'));
    const mail = (await (await fetch(`${test.url}/dev/outbox?to=${encodeURIComponent(username)}`)).json()) as { messages: Array<{ link?: string }> };
    assert.match(mail.messages.at(-1)!.link!, /^https:\/\/praxis\.example\/passwort#pforte-reset-token=/);
    assert.equal(await createAccountCommand(test.server, ['--username', unique('x'), '--invite'], async () => '', print), 2, '--invite needs --return-url');
  });
});
