/**
 * Sign-in on the demo page, by keyboard alone and in German, against the
 * memory adapter and against the reference server (npm start): register,
 * sign in with the SMS TAN, sign out, five wrong passwords, the lock counting
 * down, signing in after it; then an account the billing centre created
 * (the memory adapter's createAccount, the server's admin API) whose first
 * sign-in asks for the SMS TAN, forces a new password and shows the
 * first-sign-in notice. Nothing secret reaches events, storage, the URL or
 * the console.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseProduct, focusOn, launchChromium, openPage, tabTo, tabToName } from './support/browser.mjs';
import { startDemoServer, startStaticServer } from './support/servers.mjs';
import { startDemo } from '../scripts/start.mjs';

const password = 'Ruhige-Praxis-2026!';
const initialPassword = 'Erstes Kennwort 2026';
const newPassword = 'Kundencenter am Montag 2026';
const adminToken = 'e2e-admin-token-0123456789abcdef0123456789';
const signinHeading = 'pforte-signin h2';

/** Presses Shift+Tab until `selector` has focus. */
async function tabBackTo(page, selector, limit = 25) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Shift+Tab');
  }
  throw new Error(`Shift+Tab never reached ${selector}`);
}

/** The number of messages in the demo's outbox panel. */
const outboxCount = (page) => page.locator('#outbox li').count();

/** The code of `digits` digits in the newest outbox message, once there are more than `before`. */
async function nextCode(page, before, digits) {
  await page.waitForFunction((count) => document.querySelectorAll('#outbox li').length > count, before, { timeout: 15_000 });
  const text = await page.locator('#outbox li').last().textContent();
  const code = new RegExp(`\\b\\d{${digits}}\\b`).exec(text)?.[0];
  assert.ok(code, `no code in the outbox: ${text}`);
  return code;
}

/** Registers `dr.berger` with the video consultation's PIN and SMS second factor (the seed 001 card). */
async function registerWithSms(page) {
  await chooseProduct(page, 'videoConsultationFull');
  await page.locator('pforte-signup input[name="username"]').waitFor();
  await tabTo(page, 'pforte-signup input[name="username"]');
  await page.keyboard.type('dr.berger');
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await focusOn(page, 'Ihre Service-PIN');
  await page.locator('pforte-pin-step input[type="checkbox"]').waitFor();
  await tabToName(page, 'Ich habe meine Service-PIN sicher verwahrt.');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await focusOn(page, '2-Faktor-Authentifizierung (optional)');
  await tabToName(page, 'Mobilfunknummer');
  const before = await outboxCount(page);
  await page.keyboard.type('01512 3456789');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('pforte-code-input input'), undefined, { timeout: 15_000 });
  await page.keyboard.type(await nextCode(page, before, 8));
  await focusOn(page, 'Sichtbarkeit in der Kontaktsuche');
  await tabToName(page, 'Fortfahren');
  await page.keyboard.press('Enter');
  await focusOn(page, 'Registrierung abgeschlossen');
}

/** From the register tab to the sign-in tab by the arrow key, then into its form. */
async function openSignInTab(page) {
  await tabTo(page, '#demo-tab-register', 40);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#demo-tab-signin').getAttribute('aria-selected'), 'true');
  await page.locator(signinHeading).waitFor();
  assert.equal(await page.locator(signinHeading).textContent(), 'Anmelden');
}

/** Types identifier and password into the sign-in form (focus on its identifier) and presses Enter. */
async function submitSignIn(page, identifier, secret) {
  await tabTo(page, 'pforte-signin input[name="username"]', 40);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(identifier);
  await page.keyboard.press('Tab');
  await page.keyboard.type(secret);
  await page.keyboard.press('Enter');
}

/** Signs in with the SMS TAN from the outbox (6 digits). */
async function signInWithSms(page, identifier, secret) {
  const before = await outboxCount(page);
  await submitSignIn(page, identifier, secret);
  await page.waitForFunction(() => document.activeElement?.matches('pforte-signin pforte-code-input input'), undefined, { timeout: 15_000 });
  if ((await page.locator('pforte-signin').textContent()).includes('Vor wenigen Augenblicken wurde bereits ein Code gesendet.')) {
    // The registration's SMS went to this number moments ago (the server's throttle per number): wait for the resend.
    const resend = page.locator('pforte-signin button.pf-resend');
    await page.waitForFunction(() => document.querySelector('pforte-signin button.pf-resend')?.getAttribute('aria-disabled') === null, undefined, {
      timeout: 30_000,
    });
    assert.equal((await resend.textContent()).trim(), 'Neuen Code anfordern');
    await tabToName(page, 'Neuen Code anfordern');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('pforte-signin pforte-code-input input'), undefined, { timeout: 15_000 });
  } else {
    assert.match(await page.locator('pforte-signin').textContent(), /per SMS an Ihre Mobilnummer/);
  }
  const code = await nextCode(page, before, 6);
  await page.keyboard.type(code);
  return code;
}

