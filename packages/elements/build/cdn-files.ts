import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { srcDir } from './entries.js';

/** Prefix of the lazily loaded step files while they are external to the bundle graph. */
const stepFilePrefix = 'pforte-step-file:';
/** Prefix of other lazily loaded files while they are external to the bundle graph. */
const lazyFilePrefix = 'pforte-lazy-file:';
/** Prefix of an entry that runs after pforte.js (see {@link afterFirstStep}). */
const afterPrefix = 'pforte-after-first-step:';

/**
 * An entry (a module below src/) that is only ever loaded next to pforte.js: a
 * later step, the memory backend. It imports pforte.js first, so the bundler
 * may keep the modules they share inside pforte.js instead of splitting them
 * into chunks of their own.
 */
export function afterFirstStep(module: string): string {
  return `${afterPrefix}${module}`;
}

/**
 * The define modules `<pforte-signup>` loads on demand (`src/signup/step-loaders.ts`),
 * by their file name in `src/define/`, e.g. `pin-step`.
 */
export function lazyStepNames(): string[] {
  const loaders = readFileSync(`${srcDir}/signup/step-loaders.ts`, 'utf8');
  return [...loaders.matchAll(/import\('\.\.\/define\/([\w-]+)\.js'\)/g)].map((match) => match[1]!);
}

/**
 * Makes `pforte.js` one file. Each later step is an entry of its own
 * (`steps/<name>.js`), and `<pforte-signup>` imports it by that relative URL
 * at runtime instead of through a dynamic import the bundler follows: were it
 * followed, every module the first step shares with a later step would become
 * a chunk of its own (a dynamic import back into the entry is a chunk cycle the
 * bundler does not merge), and the first step would wait on a waterfall of
 * small files. So the later steps import what they share with the first step
 * from `pforte.js` itself, and everything else from chunks beside it.
 *
 * For the same reason the HTTP client is bundled into `pforte.js`: a page
 * with `endpoint` calls it at once (`startRegistration`), so a lazy chunk
 * would only add a round trip before the first step.
 */
export function oneFileFirstStep(): Plugin {
  return {
    name: 'pforte-one-file-first-step',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      // Vite's lib mode hands entries over as paths below the package root.
      const entry = source.indexOf(afterPrefix);
      if (entry !== -1) return `\0${source.slice(entry)}`;
      // The validation with zod (core's load-validation.ts): a file of its own too, `pforte-validation.js`.
      if (source === './validation.js' && importer && /[\\/]core[\\/]src[\\/]load-validation\.ts$/.test(importer)) {
        return { id: `${lazyFilePrefix}pforte-validation`, external: true };
      }
      // pforte-all.js loads <pforte-signin> from its own file, `pforte-signin.js`, as it loads the step files.
      if (source === './define/signin.js' && importer && /[\\/]cdn-all\.ts$/.test(importer)) {
        return { id: `${lazyFilePrefix}pforte-signin`, external: true };
      }
      // The step loaders of <pforte-signup>, and pforte-all.js, which loads every step file.
      const match = /^\.\.?\/define\/([\w-]+)\.js$/.exec(source);
      if (!match || !importer || !/[\\/](signup[\\/]step-loaders|cdn-all)\.ts$/.test(importer)) return null;
      return lazyStepNames().includes(match[1]!) ? { id: `${stepFilePrefix}${match[1]}`, external: true } : null;
    },
    load(id) {
      if (!id.startsWith(`\0${afterPrefix}`)) return null;
      const path = id.slice(afterPrefix.length + 1);
      // `core:` names a module of @pforte/core's sources.
      const module = JSON.stringify(path.startsWith('core:') ? `${srcDir}/../../core/src/${path.slice('core:'.length)}` : `${srcDir}/${path}`);
      return `import ${JSON.stringify(`${srcDir}/cdn.ts`)};\nexport * from ${module};\n`;
    },
    transform(code, id) {
      if (!/[\\/]core[\\/]src[\\/]http-adapter\.ts$/.test(id)) return null;
      const lazy = "import('./http-client.js')";
      if (!code.includes(lazy)) this.error(`${id}: expected ${lazy}`);
      // Appended (imports are hoisted), so every other line keeps its place and the source map stays right.
      const bundled = `${code.replace(lazy, 'Promise.resolve(bundledHttpClient)')}\nimport * as bundledHttpClient from './http-client.js';\n`;
      return { code: bundled, map: null };
    },
  };
}

/** `output.paths` of the ES build: a lazily loaded file, relative to the chunk that loads it (pforte.js, top level). */
export function stepFilePath(id: string): string {
  if (id.startsWith(lazyFilePrefix)) return `./${id.slice(lazyFilePrefix.length)}.js`;
  return id.startsWith(stepFilePrefix) ? `./steps/${id.slice(stepFilePrefix.length)}.js` : id;
}

/** The entry of `pforte-validation.js`: core's validation module, after pforte.js. */
export const validationEntry = afterFirstStep('core:validation.ts');

