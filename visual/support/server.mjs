import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'tailwindcss';
import { createServer, defaultClientConditions } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tailwindDir = `${root}node_modules/tailwindcss/`;

/**
 * A page built with Tailwind: its theme and utilities in Tailwind 4's layers,
 * and its preflight unlayered, as Tailwind 3's build emitted it (the harder
 * case: unlayered rules beat every layered one). The utility classes are the
 * ones a page like the harness's would use.
 */
async function tailwindCss() {
  const compiler = await compile(
    `@import 'tailwindcss/theme.css' layer(theme);\n@import 'tailwindcss/preflight.css';\n@import 'tailwindcss/utilities.css' layer(utilities);`,
    {
      base: tailwindDir,
      loadStylesheet: async (id) => {
        const path = `${tailwindDir}${id.replace(/^tailwindcss\//, '')}`;
        return { path, base: tailwindDir, content: await readFile(path, 'utf8') };
      },
    },
  );
  const page = `.container{max-width:72rem;margin-inline:auto;padding-inline:1rem}h1{font-size:2rem;font-weight:700}nav ul{display:flex;gap:1rem}a{color:#2563eb;text-decoration:underline}`;
  return `${compiler.build(['flex', 'gap-4', 'p-4', 'text-lg', 'font-bold', 'text-blue-600', 'underline', 'mx-auto', 'max-w-3xl', 'bg-slate-50'])}\n${page}`;
}

/** The host pages' stylesheets at /hosts/<name>.css: the repository's own, Bootstrap's, and Tailwind's. */
const hostSheets = {
  site: () => readFile(`${root}visual/hosts/site.css`, 'utf8'),
  hostile: () => readFile(`${root}visual/hosts/hostile.css`, 'utf8'),
  bootstrap: () => readFile(`${root}node_modules/bootstrap/dist/css/bootstrap.min.css`, 'utf8'),
  tailwind: tailwindCss,
};

function hostStyles() {
  return {
    name: 'pforte-visual-hosts',
    configureServer(server) {
      server.middlewares.use('/hosts/', (request, response, next) => {
        const name = /^\/([a-z]+)\.css$/.exec(request.url ?? '')?.[1];
        const sheet = name && Object.hasOwn(hostSheets, name) ? hostSheets[name] : undefined;
        if (!sheet) return next();
        sheet().then(
          (css) => {
            response.setHeader('content-type', 'text/css; charset=utf-8');
            response.end(css);
          },
          (error) => next(error),
        );
      });
    },
  };
}

/** Serves the visual harness (visual/harness) from the workspace sources on a free loopback port. */
export async function startHarness() {
  const server = await createServer({
    configFile: false,
    root: `${root}visual/harness`,
    logLevel: 'error',
    resolve: { conditions: ['pforte-source', ...defaultClientConditions] },
    plugins: [hostStyles()],
    server: { port: 0, host: '127.0.0.1', fs: { allow: [root] }, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
