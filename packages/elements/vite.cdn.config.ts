import { defaultClientConditions, defineConfig } from 'vite';
import { afterFirstStep, lazyStepNames, oneFileFirstStep, stepFilePath, validationEntry } from './build/cdn-files.js';
import { minifyTemplates } from './build/minify-templates.js';
import { versionDefine } from './build/version.js';

/** Classic-script builds: one small loader each, which imports its ES file from beside itself (src/classic/). */
const classicEntries: Record<string, { entry: string; fileName: string }> = {
  iife: { entry: 'src/classic/pforte.ts', fileName: 'pforte.iife.js' },
  'iife-memory': { entry: 'src/classic/memory.ts', fileName: 'pforte-memory.iife.js' },
};

/**
 * The script-tag bundles, built from source with everything bundled in (Lit,
 * a private @lit/localize, @pforte/core):
 *
 * - `dist/cdn/pforte.js`: one ES module with everything the first step needs;
 *   it defines `<pforte-signup>` and the first step's elements and exports the
 *   browser API (see src/cdn.ts and build/cdn-files.ts).
 * - `dist/cdn/steps/<name>.js`: each later step, loaded by `<pforte-signup>`
 *   when its product configures it. Phone metadata (libphonenumber-js) and the
 *   PDF writer are lazy chunks (`phone-*.js`, `pdf-*.js`). All of them are
 *   imported by relative URLs, so they load from wherever pforte.js is served.
 * - `dist/cdn/pforte-password-reset.js`, `dist/cdn/pforte-guest-access.js`:
 *   `<pforte-password-reset>` and `<pforte-guest-access>`, for the pages that
 *   show them (each imports pforte.js for what it shares with it).
 * - `dist/cdn/pforte-all.js`: every element defined at once, opt-in.
 * - `dist/cdn/pforte-memory.js`: the in-browser demo backend
 *   (`createMemoryAdapter`), loaded only by pages that use it.
 * - `dist/cdn/pforte.iife.js`: for pages without module scripts, a small
 *   classic script that loads `pforte.js` from beside itself and puts its API
 *   on the global `Pforte` (`Pforte.ready`): the same files, the same first
 *   step, the later steps on demand. `pforte-memory.iife.js` adds
 *   `createMemoryAdapter` to the same global.
 *
 * `vite build -c vite.cdn.config.ts` builds the ES files; `--mode iife` and
 * `--mode iife-memory` the classic ones.
 */
export default defineConfig(({ mode }) => {
  const classic = classicEntries[mode];
  // Elements a page places by itself, each a file of its own beside pforte.js, loaded only by the pages that show them.
  const pageElementEntries = {
    'pforte-password-reset': afterFirstStep('define/password-reset.ts'),
    'pforte-guest-access': afterFirstStep('define/guest-access.ts'),
  };
  const stepEntries = Object.fromEntries(lazyStepNames().map((name) => [`steps/${name}`, afterFirstStep(`define/${name}.ts`)]));
  return {
    resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
    define: versionDefine(),
    plugins: [minifyTemplates(), ...(classic ? [] : [oneFileFirstStep()])],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !classic,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      lib: classic
        ? { entry: classic.entry, name: 'Pforte', formats: ['iife'], fileName: () => classic.fileName }
        : {
            entry: { pforte: 'src/cdn.ts', 'pforte-all': 'src/cdn-all.ts', 'pforte-memory': afterFirstStep('cdn-memory.ts'), 'pforte-validation': validationEntry, ...stepEntries, ...pageElementEntries },
            formats: ['es'],
            fileName: (_format, entryName) => `${entryName}.js`,
          },
      rollupOptions: {
        // Shared modules go into pforte.js, which then exports them to the later files.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Lib mode keeps ES output's whitespace by default; script-tag users get it fully minified.
          minify: true,
          paths: stepFilePath,
          chunkFileNames: (chunk) => {
            const ids = chunk.moduleIds.join('\n');
            // One country's phone metadata each, fetched when a number needs it (no hash: the names compress well in the loader table).
            if (/[\\/]generated[\\/]phone[\\/]countries[\\/]/.test(ids)) return 'phone/[name].js';
            if (ids.includes('libphonenumber-js')) return 'phone-[hash].js';
            if (/[\\/]pdf\.ts$/m.test(ids)) return 'pdf-[hash].js';
            return '[name]-[hash].js';
          },
        },
      },
    },
  };
});
