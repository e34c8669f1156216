import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Component and core tests, in Debian's Chromium (no browser download). */
export default {
  // Core's pure logic runs under node's test runner (npm test -w @pforte/core).
  files: ['packages/elements/test/**/*.test.ts', 'packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['pforte-source', 'browser'] },
  // Keyboard tests send real key events to the focused page, so files run one at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 5000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      json: true,
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
