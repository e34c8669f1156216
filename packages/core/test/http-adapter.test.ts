import { createHttpAdapter, httpRoutes, parseRetryAfter, type HttpAdapterOptions } from '../src/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';
import { expectCode } from './expect-code.js';

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
  body: unknown;
}

type Answer = Response | Error | ((sent: Sent) => Response | Promise<Response>) | 'hang';

/** A fetch that records requests and plays back `answers` in order (the last one repeats). */
function fakeFetch(...answers: Answer[]) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: Sent = {
      url: String(input),
      init,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    sent.push(request);
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    }
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    // A fresh Response per call: cancelling one branch of a cloned (tee'd) body waits for the other in Node.
    const body = answer.status === 204 ? null : await answer.clone().arrayBuffer();
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (body: Record<string, unknown>, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
const noContent = () => new Response(null, { status: 204 });

function adapterWith(answers: Answer[], options: Partial<HttpAdapterOptions> = {}) {
  const { fetch, sent } = fakeFetch(...answers);
  const adapter = createHttpAdapter({ baseUrl: 'https://auth.example/pforte/', fetch, retryDelayMs: 1, ...options });
  return { adapter, sent };
}


const sms = { resendAvailableAt: 1_060_000, expiresAt: 1_600_000, now: 1_000_000, codeLength: 8 };
const completed = {
  accountId: 'acc_1',
  username: 'anna',
  skipped: ['sms'],
  visible: false,
  secondFactor: 'none',
  emailVerified: false,
};
const invitation = { email: 'anna@praxis.de', firstName: 'Anna', validUntil: 3_000_000 };
const emailSent = { email: 'anna@praxis.de', resendAvailableAt: 1_060_000, expiresAt: 87_400_000, now: 1_000_000, validityHours: 24 };
const confirmed = { flowId: 'f/1', expiresAt: 2_000_000, now: 1_000_000, completedSteps: ['credentials', 'emailVerification'] };
const emailCode = { resendAvailableAt: 1_060_000, expiresAt: 1_600_000, now: 1_000_000, codeLength: 6 };

describe('createHttpAdapter', () => {
  describe('routes and bodies', () => {
    it('posts every method to its route with JSON, without the flow id in the body', async () => {
      const answers: Answer[] = [
        json({ flowId: 'f/1', expiresAt: 2, now: 1 }, 201),
        json({ username: 'anna' }),
        json({ pin: '483920' }),
        noContent(),
        noContent(),
        json(sms),
        noContent(),
        noContent(),
        noContent(),
        json(invitation),
        json({ customerName: 'Praxis Dr. Berg' }),
        noContent(),
        noContent(),
        noContent(),
        json(emailSent),
        json(confirmed),
        json({ organizationId: 'org_1', name: 'Praxis Berg' }),
        json({ organizationId: 'org_2', name: 'Praxis Tal', status: 'pending' }),
        noContent(),
        json(emailCode),
        noContent(),
        json({ ...completed, secondFactor: 'email', emailVerified: true, organization: { organizationId: 'org_1', name: 'Praxis Berg', status: 'member' } }),
      ];
      const { adapter, sent } = adapterWith(answers);
      deepEqual(await adapter.startRegistration({ locale: 'de', product: 'vs' }), { flowId: 'f/1', expiresAt: 2, now: 1 });
      const flowId = 'f/1';
      deepEqual(await adapter.submitCredentials({ flowId, username: 'anna', password: 'pass word 🔑' }), {
        username: 'anna',
      });
      deepEqual(await adapter.issuePin({ flowId, length: 6 }), { pin: '483920' });
      equal(await adapter.setPin({ flowId, pin: '482913' }), undefined);
      equal(await adapter.confirmPinSaved({ flowId }), undefined);
      deepEqual(await adapter.sendSmsCode({ flowId, phone: '+4915112345678' }), sms);
      equal(await adapter.verifySmsCode({ flowId, code: '12345678' }), undefined);
      equal(await adapter.skipStep({ flowId, step: 'sms' }), undefined);
      equal(await adapter.setVisibility({ flowId, visible: true }), undefined);
      deepEqual(await adapter.openInvitation({ flowId, token: 'inv' }), invitation);
      deepEqual(await adapter.lookupCustomer({ flowId, customerNumber: '4711', email: 'a@b.de', captchaToken: 'c' }), {
        customerName: 'Praxis Dr. Berg',
      });
      equal(await adapter.verifyCaptcha({ flowId, token: 'pforte-test-captcha:1' }), undefined);
      equal(await adapter.submitProfile({ flowId, profile: { firstName: 'Anna', mobile: '+4915112345678' } }), undefined);
      equal(await adapter.acceptTerms({ flowId, acceptedAt: 5, version: '1' }), undefined);
      deepEqual(await adapter.sendVerificationEmail({ flowId, returnUrl: 'https://app.example/signup' }), emailSent);
      deepEqual(await adapter.confirmEmail({ token: 'tok' }), confirmed);
      deepEqual(await adapter.registerOrganization({ flowId, name: 'Praxis Berg', postalCode: '10115' }), {
        organizationId: 'org_1',
        name: 'Praxis Berg',
      });
      deepEqual(await adapter.joinOrganization({ flowId, customerNumber: '4711', postalCode: '10115' }), {
        organizationId: 'org_2',
        name: 'Praxis Tal',
        status: 'pending',
      });
      equal(await adapter.chooseSecondFactor({ flowId, method: 'email' }), undefined);
      deepEqual(await adapter.sendEmailCode({ flowId }), emailCode);
      equal(await adapter.verifyEmailCode({ flowId, code: '123456' }), undefined);
      equal((await adapter.complete({ flowId })).organization?.status, 'member');

      const base = 'https://auth.example/pforte';
      deepEqual(
        sent.map((request) => request.url),
        httpRoutes
          .filter((route) => route.path.startsWith('/registrations') || route.path === '/email-confirmations')
          .map((route) => base + route.path.replace('{flowId}', 'f%2F1')),
      );
      ok(sent.every((request) => request.init.method === 'POST'));
      deepEqual(sent[0]!.body, { locale: 'de', product: 'vs' });
      deepEqual(sent[1]!.body, { username: 'anna', password: 'pass word 🔑' });
      deepEqual(sent[2]!.body, { length: 6 });
      deepEqual(sent[5]!.body, { phone: '+4915112345678' });
      deepEqual(sent[9]!.body, { token: 'inv' });
      deepEqual(sent[10]!.body, { customerNumber: '4711', email: 'a@b.de', captchaToken: 'c' });
      deepEqual(sent[12]!.body, { profile: { firstName: 'Anna', mobile: '+4915112345678' } });
      deepEqual(sent[13]!.body, { acceptedAt: 5, version: '1' });
      deepEqual(sent[14]!.body, { returnUrl: 'https://app.example/signup' });
      equal(sent[15]!.url, `${base}/email-confirmations`, 'the confirmation carries no flow id');
      deepEqual(sent[15]!.body, { token: 'tok' });
      deepEqual(sent[18]!.body, { method: 'email' });
      deepEqual(sent[19]!.body, {});
      deepEqual(sent[21]!.body, {});
      ok(sent.every((request) => request.init.redirect === 'error'), 'never follows a redirect with a password');
    });

    it('rejects malformed results of the new routes', async () => {
      const { adapter } = adapterWith([json({ ...completed, secondFactor: 'fax' }), json({ email: 'x' }), json({ organizationId: 'o', name: 'n', status: 'member' })]);
      await expectCode(adapter.complete({ flowId: 'f' }), 'response.invalid');
      await expectCode(adapter.openInvitation({ flowId: 'f', token: 't' }), 'response.invalid');
      await expectCode(adapter.joinOrganization({ flowId: 'f', customerNumber: '1', postalCode: '10115' }), 'response.invalid');
    });

    it('reads validityDays and validityHours from a problem', async () => {
      const { adapter } = adapterWith([
        problem({ code: 'link.expired', validityDays: 14 }, 410),
        problem({ code: 'link.expired', validityHours: 24 }, 410),
        problem({ code: 'customer.mismatch' }, 422),
      ]);
      equal((await expectCode(adapter.openInvitation({ flowId: 'f', token: 't' }), 'link.expired')).validityDays, 14);
      equal((await expectCode(adapter.confirmEmail({ token: 't' }), 'link.expired')).validityHours, 24);
      const mismatch = await expectCode(adapter.lookupCustomer({ flowId: 'f', customerNumber: '1', email: 'a@b.de' }), 'customer.mismatch');
      equal(mismatch.field, undefined);
    });

    it('sends JSON, Accept, Accept-Language, a fresh Idempotency-Key per call and custom headers', async () => {
      let locale = 'de';
      const { adapter, sent } = adapterWith([noContent()], {
        locale: () => locale,
        headers: () => ({ 'X-Product': 'vs', 'Idempotency-Key': 'mine' }),
        credentials: 'include',
      });
      await adapter.confirmPinSaved({ flowId: 'f' });
      locale = 'en';
      await adapter.confirmPinSaved({ flowId: 'f' });
      const [first, second] = sent;
      equal(first!.headers.get('Content-Type'), 'application/json');
      ok(first!.headers.get('Accept')!.includes('application/problem+json'));
      equal(first!.headers.get('Accept-Language'), 'de');
      equal(second!.headers.get('Accept-Language'), 'en');
      equal(first!.headers.get('X-Product'), 'vs');
      const key = first!.headers.get('Idempotency-Key')!;
      ok(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(key), key);
      ok(key !== second!.headers.get('Idempotency-Key'), 'a new key per logical submit');
      equal(first!.init.credentials, 'include');
    });

    it('falls back to the locale of startRegistration for Accept-Language', async () => {
      const { adapter, sent } = adapterWith([json({ flowId: 'f', expiresAt: 2, now: 1 }, 201)]);
      await adapter.startRegistration({ locale: 'en' });
      equal(sent[0]!.headers.get('Accept-Language'), 'en');
    });
  });

  describe('response validation', () => {
    const malformed: Array<[string, () => Response]> = [
      ['not JSON', () => new Response('<html>oops</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
      ['empty body', () => new Response('', { status: 200 })],
      ['missing field', () => json({ flowId: 'f', now: 1 })],
      ['wrong type', () => json({ flowId: 'f', expiresAt: '2026-01-01', now: 1 })],
      ['empty flow id', () => json({ flowId: '', expiresAt: 2, now: 1 })],
      ['null', () => json(null)],
    ];
    for (const [name, answer] of malformed) {
      it(`turns a malformed start result (${name}) into 'response.invalid'`, async () => {
        const { adapter } = adapterWith([answer()]);
        await expectCode(adapter.startRegistration({ locale: 'de' }), 'response.invalid');
      });
    }

    it("rejects a PIN that is not 4–12 digits, a bad SMS result and a bad complete result, without echoing them", async () => {
      const pin = await expectCode(adapterWith([json({ pin: '12' })]).adapter.issuePin({ flowId: 'f', length: 6 }), 'response.invalid');
      equal(pin.cause, undefined);
      await expectCode(
        adapterWith([json({ ...sms, codeLength: 20 })]).adapter.sendSmsCode({ flowId: 'f', phone: '+49151' }),
        'response.invalid',
      );
      await expectCode(
        adapterWith([json({ ...completed, secondFactor: 'totp' })]).adapter.complete({ flowId: 'f' }),
        'response.invalid',
      );
    });

    it('ignores any body of a void method', async () => {
      const { adapter } = adapterWith([json({ surprise: true })]);
      equal(await adapter.setVisibility({ flowId: 'f', visible: false }), undefined);
    });
  });

  describe('errors', () => {
    it('maps a problem document to a PforteError with every Pforte member and detail as serverMessage', async () => {
      const { adapter } = adapterWith([
        problem(
          {
            type: 'urn:pforte:error:code.invalid',
            title: 'Wrong code',
            status: 422,
            detail: 'Der Code stimmt nicht.\n<b>bold</b>',
            code: 'code.invalid',
            field: 'code',
            attemptsRemaining: 2,
          },
          422,
        ),
      ]);
      const error = await expectCode(adapter.verifySmsCode({ flowId: 'f', code: '1' }), 'code.invalid');
      equal(error.field, 'code');
      equal(error.attemptsRemaining, 2);
      equal(error.serverMessage, 'Der Code stimmt nicht. <b>bold</b>', 'plain text on one line, never parsed');
      equal(error.message, 'code.invalid', 'the message is the code, never the server text');
    });

    it('maps rate_limited with resendAvailableAt, now and retryAfterSeconds', async () => {
      const { adapter } = adapterWith([
        problem(
          { code: 'rate_limited', retryAfterSeconds: 42, resendAvailableAt: 1_042_000, now: 1_000_000 },
          429,
          { 'Retry-After': '42' },
        ),
      ]);
      const error = await expectCode(adapter.sendSmsCode({ flowId: 'f', phone: '+49' }), 'rate_limited');
      equal(error.retryAfterSeconds, 42);
      equal(error.resendAvailableAt, 1_042_000);
      equal(error.now, 1_000_000);
    });

    it('reads Retry-After of a bare 429 (seconds and HTTP date)', async () => {
      const bare = await expectCode(
        adapterWith([new Response('slow down', { status: 429, headers: { 'Retry-After': '17' } })]).adapter.complete({
          flowId: 'f',
        }),
        'rate_limited',
      );
      equal(bare.retryAfterSeconds, 17);
      const date = new Date(Date.now() + 30_000).toUTCString();
      const dated = await expectCode(
        adapterWith([problem({ code: 'rate_limited' }, 429, { 'Retry-After': date })]).adapter.complete({ flowId: 'f' }),
        'rate_limited',
      );
      ok(dated.retryAfterSeconds! >= 28 && dated.retryAfterSeconds! <= 31, String(dated.retryAfterSeconds));
      equal(parseRetryAfter('nonsense'), undefined);
      equal(parseRetryAfter(null), undefined);
      equal(parseRetryAfter(new Date(0).toUTCString(), 5000), 0);
    });

    const byStatus: Array<[number, string]> = [
      [404, 'unknown'],
      [408, 'timeout'],
      [500, 'unknown'],
      [502, 'network'],
      [503, 'network'],
      [504, 'timeout'],
    ];
    for (const [status, code] of byStatus) {
      it(`maps a bare ${status} to '${code}'`, async () => {
        const { adapter } = adapterWith([new Response('<h1>gateway</h1>', { status, headers: { 'Content-Type': 'text/html' } })], {
          retries: 0,
        });
        const error = await expectCode(adapter.complete({ flowId: 'f' }), code);
        equal(error.serverMessage, undefined, 'HTML is never taken as a message');
      });
    }

    it("maps an unknown problem code to 'unknown' and keeps a plain-text body as serverMessage", async () => {
      await expectCode(adapterWith([problem({ code: 'teapot' }, 418)]).adapter.complete({ flowId: 'f' }), 'unknown');
      const text = await expectCode(
        adapterWith([new Response('Wartung bis 14 Uhr', { status: 500, headers: { 'Content-Type': 'text/plain' } })]).adapter.complete({
          flowId: 'f',
        }),
        'unknown',
      );
      equal(text.serverMessage, 'Wartung bis 14 Uhr');
      const long = await expectCode(
        adapterWith([problem({ code: 'unknown', detail: 'x'.repeat(5000) }, 500)]).adapter.complete({ flowId: 'f' }),
        'unknown',
      );
      equal(long.serverMessage!.length, 500);
    });

    it('treats a malformed problem document by its status', async () => {
      const error = await expectCode(
        adapterWith([problem({ code: 42, field: ['x'] }, 429, { 'Retry-After': '5' })]).adapter.complete({ flowId: 'f' }),
        'rate_limited',
      );
      equal(error.retryAfterSeconds, 5);
      equal(error.field, undefined);
    });
  });

  describe('network, retries, timeouts and aborts', () => {
    it("retries once after a network failure with the same Idempotency-Key, then reports 'network'", async () => {
      const { adapter, sent } = adapterWith([new TypeError('Failed to fetch')]);
      await expectCode(adapter.complete({ flowId: 'f' }), 'network');
      equal(sent.length, 2);
      equal(sent[0]!.headers.get('Idempotency-Key'), sent[1]!.headers.get('Idempotency-Key'));
    });

    it('succeeds on the retry after a 503 without a problem body', async () => {
      const { adapter, sent } = adapterWith([new Response('busy', { status: 503 }), json(completed)]);
      deepEqual(await adapter.complete({ flowId: 'f' }), completed);
      equal(sent.length, 2);
      equal(sent[0]!.headers.get('Idempotency-Key'), sent[1]!.headers.get('Idempotency-Key'));
    });

    it('never retries an answered request (4xx, problem) and never retries with retries: 0', async () => {
      const answered = adapterWith([problem({ code: 'step.required' }, 409)]);
      await expectCode(answered.adapter.complete({ flowId: 'f' }), 'step.required');
      equal(answered.sent.length, 1);
      const off = adapterWith([new TypeError('down')], { retries: 0 });
      await expectCode(off.adapter.complete({ flowId: 'f' }), 'network');
      equal(off.sent.length, 1);
    });

    it("times out with 'timeout' and aborts the fetch", async () => {
      const { adapter, sent } = adapterWith(['hang'], { timeoutMs: 30 });
      const started = performance.now();
      await expectCode(adapter.startRegistration({ locale: 'de' }), 'timeout');
      ok(performance.now() - started >= 25);
      equal(sent.length, 1, 'a timeout is not retried');
      ok(sent[0]!.init.signal!.aborted);
    });

    it("rejects with 'timeout' when the caller aborts, before or during the call", async () => {
      const { adapter, sent } = adapterWith(['hang']);
      const controller = new AbortController();
      const pending = adapter.complete({ flowId: 'f' }, { signal: controller.signal });
      // The client loads on the first call; abort once the request is on the wire.
      while (sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      controller.abort();
      await expectCode(pending, 'timeout');
      ok(sent[0]!.init.signal!.aborted);
      await expectCode(adapter.complete({ flowId: 'f' }, { signal: controller.signal }), 'timeout');
      equal(sent.length, 1, 'an aborted signal sends nothing');
    });

    it("reports 'network' when the body breaks off", async () => {
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"flowId":'));
          controller.error(new TypeError('connection reset'));
        },
      });
      const { adapter } = adapterWith([() => new Response(broken, { status: 201 })]);
      await expectCode(adapter.startRegistration({ locale: 'de' }), 'network');
    });
  });
});
