/**
 * examples/script-tag-endpoint: the page's own server serves the widget under
 * /assets/pforte/ and proxies /api/pforte to the reference server (built,
 * in-memory PGlite). A person registers through `<pforte-signup endpoint>`;
 * every API call goes through the proxy, on the page's origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage } from './support/browser.mjs';
import { assertNoProblems, completeRegistration } from './support/flow.mjs';
import { startExample } from '../examples/script-tag-endpoint/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('examples/script-tag-endpoint: endpoint attribute through a same-origin proxy', () => {
  let reference;
  let example;
  let browser;
  before(async () => {
    const { createPforteServer } = await import(`${root}packages/server/dist/src/index.js`);
    // The page's port first: the server allows only the origins it is told (CORS_ORIGINS in production).
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
    reference = await createPforteServer({
      basePath: '/pforte',
      production: false,
      allowedOrigins: [`http://127.0.0.1:${port}`],
      scryptCost: { N: 1024, r: 8, p: 1 },
    });
    const upstream = await reference.listen(0, '127.0.0.1');
    example = await startExample({ upstream, port });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await example?.close();
    await reference?.close();
  });

  it('registers against the reference server, every call on the page origin', async () => {
    const { page, context, problems } = await openPage(browser, example.url);
    const origins = new Set();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    const heading = await completeRegistration(page, { username: 'praxis.team' });
    assert.equal(heading, 'Registrierung abgeschlossen');
    assert.deepEqual([...origins], [new URL(example.url).origin]);
    const accounts = await reference.db.query('select username from accounts');
    assert.deepEqual(accounts.map((account) => account.username), ['praxis.team']);
    assertNoProblems(problems);
    await context.close();
  });
});
