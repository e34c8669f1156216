import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const srcDir = `${packageRoot}src`;

/** One `src/define/<name>.ts` module and the module holding its element class. */
export interface ElementEntry {
  /** `password-checklist`: the define module's name and the public entry point's. */
  name: string;
  /** Absolute path of `src/define/<name>.ts`. */
  defineModule: string;
  /** The class module the define module imports, relative to src without extension, e.g. `password-checklist/password-checklist`. */
  classModule: string;
}

/**
 * Every element Pforte defines, read from `src/define/*.ts` (each of which
 * imports its class from `../<dir>/<file>.js` and calls `defineElement`). New
 * elements get a per-element entry point without touching the build.
 */
export function elementEntries(): ElementEntry[] {
  return readdirSync(`${srcDir}/define`)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -3);
      const defineModule = `${srcDir}/define/${file}`;
      const source = readFileSync(defineModule, 'utf8');
      const classImport = /from '\.\.\/((?!internal\/)[\w/-]+)\.js'/.exec(source);
      if (!classImport?.[1] || !existsSync(`${srcDir}/${classImport[1]}.ts`)) {
        throw new Error(`src/define/${file}: no element class import found`);
      }
      return { name, defineModule, classModule: classImport[1] };
    });
}
