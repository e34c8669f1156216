#!/usr/bin/env node
/**
 * `npm start`: the demo page (examples/demo) against the reference server on
 * embedded PGlite.
 *
 *   npm start                                  page on 127.0.0.1:5173 (or the next free port)
 *   npm start -- --port 8080 --server-port 8787
 *   PORT=8080 PFORTE_SERVER_PORT=8787 npm start
 *
 * 1. Installs the locked packages (npm ci) when node_modules is missing or
 *    older than package-lock.json, as `npm test` does.
 * 2. Builds @pforte/core and @pforte/server when their dist is missing or
 *    older than their sources (the page itself runs from sources via Vite).
 * 3. Starts the reference server as a child process on 127.0.0.1 (a free port
 *    unless --server-port), PGlite data in `.pforte-data/`, NODE_ENV=development
 *    so the development SMS outbox (GET /dev/outbox) is on, and waits until
 *    its GET /health answers (retried with backoff for up to 20 s).
 * 4. Starts the Vite dev server of vite.config.ts with a proxy `/pforte` → the
 *    server, so `<pforte-signup endpoint="/pforte">` calls it same-origin, and
 *    a development-only layer under `/__pforte-dev/`: `GET status` (which
 *    backend is active and why) and `POST reset` (stops the server, deletes
 *    its PGlite data and starts it again, seeded afresh). The page's "Reset
 *    demo data" button calls it. Neither route exists in packages/server.
 *
 * When the server does not start or answer, the page still runs, on the
 * in-browser memory adapter, and both the terminal and the page say why.
 * Ctrl+C or SIGTERM stops both. The helpers are exported for the end-to-end
 * tests and the load script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { installWhenStale } from './ensure-installed.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
const serverMain = join(root, 'packages/server/dist/src/main.js');

/** The first port from `wanted` on that is free on 127.0.0.1 (0: any free port). */
async function freePort(wanted) {
  for (let candidate = wanted; ; candidate++) {
    const found = await new Promise((resolveFound) => {
      const probe = createNetServer();
      probe.once('error', () => resolveFound(undefined));
      probe.listen(candidate, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolveFound(port));
      });
    });
    if (found !== undefined) return found;
    if (wanted === 0) throw new Error('no free port');
  }
}

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
      // The demo products' registration links, customers and practices (examples/demo/backend-data.json).
      PFORTE_SEED: join(root, 'examples/demo/backend-data.json'),
      // The products it serves: the seed portals and the demo's own two; each flow is bound to one.
      PFORTE_PRODUCTS: [join(root, 'examples/products'), join(root, 'examples/demo/products')].join(','),
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
 * Polls `${url}/health` until it answers `{ ok: true }`, with backoff (100 ms
 * doubling to 2 s) for up to `timeoutMs`. Resolves `undefined` when healthy,
 * else the last problem as text.
 */
