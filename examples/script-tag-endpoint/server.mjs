#!/usr/bin/env node
/**
 * The page's own server for examples/script-tag-endpoint: static files plus a
 * reverse proxy to the Pforte reference server, all on one origin.
 *
 *   /assets/pforte/*  the widget's CDN build (packages/elements/dist/cdn/)
 *   /api/pforte/*     proxied to the reference server's /pforte/* (PFORTE_UPSTREAM)
 *   /                 this folder's index.html
 *
 * Run the reference server with this page's origin allowed
 * (`CORS_ORIGINS=http://127.0.0.1:4180 npm start -- --server-port 8787` runs one), then
 * `PFORTE_UPSTREAM=http://127.0.0.1:8787 node examples/script-tag-endpoint/server.mjs`.
 */
import { createServer, request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cdn = fileURLToPath(new URL('../../packages/elements/dist/cdn/', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** A file below `base`, or undefined for a path that leaves it. */
function below(base, path) {
  const file = normalize(join(base, decodeURIComponent(path)));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : undefined;
}

async function sendFile(response, file) {
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/**
 * Forwards `/api/pforte/…` to `${upstream}/pforte/…` as it came (method,
 * headers, body), and the answer back. The browser sees one origin; the
 * backend sees that origin in `Origin` and allows it because it is listed
 * (`CORS_ORIGINS`), never because it matches a Host header.
 */
function proxy(request, response, upstream) {
  const target = new URL(request.url.replace(/^\/api\/pforte/, '/pforte'), upstream);
  const outgoing = httpRequest(target, { method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => response.writeHead(502, { 'content-type': 'text/plain' }).end('the Pforte server does not answer'));
  request.pipe(outgoing);
}

/** Starts the page's server on `port` (0: a free one); resolves with its URL and a close function. */
export async function startExample({ upstream, port = 0, host = '127.0.0.1' }) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname.startsWith('/api/pforte/')) return proxy(request, response, upstream);
    if (pathname.startsWith('/assets/pforte/')) {
      const file = below(cdn, pathname.slice('/assets/pforte/'.length));
      return file ? void sendFile(response, file) : void response.writeHead(403).end();
    }
    if (pathname === '/' || pathname === '/index.html') return void sendFile(response, join(here, 'index.html'));
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address();
  return { url: `http://${host}:${actual}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const upstream = process.env.PFORTE_UPSTREAM ?? 'http://127.0.0.1:8787';
  const { url } = await startExample({ upstream, port: Number(process.env.PORT ?? 4180) });
  process.stdout.write(`script-tag-endpoint: ${url} (API proxied to ${upstream}/pforte)\n`);
}
