import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter, type PforteAdapter } from '@pforte/core';
import { fileURLToPath } from 'node:url';
import { migrate, readProducts, verifySecret } from '../src/index.js';
import { outboxCode, outboxEmail, rejection, sharedDatabase, startTestServer, type TestServer } from './support.js';

const password = 'lange-sichere-Passphrase';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
const phone = () => `+4917${String(Date.now() % 1e7).padStart(7, '0')}${String(++counter % 100).padStart(2, '0')}`;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { response, status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('reference server', () => {
  let test: TestServer;
  let adapter: PforteAdapter;

  before(async () => {
    test = await startTestServer({ allowedOrigins: ['https://praxis.example'] });
    adapter = createHttpAdapter({ baseUrl: test.url, locale: 'de' });
  });
  after(async () => {
    await test.close();
    await (await sharedDatabase()).close();
  });

  async function flowWithAccount(name = unique('user')) {
    const { flowId } = await adapter.startRegistration({ locale: 'de' });
    await adapter.submitCredentials({ flowId, username: name, password });
    return flowId;
  }

  describe('problem+json', () => {
    it('answers errors as RFC 9457 documents with the Pforte members, detail in the request language', async () => {
      const flowId = await flowWithAccount();
      const { status, response, json } = await post(
        `${test.url}/registrations/${flowId}/credentials`,
        { username: 'x', password },
        { 'Accept-Language': 'de-DE,de;q=0.9' },
      );
      assert.equal(status, 422);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(json, {
        type: 'urn:pforte:error:identifier.invalid',
        title: 'Invalid username',
        status: 422,
        detail: 'Der Benutzername muss 3 bis 254 Zeichen ohne Leerzeichen haben.',
        code: 'identifier.invalid',
        field: 'username',
      });
    });

    it('sends 429 with Retry-After, resendAvailableAt and now', async () => {
      const flowId = await flowWithAccount();
      const number = phone();
      await adapter.sendSmsCode({ flowId, phone: number });
      test.clock.advance(20_500);
      const { status, response, json } = await post(`${test.url}/registrations/${flowId}/sms`, { phone: number });
      assert.equal(status, 429);
      assert.equal(response.headers.get('retry-after'), '40');
      assert.equal(json?.['retryAfterSeconds'], 40);
      assert.equal(json?.['now'], test.clock.now());
      assert.equal(json?.['resendAvailableAt'], test.clock.now() - 20_500 + 60_000);
    });

    it('answers protocol errors: 404, 405, 415, 400, 413; a member of the wrong type is input.invalid', async () => {
      assert.equal((await post(`${test.url}/nowhere`, {})).status, 404);
      assert.equal((await fetch(`${test.url}/registrations`)).status, 405);
      const plain = await fetch(`${test.url}/registrations`, { method: 'POST', body: '{"locale":"de"}', headers: { 'Content-Type': 'text/plain' } });
      assert.equal(plain.status, 415, 'a cross-site form post cannot reach a route');
      assert.equal((await post(`${test.url}/registrations`, '{"locale":')).status, 400);
      const wrongType = await post(`${test.url}/registrations`, { locale: 42 });
      assert.equal(wrongType.status, 422);
      assert.equal(wrongType.json?.['code'], 'input.invalid');
      assert.equal(wrongType.json?.['field'], 'locale');
      assert.equal((await post(`${test.url}/registrations`, { locale: 'de', pad: 'x'.repeat(70_000) })).status, 413);
      const unknownFlow = await post(`${test.url}/registrations/nope/complete`, {});
      assert.equal(unknownFlow.status, 404);
      assert.equal(unknownFlow.json?.['code'], 'flow.unknown');
    });
  });

  describe('CORS', () => {
    it('allows listed origins only, refuses others', async () => {
      const preflight = await fetch(`${test.url}/registrations`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://praxis.example', 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://praxis.example');
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      const listed = await post(`${test.url}/registrations`, { locale: 'de' }, { Origin: 'https://praxis.example' });
      assert.equal(listed.status, 201);
      assert.equal(listed.response.headers.get('access-control-allow-origin'), 'https://praxis.example');
      // The server's own origin is no exception unless listed: it would be read from the Host header, which the client writes.
      const unlisted = await post(`${test.url}/registrations`, { locale: 'de' }, { Origin: new URL(test.url).origin });
      assert.equal(unlisted.status, 403);
      const evil = await post(`${test.url}/registrations`, { locale: 'de' }, { Origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.response.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('language', () => {
    it('sends the SMS in the language the request names, also after a switch since the flow started', async () => {
      const flowId = await flowWithAccount();
      const sent = await post(`${test.url}/registrations/${flowId}/sms`, { phone: phone() }, { 'Accept-Language': 'ar-EG,ar;q=0.9,de;q=0.5' });
      assert.equal(sent.status, 200);
      const outbox = (await (await fetch(`${test.url}/dev/outbox?flowId=${flowId}`)).json()) as { messages: Array<{ text: string }> };
      const [sms] = outbox.messages;
      // The flow started in German (flowWithAccount).
      const firstLine = sms!.text.split('\n')[0]!;
      assert.match(firstLine, /\p{Script=Arabic}/u, firstLine);
      assert.doesNotMatch(firstLine, /Ihr Code/, firstLine);
    });
  });

  describe('idempotency', () => {
    it('replays a repeated submit instead of acting twice', async () => {
      const flowId = await flowWithAccount();
      const number = phone();
      const key = crypto.randomUUID();
      const first = await post(`${test.url}/registrations/${flowId}/sms`, { phone: number }, { 'Idempotency-Key': key });
      const second = await post(`${test.url}/registrations/${flowId}/sms`, { phone: number }, { 'Idempotency-Key': key });
      assert.equal(first.status, 200);
      assert.equal(second.status, 200, 'not rate_limited: the first answer is replayed');
      assert.deepEqual(second.json, first.json);
      assert.equal(second.response.headers.get('idempotent-replayed'), 'true');
      const outbox = (await (await fetch(`${test.url}/dev/outbox?flowId=${flowId}`)).json()) as { messages: unknown[] };
      assert.equal(outbox.messages.length, 1, 'one SMS');
      const reused = await post(`${test.url}/registrations/${flowId}/sms`, { phone: phone() }, { 'Idempotency-Key': key });
      assert.equal(reused.status, 422, 'the same key for a different request');
    });

    it('counts a repeated wrong code once', async () => {
      const flowId = await flowWithAccount();
      await adapter.sendSmsCode({ flowId, phone: phone() });
      const key = crypto.randomUUID();
      const once = await post(`${test.url}/registrations/${flowId}/sms/verify`, { code: 'x' }, { 'Idempotency-Key': key });
      const again = await post(`${test.url}/registrations/${flowId}/sms/verify`, { code: 'x' }, { 'Idempotency-Key': key });
      assert.equal(once.json?.['attemptsRemaining'], 4);
      assert.equal(again.json?.['attemptsRemaining'], 4);
      const fresh = await post(`${test.url}/registrations/${flowId}/sms/verify`, { code: 'x' });
      assert.equal(fresh.json?.['attemptsRemaining'], 3);
    });

    it('the HTTP adapter retries a lost answer with the same key and gets one account', async () => {
      const flowId = await flowWithAccount();
      let calls = 0;
      const lossy = createHttpAdapter({
        baseUrl: test.url,
        retryDelayMs: 1,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          // The server acted, but the first answer never arrives.
          if (++calls === 1) throw new TypeError('connection reset');
          return response;
        },
      });
      const done = await lossy.complete({ flowId });
      assert.equal(calls, 2);
      const rows = await test.server.db.query<{ id: string }>('SELECT id FROM accounts WHERE flow_id = $1', [flowId]);
      assert.deepEqual(rows.map((row) => row.id), [done.accountId]);
    });
  });

  describe('secrets at rest', () => {
    it('keeps no password, PIN or SMS code in clear', async () => {
      const name = unique('secret');
      const flowId = await flowWithAccount(name);
      const { pin } = await adapter.issuePin({ flowId, length: 8 });
      await adapter.confirmPinSaved({ flowId });
      const number = phone();
      await adapter.sendSmsCode({ flowId, phone: number });
      const code = (await outboxCode(test.url, number, flowId))!;
      const db = test.server.db;
      const [codeRow] = await db.query<Record<string, unknown>>('SELECT * FROM sms_codes WHERE flow_id = $1', [flowId]);
      assert.ok(codeRow);
      assert.ok(!JSON.stringify(codeRow).includes(code), 'the SMS code is only hashed');
      await adapter.verifySmsCode({ flowId, code });
      await adapter.complete({ flowId });
      const [account] = await db.query<{ password_hash: string; pin_hash: string; phone: string }>(
        'SELECT * FROM accounts WHERE flow_id = $1',
        [flowId],
      );
      assert.ok(account);
      assert.match(account.password_hash, /^scrypt\$1024\$8\$1\$/);
      assert.ok(!account.password_hash.includes(password));
      assert.ok(await verifySecret(password, account.password_hash));
      assert.ok(!(await verifySecret(`${password}x`, account.password_hash)));
      assert.ok(await verifySecret(pin, account.pin_hash), 'the PIN is kept as a scrypt hash');
      assert.equal(account.phone, number);
      const [flow] = await db.query<Record<string, unknown>>('SELECT * FROM flows WHERE id = $1', [flowId]);
      assert.equal(flow?.['password_hash'], null, 'the closed flow keeps no secret');
      assert.equal(flow?.['pin_hash'], null);
      assert.equal((await db.query('SELECT 1 FROM sms_codes WHERE flow_id = $1', [flowId])).length, 0);
    });
  });

  describe('limits', () => {
    it('throttles per phone number across flows', async () => {
      const number = phone();
      await adapter.sendSmsCode({ flowId: await flowWithAccount(), phone: number });
      const error = await rejection(adapter.sendSmsCode({ flowId: await flowWithAccount(), phone: number }));
      assert.equal(error.code, 'rate_limited');
      assert.ok(error.retryAfterSeconds! > 0);
    });

    it('limits SMS per client IP', async () => {
      const limited = await startTestServer({ smsPerIpPerHour: 2, trustProxyHops: 1 });
      try {
        // An address of this run's own, as a trusted proxy reports it: earlier runs on a reused database do not count.
        const address = `2001:db8:5::${Date.now().toString(16).slice(-4)}:${(++counter).toString(16)}`;
        const fetchFrom: typeof fetch = (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('X-Forwarded-For', address);
          return fetch(input, { ...init, headers });
        };
        const client = createHttpAdapter({ baseUrl: limited.url, fetch: fetchFrom });
        const send = async () => {
          const { flowId } = await client.startRegistration({ locale: 'en' });
          await client.submitCredentials({ flowId, username: unique('ip'), password });
          return client.sendSmsCode({ flowId, phone: phone() });
        };
        await send();
        await send();
        const error = await rejection(send());
        assert.equal(error.code, 'rate_limited');
      } finally {
        await limited.close();
      }
    });

    it('expires flows and caps code lifetime at 10 minutes', async () => {
      const capped = await startTestServer({ codeTtlSeconds: 3600, flowTtlSeconds: 60 });
      try {
        const client = createHttpAdapter({ baseUrl: capped.url });
        const { flowId } = await client.startRegistration({ locale: 'en' });
        await client.submitCredentials({ flowId, username: unique('ttl'), password });
        const sent = await client.sendSmsCode({ flowId, phone: phone() });
        assert.equal(sent.expiresAt - sent.now, 600_000);
        capped.clock.advance(60_000);
        assert.equal((await rejection(client.complete({ flowId }))).code, 'flow.expired');
      } finally {
        await capped.close();
      }
    });
  });

  describe('seed-product steps', () => {
    const day = 24 * 3600_000;

    it('seeds invitations, customers and organizations from options, and runs the seed 003 flow over HTTP', async () => {
      // Unique per run: a reused PostgreSQL database keeps earlier runs' rows.
      const invitation = unique('seed-invitation-token');
      const customerNumber = unique('K');
      const organizationId = unique('org_seed');
      const organizationNumber = unique('T');
      const onFile = `Kasse-${unique('k')}@Praxis.example`;
      const seeded = await startTestServer({
        products: {
          kundencenter: {
            username: { kind: 'username' },
            steps: [
              { id: 'customerLookup', captcha: true },
              { id: 'emailVerification', returnUrlOrigins: ['https://praxis.example'] },
              { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] },
              { id: 'profile', fields: { salutation: 'required', firstName: 'required', lastName: 'required', mobile: 'optional' } },
              { id: 'terms', termsUrl: '/agb', privacyUrl: '/datenschutz', version: '2026-01' },
              'credentials',
              'organization',
              'sms',
              'emailCode',
            ],
          },
          eingeladen: { steps: ['invitation', 'credentials'] },
        },
        defaultProduct: 'kundencenter',
        seed: {
          invitations: [{ token: invitation, email: 'eingeladen@praxis.example', firstName: 'Eva', validityDays: 90 }],
          customers: [{ customerNumber, email: onFile, name: 'Praxis Kasse' }],
          organizations: [{ organizationId, name: 'Praxis Tal', customerNumber: organizationNumber, postalCode: '10115', members: 2 }],
        },
      });
      try {
        const client = createHttpAdapter({ baseUrl: seeded.url, locale: 'de' });
        const invited = await client.startRegistration({ locale: 'de', product: 'eingeladen', invitation });
        const details = await client.openInvitation({ flowId: invited.flowId, token: invitation });
        assert.equal(details.firstName, 'Eva');
        assert.equal(details.validUntil - seeded.clock.now() > 80 * day, true);

        const { flowId } = await client.startRegistration({ locale: 'de' });
        const lookup = { flowId, customerNumber, email: onFile.toLowerCase() };
        assert.equal((await rejection(client.lookupCustomer(lookup))).code, 'captcha.invalid', 'the product demands a captcha');
        assert.deepEqual(await client.lookupCustomer({ ...lookup, captchaToken: `pforte-test-captcha:${unique('c')}` }), {
          customerName: 'Praxis Kasse',
        });
        const evil = await rejection(client.sendVerificationEmail({ flowId, returnUrl: 'https://evil.example/phish' }));
        assert.equal(evil.code, 'link.invalid');
        assert.equal(evil.field, 'returnUrl');
        const sent = await client.sendVerificationEmail({ flowId, returnUrl: 'https://praxis.example/registrieren#alt' });
        assert.equal(sent.email, onFile, 'the address on file');
        const mail = await outboxEmail(seeded.url, onFile.toLowerCase(), flowId);
        assert.match(mail?.link ?? '', /^https:\/\/praxis\.example\/registrieren#pforte-email-token=[\w-]{40,}$/);
        const token = mail!.link!.split('#pforte-email-token=')[1]!;
        const resumed = await client.confirmEmail({ token });
        assert.deepEqual(resumed.completedSteps, ['customerLookup', 'emailVerification']);
        await client.chooseSecondFactor({ flowId, method: 'email' });
        await client.submitProfile({ flowId, profile: { salutation: 'Frau', firstName: 'Eva', lastName: 'Kasse', mobile: '+4915112345678' } });
        assert.equal(
          (await rejection(client.submitProfile({ flowId, profile: { salutation: 'Frau', firstName: 'Eva', lastName: 'Kasse', mobile: '0151' } })))
            .field,
          'mobile',
        );
        await client.acceptTerms({ flowId, acceptedAt: seeded.clock.now(), version: '2026-01' });
        const name = unique('eva');
        await client.submitCredentials({ flowId, username: name, password });
        await client.sendEmailCode({ flowId });
        const code = (await outboxEmail(seeded.url, onFile.toLowerCase(), flowId))?.code;
        assert.match(code ?? '', /^\d{6}$/);
        await client.verifyEmailCode({ flowId, code: code! });
        await client.joinOrganization({ flowId, customerNumber: organizationNumber.toLowerCase(), postalCode: '10 115' });
        const done = await client.complete({ flowId });
        assert.equal(done.secondFactor, 'email');
        assert.equal(done.emailVerified, true);
        assert.deepEqual(done.organization, { organizationId, name: 'Praxis Tal', status: 'pending' });
        const [account] = await seeded.server.db.query<Record<string, unknown>>(
          'SELECT email, email_verified, second_factor, profile, terms_version FROM accounts WHERE username = $1',
          [name],
        );
        assert.equal(account?.['email_verified'], true);
        assert.equal(account?.['second_factor'], 'email');
        assert.deepEqual(account?.['profile'], { salutation: 'Frau', firstName: 'Eva', lastName: 'Kasse', mobile: '+4915112345678' });
      } finally {
        await seeded.close();
      }
    });

    it('keeps invitation and e-mail tokens hashed at rest, and answers link.expired with validityDays', async () => {
      const token = await test.server.db.transaction((tx) =>
        test.server.service.createInvitation(tx, { createdAt: test.clock.now() - 15 * day }),
      );
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      const { status, json } = await post(`${test.url}/registrations/${flowId}/invitation`, { token });
      assert.equal(status, 410);
      assert.equal(json?.['code'], 'link.expired');
      assert.equal(json?.['validityDays'], 14);
      const email = `${unique('hash')}@praxis.example`;
      const mailFlow = await flowWithAccount(email);
      // The page at praxis.example asks: its origin is where the link may point.
      const fromPraxis = createHttpAdapter({
        baseUrl: test.url,
        fetch: (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set('Origin', 'https://praxis.example');
          return fetch(url, { ...init, headers });
        },
      });
      await fromPraxis.sendVerificationEmail({ flowId: mailFlow, returnUrl: 'https://praxis.example/' });
      const link = (await outboxEmail(test.url, email, mailFlow))!.link!;
      const emailToken = link.split('#pforte-email-token=')[1]!;
      const tables = ['invitations', 'email_tokens'];
      for (const table of tables) {
        const dump = JSON.stringify(await test.server.db.query(`SELECT * FROM ${table}`));
        assert.ok(!dump.includes(token) && !dump.includes(emailToken), `no token in clear in ${table}`);
      }
      test.clock.advance(24 * 3600_000);
      const expired = await post(`${test.url}/email-confirmations`, { token: emailToken });
      assert.equal(expired.status, 410);
      assert.equal(expired.json?.['validityHours'], 24);
    });

    it('locks the customer lookup of a flow after repeated mismatches', async () => {
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      for (let i = 0; i < 5; i++) {
        const error = await rejection(adapter.lookupCustomer({ flowId, customerNumber: `nope-${i}`, email: 'a@b.example' }));
        assert.equal(error.code, 'customer.mismatch');
        assert.equal(error.field, undefined);
      }
      const locked = await rejection(adapter.lookupCustomer({ flowId, customerNumber: 'nope', email: 'a@b.example' }));
      assert.equal(locked.code, 'rate_limited');
      assert.equal(locked.retryAfterSeconds, 900);
    });

    it('reads the products from config files, each under its id', () => {
      const products = readProducts([fileURLToPath(new URL('../../../../examples/products/', import.meta.url))]);
      assert.deepEqual(Object.keys(products).sort(), [
        'b2b-service-portal',
        'billing-customer-centre',
        'dental-practice-portal',
        'patient-video-app',
        'video-consultation',
      ]);
    });
  });

  describe('configuration and environment', () => {
    it('enforces the product config: policy and required steps', async () => {
      const product = await startTestServer({
        products: { praxis: { passwordPolicy: 'strict10', username: { kind: 'username' }, steps: ['credentials', { id: 'pin', mode: 'chosen' }, { id: 'sms', optional: true }] } },
      });
      try {
        const client = createHttpAdapter({ baseUrl: product.url });
        const { flowId } = await client.startRegistration({ locale: 'en' });
        const weak = await rejection(client.submitCredentials({ flowId, username: unique('p'), password: 'abcdefghijk' }));
        assert.equal(weak.code, 'password.rejected');
        await client.submitCredentials({ flowId, username: unique('p'), password: 'Abcdefgh1!x' });
        assert.equal((await rejection(client.complete({ flowId }))).code, 'step.required', 'the PIN is required');
        await client.setPin({ flowId, pin: '495027' });
        await client.skipStep({ flowId, step: 'sms' });
        assert.deepEqual((await client.complete({ flowId })).skipped, ['sms']);
      } finally {
        await product.close();
      }
    });

    it('applies migrations once', async () => {
      assert.deepEqual(await migrate(await sharedDatabase()), []);
    });
  });
});
