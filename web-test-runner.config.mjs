import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceServer } from './packages/elements/test/support/reference-server.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The version src/internal/define.ts reports, as the builds inject it (packages/elements/build/version.ts).
const elementsVersion = JSON.parse(readFileSync(new URL('./packages/elements/package.json', import.meta.url), 'utf8')).version;

// The reference server at /pforte of the test page's origin, for the tests that register against it.
const reference = referenceServer();

/** Component and core tests, in Debian's Chromium (no browser download). */
export default {
  // Core's pure logic runs under node's test runner (npm test -w @pforte/core).
  files: ['packages/elements/test/**/*.test.ts', 'packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['pforte-source', 'browser'] },
  // Keyboard tests send real key events to the focused page, so files run one at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 5000 } },
  // A file's whole run (the seed products' file registers eleven times) on a loaded 2-core machine.
  testsFinishTimeout: 300_000,
  middleware: [reference.middleware],
  plugins: [
    reference.plugin,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      json: true,
      define: { __PFORTE_VERSION__: JSON.stringify(elementsVersion) },
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
