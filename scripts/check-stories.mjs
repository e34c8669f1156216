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
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage } from '../e2e/support/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'docs', 'storybook-static');
const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const filter = process.argv[2] ?? '';
const storyTimeoutMs = 15_000;
const concurrency = 2;

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

/** Waits until Storybook has finished the story: rendered, played, afterEach run (or failed). */
async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      return render !== undefined && ['finished', 'aborted', 'errored'].includes(render.phase);
    },
    undefined,
    { timeout: storyTimeoutMs, polling: 50 },
  );
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
  await page.addScriptTag({ content: axeSource });
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

async function checkEntry(browser, baseUrl, entry) {
  const started = Date.now();
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  const url = `${baseUrl}iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}`;
  const { page, context, problems } = await openPage(browser, url);
  try {
    if (viewMode === 'story') {
      await waitForStory(page);
      const error = await storybookError(page);
      if (error) problems.push(error);
      else problems.push(...(await axeViolations(page)));
    } else {
      await page.waitForFunction(
        () =>
          document.body.classList.contains('sb-show-errordisplay') ||
          (document.querySelector('#storybook-docs .sbdocs-content')?.childElementCount ?? 0) > 0,
        undefined,
        { timeout: storyTimeoutMs, polling: 50 },
      );
      // Let autoplaying stories on the page finish.
      await page.waitForTimeout(300);
      const error = await storybookError(page);
      if (error) problems.push(error);
    }
  } catch (error) {
    problems.push(`did not finish: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await context.close();
  }
  const allowed = entry.tags?.includes('expect-console-error')
    ? (problem) => problem.startsWith('console error: [pforte]')
    : () => false;
  return { entry, problems: problems.filter((problem) => !allowed(problem)), ms: Date.now() - started };
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
  console.log(`Checking ${stories} stories and ${entries.length - stories} docs pages from ${server.url}`);
  const queue = [...entries];
  const workers = Array.from({ length: concurrency }, async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const { problems, ms } = await checkEntry(browser, server.url, entry);
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
