import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createHttpAdapter, type PforteAdapter, type PforteConfigInput } from '@pforte/core';
import { environmentNames } from '../src/environment.js';
import {
  checkProductionSetup,
  createPforteServer,
  createSmtpEmailSender,
  createWebhookSmsSender,
  outboxEmailSender,
  outboxSmsSender,
  type PforteServer,
} from '../src/index.js';
import { startSmtpReceiver, startWebhookReceiver } from './receivers.js';
import { oneClientLimits, rejection, sharedDatabase, testScrypt } from './support.js';

const password = 'lange-sichere-Passphrase';
const pepper = 'test-pepper-of-at-least-32-bytes-0123456789';
const webhookSecret = 'test-webhook-secret-of-32-bytes-0123456789';
const praxis = 'https://praxis.example';
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
// A German mobile number of the 0151 range: a clock digit in the range's place would sometimes make an unassigned one (0150, 0153…).
const phone = () => `+49151${String(Date.now() % 1e6).padStart(6, '0')}${String(++counter % 100).padStart(2, '0')}`;
const praxisportal: PforteConfigInput = {
  product: 'Praxisportal',
  steps: ['credentials', 'emailVerification', { id: 'sms', optional: true }, { id: 'emailCode', optional: true }],
};

/** The HTTP adapter as the widget on https://praxis.example uses it: every request carries that origin. */
function widgetAt(baseUrl: string): PforteAdapter {
  return createHttpAdapter({
    baseUrl,
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Origin', praxis);
      return fetch(url, { ...init, headers });
    },
  });
}

