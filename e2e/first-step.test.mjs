/**
 * What a page fetches, as Chromium requests it: pforte.js for the first step
 * (with German's text of it; English is the source text in the code), beside
 * it the config validation and the HTTP client the first submit needs and the
 * active locale's error sentences, and only the configured steps' files and
 * text otherwise.
 * The backend is a stub of the HTTP contract (`endpoint`), so the page loads
 * nothing but Pforte itself. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix } from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { startStaticServer } from './support/servers.mjs';
import { assertNoProblems, completeRegistration } from './support/flow.mjs';

const cdn = '/packages/elements/dist/cdn/';
const cdnDir = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));

/** `file` and the chunks it imports statically, without pforte.js. */
function withImports(file, into = new Set()) {
  into.add(file);
  for (const [, imported] of readFileSync(`${cdnDir}${file}`, 'utf8').matchAll(/from\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
    const path = posix.normalize(posix.join(posix.dirname(file), imported));
    if (path !== 'pforte.js' && !into.has(path)) withImports(path, into);
  }
  return into;
}
/** The chunk of `dist/cdn` whose name starts with `prefix` (`http-client-`). */
const chunk = (prefix) => readdirSync(cdnDir).find((file) => file.startsWith(prefix) && file.endsWith('.js'));
/** What the first submit needs, fetched beside the first step: the config validation (zod) and the HTTP client. */
const besideFirstStep = () => new Set([...withImports('pforte-validation.js'), ...withImports(chunk('http-client-'))]);
/** Resolves once `files` (a live list of requests) holds `file`. */
async function requested(files, file, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!files.includes(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not requested: ${files.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
/** The common-password rule and its lists, fetched once a password is typed. */
const isCommonPasswordFile = (file) => /^common-passwords-[\w-]+\.js$/.test(file);

/** Answers the contract's calls for credentials → (visibility →) done. */
async function stubBackend(page, calls) {
  await page.route('**/stub-backend/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/stub-backend', '');
    calls.push(path);
    const now = Date.now();
    const answers = {
      '/registrations': { status: 201, body: { flowId: 'flow-1', expiresAt: now + 3_600_000, now } },
      '/registrations/flow-1/credentials': { status: 200, body: { username: JSON.parse(route.request().postData()).username } },
      '/registrations/flow-1/visibility': { status: 204 },
      '/registrations/flow-1/complete': {
        status: 200,
        body: { accountId: 'account-1', username: 'praxis-team', skipped: [], visible: true, secondFactor: 'none', emailVerified: false },
      },
    };
    const answer = answers[path];
    if (!answer) return route.fulfill({ status: 404 });
    return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body ? JSON.stringify(answer.body) : undefined });
  });
}

