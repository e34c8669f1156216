import { defaultClientConditions, defineConfig } from 'vite';
import { minifyTemplates } from './build/minify-templates.js';
import { versionDefine } from './build/version.js';

/**
 * The script-tag bundles, built from source with everything bundled in (Lit,
 * a private @lit/localize, @pforte/core):
 *
 * - `dist/cdn/pforte.js`: an ES module that defines every element on import and
 *   re-exports the API. Phone metadata (libphonenumber-js) and the PDF writer
 *   are lazy chunks beside it (`phone-*.js`, `pdf-*.js`), imported by relative
 *   specifiers, so they load from wherever pforte.js is served.
 * - `dist/cdn/pforte.iife.js`: the same as a classic script, global `Pforte`.
 *   A classic script cannot code-split, so the lazy parts are inlined: one
 *   self-contained file that works from any host and under `script-src 'self'`
 *   without knowing where its chunks live.
 */
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
    define: versionDefine(),
    plugins: [minifyTemplates()],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !iife,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: 'src/cdn.ts',
        name: 'Pforte',
        formats: [iife ? 'iife' : 'es'],
        fileName: () => (iife ? 'pforte.iife.js' : 'pforte.js'),
      },
      rollupOptions: {
        output: {
          // Lib mode keeps ES output's whitespace by default; script-tag users get it fully minified.
          minify: true,
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
