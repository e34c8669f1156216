import { defaultClientConditions, defineConfig } from 'vite';

/**
 * `npm start`: the demo page (examples/demo) running the whole registration
 * against the in-browser memory adapter, straight from the workspace sources.
 */
export default defineConfig({
  root: 'examples/demo',
  resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['../..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../../dist/demo', emptyOutDir: true },
});
