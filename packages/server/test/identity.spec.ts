import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter } from '@pforte/core';
import { createRangeBreachChecker, usernameKey } from '@pforte/core/rules';
import { migrate, openPglite } from '../src/index.js';
import { rejection, startTestServer, type TestServer } from './support.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

/** A fake k-anonymity range API: knows `breached`, pads every answer, records what it was asked. */
async function startRangeApi(breached: string[], padded: string[]) {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ url: request.url ?? '', headers: request.headers, body });
      const prefix = /^\/range\/([0-9A-F]{5})$/.exec(request.url ?? '')?.[1];
      if (!prefix) return void response.writeHead(404).end();
      const lines = [
        ...breached.filter((password) => sha1(password).startsWith(prefix)).map((password) => `${sha1(password).slice(5)}:4711`),
        ...padded.filter((password) => sha1(password).startsWith(prefix)).map((password) => `${sha1(password).slice(5)}:0`),
        '0000000000000000000000000000000000A:0',
      ];
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(lines.join('\r\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('identity: breached passwords and username keys', () => {
  const breachedPassword = 'Tannenzapfen-Wolke-81';
  const cleanPassword = 'Regenschirm-Kolibri-47';
  let range: Awaited<ReturnType<typeof startRangeApi>>;
  let test: TestServer;

  before(async () => {
    range = await startRangeApi([breachedPassword], [cleanPassword]);
    test = await startTestServer({ breachedPasswordChecker: createRangeBreachChecker({ baseUrl: range.url }) });
  });
  after(async () => {
    await test.close();
    await range.close();
  });

  it('refuses a breached password with password.breached; the range API sees only a 5-character prefix, with padding', async () => {
    const client = createHttpAdapter({ baseUrl: test.url });
    const { flowId } = await client.startRegistration({ locale: 'de' });
    const refused = await rejection(client.submitCredentials({ flowId, username: `${unique('b')}@example.org`, password: breachedPassword }));
    assert.equal(refused.code, 'password.breached');
    assert.equal(refused.field, 'password');
    await client.submitCredentials({ flowId, username: `${unique('c')}@example.org`, password: cleanPassword });
    assert.equal(range.requests.length, 2);
    for (const { url, headers, body } of range.requests) {
      assert.match(url, /^\/range\/[0-9A-F]{5}$/);
      assert.equal(headers['add-padding'], 'true');
      assert.equal(body, '');
    }
    assert.deepEqual(
      range.requests.map(({ url }) => url),
      [`/range/${sha1(breachedPassword).slice(0, 5)}`, `/range/${sha1(cleanPassword).slice(0, 5)}`],
    );
  });

  it('fails open by default when the range API is down (and counts it), or closed with 503 when told so', async () => {
    const down = await startRangeApi([], []);
    await down.close();
    const warnings: number[] = [];
    const open = createRangeBreachChecker({ baseUrl: down.url, onUnavailable: (count) => warnings.push(count) });
    const closed = createRangeBreachChecker({ baseUrl: down.url, failMode: 'closed' });
    const openServer = await startTestServer({ breachedPasswordChecker: open });
    const closedServer = await startTestServer({ breachedPasswordChecker: closed });
    try {
      const openClient = createHttpAdapter({ baseUrl: openServer.url });
      const first = await openClient.startRegistration({ locale: 'de' });
      await openClient.submitCredentials({ flowId: first.flowId, username: `${unique('o')}@example.org`, password: breachedPassword });
      assert.deepEqual(warnings, [1]);
      assert.equal(open.unavailableCount, 1);

      const closedClient = createHttpAdapter({ baseUrl: closedServer.url });
      const second = await closedClient.startRegistration({ locale: 'de' });
      const refused = await rejection(
        closedClient.submitCredentials({ flowId: second.flowId, username: `${unique('f')}@example.org`, password: cleanPassword }),
      );
      assert.equal(refused.code, 'network');
      assert.equal(closed.unavailableCount, 1);
    } finally {
      await openServer.close();
      await closedServer.close();
    }
  });

  it('a stalled range API counts as down once the timeout passes', async () => {
    const stalled = createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const checker = createRangeBreachChecker({ baseUrl: `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`, timeoutMs: 50 });
    try {
      assert.equal(await checker.isBreached(breachedPassword), false);
      assert.equal(checker.unavailableCount, 1);
    } finally {
      stalled.closeAllConnections();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });

  it('the username-key migration recomputes stored keys; of existing look-alikes the oldest keeps the key', async () => {
    // A database of its own: other test processes migrate the shared one whenever they start a server.
    const db = await openPglite();
    await migrate(db);
    const stem = unique('m');
    const names = [`${stem}paul`, `${stem}p\u0430ul`, `${stem}Straße`];
    await db.transaction(async (tx) => {
      for (const [index, name] of names.entries()) {
        const id = `acc_${stem}_${index}`;
        await tx.query('INSERT INTO flows (id, created_at, active_at, expires_at, locale, view, completed_at) VALUES ($1, 1, 1, 2, $2, $3::jsonb, 1)', [
          `flow_${id}`,
          'de',
          '{}',
        ]);
        // Keys as the old rule made them: lower-cased NFC.
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, second_factor, visible, created_at, product)
           VALUES ($1, $2, $3, $4, 'x', 'none', false, $5, '')`,
          [id, `flow_${id}`, name, name.normalize('NFC').toLowerCase(), index],
        );
      }
      await tx.query("DELETE FROM schema_migrations WHERE version = '004_username_skeleton_keys'");
    });
    assert.deepEqual(await migrate(db), ['004_username_skeleton_keys']);
    const rows = await db.query<{ id: string; username_key: string }>('SELECT id, username_key FROM accounts WHERE id LIKE $1 ORDER BY id', [
      `acc_${stem}_%`,
    ]);
    const paul = await usernameKey(names[0]!);
    assert.deepEqual(
      rows.map((row) => row.username_key),
      [paul, `${paul} acc_${stem}_1`, await usernameKey(`${stem}STRASSE`)],
    );
    await db.close();
  });
});