describe('production mode', () => {
  after(async () => {
    await (await sharedDatabase()).close();
  });

  it('refuses to start without products, a code pepper or the senders the products need, naming what is missing', async () => {
    const database = await sharedDatabase();
    const start = (options: Parameters<typeof createPforteServer>[0]) =>
      createPforteServer({ database, production: true, scryptCost: testScrypt, ...options });
    const sms: Record<string, PforteConfigInput> = { praxis: { steps: ['credentials', 'sms'] } };
    const smsSender = { send: async () => undefined };
    await assert.rejects(start({ codePepper: pepper, smsSender }), /^Error: production needs products/);
    await assert.rejects(start({ products: sms, smsSender }), /production needs codePepper of at least 32 bytes/);
    await assert.rejects(start({ products: sms, smsSender, codePepper: 'x'.repeat(31) }), /codePepper of at least 32 bytes/);
    await assert.rejects(start({ products: sms, codePepper: pepper }), /product "praxis" sends SMS codes: production needs a real smsSender/);
    await assert.rejects(
      start({ products: { praxis: praxisportal }, codePepper: pepper, smsSender }),
      /product "praxis" sends e-mails: production needs a real emailSender/,
    );
    await assert.rejects(start({ products: sms, codePepper: pepper, smsSender: outboxSmsSender }), /development SMS sender only records/);
    await assert.rejects(start({ products: sms, codePepper: pepper, smsSender, emailSender: outboxEmailSender }), /development e-mail sender/);
    assert.throws(
      () => checkProductionSetup({ products: sms, codePepper: pepper }, environmentNames),
      /production needs SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET/,
    );

    // A product without SMS or e-mail steps needs no sender; production never serves the development outbox.
    const server = await start({ products: { praxis: { steps: ['credentials'] } }, codePepper: pepper });
    const url = await server.listen(0);
    try {
      assert.equal((await fetch(`${url}/health`)).status, 200);
      for (const query of ['', '?phone=%2B4915112345678', '?channel=email']) {
        assert.equal((await fetch(`${url}/dev/outbox${query}`)).status, 404, `/dev/outbox${query}`);
      }
    } finally {
      await server.close();
    }
  });

  describe('with real senders', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let emailSender: ReturnType<typeof createSmtpEmailSender>;
    let server: PforteServer;
    let widget: PforteAdapter;
    let url: string;
    const signedAt = Date.UTC(2026, 11, 3, 12, 0, 0);

    before(async () => {
      smtp = await startSmtpReceiver({ user: 'pforte', pass: 'smtp-pass' });
      webhook = await startWebhookReceiver(webhookSecret);
      emailSender = createSmtpEmailSender({ smtp: smtp.url, from: '"Praxisportal" <noreply@praxis.example>' });
      server = await createPforteServer({
        database: await sharedDatabase(),
        production: true,
        scryptCost: testScrypt,
        ...oneClientLimits,
        products: { praxisportal },
        allowedOrigins: [praxis],
        codePepper: pepper,
        emailSender,
        smsSender: createWebhookSmsSender({ url: webhook.url, secret: webhookSecret, now: () => signedAt }),
      });
      url = await server.listen(0);
      widget = widgetAt(url);
    });
    after(async () => {
      await server.close();
      emailSender.close();
      await smtp.close();
      await webhook.close();
    });

    async function registered(locale: string, email = `${unique('anna')}@praxis.example`) {
      const { flowId } = await widget.startRegistration({ locale });
      await widget.submitCredentials({ flowId, username: email, password });
      return { flowId, email };
    }

    it('mails the confirmation link over SMTP in the person’s language, and the link confirms the address', async () => {
      const { flowId, email } = await registered('de-DE');
      await widget.sendVerificationEmail({ flowId, returnUrl: `${praxis}/registrieren` });
      const mail = await smtp.mails.next();
      assert.deepEqual(mail.rcptTo, [email]);
      assert.equal(mail.mailFrom, 'noreply@praxis.example');
      assert.equal(mail.user, 'pforte', 'logged in with the credentials of the SMTP URL');
      assert.equal(mail.headers.get('to'), email);
      assert.match(mail.headers.get('from') ?? '', /^"?Praxisportal"? <noreply@praxis\.example>$/);
      assert.equal(mail.subject, 'Bestätigen Sie Ihre E-Mail-Adresse für Praxisportal');
      assert.match(mail.text, /^Guten Tag,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Praxisportal mit diesem Link:\n\n/);
      assert.match(mail.text, /Der Link ist 24 Stunden gültig\./);

      // What the widget's page does with the link: read the token from the fragment and confirm it at the server.
      const link = /https:\/\/\S+/.exec(mail.text)?.[0];
      assert.ok(link, mail.text);
      const opened = new URL(link);
      assert.equal(`${opened.origin}${opened.pathname}`, `${praxis}/registrieren`);
      const token = new URLSearchParams(opened.hash.slice(1)).get('pforte-email-token');
      assert.ok(token);
      const confirmed = await widgetAt(url).confirmEmail({ token });
      assert.equal(confirmed.flowId, flowId);
      assert.deepEqual(confirmed.completedSteps, ['credentials', 'emailVerification']);
      assert.equal((await rejection(widget.confirmEmail({ token }))).code, 'link.used');
    });

    it('mails codes over SMTP in English to an English flow; a refused mailbox stores nothing', async () => {
      const { flowId } = await registered('en');
      await widget.sendEmailCode({ flowId });
      const mail = await smtp.mails.next();
      const code = /your Praxisportal code is: (\d+)\n/.exec(mail.text)?.[1];
      assert.ok(code, mail.text);
      assert.equal(mail.subject, `${code} is your Praxisportal code`);
      assert.match(mail.text, /It is valid for 10 minutes\./);
      await widget.verifyEmailCode({ flowId, code });

      const refused = await registered('de', `${unique('refused')}@praxis.example`);
      assert.equal((await rejection(widget.sendVerificationEmail({ flowId: refused.flowId, returnUrl: `${praxis}/` }))).code, 'unknown');
      const tokens = await server.db.query('SELECT 1 FROM email_tokens WHERE flow_id = $1', [refused.flowId]);
      assert.equal(tokens.length, 0, 'no link stored for a mail that did not go out');
      // Nor was the resend throttle started: asking again reaches the mail server at once.
      assert.equal((await rejection(widget.sendVerificationEmail({ flowId: refused.flowId, returnUrl: `${praxis}/` }))).code, 'unknown');
    });

    it('sends SMS through the signed webhook, ending with the WebOTP line of the widget’s page', async () => {
      const { flowId } = await registered('de');
      const to = phone();
      await widget.sendSmsCode({ flowId, phone: to });
      const call = await webhook.calls.next();
      assert.equal(call.signatureValid, true, call.signature);
      assert.equal(call.timestamp, signedAt / 1000);
      assert.equal(call.contentType, 'application/json');
      assert.deepEqual(Object.keys(call.body).sort(), ['text', 'to'], 'the code travels only inside the text');
      assert.equal(call.body.to, to);
      const lines = call.body.text.split('\n');
      const code = /^@praxis\.example #(\d{8})$/.exec(lines.at(-1)!)?.[1];
      assert.ok(code, call.body.text);
      assert.equal(lines[0], `Ihr Code für Praxisportal: ${code}. Geben Sie ihn an niemanden weiter.`);
      await widget.verifySmsCode({ flowId, code });
    });

    it('stores no code when the webhook refuses or does not answer', async () => {
      const { flowId } = await registered('de');
      const to = phone();
      const stored = async () => (await server.db.query('SELECT 1 FROM sms_codes WHERE flow_id = $1', [flowId])).length;
      webhook.status = 503;
      try {
        assert.equal((await rejection(widget.sendSmsCode({ flowId, phone: to }))).code, 'unknown');
        assert.equal((await webhook.calls.next()).body.to, to);
        assert.equal(await stored(), 0);
      } finally {
        webhook.status = 204;
      }
      // Nothing counted either: no resend throttle for the number, the next try goes out.
      await widget.sendSmsCode({ flowId, phone: to });
      await webhook.calls.next();
      assert.equal(await stored(), 1);

      webhook.status = 'hang';
      try {
        const sender = createWebhookSmsSender({ url: webhook.url, secret: webhookSecret, timeoutMs: 200 });
        await assert.rejects(sender.send({ to, text: 'x', code: '1', flowId, sentAt: 0 }, server.db), /SMS webhook no answer within 200 ms/);
      } finally {
        webhook.status = 204;
      }
    });
  });

  it('builds webhook senders only for https or this machine, with a secret of 32 bytes', () => {
    const secret = webhookSecret;
    assert.throws(() => createWebhookSmsSender({ url: 'http://sms.example/send', secret }), /must be https/);
    assert.throws(() => createWebhookSmsSender({ url: 'https://sms.example/send', secret: 'short' }), /at least 32 bytes/);
    assert.ok(createWebhookSmsSender({ url: 'https://sms.example/send', secret }));
    assert.ok(createWebhookSmsSender({ url: 'http://[::1]:9000/send', secret }));
  });
});

