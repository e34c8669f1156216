#!/usr/bin/env node
/**
 * `npm test`: every check of the project, one command.
 *
 *   npm test                      every check
 *   npm test -- lint types        only these checks (and the build, when one needs it)
 *   npm test -- --bail            stop at the first failure
 *   npm test -- --jobs 1          one heavy check at a time (default: 2, at most the CPU count)
 *   npm test -- --list            the check names
 *
 * Plain Node: nothing from node_modules is loaded here, so it can first
 * install the locked packages (`npm ci`) when node_modules is missing or older
 * than package-lock.json, and find (or, as root, install) Chromium for the
 * browser checks.
 *
 * Independent checks run concurrently, at most `--jobs` heavy ones at a time
 * (light ones beside them); a check that needs the build starts once the
 * build passed. With more than one check running, each one's output is held
 * back and printed whole when it ends. A summary lists every check with its
 * seconds and ends with `checks: N passed, N failed, N skipped`; the exit code
 * is 1 when any check failed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { installWhenStale } from './ensure-installed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const postgresUrl = process.env.PFORTE_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const serverTests = [
  '--test',
  '--test-reporter=spec',
  ...['server', 'hardening', 'conformance', 'production', 'identity', 'sign-in', 'organization'].map((name) => `packages/server/dist/test/${name}.spec.js`),
];

/**
 * name: what `npm test -- <name>` selects. run: commands run one after the
 * other. needs: checks that must pass first. heavy: keeps a core busy (all
 * but the sub-second checks). browser: runs in Chromium. Order matters: a
 * ready check starts before the ones listed after it.
 */
const checks = [
  { name: 'lockfile', title: 'lockfile complete and in step with package.json', run: [['node', ['scripts/check-lockfile.mjs']]] },
  { name: 'build', heavy: true, run: [['npm', ['run', 'build']]] },
  { name: 'lint', heavy: true, run: [[bin('eslint'), ['.', '--max-warnings', '0']]] },
  // The longest checks after the build come first, so they start as soon as it passed.
  { name: 'storybook', heavy: true, browser: true, needs: ['build'], run: [['npm', ['run', 'docs:check']]] },
  { name: 'e2e', title: 'end-to-end', heavy: true, browser: true, needs: ['build'], run: [['node', ['--test', '--test-reporter=spec', 'e2e/']]] },
  // Every step in every state against committed screenshots, and in Bootstrap, Tailwind and hostile pages (sources, no build).
  { name: 'visual', title: 'screenshots and host-page CSS', heavy: true, browser: true, run: [['node', ['--test', '--test-reporter=spec', '--test-concurrency=1', 'visual/']]] },
  // After the build: the seed products also register against the built reference server (test/support/reference-server.mjs).
  { name: 'browser', title: 'component tests (web-test-runner)', heavy: true, browser: true, needs: ['build'], run: [[bin('web-test-runner'), []]] },
  // Core's pure logic (flow engine, rules, policy, adapters) under node's test runner: no browser needed.
  { name: 'core', title: 'core (node:test)', heavy: true, run: [['npm', ['test', '-w', '@pforte/core']]] },
  {
    name: 'types',
    heavy: true,
    run: [
      [bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
      [bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']],
    ],
  },
  { name: 'lit-analyzer', heavy: true, run: [[bin('lit-analyzer'), ['packages/elements/src', '--strict', '--quiet']]] },
  { name: 'translations', heavy: true, run: [['node', ['scripts/check-translations.mjs']]] },
  // Reference server on in-memory PGlite, and the adapter conformance kit against the memory and HTTP adapters.
  { name: 'server', title: 'server and conformance', heavy: true, needs: ['build'], run: [['node', serverTests]], env: { PFORTE_TEST_DATABASE_URL: '' } },
  // The same storage and conformance tests on PostgreSQL, when one is given (.ci/run starts a throwaway cluster).
  {
    name: 'server-postgres',
    title: 'server and conformance on PostgreSQL',
    heavy: true,
    needs: ['build'],
    run: [['node', serverTests]],
    env: { PFORTE_TEST_DATABASE_URL: postgresUrl },
    skip: postgresUrl ? undefined : 'no PostgreSQL: set PFORTE_TEST_DATABASE_URL (or DATABASE_URL) to run it; .ci/run does',
  },
  { name: 'packages', title: 'publint, are-the-types-wrong, entry points', heavy: true, needs: ['build'], run: [['node', ['scripts/check-packages.mjs']]] },
  // The examples type-check against the built package's .d.ts, as an npm user's project would.
  {
    name: 'examples',
    title: 'example types',
    heavy: true,
    needs: ['build'],
    run: ['vite-spa', 'react', 'vue'].map((name) => [bin('tsc'), ['--noEmit', '-p', `examples/${name}/tsconfig.json`]]),
  },
  { name: 'openapi', title: 'openapi up to date', needs: ['build'], run: [['node', ['scripts/openapi.mjs', '--check']]] },
  { name: 'config-reference', title: 'config reference up to date', needs: ['build'], run: [['node', ['scripts/config-reference.mjs', '--check']]] },
];

// Arguments.
const args = process.argv.slice(2);
let bail = false;
let jobs = Math.max(1, Math.min(2, availableParallelism()));
const selected = [];
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index];
  if (arg === '--bail') bail = true;
  else if (arg === '--list') {
    for (const check of checks) console.log(`${check.name.padEnd(17)} ${[check.title, check.needs && `after ${check.needs.join(', ')}`].filter(Boolean).join('; ')}`);
    process.exit(0);
  } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
    const value = Number(arg.includes('=') ? arg.slice('--jobs='.length) : args[(index += 1)]);
    if (!Number.isInteger(value) || value < 1) usage(`--jobs needs a whole number ≥ 1`);
    jobs = value;
  } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else if (checks.some((check) => check.name === arg)) selected.push(arg);
  else usage(`unknown check "${arg}"`);
}

