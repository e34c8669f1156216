import { readdirSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { srcDir } from './entries.js';

/** Prefix of the lazily loaded step files while they are external to the bundle graph. */
const stepFilePrefix = 'pforte-step-file:';
/** Prefix of other lazily loaded files while they are external to the bundle graph. */
const lazyFilePrefix = 'pforte-lazy-file:';
/** The script-tag build's translation loader (see {@link translationLoaderModule}). */
const translationLoaderId = '\0pforte-translation-loader';
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
 * The step modules `<pforte-signup>` loads on demand (`src/signup/step-loaders.ts`),
 * by their file name in `src/signup/steps/` (and `src/define/`), e.g. `pin-step`.
 */
export function lazyStepNames(): string[] {
  const loaders = readFileSync(`${srcDir}/signup/step-loaders.ts`, 'utf8');
  return [...loaders.matchAll(/import\('\.\/steps\/([\w-]+)\.js'\)/g)].map((match) => match[1]!);
}

/**
 * The sections `<pforte-account>` loads when shown (`src/account/section-loaders.ts`),
 * by their file name in `src/account/sections/`, e.g. `organization-section`.
 * Each is a file of its own, `account/<name>.js`, loaded by that relative URL
 * as the step files are (see {@link oneFileFirstStep}).
 */
export function accountSectionNames(): string[] {
  const loaders = readFileSync(`${srcDir}/account/section-loaders.ts`, 'utf8');
  return [...loaders.matchAll(/import\('\.\/sections\/([\w-]+)\.js'\)/g)].map((match) => match[1]!);
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
 * The HTTP client (core's http-client.ts) stays a lazy chunk: the first step
 * renders from the config while the flow starts, so a page with `endpoint`
 * fetches it beside the first step instead of before it.
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
      if (source === '../generated/locales/index.js' && importer && /[\\/]localization[\\/]localization\.ts$/.test(importer)) {
        return translationLoaderId;
      }
      // The validation with zod (core's load-validation.ts): a file of its own too, `pforte-validation.js`.
      if (source === './validation.js' && importer && /[\\/]core[\\/]src[\\/]load-validation\.ts$/.test(importer)) {
        return { id: `${lazyFilePrefix}pforte-validation`, external: true };
      }
      // pforte-all.js loads <pforte-signin> from its own file, `pforte-signin.js`, as it loads the step files.
      if (source === './define/signin.js' && importer && /[\\/]cdn-all\.ts$/.test(importer)) {
        return { id: `${lazyFilePrefix}pforte-signin`, external: true };
      }
      // The section loaders of <pforte-account>: each section is a file of its own, `account/<name>.js`.
      const section = /^\.\/sections\/([\w-]+)\.js$/.exec(source);
      if (section && importer && /[\\/]account[\\/]section-loaders\.ts$/.test(importer) && accountSectionNames().includes(section[1]!)) {
        return { id: `${lazyFilePrefix}account/${section[1]}`, external: true };
      }
      // The step loaders of <pforte-signup>, and pforte-all.js, which loads every step file.
      const match = /^\.\/(?:steps|define)\/([\w-]+)\.js$/.exec(source);
      if (!match || !importer || !/[\\/](signup[\\/]step-loaders|cdn-all)\.ts$/.test(importer)) return null;
      return lazyStepNames().includes(match[1]!) ? { id: `${stepFilePrefix}${match[1]}`, external: true } : null;
    },
    load(id) {
      if (id === translationLoaderId) return translationLoaderModule();
      if (/[\\/]core[\\/]src[\\/]generated[\\/]phone[\\/]index\.ts$/.test(id)) return phoneIndexModule(id);
      if (!id.startsWith(`\0${afterPrefix}`)) return null;
      const path = id.slice(afterPrefix.length + 1);
      // `core:` names a module of @pforte/core's sources.
      const module = JSON.stringify(path.startsWith('core:') ? `${srcDir}/../../core/src/${path.slice('core:'.length)}` : `${srcDir}/${path}`);
      return `import ${JSON.stringify(`${srcDir}/cdn.ts`)};\nexport * from ${module};\n`;
    },
  };
}

