import { defaultClientConditions, defineConfig } from 'vite';
import { minifyTemplates } from './build/minify-templates.js';
import { versionDefine } from './build/version.js';

/** Classic-script builds: one entry each (a classic script cannot code-split), all on the global `Pforte`. */
const classicEntries: Record<string, { entry: string; fileName: string }> = {
  iife: { entry: 'src/cdn.ts', fileName: 'pforte.iife.js' },
  'iife-memory': { entry: 'src/cdn-memory.ts', fileName: 'pforte-memory.iife.js' },
};

/**
 * The script-tag bundles, built from source with everything bundled in (Lit,
 * a private @lit/localize, @pforte/core):
 *
 * - `dist/cdn/pforte.js`: an ES module that defines every element on import and
 *   re-exports the API. Phone metadata (libphonenumber-js) and the PDF writer
 *   are lazy chunks beside it (`phone-*.js`, `pdf-*.js`), imported by relative
 *   specifiers, so they load from wherever pforte.js is served.
 * - `dist/cdn/pforte-memory.js`: the in-browser demo backend
 *   (`createMemoryAdapter`), loaded only by pages that use it.
 * - `dist/cdn/pforte.iife.js`: the same as a classic script, global `Pforte`.
 *   A classic script cannot code-split, so the lazy parts are inlined: one
 *   self-contained file that works from any host and under `script-src 'self'`
 *   without knowing where its chunks live. `pforte-memory.iife.js` adds
 *   `createMemoryAdapter` to the same global.
 *
 * `vite build -c vite.cdn.config.ts` builds the ES files; `--mode iife` and
 * `--mode iife-memory` the classic ones.
 */
export default defineConfig(({ mode }) => {
  const classic = classicEntries[mode];
  return {
    resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
    define: versionDefine(),
    plugins: [minifyTemplates()],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !classic,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      lib: classic
        ? { entry: classic.entry, name: 'Pforte', formats: ['iife'], fileName: () => classic.fileName }
        : {
            entry: { pforte: 'src/cdn.ts', 'pforte-memory': 'src/cdn-memory.ts' },
            formats: ['es'],
            fileName: (_format, entryName) => `${entryName}.js`,
          },
      rollupOptions: {
        output: {
          // Lib mode keeps ES output's whitespace by default; script-tag users get it fully minified.
          minify: true,
          // The memory backend's classic script adds to the `Pforte` global of pforte.iife.js.
          extend: true,
          chunkFileNames: (chunk) => {
            const ids = chunk.moduleIds.join('\n');
            if (ids.includes('libphonenumber-js')) return 'phone-[hash].js';
            if (/[\\/]pdf\.ts$/m.test(ids)) return 'pdf-[hash].js';
            return '[name]-[hash].js';
          },
        },
      },
    },
  };
});