function usage(problem) {
  console.error(`npm test: ${problem}`);
  console.error('Usage: npm test [-- [--bail] [--jobs N] [--list] [check …]]');
  console.error(`Checks: ${checks.map((check) => check.name).join(', ')}`);
  process.exit(2);
}

// The locked packages, before anything needs them.
installWhenStale();

// What runs: the selection plus what it needs.
const wanted = new Set(selected.length > 0 ? selected : checks.map((check) => check.name));
for (const check of checks) if (wanted.has(check.name)) for (const need of check.needs ?? []) wanted.add(need);
const plan = checks.filter((check) => wanted.has(check.name));
const added = plan.filter((check) => selected.length > 0 && !selected.includes(check.name)).map((check) => check.name);
if (added.length > 0) console.log(`Also running ${added.join(', ')}: the selected checks need it.`);

// Chromium, for the checks that open it.
let chromiumProblem;
if (plan.some((check) => check.browser && !check.skip)) {
  const chromium = ensureChromium();
  if (chromium.error) chromiumProblem = chromium.error;
  else process.env.CHROMIUM_PATH = chromium.path;
}

const results = new Map();
const running = new Map();
const concurrent = plan.filter((check) => !check.skip).length > 1 && jobs > 1;
let bailed = false;
const started = Date.now();

