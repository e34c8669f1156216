#!/usr/bin/env node
/**
 * Opens every story of the static Storybook build (docs/storybook-static) in
 * headless Chromium and fails on any console error, page error, Storybook
 * rendering or play-function error, or axe violation in the story root.
 * Docs pages (guides and autodocs) are opened too and must render without
 * errors. Prints one line per entry and a final `N passed, N failed`.
 *
 * Usage: node scripts/check-stories.mjs [filter]   (filter: substring of story ids)
 *
 * A story tagged `expect-console-error` may log console errors that start
 * with "[pforte]" (e.g. the bad-config story, whose element reports the
 * config error on the console by design); any other error still fails it.
 *
 * No fixed waits: a story is checked once Storybook reports its render
 * finished (play function included) and every Pforte element in the root has
 * finished updating; a docs page once its content and every story on it are
 * rendered. Each entry has a generous deadline (STORY_DEADLINE_MS, default
 * 120 s) for loaded machines, so only a story that never settles fails.
 * One browser; each worker keeps one page and switches stories in it, as
 * Storybook's UI does; as many workers as cores (at most 4; STORY_WORKERS
 * overrides).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'docs', 'storybook-static');
const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const filter = process.argv[2] ?? '';
const deadlineMs = Number(process.env.STORY_DEADLINE_MS) || 120_000;
const concurrency = Number(process.env.STORY_WORKERS) || Math.max(1, Math.min(4, availableParallelism()));

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A static file server for the build, on a free loopback port. */
async function serve(directory) {
  const server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    // Chromium asks for /favicon.ico on its own; the build ships favicon.svg.
    if (path === '/favicon.ico') path = '/favicon.svg';
    let file = normalize(join(directory, path));
    if (file !== directory && !file.startsWith(directory + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Waits until Storybook has finished story `id`: rendered, played, afterEach
 * run (or failed).
 */
async function waitForStory(page, id) {
  await page.waitForFunction(
    (storyId) => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      return render !== undefined && render.id === storyId && ['finished', 'aborted', 'errored'].includes(render.phase);
    },
    id,
    { timeout: deadlineMs, polling: 100 },
  );
}

/**
 * Waits until every Lit element under `selector` (Pforte's and those they
 * render) has no update pending, twice in a row: an update can start another
 * (a lazy chunk arrived, a step changed), and then new elements appear.
 */
async function waitForElementsSettled(page, selector) {
  await page.waitForFunction(
    async (rootSelector) => {
      const root = document.querySelector(rootSelector);
      if (!root) return false;
      const pending = () => {
        const elements = [];
        const visit = (node) => {
          for (const element of node.querySelectorAll('*')) {
            if ('updateComplete' in element) elements.push(element);
            if (element.shadowRoot) visit(element.shadowRoot);
          }
        };
        visit(root);
        return elements;
      };
      for (let round = 0; round < 2; round += 1) {
        const elements = pending();
        const results = await Promise.all(elements.map((element) => element.updateComplete));
        // updateComplete resolves to false when another update was requested meanwhile.
        if (results.some((done) => done === false)) return false;
        await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
        if (pending().length !== elements.length) return false;
      }
      return true;
    },
    selector,
    { timeout: deadlineMs, polling: 100 },
  );
}

/** Waits until a docs page shows its content and every story on it finished rendering. */
async function waitForDocs(page) {
  await page.waitForFunction(
    () => {
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if ((document.querySelector('#storybook-docs .sbdocs-content')?.childElementCount ?? 0) === 0) return false;
      // Inline stories show a loader until rendered.
      return document.querySelector('#storybook-docs .sb-loader, #storybook-docs [aria-busy="true"].docs-story') === null;
    },
    undefined,
    { timeout: deadlineMs, polling: 100 },
  );
  await waitForElementsSettled(page, '#storybook-docs');
}

async function storybookError(page) {
  return page.evaluate(() => {
    if (!document.body.classList.contains('sb-show-errordisplay')) {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return phase === 'errored' || phase === 'aborted' ? `story ${phase}` : undefined;
    }
    const message = document.querySelector('#error-message')?.textContent?.trim() ?? '';
    const stack = document.querySelector('#error-stack')?.textContent?.trim().split('\n').slice(0, 3).join(' | ') ?? '';
    return `Storybook error: ${message} ${stack}`.trim();
  });
}

async function axeViolations(page) {
  return page.evaluate(async () => {
    const result = await window.axe.run('#storybook-root', {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // The story root is a fragment of a page: page-level rules do not apply to it.
      rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
    });
    return result.violations.map(
      (violation) =>
        `axe ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 2)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  });
}

/**
 * A worker's page: one Storybook preview that stories are switched in, as
 * Storybook's own UI does (no reload per story, so its bundle loads once).
 * Console errors and uncaught exceptions go to the entry being checked. After
 * a failed entry, and for docs pages, the next entry gets a fresh load.
 */
async function openWorkerPage(context, baseUrl) {
  const page = await context.newPage();
  const worker = { page, problems: [], fresh: true };
  page.on('console', (message) => {
    if (message.type() === 'error') worker.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => worker.problems.push(`page error: ${error.message}`));
  worker.show = async (entry) => {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    worker.problems = [];
    if (worker.fresh || viewMode === 'docs') {
      await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`, { timeout: deadlineMs });
      worker.axeLoaded = false;
      // A docs page leaves its own state behind: the story after it starts afresh.
      worker.fresh = viewMode === 'docs';
    } else {
      await page.evaluate((storyId) => {
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, entry.id);
    }
  };
  return worker;
}

async function checkEntry(worker, entry) {
  const started = Date.now();
  const { page } = worker;
  try {
    await worker.show(entry);
    if (entry.type !== 'docs') {
      await waitForStory(page, entry.id);
      const error = await storybookError(page);
      if (error) worker.problems.push(error);
      else {
        await waitForElementsSettled(page, '#storybook-root');
        if (!worker.axeLoaded) {
          await page.addScriptTag({ content: axeSource });
          worker.axeLoaded = true;
        }
        worker.problems.push(...(await axeViolations(page)));
      }
    } else {
      await waitForDocs(page);
      const error = await storybookError(page);
      if (error) worker.problems.push(error);
    }
  } catch (error) {
    worker.problems.push(`did not finish within ${deadlineMs / 1000} s: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const allowed = entry.tags?.includes('expect-console-error')
    ? (problem) => problem.startsWith('console error: [pforte]')
    : () => false;
  const problems = worker.problems.filter((problem) => !allowed(problem));
  // A story that logged an error, even an allowed one, may leave state behind.
  if (worker.problems.length > 0) worker.fresh = true;
  return { entry, problems, ms: Date.now() - started };
}

const server = await serve(staticDir);
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
  const entries = Object.values(index.entries)
    .filter((entry) => entry.id.includes(filter))
    .sort((a, b) => (a.type === b.type ? 0 : a.type === 'story' ? -1 : 1));
  const stories = entries.filter((entry) => entry.type === 'story').length;
  console.log(`Checking ${stories} stories and ${entries.length - stories} docs pages from ${server.url} (${concurrency} at a time)`);
  const queue = [...entries];
  const workers = Array.from({ length: concurrency }, async () => {
    // One context per worker: its pages share the HTTP cache (Storybook's and Pforte's chunks load once).
    const context = await browser.newContext({ locale: 'de-DE' });
    const worker = await openWorkerPage(context, server.url);
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const { problems, ms } = await checkEntry(worker, entry);
      const label = `${entry.type === 'docs' ? 'docs ' : 'story'} ${entry.id}`;
      if (problems.length === 0) {
        passed += 1;
        console.log(`  ok    ${label} (${ms} ms)`);
      } else {
        failed += 1;
        console.log(`  FAIL  ${label} (${ms} ms)`);
        for (const problem of problems) console.log(`        ${problem}`);
      }
    }
    await context.close();
  });
  await Promise.all(workers);
  if (passed + failed === 0) {
    console.log('no stories found');
    failed = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
