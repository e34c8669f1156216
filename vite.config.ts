import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The demo page (examples/demo), straight from the workspace sources.
 * `npm start` (scripts/start.mjs) uses this config and adds a proxy `/pforte`
 * → the reference server; `vite` alone serves the page without it, and the
 * page falls back to the in-browser memory adapter.
 */
export default defineConfig({
  root: 'examples/demo',
  resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['../..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../../dist/demo', emptyOutDir: true },
});