await new Promise((done) => {
  const next = () => {
    for (const check of plan) {
      if (results.has(check.name) || running.has(check.name)) continue;
      const failedNeed = (check.needs ?? []).find((need) => results.has(need) && results.get(need).status !== 'pass');
      if (check.skip || failedNeed || bailed || (check.browser && chromiumProblem)) {
        const reason = check.skip ?? (failedNeed ? `${failedNeed} did not pass` : bailed ? 'not run: --bail after a failure' : undefined);
        if (check.browser && chromiumProblem && !check.skip && !failedNeed && !bailed) {
          console.log(`\n✖ ${label(check)}: ${chromiumProblem}`);
          finish(check, { status: 'fail', seconds: 0, note: chromiumProblem });
        } else {
          if (!bailed) console.log(`\n▷ ${label(check)}: skipped (${reason})`);
          finish(check, { status: 'skip', seconds: 0, note: reason });
        }
        continue;
      }
      if (!(check.needs ?? []).every((need) => results.get(need)?.status === 'pass')) continue;
      const heavyRunning = [...running.values()].filter((run) => run.check.heavy).length;
      if (check.heavy && heavyRunning >= jobs) continue;
      if (!concurrent && running.size > 0) continue;
      start(check);
    }
    if (running.size === 0 && results.size === plan.length) done();
  };

  const finish = (check, result) => {
    results.set(check.name, result);
    if (result.status === 'fail' && bail && !bailed) {
      bailed = true;
      for (const run of running.values()) run.stop();
    }
  };

  function start(check) {
    const begin = Date.now();
    const output = [];
    const write = (chunk) => {
      output.push(chunk);
      if (!concurrent) process.stdout.write(chunk);
    };
    console.log(`\n▶ ${label(check)}${concurrent ? ' started' : ''}: ${check.run.map(([command, commandArgs]) => commandLine(command, commandArgs)).join(' && ')}`);
    let child;
    let stopped = false;
    const run = {
      check,
      stop() {
        stopped = true;
        // Each check runs in its own process group: its browsers and servers stop with it.
        if (child && child.exitCode === null) {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            child.kill('SIGTERM');
          }
        }
      },
    };
    running.set(check.name, run);
    const steps = [...check.run];
    const runStep = () => {
      const [command, commandArgs] = steps.shift();
      child = spawn(command, commandArgs, {
        cwd: root,
        detached: true,
        stdio: ['ignore', concurrent ? 'pipe' : 'inherit', concurrent ? 'pipe' : 'inherit'],
        env: { ...process.env, FORCE_COLOR: '0', ...(check.env ?? {}) },
      });
      child.stdout?.on('data', write);
      child.stderr?.on('data', write);
      child.once('error', (error) => write(`${error.message}\n`));
      child.once('close', (code, signal) => {
        if (code === 0 && steps.length > 0 && !stopped) return runStep();
        running.delete(check.name);
        const seconds = (Date.now() - begin) / 1000;
        const status = stopped ? 'skip' : code === 0 ? 'pass' : 'fail';
        const text = Buffer.concat(output.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))).toString();
        if (concurrent) process.stdout.write(`\n${'─'.repeat(8)} ${label(check)} ${'─'.repeat(8)}\n${text}`);
        const verdict = { pass: 'passed', fail: `FAILED (${signal ?? `exit code ${code}`})`, skip: 'stopped (--bail)' }[status];
        console.log(`${status === 'pass' ? '✔' : '✖'} ${label(check)} ${verdict} in ${seconds.toFixed(1)} s`);
        finish(check, { status, seconds, note: stopped ? 'stopped: --bail after a failure' : undefined, excerpt: status === 'fail' ? failureExcerpt(text) : undefined });
        next();
      });
    };
    runStep();
  }

  // Ctrl+C: stop the running checks' process groups too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const run of running.values()) run.stop();
      process.exit(130);
    });
  }
  next();
});

// A failed check's own report scrolls far up in a long run: its failures again, just above the summary.
for (const check of plan) {
  const { excerpt } = results.get(check.name);
  if (excerpt) console.log(`\n──────── why ${check.name} failed ────────\n${excerpt}`);
}

console.log(`\nSummary (${((Date.now() - started) / 1000).toFixed(0)} s, up to ${concurrent ? jobs : 1} heavy check${jobs === 1 || !concurrent ? '' : 's'} at a time)`);
for (const check of plan) {
  const { status, seconds, note } = results.get(check.name);
  const mark = { pass: 'pass', fail: 'FAIL', skip: 'skip' }[status];
  console.log(`  ${mark}  ${check.name.padEnd(17)} ${status === 'skip' ? note : `${seconds.toFixed(1).padStart(6)} s${note ? `  ${note}` : ''}`}`);
}
const count = (status) => [...results.values()].filter((result) => result.status === status).length;
console.log(`checks: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
process.exit(count('fail') === 0 ? 0 : 1);

/**
 * What a failed check said about its failures: node:test's closing "failing
 * tests" section where there is one (the error of each failed test), else
 * the last lines of its output.
 */
function failureExcerpt(text) {
  const lines = text.trimEnd().split('\n');
  const marker = lines.findLastIndex((line) => /failing tests:/.test(line));
  const picked = marker >= 0 ? lines.slice(marker) : lines.slice(-40);
  const useful = (line) => !/^npm error|^\s+at (?!.*(?:\/e2e\/|\/visual\/|\/test\/|\/src\/))|^\s+at .*node_modules/.test(line);
  return picked.filter(useful).slice(0, 60).join('\n');
}

function label(check) {
  return check.title && check.title !== check.name ? `${check.name} (${check.title})` : check.name;
}

function commandLine(command, commandArgs) {
  const shown = command.startsWith(root) ? command.slice(root.length).replace(/^node_modules\/\.bin\//, '') : command;
  return [shown, ...commandArgs].join(' ');
}

