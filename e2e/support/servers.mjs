import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the `npm start` demo server (vite.config.ts) on a free loopback port. */
export async function startDemoServer() {
  const server = await createServer({
    configFile: `${root}/vite.config.ts`,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * A tiny static file server on a free loopback port, serving `directory`
 * (default: the repository root). `headers(pathname)` adds response headers,
 * e.g. a Content-Security-Policy for HTML pages. `/` paths serve index.html.
 */
export async function startStaticServer({ directory = root, headers = () => ({}) } = {}) {
  const { createServer: createHttpServer } = await import('node:http');
  const { readFile, stat } = await import('node:fs/promises');
  const { extname, join, normalize, sep } = await import('node:path');
  const base = normalize(directory).replace(/[\\/]$/, '');
  const server = createHttpServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    let file = normalize(join(base, decodeURIComponent(pathname)));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers(pathname, file),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Builds the Vite project in `examples/<name>` with its own vite.config.ts into
 * a temporary folder, as its users would (`vite build`), and returns that
 * folder. Resolves @pforte/elements to the built package (dist), not sources.
 */
export async function buildExample(name) {
  const { build } = await import('vite');
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const projectRoot = join(root, 'examples', name);
  const outDir = await mkdtemp(join(tmpdir(), `pforte-example-${name}-`));
  await build({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
