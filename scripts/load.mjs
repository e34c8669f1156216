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
 *   node scripts/load.mjs --abuse [--people 12] [--flood 50] [--cheap-hash]
 *       people register alone, then beside attackers (hash floods, forged
 *       X-Forwarded-For); reports their latency and what the attackers got
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
const oneClientLimits = { smsPerIpPerHour: 1_000_000, flowStartsPerIpPerHour: 1_000_000, hashesPerIpPerHour: 1_000_000, requestBurstPerIp: 1_000_000 };

/** Child mode of --kill: the reference server with load-test limits, on PGlite at --data-dir or DATABASE_URL. */
async function serve() {
  const { createPforteServer, openPglite, openPostgres } = await import('@pforte/server');
  const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite(argument('--data-dir'));
  const server = await createPforteServer({
    database,
    production: false,
    // Every simulated person comes from 127.0.0.1 in the other runs; the abuse run gives each client its own address.
    ...(process.argv.includes('--abuse-limits') ? { trustProxyHops: 1 } : oneClientLimits),
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
    // Every simulated person comes from 127.0.0.1 here; the abuse run (--abuse) gives each client its own address.
    ...oneClientLimits,
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

/** fetch as a trusted proxy passes it on: the client's own X-Forwarded-For entries (`forged`) first, then the address the proxy saw. */
function fetchFrom(address, forged) {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('X-Forwarded-For', [...(forged ? [forged()] : []), address].join(', '));
    return fetch(input, { ...init, headers });
  };
}

/**
 * The attackers of --abuse, in a worker thread of their own so that their
 * loops do not slow down the people's measurements: a flood of /credentials
 * calls for flows that do not exist, a flood on real flows (slow hashes),
 * and SMS requests with forged X-Forwarded-For entries. Runs until told to
 * stop, then reports the answers each got.
 */
async function attackWorker() {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { url, floodSize } = workerData;
  let attacking = true;
  parentPort.once('message', () => (attacking = false));
  const password = 'ein langes Passwort 123';
  const tallies = { bogus: {}, hashing: {}, sms: {} };
  const count = (name, status) => (tallies[name][status] = (tallies[name][status] ?? 0) + 1);
  const post = (fetchImpl, path, body) =>
    fetchImpl(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })
      .catch(() => 'network error');
  const startFlow = async (fetchImpl) => {
    const started = await fetchImpl(`${url}/registrations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"locale":"de"}' }).catch(
      () => undefined,
    );
    return started?.ok ? (await started.json()).flowId : undefined;
  };
  const bogusFetch = fetchFrom('2001:db8:bad::1');
  const hashFetch = fetchFrom('2001:db8:bad::2');
  const smsFetch = fetchFrom('2001:db8:bad::3', () => `203.0.113.${randomInt(1, 255)}`);
  const loops = [
    ...Array.from({ length: floodSize }, async () => {
      while (attacking) count('bogus', await post(bogusFetch, `/registrations/flow_${randomInt(1e9)}/credentials`, { username: `x${randomInt(1e9)}`, password }));
    }),
    ...Array.from({ length: floodSize }, async () => {
      while (attacking) {
        const flowId = (await startFlow(hashFetch)) ?? `flow_${randomInt(1e9)}`;
        count('hashing', await post(hashFetch, `/registrations/${flowId}/credentials`, { username: `h${randomInt(1e9)}@example.org`, password }));
      }
    }),
    (async () => {
      while (attacking) {
        const flowId = await startFlow(smsFetch);
        if (flowId === undefined) {
          count('sms', 'start refused');
          // Refused until the hour is over: the attacker keeps knocking, a little slower.
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        const credentials = await post(smsFetch, `/registrations/${flowId}/credentials`, { username: `s${randomInt(1e9)}@example.org`, password });
        if (credentials !== 200) {
          count('sms', `credentials ${credentials}`);
          continue;
        }
        count('sms', 'credentials 200');
        count('sms', `sms ${await post(smsFetch, `/registrations/${flowId}/sms`, { phone: `+49151${String(randomInt(1e8)).padStart(8, '0')}` })}`);
      }
    })(),
  ];
  await Promise.all(loops);
  parentPort.postMessage(tallies);
}

/**
 * --abuse: real people register, first alone and then beside the attackers
 * of {@link attackWorker}, against the server in a process of its own behind
 * one trusted proxy hop (as in production), each person and each attacker
 * from its own address. Reports the people's /credentials latency idle and
 * under attack and what each attacker got. Fails when the people's p95 under
 * attack is over twice the idle p95, a registration fails, or the SMS
 * attacker gets past the per-IP cap.
 */
async function abuseRun() {
  const { createHttpAdapter } = await import('@pforte/core');
  const { backendDefaults } = await import('@pforte/core/rules');
  const { startReferenceServer } = await import('./start.mjs');
  const { Worker } = await import('node:worker_threads');
  const people = Number(argument('--people', '12'));
  const floodSize = Number(argument('--flood', '50'));
  const server = await startReferenceServer({ entry: fileURLToPath(import.meta.url), args: ['--serve', '--abuse-limits', ...(cheap ? ['--cheap-hash'] : [])] });
  const { url } = server;
  const { register } = harness(() => url);
  let addressCounter = 0;

  /** `people` registrations, each from its own address, 4 at a time; the duration of each /credentials call. */
  async function registerPeople(round) {
    const credentialsMs = [];
    const failures = [];
    let next = 0;
    const worker = async () => {
      while (next < people) {
        const index = next++;
        const adapter = createHttpAdapter({ baseUrl: url, fetch: fetchFrom(`2001:db8:${(++addressCounter).toString(16)}::1`), timeoutMs: 120_000 });
        const timed = Object.create(adapter);
        timed.submitCredentials = async (input) => {
          const started = performance.now();
          try {
            return await adapter.submitCredentials(input);
          } finally {
            credentialsMs.push(performance.now() - started);
          }
        };
        await register(timed, round * 10_000 + index).catch((error) => failures.push(error?.code ?? String(error)));
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    return { credentialsMs, failures };
  }

  const idle = await registerPeople(0);
  const attackers = new Worker(fileURLToPath(import.meta.url), { workerData: { url, floodSize } });
  const attackResult = new Promise((resolve, reject) => {
    attackers.once('message', resolve);
    attackers.once('error', reject);
  });
  const underAttack = await registerPeople(1);
  attackers.postMessage('stop');
  const { bogus, hashing, sms } = await attackResult;
  await server.stop();

  const p = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
  const show = (tally) => Object.entries(tally).map(([status, n]) => `${status}: ${n}`).join(', ');
  const idleP95 = p(idle.credentialsMs, 0.95);
  const attackP95 = p(underAttack.credentialsMs, 0.95);
  const ratio = attackP95 / idleP95;
  const smsSent = sms['sms 200'] ?? 0;
  console.log(`server: its own process, PGlite, scrypt ${costLabel()}, one trusted proxy hop, default limits`);
  console.log(`${people} people per round, each from its own address; attackers in a worker, floods of ${floodSize} concurrent calls`);
  console.log(`people's /credentials idle:         p50 ${p(idle.credentialsMs, 0.5).toFixed(0)} ms, p95 ${idleP95.toFixed(0)} ms`);
  console.log(`people's /credentials under attack: p50 ${p(underAttack.credentialsMs, 0.5).toFixed(0)} ms, p95 ${attackP95.toFixed(0)} ms (${ratio.toFixed(2)}× idle; budget 2×)`);
  console.log(`registrations failed: idle ${idle.failures.length}, under attack ${underAttack.failures.length}`);
  console.log(`attacker 1, /credentials for flows that do not exist: ${show(bogus)}`);
  console.log(`attacker 2, /credentials on real flows: ${show(hashing)} (each 200 is one slow hash; cap ${backendDefaults.hashesPerIpPerHour}/hour per address)`);
  console.log(`attacker 3, SMS with forged X-Forwarded-For entries: ${smsSent} sent (cap ${backendDefaults.smsPerIpPerHour}/hour per address); ${show(sms)}`);
  for (const failure of [...idle.failures, ...underAttack.failures].slice(0, 3)) console.log('failed:', failure);
  const failed = idle.failures.length + underAttack.failures.length;
  process.exit(ratio <= 2 && failed === 0 && smsSent <= backendDefaults.smsPerIpPerHour ? 0 : 1);
}

const { isMainThread } = await import('node:worker_threads');
if (!isMainThread) {
  await attackWorker();
} else if (process.argv.includes('--serve')) {
  await serve();
} else if (process.argv.includes('--abuse')) {
  await abuseRun();
} else if (process.argv.includes('--kill')) {
  await killAndRestart();
} else {
  await inProcess();
}
