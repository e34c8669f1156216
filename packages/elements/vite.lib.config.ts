import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { elementEntries, srcDir } from './build/entries.js';
import { minifyTemplates } from './build/minify-templates.js';
import { versionDefine } from './build/version.js';

/**
 * The npm build of @pforte/elements: ESM under dist/, one file per source
 * module (preserveModules), so `sideEffects` can name exactly the modules that
 * define elements and bundlers tree-shake everything else.
 *
 * `lit` and `@pforte/core` stay external (shared with the app, deduplicated by
 * its bundler). `@lit/localize` is bundled in, under dist/vendor/: Pforte
 * configures it, and it can be configured only once per module instance, so a
 * private copy keeps an app that uses @lit/localize itself working.
 *
 * Each element also gets an entry point `dist/<name>.js` that defines it and
 * exports its class (`@pforte/elements/password-checklist.js`), generated from
 * src/define/*.ts with a matching `.d.ts`.
 */
const entries = elementEntries();
const entryPrefix = '\0pforte-entry:';

function elementEntryPoints(): Plugin {
  return {
    name: 'pforte-element-entry-points',
    enforce: 'pre',
    resolveId(id) {
      // Vite's lib mode hands entries over as paths below the package root.
      const match = /pforte-entry:([\w-]+)$/.exec(id);
      return match ? `${entryPrefix}${match[1]}` : undefined;
    },
    load(id) {
      if (!id.startsWith(entryPrefix)) return undefined;
      const entry = entries.find((candidate) => candidate.name === id.slice(entryPrefix.length))!;
      return `import ${JSON.stringify(entry.defineModule)};\nexport * from ${JSON.stringify(`${srcDir}/${entry.classModule}.ts`)};\n`;
    },
    generateBundle() {
      for (const entry of entries) {
        this.emitFile({
          type: 'asset',
          fileName: `${entry.name}.d.ts`,
          source: `import './define/${entry.name}.js';\nexport * from './${entry.classModule}.js';\n`,
        });
      }
    },
  };
}

const isExternal = (id: string) => /^(lit|lit-html|lit-element|@lit\/reactive-element|@pforte\/core)(\/|$)/.test(id);

export default defineConfig({
  define: versionDefine(),
  plugins: [elementEntryPoints(), minifyTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      formats: ['es'],
      entry: {
        index: 'src/index.ts',
        ...Object.fromEntries(entries.map((entry) => [entry.name, `pforte-entry:${entry.name}`])),
      },
    },
    rollupOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: (chunk) => {
          const vendored = /node_modules\/(.+)$/.exec(chunk.facadeModuleId ?? chunk.name);
          if (vendored?.[1]) return `vendor/${vendored[1].replace(/\.[mc]?[jt]s$/, '')}.js`;
          // Compiler helpers (the decorator helper) arrive as virtual modules.
          if (chunk.name.startsWith('_virtual/')) return `vendor/${chunk.name.split('/').pop()}.js`;
          return '[name].js';
        },
      },
    },
  },
});
