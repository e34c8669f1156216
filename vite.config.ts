import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import type { Connect, Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Serves the README and the docs folder's text (guides in MDX, the config
 * reference, the OpenAPI document, benchmarks) under /docs/, as plain text, so
 * the demo page can link to them; Storybook (`npm run docs:dev`) renders them.
 */
function docsAsText(): Plugin {
  const types: Record<string, string> = { '.md': 'text/plain', '.mdx': 'text/plain', '.json': 'application/json' };
  const serveDocs: Connect.NextHandleFunction = (request, response, next) => {
    const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
    const type = types[/\.[a-z]+$/.exec(path)?.[0] ?? ''];
    if (!type || path.includes('..')) return next();
    const file = path === '/README.md' ? `${root}README.md` : `${root}docs${path}`;
    readFile(file).then(
      (body) => {
        response.setHeader('content-type', `${type}; charset=utf-8`);
        response.end(body);
      },
      () => next(),
    );
  };
  return {
    name: 'pforte-docs-as-text',
    // The dev server, and the preview of the page's build (`npm start -- --build`).
    configureServer: (server) => void server.middlewares.use('/docs/', serveDocs),
    configurePreviewServer: (server) => void server.middlewares.use('/docs/', serveDocs),
  };
}

/**
 * Puts the demo page's own stylesheet (about 1 KB) into its built HTML as a
 * `<style>`: the first paint then waits for no request but the page's own,
 * not for the stylesheet while the scripts load beside it.
 */
function inlinePageStyles(): Plugin {
  return {
    name: 'pforte-inline-page-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]* href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          delete bundle[file];
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}

/**
 * The demo page (examples/demo), straight from the workspace sources.
 * `npm start` (scripts/start.mjs) uses this config and adds a proxy `/pforte`
 * → the reference server; `vite` alone serves the page without it, and the
 * page falls back to the in-browser memory adapter.
 */
export default defineConfig({
  root: 'examples/demo',
  resolve: {
    conditions: ['pforte-source', ...defaultClientConditions],
    // The per-element modules from their sources too (their package export names only dist/).
    alias: [{ find: /^@pforte\/elements\/define\/(.+)\.js$/, replacement: `${root}packages/elements/src/define/$1.ts` }],
  },
  plugins: [docsAsText(), inlinePageStyles()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, fs: { allow: ['../..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: '../../dist/demo', emptyOutDir: true },
});
