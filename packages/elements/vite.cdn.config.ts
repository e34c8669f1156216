import { defaultClientConditions, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { accountSectionNames, afterFirstStep, lazyStepNames, oneFileFirstStep, phoneCountryEntries, stepFilePath, translationEntries, validationEntry } from './build/cdn-files.js';
import { minifyTemplates } from './build/minify-templates.js';
import { smallerPhoneLibrary } from './build/phone-library.js';
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
 *   when its product configures it. Phone support (libphonenumber-js and the
 *   calling codes, `phone/*.js`, with one country's metadata per file,
 *   `phone/<country>.js`) and the PDF writer (`pdf-*.js`) are lazy. All of them are
 *   imported by relative URLs, so they load from wherever pforte.js is served.
 * - `dist/cdn/pforte-password-reset.js`, `dist/cdn/pforte-guest-access.js`:
 *   `<pforte-password-reset>` and `<pforte-guest-access>`, for the pages that
 *   show them (each imports pforte.js for what it shares with it).
 * - `dist/cdn/locales/<locale>/<group>.js`: the text of one message group in
 *   one locale (the first step's is `pforte`), fetched only for the active
 *   locale (English is the source text in the code; see
 *   src/localization/localization.ts).
 * - `dist/cdn/pforte-all.js`: every element defined at once, opt-in.
 * - `dist/cdn/pforte-memory.js`: the in-browser demo backend
 *   (`createMemoryAdapter`), loaded only by pages that use it.
 * - `dist/cdn/pforte-signin.js`: `<pforte-signin>`, loaded only by pages
 *   that sign people in (after pforte.js, whose runtime it shares).
 * - `dist/cdn/pforte-account.js`: `<pforte-account>`, the account area, for
 *   the pages that show it; each of its sections is a file of its own,
 *   `account/<name>.js`, loaded when the section is shown.
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
  const stepEntries = Object.fromEntries(lazyStepNames().map((name) => [`steps/${name}`, afterFirstStep(`signup/steps/${name}.ts`)]));
  // The account area's sections, each a file of its own as the steps are (`account/<name>.js`).
  const sectionEntries = Object.fromEntries(accountSectionNames().map((name) => [`account/${name}`, afterFirstStep(`account/sections/${name}.ts`)]));
  return {
    resolve: {
      conditions: ['pforte-source', ...defaultClientConditions],
      // The part of @lit/localize's runtime Pforte uses (src/localization/lit-localize-lite.ts).
      alias: [{ find: /^@lit\/localize$/, replacement: fileURLToPath(new URL('src/localization/lit-localize-lite.ts', import.meta.url)) }],
    },
    define: versionDefine(),
    plugins: [minifyTemplates(), ...(classic ? [] : [oneFileFirstStep(), smallerPhoneLibrary()])],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !classic,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      lib: classic
        ? { entry: classic.entry, name: 'Pforte', formats: ['iife'], fileName: () => classic.fileName }
        : {
            entry: {
              pforte: 'src/cdn.ts',
              'pforte-all': 'src/cdn-all.ts',
              'pforte-memory': afterFirstStep('cdn-memory.ts'),
              'pforte-validation': validationEntry,
              ...stepEntries,
              ...sectionEntries,
              ...translationEntries(),
              ...phoneCountryEntries(),
              'pforte-signin': afterFirstStep('cdn-signin.ts'),
              'pforte-account': afterFirstStep('cdn-account.ts'),
              ...pageElementEntries,
            },
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
            // Phone support: libphonenumber-js and the calling-code map, beside each country's metadata (phone/<country>.js).
            if (/[\\/]generated[\\/]phone[\\/]index\.ts$/m.test(ids)) return 'phone/countries-[hash].js';
            if (ids.includes('libphonenumber-js')) return 'phone/lib-[hash].js';
            if (/[\\/]pdf\.ts$/m.test(ids)) return 'pdf-[hash].js';
            return '[name]-[hash].js';
          },
        },
      },
    },
  };
});
