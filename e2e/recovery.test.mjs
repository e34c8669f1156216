/**
 * Password reset and guest access by keyboard alone, in German, against the
 * memory adapter and against the reference server: forgot password → the
 * link from the outbox → a new password → the old session gone → sign-in
 * with the new password; a guest joins with the invitation link and the code.
 * The page (e2e/fixtures/recovery.html) loads pforte.js and then only the
 * element it shows, from its own CDN file. The test stands in for the
 * practice (admin API, or the memory backend's methods) and the mailbox.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHttpAdapter, createManualClock } from '@pforte/core';
import { createPforteServer } from '../packages/server/dist/src/app.js';
import { openPglite } from '../packages/server/dist/src/db.js';
import { launchChromium, openPage, tabTo } from './support/browser.mjs';
import { startStaticServer } from './support/servers.mjs';
import { assertNoProblems } from './support/flow.mjs';

const adminToken = 'e2e-admin-token-of-at-least-32-characters';
const email = 'anna.schmidt@zahnarzt-beispiel.de';
const initialPassword = 'Initial#Praxis2026';
const changedPassword = 'Zwischen#Stand2026';
const newPassword = 'Neues#Passwort-2026';
const products = Object.fromEntries(
  ['dental-practice-portal', 'patient-video-app'].map((id) => [id, JSON.parse(readFileSync(new URL(`../examples/products/${id}.json`, import.meta.url), 'utf8'))]),
);

/** The static files and, below /pforte, the reference server (PGlite), on one origin as a portal would serve them. */
async function startPortal() {
  const files = await startStaticServer();
  let pforte;
  const proxy = createServer((request, response) => {
    if (request.url?.startsWith('/pforte/')) {
      pforte.handler(request, response);
      return;
    }
    fetch(new URL(request.url ?? '/', files.url))
      .then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain', 'cache-control': 'no-store' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => response.writeHead(502).end());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${proxy.address().port}`;
  const database = await openPglite();
  pforte = await createPforteServer({
    database,
    products,
    basePath: '/pforte',
    allowedOrigins: [origin],
    adminToken,
    clock: createManualClock(Date.now()),
  });
  return {
    origin,
    async close() {
      await new Promise((resolve) => proxy.close(resolve));
      await pforte.close();
      await database.close();
      await files.close();
    },
  };
}

/** A fetch with its own cookie jar (another browser, holding the session from before the reset). */
function cookieFetch() {
  const jar = new Map();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    headers.set('Origin', new URL(String(input)).origin);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
    return response;
  };
}

/** What the test needs of a backend: an account, a guest invitation, the outbox, sessions. */
function memoryBackend(page) {
  const call = (work, arg) => page.evaluate(work, arg);
  return {
    createAccount: () => call((input) => window.recoveryBackend.createAccount(input), { product: 'dental-practice-portal', username: email, password: initialPassword }),
    /** Signs in with the initial password and its forced change: a session from before the reset. */
    async sessionBeforeReset() {
      const first = await call((input) => window.recoveryBackend.signIn(input), { identifier: email, password: initialPassword, locale: 'de', product: 'dental-practice-portal' });
      assert.equal(first.status, 'passwordChange');
      await call((input) => window.recoveryBackend.changePassword(input), { signInId: first.signInId, password: changedPassword });
      return { session: () => call(() => window.recoveryBackend.getSession()) };
    },
    lastEmail: (to) => call((address) => window.recoveryBackend.outbox.filter((message) => message.to === address).at(-1), to),
    inviteGuest: (returnUrl) => call((input) => window.recoveryBackend.inviteGuest(input), { product: 'patient-video-app', email: 'ben@example.com', name: 'Ben Berger', returnUrl }),
    signIn: (password) => call((input) => window.recoveryBackend.signIn(input), { identifier: email, password, locale: 'de', product: 'dental-practice-portal' }),
    pageSession: () => call(() => window.recoveryBackend.getSession()),
  };
}

function serverBackend(page, origin) {
  const admin = (path, body) =>
    fetch(`${origin}/pforte${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    }).then((response) => assert.equal(response.status, 201));
  const apiFor = (fetchImpl) => createHttpAdapter({ baseUrl: `${origin}/pforte`, locale: 'de', fetch: fetchImpl });
  return {
    createAccount: () => admin('/admin/accounts', { product: 'dental-practice-portal', username: email, password: initialPassword }),
    async sessionBeforeReset() {
      const api = apiFor(cookieFetch());
      const first = await api.signIn({ identifier: email, password: initialPassword, locale: 'de', product: 'dental-practice-portal' });
      assert.equal(first.status, 'passwordChange');
      await api.changePassword({ signInId: first.signInId, password: changedPassword });
      return { session: () => api.getSession() };
    },
    async lastEmail(to) {
      const response = await fetch(`${origin}/pforte/dev/outbox?${new URLSearchParams({ to, channel: 'email' })}`);
      return (await response.json()).messages.at(-1);
    },
    inviteGuest: (returnUrl) => admin('/admin/guest-invitations', { product: 'patient-video-app', email: 'ben@example.com', name: 'Ben Berger', returnUrl }),
    signIn: (password) => apiFor(cookieFetch()).signIn({ identifier: email, password, locale: 'de', product: 'dental-practice-portal' }),
    // The page's own fetch: its cookie, as GET /session sees it.
    pageSession: () => page.evaluate(() => fetch('/pforte/session').then((response) => response.json())),
  };
}

/** Follows an e-mailed link the way a click does; the page's own URL plus a fragment stays in the document. */
async function followLink(page, link) {
  await page.evaluate((href) => {
    location.href = href;
  }, link);
}

/** Nothing secret left in the address, the history entry, web storage or the console. */
async function assertNoSecretLeft(page, consoleLines, secrets) {
  const state = await page.evaluate(() => ({
    url: location.href,
    history: JSON.stringify(history.state),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
  }));
  for (const secret of secrets) {
    for (const [where, value] of Object.entries({ ...state, console: consoleLines.join('\n') })) {
      assert.ok(!value.includes(secret), `a secret in ${where}`);
    }
  }
}

for (const kind of ['memory', 'server']) {
  describe(`password reset and guest access by keyboard, in German (${kind === 'memory' ? 'memory adapter' : 'reference server'})`, () => {
    let portal;
    let browser;
    before(async () => {
      portal = await startPortal();
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await portal?.close();
    });

    it('forgot password → link from the outbox → new password → old session gone → sign-in with the new password', async () => {
      const pageUrl = `${portal.origin}/e2e/fixtures/recovery.html?backend=${kind}&element=reset`;
      const { page, context, consoleLines, problems } = await openPage(browser, pageUrl);
      const backend = kind === 'memory' ? memoryBackend(page) : serverBackend(page, portal.origin);
      const heading = page.locator('pforte-password-reset h2');
      await heading.waitFor();
      assert.equal(await heading.textContent(), 'Passwort vergessen?');
      await backend.createAccount();
      const before = await backend.sessionBeforeReset();
      assert.notEqual((await before.session()).session, null, 'signed in before the reset');

      await tabTo(page, 'pforte-password-reset input[name="username"]');
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.textContent === 'Prüfen Sie Ihr Postfach');
      // The address is set apart by invisible isolates (it stays whole in right-to-left text).
      const shown = (await page.locator('pforte-password-reset').innerText()).replace(/[\u2066-\u2069]/g, '');
      assert.match(shown, /Falls ein Konto für anna\.schmidt@zahnarzt-beispiel\.de besteht/);

      const mail = await backend.lastEmail(email);
      assert.match(mail.text, /ein neues Passwort für/);
      const token = new URL(mail.link).hash.split('=')[1];
      assert.ok(mail.link.startsWith(`${pageUrl}#pforte-reset-token=`), mail.link);
      await followLink(page, mail.link);
      await page.waitForFunction(() => document.activeElement?.textContent === 'Neues Passwort festlegen');
      assert.equal(await page.evaluate(() => location.hash), '', 'the token left the address bar at once');

      await tabTo(page, 'pforte-password-reset input[name="password"]');
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.textContent === 'Ihr Passwort wurde geändert');

      assert.equal((await before.session()).session, null, 'GET /session: the session from before the reset is gone');
      assert.equal((await backend.signIn(changedPassword)).status, 'failed', 'the old password no longer works');
      assert.equal((await backend.signIn(newPassword)).status, 'signedIn', 'the new password signs in');
      await assertNoSecretLeft(page, consoleLines, [token, newPassword]);
      assertNoProblems(problems);
      await context.close();
    });

    it('a guest joins with the invitation link and the code', async () => {
      const pageUrl = `${portal.origin}/e2e/fixtures/recovery.html?backend=${kind}&element=guest`;
      const { page, context, consoleLines, problems } = await openPage(browser, pageUrl);
      const backend = kind === 'memory' ? memoryBackend(page) : serverBackend(page, portal.origin);
      await page.locator('pforte-guest-access h2').waitFor();
      await backend.inviteGuest(pageUrl);
      const mail = await backend.lastEmail('ben@example.com');
      assert.match(mail.text, /Anmeldung mit TAN/);
      const invitation = new URL(mail.link).hash.split('=')[1];
      const code = /Ihr einmaliger Code: (\d+)/.exec(mail.text)?.[1];
      assert.ok(code, 'the code in the invitation e-mail');

      await followLink(page, mail.link);
      await page.waitForFunction(() => document.activeElement?.matches('pforte-guest-access pforte-code-input input') ?? false);
      assert.equal(await page.evaluate(() => location.hash), '', 'the invitation left the address bar at once');
      assert.match(await page.locator('pforte-guest-access').innerText(), /Willkommen, Ben Berger\./);
      await page.keyboard.type(code);
      await page.waitForFunction(() => document.activeElement?.textContent === 'Sie sind als Gast angemeldet');

      const { session } = await backend.pageSession();
      assert.equal(session?.guest, true, 'GET /session shows a guest');
      assert.equal(session?.username, 'Ben Berger');
      await assertNoSecretLeft(page, consoleLines, [invitation, code]);
      assertNoProblems(problems);
      await context.close();
    });
  });
}