/** Five wrong passwords: the attempts count down, then the lock. Resolves the lock's button text. */
async function lockOut(page) {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await tabTo(page, 'pforte-signin input[name="password"]', 40);
    await page.keyboard.type(`falsch-${attempt}`);
    await page.keyboard.press('Enter');
    if (attempt < 5) {
      await page.waitForFunction(
        (left) => document.querySelector('pforte-signin .pf-alert')?.textContent?.includes(`Verbleibende Versuche bis zur Anmeldesperre: ${left}.`),
        5 - attempt,
        { timeout: 15_000 },
      );
    }
  }
  await page.waitForFunction(() => document.querySelector('pforte-signin .pf-alert')?.textContent?.includes('Die Anmeldesperre ist vorübergehend'), undefined, {
    timeout: 15_000,
  });
  const button = page.locator('pforte-signin button.pf-primary');
  assert.equal(await button.getAttribute('aria-disabled'), 'true');
  return (await button.textContent()).trim();
}

/** Signs out with the keyboard from the signed-in stage. */
async function signOut(page) {
  await tabToName(page, 'Abmelden');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('pforte-signin h2')?.textContent === 'Anmelden');
}

/** Nothing secret in the event log, storage, cookies the page can read, the URL or the console. */
async function assertNoSecrets(page, consoleLines, secrets) {
  const events = await page.locator('#events').textContent();
  const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]));
  for (const place of [events, stored, consoleLines.join('\n')]) {
    for (const secret of secrets) assert.ok(!place.includes(secret), `a secret leaked: ${secret}`);
  }
  assert.doesNotMatch(stored, /pforte-session/, 'the session cookie is HttpOnly');
}

/** The practice-created billing account: SMS TAN, then a new password, then the first-sign-in notice. */
async function firstSignIn(page, consoleLines) {
  const code = await signInWithSms(page, 'kunde-4711', initialPassword);
  // The new password's field takes focus at once; the heading names the stage.
  await page.waitForFunction(() => document.activeElement?.matches('pforte-signin input[name="new-password"]'), undefined, { timeout: 15_000 });
  assert.equal(await page.locator(signinHeading).textContent(), 'Neues Passwort wählen');
  await page.keyboard.type(initialPassword);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('pforte-signin input[name="new-password"]')?.getAttribute('aria-invalid') === 'true');
  assert.match(await page.locator('pforte-signin').textContent(), /Das neue Passwort muss sich vom bisherigen unterscheiden\./);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newPassword);
  await page.keyboard.press('Enter');
  await focusOn(page, 'Willkommen');
  assert.match(await page.locator('pforte-signin .pf-notice').textContent(), /Herzlich willkommen im Online-Kundencenter!/);
  await tabToName(page, 'Fortfahren');
  await page.keyboard.press('Enter');
  await focusOn(page, 'Sie sind angemeldet');
  assert.match(await page.locator('#events').textContent(), /pforte-signed-in \{"accountId":"[^"]+","username":"kunde-4711","secondFactor":"sms"\}/);
  await assertNoSecrets(page, consoleLines, [initialPassword, newPassword, code]);
}

