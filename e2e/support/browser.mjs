import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** Flags for Debian's Chromium on a machine without a network or a GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * How long a test waits for something a person waits for (the next step, a
 * message in the outbox). The demo's dev server transforms each module on its
 * first request, which takes long on a loaded 2-core machine; the waits end
 * as soon as their condition holds, so a generous limit costs nothing.
 */
export const waitLimit = 60_000;

/** Launches Debian's Chromium (never a downloaded browser). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
}

/**
 * Opens a page that fails the test on any console error or uncaught
 * exception, and records every console line for secret checks.
 */
export async function openPage(browser, url, { locale = 'de-DE', viewport } = {}) {
  const context = await browser.newContext({ locale, ...(viewport ? { viewport } : {}) });
  context.setDefaultTimeout(waitLimit);
  const page = await context.newPage();
  const consoleLines = [];
  const problems = [];
  page.on('console', (message) => {
    consoleLines.push(message.text());
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, context, consoleLines, problems };
}

/** Presses Tab until `selector` has focus; fails after `limit` presses. */
export async function tabTo(page, selector, limit = 25) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused control's accessible text: its label, or its own text (buttons, headings). */
export function focusedName(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const text = active?.labels?.[0]?.textContent ?? active?.textContent ?? '';
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused control is named `name` (see focusedName); fails after `limit` presses. */
export async function tabToName(page, name, limit = 30) {
  for (let presses = 0; presses < limit; presses += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}" (at "${await focusedName(page)}")`);
}

/** Waits until the focused element's text is `text` (a step heading after a step change). */
export async function focusOn(page, text, timeout = waitLimit) {
  await page.waitForFunction((wanted) => document.activeElement?.textContent?.trim() === wanted, text, { timeout });
}

/** Chooses a product in the demo's select by keyboard. */
export async function chooseProduct(page, value) {
  await tabTo(page, '#product', 40);
  for (let presses = 0; presses < 10 && (await page.locator('#product').inputValue()) !== value; presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.locator('#product').inputValue(), value);
}