/** The locales with translations (lit-localize.json's `targetLocales`); English is the source text in the code. */
function translatedLocales(): string[] {
  return (JSON.parse(readFileSync(`${srcDir}/../lit-localize.json`, 'utf8')) as { targetLocales: string[] }).targetLocales;
}

/**
 * The text files, one per locale and message group: `locales/<locale>/<group>.js`
 * (entries of the ES build, from `src/generated/locales/<locale>/<group>.ts`),
 * but for the text pforte.js carries (German of the first step).
 */
export function translationEntries(): Record<string, string> {
  // The text localization.ts imports itself is part of pforte.js: no file of its own.
  const bundled = [...readFileSync(`${srcDir}/localization/localization.ts`, 'utf8').matchAll(/from '\.\.\/generated\/locales\/([\w-]+\/[\w-]+)\.js'/g)].map(
    (match) => `${match[1]}.ts`,
  );
  return Object.fromEntries(
    translatedLocales().flatMap((locale) =>
      readdirSync(`${srcDir}/generated/locales/${locale}`)
        .filter((file) => file.endsWith('.ts') && !bundled.includes(`${locale}/${file}`))
        .map((file) => [`locales/${locale}/${file.slice(0, -3)}`, afterFirstStep(`generated/locales/${locale}/${file}`)]),
    ),
  );
}

/**
 * The translation loader of the script-tag build, in place of
 * `src/generated/locales/index.ts`: a locale's text of a group is the file
 * `locales/<locale>/<group>.js` beside pforte.js, imported by its URL, so
 * pforte.js holds no table that grows with every locale and group.
 */
function translationLoaderModule(): string {
  return `const base = import.meta.url;
const locales = ${JSON.stringify(translatedLocales())};
export function translationLoader(locale, group) {
  if (!locales.includes(locale)) return undefined;
  const url = new URL("./locales/" + locale + "/" + group + ".js", base).href;
  return () => import(url);
}
`;
}

/** `phone/<country>.js`: one country's phone metadata each, entries of the ES build. */
export function phoneCountryEntries(): Record<string, string> {
  const dir = `${srcDir}/../../core/src/generated/phone/countries`;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [`phone/${file.slice(0, -3)}`, `${dir}/${file}`]),
  );
}

/**
 * Core's phone metadata index (`generated/phone/index.ts`) for the script-tag
 * build: the same calling-code map, and each country's metadata imported by
 * its URL (`phone/<country>.js`, {@link phoneCountryEntries}) instead of
 * through a table of 245 imports. Every country of the map has a file (core's
 * `phone` test holds the generated files to that).
 */
function phoneIndexModule(id: string): string {
  const source = readFileSync(id, 'utf8');
  const table = /^export const countryMetadata.*= \{$[\s\S]*?^\};$/m;
  if (!table.test(source)) throw new Error(`${id}: expected the countryMetadata table`);
  return source.replace(
    table,
    `const base = import.meta.url;
export const countryMetadata: Record<string, () => Promise<{ default: unknown }>> = Object.fromEntries(
  Object.values(countryCallingCodes).flat().map((country) => [country, () => import(new URL("./" + country + ".js", base).href)]),
);`,
  );
}

/** `output.paths` of the ES build: a lazily loaded file, relative to the chunk that loads it (pforte.js, top level). */
export function stepFilePath(id: string): string {
  if (id.startsWith(lazyFilePrefix)) return `./${id.slice(lazyFilePrefix.length)}.js`;
  return id.startsWith(stepFilePrefix) ? `./steps/${id.slice(stepFilePrefix.length)}.js` : id;
}

/** The entry of `pforte-validation.js`: core's validation module, after pforte.js. */
export const validationEntry = afterFirstStep('core:validation.ts');

