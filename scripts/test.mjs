#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each one's output streamed. Prints a
 * summary and exits non-zero when any check fails.
 */
import { spawnSync } from 'node:child_process';

const postgresUrl = process.env.PFORTE_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

const checks = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['types', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lit-analyzer', 'npx', ['lit-analyzer', 'packages/elements/src', '--strict', '--quiet']],
  ['translations', 'node', ['scripts/check-translations.mjs']],
  ['core (node:test)', 'npm', ['test', '-w', '@pforte/core']],
  ['component tests', 'npx', ['web-test-runner']],
  ['build', 'npm', ['run', 'build']],
  ['openapi up to date', 'node', ['scripts/openapi.mjs', '--check']],
  ['config reference up to date', 'node', ['scripts/config-reference.mjs', '--check']],
  // Reference server on in-memory PGlite, and the adapter conformance kit against the memory and HTTP adapters.
  [
    'server and conformance',
    'node',
    ['--test', '--test-reporter=spec', 'packages/server/dist/test/server.spec.js', 'packages/server/dist/test/conformance.spec.js'],
    { env: { PFORTE_TEST_DATABASE_URL: '' } },
  ],
  // The same storage and conformance tests on PostgreSQL, when one is given (.ci/run starts a throwaway cluster).
  [
    'server and conformance on PostgreSQL',
    'node',
    ['--test', '--test-reporter=spec', 'packages/server/dist/test/server.spec.js', 'packages/server/dist/test/conformance.spec.js'],
    {
      env: { PFORTE_TEST_DATABASE_URL: postgresUrl },
      skip: postgresUrl ? undefined : 'no PostgreSQL: set PFORTE_TEST_DATABASE_URL (or DATABASE_URL) to run it; .ci/run does',
    },
  ],
  ['packages', 'node', ['scripts/check-packages.mjs']],
  // The examples type-check against the built package's .d.ts, as an npm user's project would.
  ...['vite-spa', 'react', 'vue'].map((name) => [`example types: ${name}`, 'npx', ['tsc', '--noEmit', '-p', `examples/${name}/tsconfig.json`]]),
  ['storybook', 'npm', ['run', 'docs:check']],
  ['end-to-end', 'node', ['--test', '--test-reporter=spec', 'e2e/']],
];

const results = [];
for (const [name, command, args, { env = {}, skip } = {}] of checks) {
  if (skip) {
    console.log(`\n▷ ${name}: skipped (${skip})`);
    results.push({ name, ok: true, skipped: skip, seconds: 0 });
    continue;
  }
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { name, ok, skipped, seconds } of results) {
  console.log(skipped ? `  skip  ${name}: ${skipped}` : `  ${ok ? 'pass' : 'FAIL'}  ${name} (${seconds.toFixed(1)} s)`);
}
const failed = results.filter((result) => !result.ok).length;
const skippedCount = results.filter((result) => result.skipped).length;
console.log(`checks: ${results.length - failed - skippedCount} passed, ${failed} failed, ${skippedCount} skipped`);
process.exit(failed === 0 ? 0 : 1);