export async function waitForHealth(url, { timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  let problem = 'no answer';
  for (;;) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(Math.max(500, Math.min(5_000, deadline - Date.now()))) });
      const body = await response.json().catch(() => undefined);
      if (response.ok && body?.ok === true) return undefined;
      problem = `GET /health answered ${response.status}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() + delay > deadline) return `${problem} (retried for ${Math.round(timeoutMs / 1000)} s)`;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, delay));
    delay = Math.min(2_000, delay * 2);
  }
}

/** The elements' version, as the package builds inject it (packages/elements/build/version.ts). */
const elementsVersion = JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')).version;

/**
 * The whole `npm start` stack: built server, server child, Vite with the
 * `/pforte` proxy and the `/__pforte-dev/` layer. Returns the page URL, the
 * active `backend` (`{ kind: 'server' | 'memory', reason }`) and `close()`,
 * which stops both. `onServerExit` is called when the server stops on its own.
 * `serverEnv` adds environment variables of the server (tests: its products,
 * an admin token).
 */
export async function startDemo({
  dataDir = join(root, '.pforte-data'),
  port,
  serverPort = 0,
  logLevel = 'info',
  log = console.log,
  onServerExit,
  serverEnv = {},
} = {}) {
  ensureServerBuilt({ log });
  // The page's port is fixed before the server starts: the server allows calls only from origins it is told.
  const pagePort = await freePort(port ?? 5173);
  // Origins in the environment's CORS_ORIGINS are allowed too (another page of yours, e.g. examples/script-tag-endpoint).
  const pageOrigins = [`http://127.0.0.1:${pagePort}`, `http://localhost:${pagePort}`, ...(process.env.CORS_ORIGINS ? [process.env.CORS_ORIGINS] : [])].join(',');
  const serverLog = logLevel === 'info' ? (line) => log(`[server] ${line}`) : undefined;
  const shownDataDir = relative(root, dataDir).startsWith('..') ? dataDir : `${relative(root, dataDir)}/`;
  let server;
  let backend;
  let resetting;

  const watch = (current) => {
    void current.exited.then(({ code, signal }) => {
      if (server !== current || resetting) return;
      server = undefined;
      backend = { kind: 'memory', reason: `the reference server stopped (code ${code}, signal ${signal})` };
      onServerExit?.({ code, signal });
    });
  };

  /** Starts the server (on `listenPort`) and waits for its health check; sets `backend`. */
  const launch = async (listenPort) => {
    try {
      const started = await startReferenceServer({ dataDir, port: listenPort, onLog: serverLog, env: { ...serverEnv, CORS_ORIGINS: pageOrigins } });
      const problem = await waitForHealth(started.url);
      if (problem) {
        await started.stop();
        throw new Error(`it did not answer GET /health: ${problem}`);
      }
      server = started;
      backend = {
        kind: 'server',
        reason: `npm start runs the reference server (@pforte/server) on embedded PGlite, data in ${shownDataDir}`,
      };
      watch(started);
    } catch (error) {
      server = undefined;
      // The first line, and the server's own error from its output when there is one.
      const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim()).filter(Boolean);
      const detail = lines.slice(1).find((line) => /error/i.test(line)) ?? lines.slice(1).at(-1);
      backend = { kind: 'memory', reason: `the reference server did not start: ${lines[0]}${detail ? ` ${detail}` : ''}` };
    }
  };

  await launch(serverPort);
  const proxyPort = server ? Number(new URL(server.url).port) : undefined;

  /** Stops the server, deletes its PGlite data and starts it again on the same port. */
  const reset = async () => {
    if (proxyPort === undefined) throw new Error('no reference server to reset (the page runs on the memory adapter)');
    resetting ??= (async () => {
      log(`Resetting the demo data: stopping the server, deleting ${shownDataDir}, starting it again …`);
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await launch(proxyPort);
      if (backend.kind !== 'server') throw new Error(backend.reason);
      log('Demo data reset: an empty database, seeded with the demo products.');
    })().finally(() => (resetting = undefined));
    return resetting;
  };

  /** Development-only routes of `npm start`, beside the proxy (never part of packages/server). */
  const devRoutes = {
    name: 'pforte-start-dev-routes',
    configureServer(viteServer) {
      viteServer.middlewares.use('/__pforte-dev/', (request, response) => {
        const send = (status, body) => {
          response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          response.end(JSON.stringify(body));
        };
        const path = (request.url ?? '').split('?')[0];
        if (request.method === 'GET' && path === '/status') {
          send(200, { ...backend, resettable: backend.kind === 'server', dataDir: shownDataDir });
        } else if (request.method === 'POST' && path === '/reset') {
          // A custom header: a cross-site form or image cannot send it without a preflight.
          if (request.headers['x-pforte-dev'] !== 'reset') return send(403, { ok: false, error: 'x-pforte-dev: reset header missing' });
          reset().then(
            () => send(200, { ok: true }),
            (error) => send(500, { ok: false, error: error instanceof Error ? error.message : String(error) }),
          );
        } else send(404, { ok: false, error: 'unknown development route' });
      });
    },
  };

  let vite;
  try {
    const { createServer } = await import('vite');
    vite = await createServer({
      configFile: join(root, 'vite.config.ts'),
      logLevel,
      plugins: [devRoutes],
      define: { __PFORTE_VERSION__: JSON.stringify(elementsVersion) },
      server: {
        port: pagePort,
        strictPort: true,
        proxy:
          proxyPort === undefined
            ? {}
            : {
                // Same origin for the page; the server allows that origin because it is in CORS_ORIGINS.
                '/pforte': { target: `http://127.0.0.1:${proxyPort}`, rewrite: (path) => path.replace(/^\/pforte/, '') || '/' },
              },
      },
    });
    await vite.listen();
  } catch (error) {
    await server?.stop();
    throw error;
  }
  const address = vite.httpServer.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    get serverUrl() {
      return server?.url;
    },
    get server() {
      return server;
    },
    get backend() {
      return backend;
    },
    reset,
    async close() {
      await vite.close();
      await server?.stop();
    },
  };
}

/** `--port 8080`, `--port=8080`, else the environment variable, else undefined. */
function portOption(args, name, variable) {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  const text = index === -1 ? process.env[variable] : args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`npm start: --${name} (or ${variable}) must be a port number, not "${text}"`);
    process.exit(2);
  }
  return value;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('Usage: npm start [-- --port <page port> --server-port <server port>]   (or PORT, PFORTE_SERVER_PORT)');
    process.exit(0);
  }
  const unknown = args.filter((arg, index) => arg.startsWith('-') && !/^--(server-)?port(=|$)/.test(arg) && !/^--(server-)?port$/.test(args[index - 1] ?? ''));
  if (unknown.length > 0) {
    console.error(`npm start: unknown option ${unknown[0]}; usage: npm start [-- --port <page port> --server-port <server port>]`);
    process.exit(2);
  }
  installWhenStale();
  let stopping = false;
  let demo;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo and the reference server …');
    await demo?.close();
    process.exit(code);
  };
  demo = await startDemo({
    port: portOption(args, 'port', 'PORT'),
    serverPort: portOption(args, 'server-port', 'PFORTE_SERVER_PORT') ?? 0,
    // A server that dies on its own takes the demo with it, rather than leaving a page without a backend.
    onServerExit: ({ code, signal }) => {
      if (stopping) return;
      console.error(`pforte-server stopped (code ${code}, signal ${signal})`);
      void stop(1);
    },
  });
  console.log(`\n  Pforte demo:       ${demo.url}`);
  if (demo.backend.kind === 'server') {
    console.log(`  Backend:           reference server at ${demo.serverUrl}, proxied at ${demo.url}pforte`);
    console.log(`                     because ${demo.backend.reason}`);
    console.log('  Reset demo data:   the page\'s "Reset demo data" button (a used registration link works again after it)');
  } else {
    console.log('  Backend:           the in-browser memory adapter (the page offers no server)');
    console.log(`                     because ${demo.backend.reason}`);
  }
  console.log('  Ctrl+C stops both.\n');
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

