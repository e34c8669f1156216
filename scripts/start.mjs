#!/usr/bin/env node
/**
 * `npm start`: the demo page (examples/demo) against the reference server on
 * embedded PGlite.
 *
 * 1. Builds @pforte/core and @pforte/server when their dist is missing or
 *    older than their sources (the page itself runs from sources via Vite).
 * 2. Starts the reference server as a child process on 127.0.0.1 (a free
 *    port), PGlite data in `.pforte-data/`, NODE_ENV=development so the
 *    development SMS outbox (GET /dev/outbox) is on.
 * 3. Starts the Vite dev server of vite.config.ts with a proxy `/pforte` → the
 *    server, so `<pforte-signup endpoint="/pforte">` calls it same-origin.
 *
 * Ctrl+C or SIGTERM stops both. The helpers are exported for the end-to-end
 * tests and the load script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const serverMain = join(root, 'packages/server/dist/src/main.js');

/** Newest modification time of the files under `directory` (0 when missing). */
function newest(directory) {
  if (!existsSync(directory)) return 0;
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/**
 * Builds core and the server (its sources only: the server's build tsconfig
 * leaves its tests out) when a dist file is missing or older than the newest
 * source.
 */
export function ensureServerBuilt({ log = console.log } = {}) {
  const packages = [
    ['@pforte/core', 'packages/core/src', 'packages/core/dist/index.js'],
    ['@pforte/server', 'packages/server/src', 'packages/server/dist/src/main.js'],
  ];
  const stale = packages.some(([, source, output]) => mtime(join(root, output)) < newest(join(root, source)));
  if (!stale) return;
  log('Building @pforte/core and @pforte/server …');
  const args = ['run', 'build', ...packages.flatMap(([name]) => ['-w', name])];
  const { status } = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

/**
 * Starts packages/server/dist/src/main.js (or `entry` with `args`: any script
 * that prints "listening on <url>" to stderr) as a child on 127.0.0.1 and a
 * free port (unless `port`), with PGlite in `dataDir` (or PostgreSQL when
 * `env` holds DATABASE_URL). Resolves once it listens.
 * `stop()` sends SIGTERM and waits for the exit; `kill()` sends SIGKILL.
 */
export function startReferenceServer({ dataDir, port = 0, env = {}, onLog, entry = serverMain, args = [] } = {}) {
  // PGlite unless the caller passes DATABASE_URL in `env` (a shell's DATABASE_URL does not leak in).
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      // The demo products' registration links, customers and practices (examples/products/demo-backend.json).
      PFORTE_SEED: join(root, 'examples/products/demo-backend.json'),
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(dataDir ? { PGLITE_DATA_DIR: resolve(dataDir) } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  // However this process ends (Vite's own SIGTERM handler calls process.exit), the server gets SIGTERM
  // and shuts down cleanly by itself (PGlite flushed and closed).
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);
  void exited.then(() => process.off('exit', stopOnExit));
  let output = '';
  return new Promise((resolveStart, rejectStart) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n').filter(Boolean)) onLog?.(line);
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        child.stderr.off('data', onData);
        if (onLog) child.stderr.on('data', (more) => more.toString().split('\n').filter(Boolean).forEach(onLog));
        resolveStart({
          url: listening[1],
          pid: child.pid,
          child,
          exited,
          async stop(timeoutMs = 10_000) {
            if (child.exitCode !== null || child.signalCode !== null) return exited;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            const result = await exited;
            clearTimeout(timer);
            return result;
          },
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            return exited;
          },
        });
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', (chunk) => chunk.toString().split('\n').filter(Boolean).forEach((line) => onLog?.(line)));
    void exited.then(({ code, signal }) =>
      rejectStart(new Error(`pforte-server exited before listening (code ${code}, signal ${signal}):\n${output}`)),
    );
  });
}

/**
 * The whole `npm start` stack: built server, server child, Vite with the
 * `/pforte` proxy. Returns the page URL and `close()`, which stops both.
 */
export async function startDemo({ dataDir = join(root, '.pforte-data'), port, logLevel = 'info', log = console.log } = {}) {
  ensureServerBuilt({ log });
  const server = await startReferenceServer({ dataDir, onLog: logLevel === 'info' ? (line) => log(`[server] ${line}`) : undefined });
  let vite;
  try {
    const { createServer } = await import('vite');
    vite = await createServer({
      configFile: join(root, 'vite.config.ts'),
      logLevel,
      server: {
        ...(port === undefined ? {} : { port }),
        proxy: {
          // Same origin for the page: the server sees Host 127.0.0.1:<vite port> and the same Origin.
          '/pforte': { target: server.url, rewrite: (path) => path.replace(/^\/pforte/, '') || '/' },
        },
      },
    });
    await vite.listen();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const address = vite.httpServer.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    serverUrl: server.url,
    server,
    async close() {
      await vite.close();
      await server.stop();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemo();
  console.log(`\n  Pforte demo:       ${demo.url}`);
  console.log(`  Reference server:  ${demo.serverUrl} (proxied at ${demo.url}pforte, PGlite data in .pforte-data/)`);
  console.log('  Ctrl+C stops both.\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo and the reference server …');
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A server that dies on its own takes the demo with it, rather than leaving a page without a backend.
  void demo.server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`pforte-server stopped (code ${code}, signal ${signal})`);
    void demo.close().then(() => process.exit(1));
  });
}
