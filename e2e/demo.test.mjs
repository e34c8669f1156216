import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, openPage, tabTo } from './support/browser.mjs';
import { startDemoServer } from './support/servers.mjs';

const password = 'Ruhige-Praxis-2026!';

describe('demo page (npm start)', () => {
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

  it('completes a registration in German with the keyboard only', async () => {
    const { page, context, consoleLines, problems } = await openPage(browser, server.url);
    const heading = page.locator('pforte-signup h2');
    await heading.waitFor();
    assert.equal(await heading.textContent(), 'Benutzername und Passwort festlegen');

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
