#!/usr/bin/env node
/**
 * `npm run load`: a bounded loopback load test of the reference server.
 * Runs N complete registrations through createHttpAdapter against
 * @pforte/server on PGlite (or DATABASE_URL), each with credentials, a
 * generated PIN, an SMS code read from /dev/outbox, visibility and complete;
 * reports registrations/s and request latency percentiles, and verifies that
 * every completed registration is in the database.
 *
 *   node scripts/load.mjs [--flows 50] [--cheap-hash]
 *       all flows at once against an in-process server on in-memory PGlite
 *   node scripts/load.mjs --kill [--flows 40] [--concurrency 8] [--cheap-hash]
 *       the server runs as a child process on a PGlite directory (or
 *       DATABASE_URL); when half the flows are complete it is killed with
 *       SIGKILL mid-run and restarted on the same data. In-flight flows carry
 *       on with the same flowId (the HTTP adapter retries with the same
 *       Idempotency-Key until the server is back); a flow that still fails is
 *       restarted once from scratch. Then every completed registration, the
 *       ones from before the kill included, must be in the database.
 *
 * Loopback only; stops by itself. Needs the packages built (npm run build).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { randomInt } from 'node:crypto';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const cheap = process.argv.includes('--cheap-hash');
const cheapCost = { N: 1024, r: 8, p: 1 };

/** Child mode of --kill: the reference server with load-test limits, on PGlite at --data-dir or DATABASE_URL. */
async function serve() {
  const { createPforteServer, openPglite, openPostgres } = await import('@pforte/server');
  const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(argument('--data-dir'));
  const server = await createPforteServer({
    database,
    production: false,
    smsPerIpPerHour: 1_000_000,
    ...(cheap ? { scryptCost: cheapCost } : {}),
  });
  const url = await server.listen(Number(argument('--port', '0')), '127.0.0.1');
  console.warn(`load server listening on ${url} (${database.kind})`);
  process.once('SIGTERM', () => void server.close().then(() => database.close()).then(() => process.exit(0)));
}

