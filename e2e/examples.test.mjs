/**
 * Every example in examples/ run as its users would run it, in headless
 * Chromium: the script-tag pages against the built CDN bundles, the Vite, React
 * and Vue projects built with their own vite.config.ts against the built npm
 * package. Each completes a registration against the memory adapter and fails
 * on any console error. Needs `npm run build` first (npm test runs it before).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { launchChromium, openPage } from './support/browser.mjs';
import { buildExample, startStaticServer } from './support/servers.mjs';
import { assertNoProblems, completeRegistration, completeVideoConsultation, testPassword } from './support/flow.mjs';

export const strictPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

describe('examples', () => {
  let browser;
  let repository;
  const built = {};
  before(async () => {
    browser = await launchChromium();
    repository = await startStaticServer({
      headers: (pathname) =>
        // The classic script too: it loads pforte.js with no new CSP source.
        /^\/examples\/(strict-csp|script-tag-classic)\//.test(pathname) && (pathname.endsWith('/') || pathname.endsWith('.html'))
          ? { 'content-security-policy': strictPolicy }
          : {},
    });
    for (const name of ['vite-spa', 'react', 'vue']) {
      const directory = await buildExample(name);
      built[name] = { directory, server: await startStaticServer({ directory }) };
    }
  });
  after(async () => {
    await browser?.close();
    await repository?.close();
    for (const { directory, server } of Object.values(built)) {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('script-tag: the ES module bundle, a JSON config attribute, the backend from a module file', async () => {
    const { page, context, problems, consoleLines } = await openPage(browser, `${repository.url}examples/script-tag/`);
    assert.equal(await page.locator('pforte-signup h2').textContent(), 'Benutzername und Passwort festlegen');
    assert.equal(await completeRegistration(page, { username: 'praxis-team' }), 'Registrierung abgeschlossen');
    await page.waitForFunction(() => document.body.dataset.registered === 'praxis-team');
    assert.ok(!consoleLines.join('\n').includes(testPassword));
    assertNoProblems(problems);
    await context.close();
  });

  it('script-tag-classic: the classic script and window.Pforte, under the strict policy', async () => {
    const { page, context, problems } = await openPage(browser, `${repository.url}examples/script-tag-classic/`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
    assert.equal(await page.evaluate(() => window.Pforte.ready.then((Pforte) => typeof Pforte.PforteSignup)), 'function');
    assert.equal(await completeRegistration(page, { username: 'empfang@praxis.example' }), 'Registrierung abgeschlossen');
    await page.waitForFunction(() => document.body.dataset.registered === 'empfang@praxis.example');
    assertNoProblems(problems);
    await context.close();
  });

  it('strict-csp: works under script-src/style-src self and Trusted Types, with no violation', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy|Trusted Type/i.test(message.text())) {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Init scripts run outside the page's CSP; this one only records violations.
    await page.addInitScript(() => {
      window.pforteViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.pforteViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    const response = await page.goto(`${repository.url}examples/strict-csp/`);
    assert.equal(response.headers()['content-security-policy'], strictPolicy);
    // The whole seed 001 flow: the PIN, SMS and visibility steps and the phone
    // metadata arrive as lazy chunks, all under the strict policy.
    assert.equal(await completeVideoConsultation(page, { username: 'kundin-1' }), 'Registrierung abgeschlossen');
    await page.waitForFunction(() => document.body.dataset.registered === 'kundin-1');
    assert.deepEqual(await page.evaluate(() => window.pforteViolations), []);
    assertNoProblems(problems);

    // The policy is really in force: a raw innerHTML string is refused (and reported).
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    assert.ok(refused, 'Trusted Types are not enforced');
    await page.waitForFunction(() => window.pforteViolations.length === 1);
    await context.close();
  });

  for (const [name, label] of [
    ['vite-spa', 'vite-spa: TypeScript + Vite with typed events'],
    ['react', 'react: React 19 with properties and events on the custom element'],
    ['vue', 'vue: Vue 3 with isCustomElement, .prop bindings and events'],
  ]) {
    it(label, async () => {
      const { page, context, problems } = await openPage(browser, built[name].server.url);
      // React's product has a free username; the others register with the e-mail address.
      const heading = name === 'react' ? 'Benutzername und Passwort festlegen' : 'E-Mail-Adresse eingeben und Passwort festlegen';
      assert.equal(await page.locator('pforte-signup h2').textContent(), heading);
      const username = name === 'react' ? 'react-nutzer' : `${name}@praxis.example`;
      assert.equal(await completeRegistration(page, { username }), 'Registrierung abgeschlossen');
      await page.waitForFunction((expected) => document.querySelector('#status')?.textContent?.includes(`Registriert: ${expected}`), username);
      assertNoProblems(problems);
      await context.close();
    });
  }
});
