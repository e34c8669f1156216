/**
 * Turkish and Arabic end to end, against the reference server (npm start),
 * by keyboard alone: the video consultation's registration (seed 001:
 * credentials, service PIN, SMS second factor, visibility) and the billing
 * centre's first sign-in (SMS TAN, a new password, the notice). Every text
 * the person reads comes from that language's XLIFF, the server's SMS are
 * in the same language (core's message tables), and Arabic is laid out
 * right to left with the number and the codes left to right.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageTables } from '@pforte/core/rules';
import { focusOn, launchChromium, openPage, tabTo, tabToName, waitLimit } from './support/browser.mjs';
import { readUnits, xliffPath } from '../scripts/xliff.mjs';
import { startDemo } from '../scripts/start.mjs';

const adminToken = 'e2e-admin-token-languages-0123456789abcdef';
const password = 'Ruhige-Praxis-2026!';
const initialPassword = 'Erstes Kennwort 2026';
const newPassword = 'Kundencenter am Montag 2026';

const unescapeXml = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** A message as `locale` shows it (its XLIFF target), for messages without placeholders. */
function translation(locale, id) {
  const target = readUnits(xliffPath(locale)).get(id)?.target;
  assert.ok(target, `${locale} has no text for ${id}`);
  return unescapeXml(target);
}

/** Chooses an option of a select by keyboard (ArrowDown until it holds `value`). */
async function choose(page, selector, value) {
  await tabTo(page, selector, 40);
  for (let presses = 0; presses < 12 && (await page.locator(selector).inputValue()) !== value; presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.locator(selector).inputValue(), value);
}

/** The newest outbox message once there are more than `before`, and the code of `digits` digits in it. */
async function nextMessage(page, before, digits) {
  await page.waitForFunction((count) => document.querySelectorAll('#outbox li').length > count, before, { timeout: waitLimit });
  const text = await page.locator('#outbox li').last().textContent();
  const code = new RegExp(`\\b\\d{${digits}}\\b`).exec(text)?.[0];
  assert.ok(code, `no code in the outbox: ${text}`);
  return { text, code };
}

const outboxCount = (page) => page.locator('#outbox li').count();

for (const { locale, username, mobile, billingPhone } of [
  { locale: 'tr', username: 'dr.yilmaz', mobile: '01512 3456781', billingPhone: '+4915199887761' },
  { locale: 'ar', username: 'dr.haddad', mobile: '01512 3456782', billingPhone: '+4915199887762' },
]) {
  const t = (id) => translation(locale, id);

  describe(`${locale}: registration and sign-in against the reference server`, () => {
    let demo;
    let browser;
    let dataDir;
    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), `pforte-e2e-${locale}-`));
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

    it('registers with PIN and SMS (seed 001), the SMS in the same language', { timeout: 180_000 }, async () => {
      const { page, context, problems } = await openPage(browser, demo.url);
      await page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('endpoint') === '/pforte');
      await choose(page, '#product', 'videoConsultationFull');
      await choose(page, '#locale', locale);
      await page.waitForFunction((heading) => document.querySelector('pforte-signup h2')?.textContent?.trim() === heading, t('credentials.heading'));
      const signup = page.locator('pforte-signup');
      assert.equal(await signup.getAttribute('lang'), locale);
      assert.equal(await signup.getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');

      await tabTo(page, 'pforte-signup input[name="username"]', 40);
      await page.keyboard.type(username);
      await page.keyboard.press('Tab');
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
      await focusOn(page, t('pin.heading'));
      await page.locator('pforte-pin-step input[type="checkbox"]').waitFor();
      assert.equal(await page.locator('pforte-pin-step .pf-pin [aria-hidden]').getAttribute('dir'), 'ltr');
      await tabToName(page, t('pin.stored'));
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      await focusOn(page, t('sms.heading.optional'));
      await tabToName(page, t('phone.label'));
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('dir')), 'ltr');
      const before = await outboxCount(page);
      await page.keyboard.type(mobile);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.matches('pforte-code-input input'), undefined, { timeout: waitLimit });
      const sms = await nextMessage(page, before, 8);
      assert.ok(sms.text.includes(messageTables[locale].smsCode('Videosprechstunde', sms.code)), `the SMS is in ${locale}: ${sms.text}`);
      await page.keyboard.type(sms.code);

      await focusOn(page, t('visibility.heading'));
      await tabToName(page, t('common.continue'));
      await page.keyboard.press('Enter');
      await focusOn(page, t('done.heading'));
      assert.deepEqual(problems, []);
      await context.close();
    });

    it("signs in to the billing centre: the SMS TAN in the same language, a new password, the notice", { timeout: 120_000 }, async () => {
      const response = await fetch(new URL('pforte/admin/accounts', demo.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ product: 'billing-customer-centre', username: `kunde-${locale}`, password: initialPassword, secondFactor: 'sms', phone: billingPhone }),
      });
      assert.equal(response.status, 201, await response.text());
      const { page, context, problems } = await openPage(browser, demo.url);
      await page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('endpoint') === '/pforte');
      await choose(page, '#product', 'billingCustomerCentre');
      await choose(page, '#locale', locale);
      await tabTo(page, '#demo-tab-register', 40);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((heading) => document.querySelector('pforte-signin h2')?.textContent?.trim() === heading, t('signin.heading'));
      assert.equal(await page.locator('pforte-signin').getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');

      await tabTo(page, 'pforte-signin input[name="username"]', 40);
      await page.keyboard.type(`kunde-${locale}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type(initialPassword);
      const before = await outboxCount(page);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.matches('pforte-signin pforte-code-input input'), undefined, { timeout: waitLimit });
      const sms = await nextMessage(page, before, 6);
      assert.ok(sms.text.includes(messageTables[locale].smsCode('Kundencenter', sms.code)), `the SMS is in ${locale}: ${sms.text}`);
      await page.keyboard.type(sms.code);

      await page.waitForFunction(() => document.activeElement?.matches('pforte-signin input[name="new-password"]'), undefined, { timeout: waitLimit });
      assert.equal(await page.locator('pforte-signin h2').textContent(), t('signin.change.heading'));
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Enter');
      await focusOn(page, t('signin.notice.heading'));
      const notice = (await readFile(new URL('../examples/products/billing-customer-centre.json', import.meta.url), 'utf8').then(JSON.parse)).signIn.firstSignInNotice;
      assert.equal(await page.locator('pforte-signin .pf-first-notice').textContent(), notice[locale]);
      await tabToName(page, t('common.continue'));
      await page.keyboard.press('Enter');
      await focusOn(page, t('signin.done.heading'));
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}