/** Latency-recording fetch, and the flow of one registration through `adapter`. */
function harness(baseUrl) {
  const latencies = [];
  const failedRequests = { count: 0 };
  const timedFetch = async (input, init) => {
    const started = performance.now();
    try {
      return await fetch(input, init);
    } catch (error) {
      failedRequests.count += 1;
      throw error;
    } finally {
      latencies.push(performance.now() - started);
    }
  };
  const runSalt = randomInt(0, 100_000_000);
  const phoneFor = (index) => `+49152${String((runSalt + index * 7919) % 100_000_000).padStart(8, '0')}`;

  /** The SMS code of `flowId` from /dev/outbox, waiting out a restarting server. */
  async function outboxCode(flowId, deadline = Date.now() + 60_000) {
    for (;;) {
      try {
        const response = await timedFetch(`${baseUrl()}/dev/outbox?flowId=${encodeURIComponent(flowId)}`);
        const code = (await response.json()).messages.at(-1)?.code;
        if (code) return code;
      } catch {
        // The server is down for a moment (--kill): try again.
      }
      if (Date.now() > deadline) throw new Error(`no SMS code for ${flowId}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function register(adapter, index, attempt = 0, onFlow = () => {}) {
    const { flowId } = await adapter.startRegistration({ locale: 'de' });
    onFlow(flowId);
    const username = `load-${Date.now().toString(36)}-${index}-${attempt}@example.org`;
    await adapter.submitCredentials({ flowId, username, password: `Lastprobe ${index} mit Umlaut ä und 🔑` });
    await adapter.issuePin({ flowId, length: 6 });
    await adapter.confirmPinSaved({ flowId });
    await adapter.sendSmsCode({ flowId, phone: phoneFor(index * 3 + attempt) });
    await adapter.verifySmsCode({ flowId, code: await outboxCode(flowId) });
    await adapter.setVisibility({ flowId, visible: index % 2 === 0 });
    const done = await adapter.complete({ flowId });
    return { flowId, accountId: done.accountId };
  }

  const percentile = (p) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  };
  return { latencies, failedRequests, timedFetch, register, percentile };
}

function costLabel() {
  return cheap ? 'N=2^10,r=8,p=1 (cheap)' : 'N=2^14,r=8,p=5 (default)';
}

/** The original mode: N flows at once against an in-process server. */
async function inProcess() {
  const { createHttpAdapter } = await import('@pforte/core');
  const { createPforteServer, openPglite, openPostgres } = await import('@pforte/server');
  const flows = Number(argument('--flows', '50'));
  const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite();
  const server = await createPforteServer({
    database,
    production: false,
    smsPerIpPerHour: 1_000_000,
    ...(cheap ? { scryptCost: cheapCost } : {}),
  });
  const url = await server.listen(0);
  const { latencies, timedFetch, register, percentile } = harness(() => url);
  const adapter = createHttpAdapter({ baseUrl: url, fetch: timedFetch, timeoutMs: 120_000 });

  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: flows }, (_, index) => register(adapter, index)));
  const seconds = (performance.now() - started) / 1000;
  const accountIds = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.accountId] : []));
  const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
  const stored = await database.query('SELECT id FROM accounts WHERE id = ANY($1::text[])', [accountIds]);

  console.log(`database: ${database.kind}, scrypt: ${costLabel()}`);
  console.log(`registrations: ${accountIds.length}/${flows} completed in ${seconds.toFixed(2)} s → ${(accountIds.length / seconds).toFixed(1)} registrations/s`);
  console.log(
    `requests: ${latencies.length}, latency p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms`,
  );
  console.log(`in the database: ${stored.length}/${accountIds.length}`);
  for (const failure of failures.slice(0, 3)) console.log('failed:', failure.reason?.code ?? failure.reason);
  await server.close();
  await database.close();
  process.exit(failures.length === 0 && stored.length === accountIds.length ? 0 : 1);
}

/** --kill: SIGKILL the server process mid-run, restart it on the same data, finish, check. */
async function killAndRestart() {
  const { createHttpAdapter } = await import('@pforte/core');
  const { startReferenceServer } = await import('./start.mjs');
  const flows = Number(argument('--flows', '40'));
  const concurrency = Number(argument('--concurrency', '8'));
  const postgresUrl = process.env.DATABASE_URL;
  const dataDir = postgresUrl ? undefined : await mkdtemp(join(tmpdir(), 'pforte-load-pglite-'));
  const self = fileURLToPath(import.meta.url);
  const start = (port) =>
    startReferenceServer({
      entry: self,
      args: ['--serve', '--port', String(port), ...(dataDir ? ['--data-dir', dataDir] : []), ...(cheap ? ['--cheap-hash'] : [])],
      env: postgresUrl ? { DATABASE_URL: postgresUrl } : {},
    });

  let server = await start(0);
  const url = server.url;
  const port = Number(new URL(url).port);
  const { latencies, failedRequests, timedFetch, register, percentile } = harness(() => url);
  // Enough retries to ride out the restart; each one re-sends the same Idempotency-Key.
  const adapter = createHttpAdapter({ baseUrl: url, fetch: timedFetch, timeoutMs: 120_000, retries: 400, retryDelayMs: 250 });

  const completedBeforeKill = [];
  const completed = [];
  const failed = [];
  const flowIds = new Map();
  let restartedFlows = 0;
  let killedAt;
  let downtimeMs = 0;
  let inFlightAtKill = [];
  let serverBack = Promise.resolve();

  const killAndStartAgain = async () => {
    inFlightAtKill = [...flowIds.entries()].filter(([index]) => !completed.some((done) => done.index === index));
    killedAt = performance.now();
    await server.kill();
    server = await start(port);
    downtimeMs = performance.now() - killedAt;
  };

  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < flows) {
      const index = next++;
      let result;
      try {
        result = await register(adapter, index, 0, (flowId) => flowIds.set(index, flowId));
      } catch (error) {
        // Not resumable: start this registration again from scratch, once.
        await serverBack;
        restartedFlows += 1;
        try {
          result = await register(adapter, index, 1, (flowId) => flowIds.set(index, flowId));
        } catch (again) {
          failed.push({ index, code: again?.code ?? String(again), first: error?.code ?? String(error) });
          continue;
        }
      }
      completed.push({ index, ...result });
      if (killedAt === undefined) completedBeforeKill.push(result);
      if (killedAt === undefined && completed.length >= Math.floor(flows / 2)) {
        killedAt = performance.now();
        serverBack = killAndStartAgain();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await serverBack;
  const seconds = (performance.now() - started) / 1000;

  // Stop the restarted server (SIGTERM), then read the data it left behind.
  await server.stop();
  const { openPglite, openPostgres } = await import('@pforte/server');
  const database = postgresUrl ? await openPostgres(postgresUrl) : await openPglite(dataDir);
  const ids = (list) => list.map((entry) => entry.accountId);
  const count = async (list) =>
    list.length === 0 ? 0 : (await database.query('SELECT id FROM accounts WHERE id = ANY($1::text[])', [ids(list)])).length;
  const survived = await count(completedBeforeKill);
  const stored = await count(completed);
  const resumed = inFlightAtKill.filter(([index, flowId]) => completed.some((done) => done.index === index && done.flowId === flowId));
  await database.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });

  console.log(`database: ${postgresUrl ? 'postgres' : 'pglite (directory)'}, scrypt: ${costLabel()}, ${flows} flows, ${concurrency} at a time`);
  console.log(
    `server killed (SIGKILL) after ${completedBeforeKill.length} completions; back after ${(downtimeMs / 1000).toFixed(2)} s on the same data`,
  );
  console.log(`registrations: ${completed.length}/${flows} completed in ${seconds.toFixed(2)} s → ${(completed.length / seconds).toFixed(1)} registrations/s`);
  console.log(
    `requests: ${latencies.length}, latency p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms`,
  );
  console.log(`survived the kill: ${survived}/${completedBeforeKill.length} completed before it are in the database`);
  console.log(
    `in flight at the kill: ${inFlightAtKill.length}; resumed with the same flowId: ${resumed.length}; restarted from scratch: ${restartedFlows}`,
  );
  console.log(`requests that met the dead server and were re-sent with the same Idempotency-Key: ${failedRequests.count}`);
  console.log(`in the database: ${stored}/${completed.length}`);
  for (const failure of failed.slice(0, 3)) console.log('failed:', failure);
  const ok = failed.length === 0 && survived === completedBeforeKill.length && stored === completed.length && completed.length === flows;
  process.exit(ok ? 0 : 1);
}

if (process.argv.includes('--serve')) {
  await serve();
} else if (process.argv.includes('--kill')) {
  await killAndRestart();
} else {
  await inProcess();
}
