#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse (mobile: its default emulation and
 * simulated throttling) on the two pages a person loads, each against the
 * reference server, with Debian's Chromium (/usr/bin/chromium or
 * CHROMIUM_PATH):
 *
 * - the demo page as `npm start -- --build` serves it: the page's production
 *   build (vite build; Vite's preview server compresses it) with `/pforte`
 *   proxied to the reference server on a throwaway PGlite;
 * - examples/script-tag-endpoint: the CDN build under /assets/pforte/ and the
 *   API proxied from /api/pforte, as its server.mjs serves them.
 *
 * Builds what is missing or stale (core and the server; the elements' CDN
 * build), runs Lighthouse `--runs` times per page (default 3), prints each
 * run's scores and the median per category, and exits non-zero when a
 * median misses its goal: performance ≥ 95, accessibility 100, best
 * practices 100. The JSON reports land in dist/lighthouse/. Not part of
 * `npm test` (a run takes minutes).
 *
 *   npm run lighthouse [-- --runs 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installWhenStale } from './ensure-installed.mjs';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 3 : Number(args[runsIndex + 1]);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('npm run lighthouse: --runs takes a whole number ≥ 1');
  process.exit(2);
}

/** The goal of each category Lighthouse scores (0–100). */
const goals = { performance: 95, accessibility: 100, 'best-practices': 100 };

installWhenStale();
// Loaded after the install check: start.mjs imports nothing from node_modules at the top, Vite only when it serves.
const { ensureServerBuilt, freePort, root, startDemo } = await import('./start.mjs');
const { startExample } = await import('../examples/script-tag-endpoint/server.mjs');
const { chromiumArgs } = await import('../e2e/support/browser.mjs');

/** Newest modification time of the files under the given folders (0 when missing). */
function newest(...directories) {
  let latest = 0;
  for (const directory of directories.filter((folder) => existsSync(folder))) {
    for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return latest;
}

ensureServerBuilt();
const cdnEntry = join(root, 'packages/elements/dist/cdn/pforte.js');
const cdnBuilt = existsSync(cdnEntry) ? statSync(cdnEntry).mtimeMs : 0;
if (cdnBuilt < newest(join(root, 'packages/core/src'), join(root, 'packages/elements/src'))) {
  console.log('Building @pforte/core and @pforte/elements (the CDN files the script-tag page loads) …');
  const { status } = spawnSync('npm', ['run', 'build', '-w', '@pforte/core', '-w', '@pforte/elements'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(1);
}

const reports = join(root, 'dist/lighthouse');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'pforte-lighthouse-'));

/** One Lighthouse run of `url` (a fresh Chromium each time); resolves with its report. */
function lighthouse(url, reportPath) {
  const cli = join(root, 'node_modules/lighthouse/cli/index.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      url,
      `--chrome-path=${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
      `--chrome-flags=${chromiumArgs.join(' ')}`,
      `--only-categories=${Object.keys(goals).join(',')}`,
      '--output=json',
      `--output-path=${reportPath}`,
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolveRun, rejectRun) => {
    child.once('exit', (code) => {
      if (code !== 0) return rejectRun(new Error(`lighthouse ${url} exited with ${code}:\n${errors}`));
      const report = JSON.parse(readFileSync(reportPath, 'utf8'));
      if (report.runtimeError) return rejectRun(new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`));
      resolveRun(report);
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};

/** The audits of a category that lost points in a report, most weighty first. */
function shortfalls(report, category) {
  return report.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
    .sort((a, b) => b.weight - a.weight)
    .map((ref) => {
      const audit = report.audits[ref.id];
      return `${audit.id} (${Math.round(audit.score * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`;
    });
}

let example;
let demo;
let failed = false;
try {
  // The example's origin is fixed first: the reference server allows only the origins it is told.
  const examplePort = await freePort(0);
  process.env.CORS_ORIGINS = `http://127.0.0.1:${examplePort}`;
  demo = await startDemo({ dataDir, port: 0, build: true, logLevel: 'error', log: () => {} });
  if (demo.backend.kind !== 'server') throw new Error(`the demo runs without the reference server: ${demo.backend.reason}`);
  example = await startExample({ upstream: demo.serverUrl, port: examplePort });

  const results = [
    { name: 'demo (npm start -- --build)', url: demo.url, file: 'demo' },
    { name: 'examples/script-tag-endpoint', url: example.url, file: 'script-tag-endpoint' },
  ].map((page) => ({ ...page, scores: Object.fromEntries(Object.keys(goals).map((category) => [category, []])), lastReport: undefined }));
  // Lighthouse's CPU benchmark of each run: the machine's speed at the time (lower when it is busy).
  const benchmarks = [];
  // The pages take turns, so a busy spell of the machine does not fall on one page only.
  for (let run = 1; run <= runs; run += 1) {
    for (const result of results) {
      const report = await lighthouse(result.url, join(reports, `${result.file}-${run}.json`));
      result.lastReport = report;
      benchmarks.push(report.environment.benchmarkIndex);
      for (const category of Object.keys(goals)) result.scores[category].push(Math.round(report.categories[category].score * 100));
      console.log(`${result.name}, run ${run}: ${Object.entries(result.scores).map(([category, values]) => `${category} ${values.at(-1)}`).join(', ')}`);
    }
  }

  console.log(
    `\nLighthouse ${results[0].lastReport.lighthouseVersion}, mobile, median of ${runs} run${runs === 1 ? '' : 's'} ` +
      `(CPU benchmark index ${Math.round(Math.min(...benchmarks))}–${Math.round(Math.max(...benchmarks))}):`,
  );
  for (const { name, scores, lastReport } of results) {
    for (const [category, values] of Object.entries(scores)) {
      const value = median(values);
      const met = value >= goals[category];
      failed ||= !met;
      console.log(
        `  ${met ? 'ok  ' : 'MISS'} ${name}: ${category} ${value} (goal ≥ ${goals[category]}; runs ${values.join(', ')})` +
          (met ? '' : `\n         lost points in the last run: ${shortfalls(lastReport, category).join('; ') || 'none'}`),
      );
    }
  }
  console.log(`Reports: ${reports}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed = true;
} finally {
  await example?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
