import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HashQueue, HashQueueFull } from '../src/hash-queue.js';
import { sharedDatabase, startTestServer, type TestServer } from './support.js';

// Each finding of the server's attack review, as a test that failed before the fix.

const password = 'lange-sichere-Passphrase';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
/** A client address of its own per test, so that per-client throttles on the shared database start at zero. */
const clientAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { response, status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Resolves when `socket` is closed by the other side (reading what it sent, or 'close' never comes). */
const closed = (socket: Socket) =>
  new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.resume();
  });

describe('hardening', () => {
  after(async () => {
    await (await sharedDatabase()).close();
  });

  describe('secrets never under a fast hash (finding 1)', () => {
    let test: TestServer;
    before(async () => {
      test = await startTestServer({ products: { pin: { id: 'pin', username: { kind: 'username' }, steps: ['credentials', { id: 'pin', mode: 'chosen', length: 6 }] } } });
    });
    after(() => test.close());

    async function flowAtPin() {
      const started = await post(`${test.url}/registrations`, { locale: 'de', product: 'pin' });
      const flowId = started.json!['flowId'] as string;
      assert.equal((await post(`${test.url}/registrations/${flowId}/credentials`, { username: unique('pin'), password })).status, 200);
      return flowId;
    }

    it('keeps the chosen PIN out of the idempotency fingerprint: the old brute force finds nothing', async () => {
      const flowId = await flowAtPin();
      const key = unique('key');
      const pin = '402719';
      const first = await post(`${test.url}/registrations/${flowId}/pin/chosen`, { pin }, { 'Idempotency-Key': key });
      assert.equal(first.status, 204);
      const [row] = await test.server.db.query<{ fingerprint: string }>('SELECT fingerprint FROM idempotency_keys WHERE key = $1', [key]);
      const oldFingerprint = (candidate: string) =>
        createHash('sha256').update(`setPin\n${flowId}\n${JSON.stringify({ pin: candidate })}`).digest('base64url');
      assert.notEqual(row!.fingerprint, oldFingerprint(pin));
      // The fingerprint does not depend on the PIN at all, so no search over PINs can find it.
      const other = await post(`${test.url}/registrations/${flowId}/pin/chosen`, { pin: '918273' }, { 'Idempotency-Key': key });
      assert.equal(other.response.headers.get('idempotent-replayed'), 'true');
    });

    it('never stores a generated PIN, and seals every stored answer', async () => {
      const generated = await startTestServer({ products: { gen: { id: 'gen', username: { kind: 'username' }, steps: ['credentials', { id: 'pin', length: 6 }] } } });
      try {
        const started = await post(`${generated.url}/registrations`, { locale: 'de', product: 'gen' });
        const flowId = started.json!['flowId'] as string;
        const username = unique('sealed');
        const credentialsKey = unique('key');
        await post(`${generated.url}/registrations/${flowId}/credentials`, { username, password }, { 'Idempotency-Key': credentialsKey });
        const [stored] = await generated.server.db.query<{ body: string }>('SELECT body FROM idempotency_keys WHERE key = $1', [credentialsKey]);
        assert.ok(!stored!.body.includes(username), 'the stored answer is sealed');
        const replay = await post(`${generated.url}/registrations/${flowId}/credentials`, { username, password }, { 'Idempotency-Key': credentialsKey });
        assert.equal(replay.response.headers.get('idempotent-replayed'), 'true');
        assert.equal(replay.json!['username'], username);
        const pinKey = unique('key');
        const issued = await post(`${generated.url}/registrations/${flowId}/pin`, { length: 6 }, { 'Idempotency-Key': pinKey });
        assert.match(issued.json!['pin'] as string, /^\d{6}$/);
        const rows = await generated.server.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [pinKey]);
        assert.equal(rows.length, 0, 'a PIN answer is never kept for replay');
      } finally {
        await generated.close();
      }
    });
  });

  describe('no CPU exhaustion (finding 2)', () => {
    it('hashes nothing for a flow that does not exist', async () => {
      const test = await startTestServer();
      try {
        const before = test.server.hashQueue.stats.completed;
        const answers = await Promise.all(
          Array.from({ length: 24 }, () => post(`${test.url}/registrations/flow_nope${unique('x')}/credentials`, { username: unique('u'), password })),
        );
        assert.ok(answers.every((answer) => answer.status === 404));
        assert.equal(test.server.hashQueue.stats.completed, before);
      } finally {
        await test.close();
      }
    });

    it('limits slow hashes per flow and per client', async () => {
      const test = await startTestServer({ trustProxyHops: 1, hashesPerFlowPerHour: 2, hashesPerIpPerHour: 3 });
      try {
        const client = { 'X-Forwarded-For': clientAddress() };
        const start = async () => (await post(`${test.url}/registrations`, { locale: 'de' }, client)).json!['flowId'] as string;
        const submit = (flowId: string) => post(`${test.url}/registrations/${flowId}/credentials`, { username: unique('h'), password }, client);
        const flowId = await start();
        assert.equal((await submit(flowId)).status, 200);
        assert.equal((await submit(flowId)).status, 200);
        const perFlow = await submit(flowId);
        assert.equal(perFlow.status, 429);
        assert.ok(Number(perFlow.response.headers.get('retry-after')) > 0);
        assert.equal((await submit(await start())).status, 200);
        assert.equal((await submit(await start())).status, 429, 'the fourth hash of one client within the hour');
      } finally {
        await test.close();
      }
    });

    it('queues hashes in turns per client and refuses past the backlog with Retry-After', async () => {
      const queue = new HashQueue({ concurrency: 1, maxWaiting: 3, maxPerClient: 3 });
      const order: string[] = [];
      const gates: Array<() => void> = [];
      const job = (name: string) => () =>
        new Promise<void>((resolve) => {
          order.push(name);
          gates.push(resolve);
        });
      const runs = [queue.run('attacker', job('a1')), queue.run('attacker', job('a2')), queue.run('attacker', job('a3'))];
      assert.throws(() => queue.run('attacker', job('a4')), HashQueueFull, 'a client past its share');
      runs.push(queue.run('person', job('p1')));
      assert.throws(() => queue.run('other', job('o1')), (error: unknown) => error instanceof HashQueueFull && error.retryAfterSeconds >= 1);
      // Finish jobs one at a time: the person goes right after the attacker's running job, not after all of them.
      while (gates.length > 0) {
        gates.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(runs);
      assert.deepEqual(order, ['a1', 'p1', 'a2', 'a3']);
      assert.deepEqual(queue.stats, { running: 0, waiting: 0, completed: 4, refused: 2 });
    });
  });

  describe('honest client IPs (finding 3)', () => {
    it('takes the address the trusted proxy wrote, whatever the client wrote before it', async () => {
      const test = await startTestServer({ trustProxyHops: 1, smsPerIpPerHour: 2 });
      try {
        const realClient = clientAddress();
        const sendSms = async (forged: string) => {
          const headers = { 'X-Forwarded-For': `${forged}, ${realClient}` };
          const flowId = (await post(`${test.url}/registrations`, { locale: 'de' }, headers)).json!['flowId'] as string;
          await post(`${test.url}/registrations/${flowId}/credentials`, { username: unique('ip'), password }, headers);
          const phone = `+49151${String(Date.now() % 1e6).padStart(6, '0')}${String(++counter % 100).padStart(2, '0')}`;
          return post(`${test.url}/registrations/${flowId}/sms`, { phone }, headers);
        };
        assert.equal((await sendSms('203.0.113.1')).status, 200);
        assert.equal((await sendSms('203.0.113.2')).status, 200);
        assert.equal((await sendSms('203.0.113.3')).status, 429, 'a new left-hand entry is not a new client');
      } finally {
        await test.close();
      }
    });
  });

  describe('floods from one address (finding 2)', () => {
    it('answers 429 past the per-address request budget, before any database work', async () => {
      const test = await startTestServer({ trustProxyHops: 1, requestBurstPerIp: 5, requestsPerIpPerSecond: 1 });
      try {
        const flooder = { 'X-Forwarded-For': clientAddress() };
        const statuses = [];
        for (let i = 0; i < 7; i++) statuses.push((await post(`${test.url}/registrations/flow_none/credentials`, { username: 'x', password }, flooder)).status);
        assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429, 429]);
        assert.equal((await post(`${test.url}/registrations`, { locale: 'de' }, { 'X-Forwarded-For': clientAddress() })).status, 201, 'others go on');
        test.clock.advance(1000);
        assert.equal((await post(`${test.url}/registrations/flow_none/credentials`, { username: 'x', password }, flooder)).status, 404, 'refilled');
      } finally {
        await test.close();
      }
    });
  });

  describe('enumeration and squatting (finding 6)', () => {
    it('refuses a taken username only after the same slow hash as an accepted one', async () => {
      const test = await startTestServer();
      try {
        const name = unique('taken');
        const start = async () => (await post(`${test.url}/registrations`, { locale: 'de' })).json!['flowId'] as string;
        assert.equal((await post(`${test.url}/registrations/${await start()}/credentials`, { username: name, password })).status, 200);
        const hashed = test.server.hashQueue.stats.completed;
        const refused = await post(`${test.url}/registrations/${await start()}/credentials`, { username: name, password });
        assert.equal(refused.json!['code'], 'identifier.unavailable');
        assert.equal(test.server.hashQueue.stats.completed, hashed + 1);
      } finally {
        await test.close();
      }
    });

    it('throttles starting flows and customer lookups per client', async () => {
      const test = await startTestServer({
        trustProxyHops: 1,
        flowStartsPerIpPerHour: 3,
        lookupsPerIpPerHour: 2,
        products: { lookup: { id: 'lookup', steps: [{ id: 'customerLookup', captcha: false }, 'credentials'] } },
      });
      try {
        const client = { 'X-Forwarded-For': clientAddress() };
        const start = () => post(`${test.url}/registrations`, { locale: 'de', product: 'lookup' }, client);
        const flows = [await start(), await start(), await start()].map((answer) => answer.json!['flowId'] as string);
        const fourth = await start();
        assert.equal(fourth.status, 429);
        assert.ok(Number(fourth.response.headers.get('retry-after')) > 0);
        assert.equal((await post(`${test.url}/registrations`, { locale: 'de', product: 'lookup' }, { 'X-Forwarded-For': clientAddress() })).status, 201);
        const lookup = (flowId: string) =>
          post(`${test.url}/registrations/${flowId}/customer-lookup`, { customerNumber: unique('K'), email: 'a@b.example' }, client);
        assert.equal((await lookup(flows[0]!)).json!['code'], 'customer.mismatch');
        assert.equal((await lookup(flows[1]!)).json!['code'], 'customer.mismatch');
        assert.equal((await lookup(flows[2]!)).json!['code'], 'rate_limited');
      } finally {
        await test.close();
      }
    });
  });

  describe('HTTP hygiene (finding 7)', () => {
    it('cuts off a request whose body stalls', async () => {
      const test = await startTestServer({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
      try {
        const { port } = new URL(test.url);
        const sockets = Array.from({ length: 10 }, () => {
          const socket = connect(Number(port), '127.0.0.1');
          socket.on('error', () => undefined);
          socket.write('POST /registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"loc');
          return socket;
        });
        // The test runner's timeout bounds this wait; the server closes them within about a second.
        await Promise.all(sockets.map(closed));
      } finally {
        await test.close();
      }
    });

    it('caps open connections per client address', async () => {
      const test = await startTestServer({ maxConnectionsPerIp: 3 });
      try {
        const { port } = new URL(test.url);
        const open = async () => {
          const socket = connect(Number(port), '127.0.0.1');
          socket.on('error', () => undefined);
          await new Promise((resolve) => socket.once('connect', resolve));
          return socket;
        };
        const kept = [await open(), await open(), await open()];
        const refused = await open();
        await closed(refused);
        kept.forEach((socket) => socket.destroy());
      } finally {
        await test.close();
      }
    });

    it('refuses an Origin that only matches a forged Host header', async () => {
      const test = await startTestServer({ allowedOrigins: ['https://praxis.example'] });
      try {
        const { port } = new URL(test.url);
        const status = await new Promise<number>((resolve, reject) => {
          const outgoing = httpRequest(
            { host: '127.0.0.1', port, path: '/registrations', method: 'POST', headers: { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'application/json' } },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          outgoing.on('error', reject);
          outgoing.end('{"locale":"de"}');
        });
        assert.equal(status, 403);
      } finally {
        await test.close();
      }
    });
  });
});
