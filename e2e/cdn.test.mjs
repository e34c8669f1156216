/**
 * The CDN bundle on pages it has to share: a host that uses @lit/localize
 * itself, and a page that loads Pforte three times. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openPage } from './support/browser.mjs';
import { startStaticServer } from './support/servers.mjs';
import { assertNoProblems, completeRegistration } from './support/flow.mjs';

describe('CDN bundle next to other code', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchChromium();
    server = await startStaticServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps translating when the host page configured its own @lit/localize', async () => {
    const { page, context, problems, consoleLines } = await openPage(browser, `${server.url}e2e/fixtures/host-localize.html`);
    await page.waitForFunction(() => document.body.dataset.hostReady === 'true');
    assert.equal(await page.locator('#host-text').textContent(), 'Willkommen in der Praxis');
    assert.equal(await page.locator('pforte-signup h2').textContent(), 'Benutzername und Passwort festlegen');
    assert.equal(await completeRegistration(page, { username: 'gastgeber-1' }), 'Registrierung abgeschlossen');
    // The host's text is still translated after Pforte switched its own locale.
    assert.equal(await page.locator('#host-text').textContent(), 'Willkommen in der Praxis');
    assert.ok(!consoleLines.some((line) => line.includes('already configured')), consoleLines.join('\n'));
    assertNoProblems(problems);
    await context.close();
  });

  it('loads pforte.js from two URLs and then the IIFE: no exception, one warning naming the active version', async () => {
    const warnings = [];
    const { page, context, problems } = await openPage(browser, 'about:blank');
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${server.url}e2e/fixtures/double-load.html`);
    await page.waitForFunction(() => document.body.dataset.classicLoaded === 'true');
    assert.equal(await completeRegistration(page, { username: 'doppelt-1' }), 'Registrierung abgeschlossen');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^\[pforte\] <pforte-[a-z-]+> is already defined \(version \d+\.\d+\.\d+\)/);
    assertNoProblems(problems);
    await context.close();
  });
});
