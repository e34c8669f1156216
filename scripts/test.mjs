#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each one's output streamed. Prints a
 * summary and exits non-zero when any check fails.
 */
import { spawnSync } from 'node:child_process';

const checks = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['types', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lit-analyzer', 'npx', ['lit-analyzer', 'packages/elements/src', '--strict', '--quiet']],
  ['translations', 'node', ['scripts/check-translations.mjs']],
  ['unit and component tests', 'npx', ['web-test-runner']],
  ['build', 'npm', ['run', 'build']],
  ['openapi up to date', 'node', ['scripts/openapi.mjs', '--check']],
  // Reference server on in-memory PGlite, and the adapter conformance kit against the memory and HTTP adapters.
  [
    'server and conformance',
    'node',
    ['--test', '--test-reporter=spec', 'packages/server/dist/test/server.spec.js', 'packages/server/dist/test/conformance.spec.js'],
  ],
  ['packages', 'node', ['scripts/check-packages.mjs']],
  // The examples type-check against the built package's .d.ts, as an npm user's project would.
  ...['vite-spa', 'react', 'vue'].map((name) => [`example types: ${name}`, 'npx', ['tsc', '--noEmit', '-p', `examples/${name}/tsconfig.json`]]),
  ['storybook', 'npm', ['run', 'docs:check']],
  ['end-to-end', 'node', ['--test', '--test-reporter=spec', 'e2e/']],
];

const results = [];
for (const [name, command, args] of checks) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results) {
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name} (${seconds.toFixed(1)} s)`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
