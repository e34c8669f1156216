/**
 * What a page fetches, as Chromium requests it: pforte.js alone for a product
 * whose steps are all in it, and only the configured steps' files otherwise.
 * The backend is a stub of the HTTP contract (`endpoint`), so the page loads
 * nothing but Pforte itself. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/browser.mjs';
import { startStaticServer } from './support/servers.mjs';
import { assertNoProblems, completeRegistration } from './support/flow.mjs';

const cdn = '/packages/elements/dist/cdn/';
const cdnDir = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));

/** pforte-validation.js and the chunks it imports: the config and answer schemas with zod, loaded beside the first step. */
function validationFiles(file = 'pforte-validation.js', into = new Set()) {
  into.add(file);
  for (const [, imported] of readFileSync(`${cdnDir}${file}`, 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) {
    if (imported !== 'pforte.js' && !into.has(imported)) validationFiles(imported, into);
  }
  return into;
}

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

  it('credentials → done: pforte.js renders the first step; besides it only the validation and, once typed, the common passwords', async () => {
    const config = { id: 'kurz', username: { kind: 'username' }, steps: ['credentials', 'done'] };
    const { page, context, problems, files, calls } = await open(config);
    assert.equal(await completeRegistration(page, { username: 'praxis-team' }), 'Registrierung abgeschlossen');
    assert.deepEqual(calls, ['/registrations', '/registrations/flow-1/credentials', '/registrations/flow-1/complete']);
    assert.equal(files[0], 'pforte.js');
    // Once a password is typed, the checklist fetches the common-password list; nothing else comes but the validation.
    const commonPasswords = files.filter((file) => /^common-passwords-[\w-]+\.js$/.test(file));
    assert.equal(commonPasswords.length, 1, files.join(', '));
    assert.deepEqual(new Set(files.slice(1).filter((file) => !commonPasswords.includes(file))), validationFiles());
    assertNoProblems(problems);
    await context.close();
  });

  it('credentials → visibility → done: the visibility step, fetched while the first step is shown, and no other step', async () => {
    const config = { id: 'sichtbar', username: { kind: 'username' }, steps: ['credentials', 'visibility', 'done'] };
    const { page, context, problems, files } = await open(config);
    await page.waitForFunction(() => customElements.get('pforte-visibility-step') !== undefined);
    // Still on the first step: the next one is there before the person moves on.
    assert.equal(await page.locator('pforte-signup pforte-credentials-step').count(), 1);
    const steps = files.filter((file) => file.startsWith('steps/'));
    assert.deepEqual(steps, ['steps/visibility-step.js']);
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
    assert.deepEqual(files.filter((file) => file.startsWith('phone/')), ['phone/DE.js', 'phone/FR.js']);
    assertNoProblems(problems);
    await context.close();
  });
});