describe('main.js', () => {
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  let directory: string;
  let productFile: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'pforte-main-'));
    productFile = join(directory, 'praxisportal.json');
    await writeFile(productFile, JSON.stringify({ id: 'praxisportal', ...praxisportal }));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Runs main.js with only these variables (no DATABASE_URL: in-memory PGlite); resolves when it listens or exits. */
  function run(variables: Record<string, string>) {
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', ...variables },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = new Promise<{ url?: string; code?: number | null }>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const listening = /listening on (http:\/\/\S+)/.exec(stderr);
        if (listening) resolve({ url: listening[1]! });
      });
      void exited.then((code) => resolve({ code }));
    });
    return { child, started, exited, stderr: () => stderr };
  }

  it('refuses to start in production with one line naming the missing variable', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /^pforte-server: production needs PFORTE_PRODUCTS: /],
      [{ PFORTE_PRODUCTS: productFile }, /^pforte-server: production needs SMS_CODE_PEPPER of at least 32 bytes/],
      [
        { PFORTE_PRODUCTS: productFile, SMS_CODE_PEPPER: pepper, SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'noreply@praxis.example' },
        /^pforte-server: product "praxisportal" sends SMS codes: production needs SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET\n$/,
      ],
      [
        { PFORTE_PRODUCTS: productFile, SMS_CODE_PEPPER: pepper, SMS_WEBHOOK_URL: 'https://sms.example/send', SMS_WEBHOOK_SECRET: webhookSecret },
        /^pforte-server: product "praxisportal" sends e-mails: production needs SMTP_URL \(or SMTP_HOST\) and MAIL_FROM\n$/,
      ],
      [{ PFORTE_PRODUCTS: productFile, SMS_CODE_PEPPER: pepper, SMTP_URL: 'smtp://127.0.0.1:1' }, /^pforte-server: MAIL_FROM is missing/],
      [{ SMS_WEBHOOK_URL: 'https://sms.example/send', SMS_WEBHOOK_SECRET: 'short' }, /^pforte-server: SMS_WEBHOOK_SECRET must have at least 32 bytes/],
    ];
    for (const [variables, message] of cases) {
      const started = run(variables);
      const outcome = await started.started;
      assert.equal(outcome.code, 1, `exit code with ${Object.keys(variables).join(', ') || 'nothing'}: ${started.stderr()}`);
      assert.match(started.stderr(), message);
    }
  });

  it('starts in production with products, pepper, SMTP and the SMS webhook, and sends through them', async () => {
    const smtp = await startSmtpReceiver({ user: 'main', pass: 'main-pass' });
    const webhook = await startWebhookReceiver(webhookSecret);
    const started = run({
      PFORTE_PRODUCTS: productFile,
      CORS_ORIGINS: praxis,
      SMS_CODE_PEPPER: pepper,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'noreply@praxis.example',
      SMS_WEBHOOK_URL: webhook.url,
      SMS_WEBHOOK_SECRET: webhookSecret,
    });
    try {
      const { url } = await started.started;
      assert.ok(url, started.stderr());
      assert.deepEqual(await (await fetch(`${url}/health`)).json(), { ok: true });
      assert.equal((await fetch(`${url}/dev/outbox`)).status, 404);
      const widget = widgetAt(url);
      const { flowId } = await widget.startRegistration({ locale: 'de' });
      const email = `${unique('main')}@praxis.example`;
      await widget.submitCredentials({ flowId, username: email, password });
      await widget.sendVerificationEmail({ flowId, returnUrl: `${praxis}/registrieren` });
      const mail = await smtp.mails.next();
      assert.deepEqual(mail.rcptTo, [email]);
      assert.equal(mail.user, 'main');
      await widget.sendSmsCode({ flowId, phone: '+4915112345678' });
      const call = await webhook.calls.next();
      assert.equal(call.signatureValid, true);
      assert.match(call.body.text, /\n@praxis\.example #\d{8}$/);
      started.child.kill('SIGTERM');
      assert.equal(await started.exited, 0, started.stderr());
    } finally {
      started.child.kill('SIGKILL');
      await smtp.close();
      await webhook.close();
    }
  });
});