describe('files a product fetches', () => {
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

  /** Opens the endpoint page with `config` and returns the Pforte files Chromium fetched so far (live list). */
  async function open(config) {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const files = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith(cdn)) files.push(pathname.slice(cdn.length));
    });
    const calls = [];
    await stubBackend(page, calls);
    await page.goto(`${server.url}e2e/fixtures/endpoint.html?config=${encodeURIComponent(JSON.stringify(config))}`);
    return { page, context, problems, files, calls };
  }

  it('credentials → done: pforte.js renders the first step; beside it the validation, the HTTP client, the German error sentences and, once typed, the common passwords', async () => {
    const config = { id: 'kurz', username: { kind: 'username' }, steps: ['credentials', 'done'] };
    const { page, context, problems, files, calls } = await open(config);
    await page.locator('pforte-signup pforte-credentials-step input[name="username"]').waitFor();
    assert.equal(files[0], 'pforte.js');
    assert.equal(await completeRegistration(page, { username: 'praxis-team' }), 'Registrierung abgeschlossen');
    assert.deepEqual(calls, ['/registrations', '/registrations/flow-1/credentials', '/registrations/flow-1/complete']);
    const rest = files.slice(1);
    assert.equal(rest.filter(isCommonPasswordFile).length, 2, files.join(', '));
    assert.deepEqual(new Set(rest.filter((file) => !isCommonPasswordFile(file))), new Set([...besideFirstStep(), 'locales/de/flow.js']));
    assertNoProblems(problems);
    await context.close();
  });

  it('an English page fetches no text file; a German one only German text, an Arabic one only Arabic', async () => {
    const config = { id: 'kurz', locale: 'en', username: { kind: 'username' }, steps: ['credentials', 'sms', 'done'] };
    const english = await open(config);
    await english.page.locator('pforte-signup pforte-credentials-step input[name="username"]').waitFor();
    await english.page.waitForFunction(() => customElements.get('pforte-sms-step') !== undefined);
    assert.equal(await english.page.locator('pforte-signup h2').textContent(), 'Choose your username and password');
    assert.deepEqual(english.files.filter((file) => file.startsWith('locales/')), []);
    assertNoProblems(english.problems);
    await english.context.close();

    const german = await open({ ...config, locale: 'de' });
    await german.page.waitForFunction(() => customElements.get('pforte-sms-step') !== undefined);
    await german.page.locator('pforte-signup h2', { hasText: 'Benutzername und Passwort festlegen' }).waitFor();
    // The SMS step's text, its code field's and its phone field's, fetched with its code.
    await requested(german.files, 'locales/de/phone.js');
    const text = german.files.filter((file) => file.startsWith('locales/'));
    assert.deepEqual(text.filter((file) => !file.startsWith('locales/de/')), [], text.join(', '));
    for (const group of ['flow', 'sms', 'phone']) assert.ok(text.includes(`locales/de/${group}.js`), text.join(', '));
    assertNoProblems(german.problems);
    await german.context.close();

    // Every other language's text is a file of its own, beside pforte.js: Arabic fetches Arabic and nothing else.
    const arabic = await open({ ...config, locale: 'ar' });
    await arabic.page.waitForFunction(() => customElements.get('pforte-sms-step') !== undefined);
    await arabic.page.waitForFunction(() => document.querySelector('pforte-signup')?.getAttribute('dir') === 'rtl');
    await requested(arabic.files, 'locales/ar/phone.js');
    const arabicText = arabic.files.filter((file) => file.startsWith('locales/'));
    assert.deepEqual(arabicText.filter((file) => !file.startsWith('locales/ar/')), [], arabicText.join(', '));
    for (const group of ['pforte', 'flow', 'sms', 'phone']) assert.ok(arabicText.includes(`locales/ar/${group}.js`), arabicText.join(', '));
    assertNoProblems(arabic.problems);
    await arabic.context.close();
  });

  it('credentials → visibility → done: the visibility step, fetched while the first step is shown, and no other step', async () => {
    const config = { id: 'sichtbar', username: { kind: 'username' }, steps: ['credentials', 'visibility', 'done'] };
    const { page, context, problems, files } = await open(config);
    await page.waitForFunction(() => customElements.get('pforte-visibility-step') !== undefined);
    // Still on the first step: the next one is there before the person moves on.
    assert.equal(await page.locator('pforte-signup pforte-credentials-step').count(), 1);
    const steps = files.filter((file) => file.startsWith('steps/'));
    assert.deepEqual(steps, ['steps/visibility-step.js']);
    await requested(files, 'locales/de/visibility.js');
    assert.equal(files[0], 'pforte.js');
    assertNoProblems(problems);
    await context.close();
  });

  it('a phone field fetches the metadata of its country, and of another when a number of it is typed', async () => {
    const config = { id: 'telefon', username: { kind: 'username' }, steps: ['credentials', 'sms', 'done'] };
    const { page, context, problems, files } = await open(config);
    const signup = page.locator('pforte-signup');
    await signup.getByLabel('Benutzername').fill('praxis-team');
    await signup.getByLabel('Passwort', { exact: true }).fill('Ruhige-Praxis-2026!');
    const german = page.waitForRequest(/\/phone\/DE\.js$/);
    await signup.getByRole('button', { name: 'Bestätigen & Fortfahren' }).click();
    await german;
    const french = page.waitForRequest(/\/phone\/FR\.js$/);
    await signup.getByLabel('Mobilfunknummer').pressSequentially('+33 6 12 34 56 78');
    await french;
    assert.deepEqual(files.filter((file) => /^phone\/[A-Z]{2}\.js$/.test(file)), ['phone/DE.js', 'phone/FR.js']);
    assertNoProblems(problems);
    await context.close();
  });
});