describe('sign-in on the demo page, memory adapter', () => {
  let server;
  let browser;
  before(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('register, sign in with the SMS TAN, sign out, lock after five wrong passwords, sign in after the lock (demo clock)', { timeout: 120_000 }, async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, server.url);
    await page.locator('pforte-signup h2').waitFor();
    await registerWithSms(page);
    await openSignInTab(page);

    const code = await signInWithSms(page, 'dr.berger', password);
    await focusOn(page, 'Sie sind angemeldet');
    assert.match(await page.locator('#events').textContent(), /pforte-signed-in \{"accountId":"[^"]+","username":"dr\.berger","secondFactor":"sms"\}/);
    await signOut(page);

    assert.equal(await lockOut(page), 'Erneut anmelden in 5:00');
    // The memory adapter runs on the demo's clock: its button moves it past the lock.
    await tabToName(page, 'Uhr der Demo um 5 Minuten vorstellen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('pforte-signin [role="status"]')?.textContent?.trim() === 'Sie können sich jetzt wieder anmelden.');
    await tabBackTo(page, 'pforte-signin input[name="password"]');
    await page.keyboard.type(password);
    const before = await outboxCount(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('pforte-signin pforte-code-input input'), undefined, { timeout: 15_000 });
    await page.keyboard.type(await nextCode(page, before, 6));
    await focusOn(page, 'Sie sind angemeldet');
    await assertNoSecrets(page, consoleLines, [password, code]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an account the billing centre created: SMS TAN, a new password, the first-sign-in notice', { timeout: 60_000 }, async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, server.url);
    await page.locator('pforte-signup h2').waitFor();
    await chooseProduct(page, 'billingCustomerCentre');
    await page.waitForFunction(() => window.pforteDemo?.memoryAdapter !== undefined);
    await page.evaluate(
      ({ secret }) =>
        window.pforteDemo.memoryAdapter.createAccount({ username: 'kunde-4711', password: secret, secondFactor: 'sms', phone: '+4915199887766' }),
      { secret: initialPassword },
    );
    await openSignInTab(page);
    await firstSignIn(page, consoleLines);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('sign-in on the demo page, reference server (npm start)', () => {
  let demo;
  let browser;
  let dataDir;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pforte-e2e-signin-'));
    [demo, browser] = await Promise.all([
      startDemo({ dataDir, port: 0, logLevel: 'error', log: () => {}, serverEnv: { PFORTE_ADMIN_TOKEN: adminToken } }),
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('register, sign in with the SMS TAN, sign out, lock after five wrong passwords, sign in after the lock', { timeout: 180_000 }, async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, demo.url);
    await page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('endpoint') === '/pforte');
    await registerWithSms(page);
    await openSignInTab(page);
    assert.equal(await page.locator('pforte-signin').getAttribute('endpoint'), '/pforte');

    const code = await signInWithSms(page, 'dr.berger', password);
    await focusOn(page, 'Sie sind angemeldet');
    // The session is the server's HttpOnly cookie: a reload still finds it.
    assert.equal((await page.context().cookies()).filter((cookie) => cookie.name === '__Host-pforte-session' && cookie.httpOnly).length, 1);
    await signOut(page);

    // The demo product locks for 10 seconds; the server's clock is real, so the countdown runs to its end.
    assert.match(await lockOut(page), /^Erneut anmelden in 0:(10|0\d)$/);
    await page.waitForFunction(() => document.querySelector('pforte-signin [role="status"]')?.textContent?.trim() === 'Sie können sich jetzt wieder anmelden.', undefined, {
      timeout: 30_000,
    });
    await tabTo(page, 'pforte-signin input[name="password"]', 40);
    await page.keyboard.type(password);
    const before = await outboxCount(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('pforte-signin pforte-code-input input'), undefined, { timeout: 15_000 });
    await page.keyboard.type(await nextCode(page, before, 6));
    await focusOn(page, 'Sie sind angemeldet');
    await assertNoSecrets(page, consoleLines, [password, code]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an account the billing centre created (admin API): SMS TAN, a new password, the first-sign-in notice', { timeout: 60_000 }, async () => {
    const response = await fetch(new URL('pforte/admin/accounts', demo.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ product: 'billing-customer-centre', username: 'kunde-4711', password: initialPassword, secondFactor: 'sms', phone: '+4915199887766' }),
    });
    assert.equal(response.status, 201, await response.text());
    const { page, context, consoleLines, problems } = await openPage(browser, demo.url);
    await page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('endpoint') === '/pforte');
    await chooseProduct(page, 'billingCustomerCentre');
    await openSignInTab(page);
    await firstSignIn(page, consoleLines);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('sign-in from the script-tag files (pforte.js + pforte-signin.js)', () => {
  let server;
  let browser;
  before(async () => {
    [server, browser] = await Promise.all([startStaticServer(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pforte-signin.js defines the element beside pforte.js, and it signs in by keyboard', async () => {
    const cdn = '/packages/elements/dist/cdn/';
    const files = [];
    const { page, context, problems } = await openPage(browser, 'about:blank');
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith(cdn)) files.push(pathname.slice(cdn.length));
    });
    await page.goto(`${server.url}e2e/fixtures/signin.html`);
    await page.locator(signinHeading).waitFor();
    assert.equal(await page.locator(signinHeading).textContent(), 'Anmelden');
    await submitSignIn(page, 'praxis-team', password);
    await focusOn(page, 'Sie sind angemeldet');
    assert.ok(files.includes('pforte.js') && files.includes('pforte-signin.js'), files.join(', '));
    assert.ok(!files.some((file) => file.startsWith('steps/')), `no registration step is fetched: ${files.join(', ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
