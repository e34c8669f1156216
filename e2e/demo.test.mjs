import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { focusOn, launchChromium, openPage, tabTo, tabToName, waitLimit } from './support/browser.mjs';
import { startDemoServer } from './support/servers.mjs';
import { startDemo } from '../scripts/start.mjs';

const password = 'Ruhige-Praxis-2026!';

/**
 * The layout shift (as Lighthouse sums it, input-driven shifts left out) from
 * the page's start until its widget shows a heading, the backend hint (filled
 * in after the page's status and health checks) has its text and `ready`
 * (a selector) is there.
 */
async function layoutShiftWhileLoading(page, ready = 'pforte-signup h2') {
  await page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.locator('pforte-signup h2').waitFor();
  await page.locator(ready).waitFor();
  await page.waitForFunction(() => document.querySelector('#backend-hint')?.textContent !== '');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => window.__shift);
}

describe('demo page on the memory adapter (served without the reference server)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('links to the docs, and every link answers', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    const links = await page.locator('header a[href^="/docs/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.href));
    assert.ok(links.length >= 4, `docs links: ${links.join(', ')}`);
    for (const link of links) {
      const response = await page.request.get(link);
      assert.equal(response.status(), 200, link);
      assert.ok((await response.text()).length > 100, link);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("speaks one language at a time, the widget's, and names products without internal labels", async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    await page.locator('pforte-signup h2').waitFor();
    const pageText = () => page.evaluate(() => document.querySelector('header')?.innerText ?? '');
    assert.match(await pageText(), /Produkt/);
    assert.doesNotMatch(await pageText(), /\b(Product|Language|Theme)\b/);
    const products = await page.locator('#product option').allTextContents();
    assert.ok(products.every((name) => !/seed/i.test(name)), products.join(', '));
    await page.locator('#locale').selectOption('en');
    await page.waitForFunction(() => document.querySelector('pforte-signup h2')?.textContent === 'Choose your username and password');
    assert.match(await pageText(), /Product/);
    assert.doesNotMatch(await pageText(), /\b(Produkt|Sprache|Darstellung)\b/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps its layout still while the widget loads (no layout shift), on a desktop and on a phone', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const { page, context, problems } = await openPage(browser, server.url, { viewport });
      const shift = await layoutShiftWhileLoading(page);
      assert.ok(shift < 0.05, `cumulative layout shift ${shift} at ${viewport?.width ?? 'the default'} px`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('completes a registration in German with the keyboard only', async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, server.url);
    const heading = page.locator('pforte-signup h2');
    await heading.waitFor();
    assert.equal(await heading.textContent(), 'Benutzername und Passwort festlegen');
    // Without the server behind /pforte the memory adapter is the only backend.
    assert.deepEqual(await page.locator('#backend option').evaluateAll((options) => options.map((option) => option.value)), ['memory']);

    await tabTo(page, 'pforte-signup input[name="username"]');
    await page.keyboard.type('vergeben');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    const usernameError = page.locator('pforte-signup input[name="username"][aria-invalid="true"]');
    await usernameError.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'username');

    await page.keyboard.press('End');
    await page.keyboard.type('-praxis');
    await page.keyboard.press('Enter');

    const done = page.locator('pforte-done-step h2');
    await done.waitFor();
    assert.equal(await done.textContent(), 'Registrierung abgeschlossen');
    await page.waitForFunction(() => document.activeElement?.matches('pforte-done-step h2'));
    const events = await page.locator('#events').textContent();
    assert.match(events, /pforte-complete/);

    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]));
    for (const place of [events, stored, consoleLines.join('\n')]) assert.ok(!place.includes(password), 'password leaked');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('demo page on the reference server (npm start: Chromium → <pforte-signup endpoint> → server → PGlite)', () => {
  let demo;
  let browser;
  let dataDir;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pforte-e2e-pglite-'));
    [demo, browser] = await Promise.all([startDemo({ dataDir, port: 0, logLevel: 'error', log: () => {} }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps its layout still while the server's hint and reset button arrive, on phones and a tablet", async () => {
    for (const width of [320, 412, 800]) {
      const { page, context, problems } = await openPage(browser, demo.url, { viewport: { width, height: 823 } });
      const shift = await layoutShiftWhileLoading(page, '#reset-data:not([hidden])');
      assert.ok(shift < 0.01, `cumulative layout shift ${shift} at ${width} px`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `horizontal scrolling at ${width} px`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('completes the seed 001 flow in German with the keyboard only, and the account is in the database', { timeout: 120_000 }, async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, demo.url);
    // The server answers behind /pforte, so it is the default backend.
    await page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('endpoint') === '/pforte');
    assert.equal(await page.locator('#backend').inputValue(), 'server');

    // Choose the seed 001 product with the keyboard.
    await tabTo(page, '#product');
    for (let presses = 0; presses < 5 && (await page.locator('#product').inputValue()) !== 'videoConsultationFull'; presses += 1) {
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(await page.locator('#product').inputValue(), 'videoConsultationFull');
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
    await page.keyboard.type('01512 3456789');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('pforte-code-input input'), undefined, { timeout: waitLimit });
    // The outbox panel polls the server's GET /dev/outbox.
    const smsText = await page.locator('#outbox li').last().textContent({ timeout: waitLimit });
    const code = /\b\d{8}\b/.exec(smsText)?.[0];
    assert.ok(code, `no code in the outbox: ${smsText}`);
    assert.match(smsText, /^sms → \+4915123456789: /);
    await page.keyboard.type(code);

    await focusOn(page, 'Sichtbarkeit in der Kontaktsuche');
    await tabToName(page, 'In der Kontaktsuche sichtbar sein');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await focusOn(page, 'Registrierung abgeschlossen');
    const events = await page.locator('#events').textContent();
    assert.match(events, /pforte-complete \{[^}]*"username":"dr\.berger"[^}]*"secondFactor":"sms"/);
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href]));
    for (const place of [events, stored, consoleLines.join('\n')]) {
      assert.ok(!place.includes(password), 'password leaked');
      assert.ok(!place.includes(code), 'SMS code leaked');
    }
    assert.deepEqual(problems, []);
    await context.close();

    // Stop the server (SIGTERM: PGlite flushes and closes), then open its data directory directly.
    const stopping = demo;
    demo = undefined;
    await stopping.close();
    const { openPglite } = await import('@pforte/server');
    const database = await openPglite(dataDir);
    try {
      const accounts = await database.query('SELECT username, phone, second_factor, visible, password_hash, pin_hash FROM accounts');
      assert.equal(accounts.length, 1);
      const [account] = accounts;
      assert.deepEqual(
        { username: account.username, phone: account.phone, secondFactor: account.second_factor, visible: account.visible },
        { username: 'dr.berger', phone: '+4915123456789', secondFactor: 'sms', visible: true },
      );
      assert.ok(account.password_hash && !account.password_hash.includes(password), 'password stored in clear');
      assert.ok(account.pin_hash, 'no PIN hash');
      const [flow] = await database.query("SELECT completed_at, password_hash, pin_hash, product FROM flows WHERE view->>'username' = 'dr.berger'");
      assert.ok(flow.completed_at !== null, 'flow not completed');
      assert.equal(flow.product, 'design-card', 'the flow is bound to the product the widget named');
      assert.equal(flow.password_hash, null, 'the completed flow still holds a secret');
    } finally {
      await database.close();
    }
  });
});
