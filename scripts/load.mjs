#!/usr/bin/env node
/**
 * `npm run load`: a bounded loopback load test of the reference server.
 * Runs N complete registrations (default 50) at once through createHttpAdapter
 * against @pforte/server on in-memory PGlite (or DATABASE_URL), each with
 * credentials, a generated PIN, an SMS code read from /dev/outbox, visibility
 * and complete; reports registrations/s and request latency percentiles, and
 * verifies that every completed registration is in the database.
 *
 *   node scripts/load.mjs [--flows 50] [--cheap-hash]
 * Needs the packages built (npm run build).
 */
import { performance } from 'node:perf_hooks';
import { createHttpAdapter } from '@pforte/core';
import { createPforteServer, openPglite, openPostgres } from '@pforte/server';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const flows = Number(argument('--flows', '50'));
const cheap = process.argv.includes('--cheap-hash');

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openPglite();
const server = await createPforteServer({
  database,
  production: false,
  smsPerIpPerHour: 1_000_000,
  ...(cheap ? { scryptCost: { N: 1024, r: 8, p: 1 } } : {}),
});
const url = await server.listen(0);
const latencies = [];
const timedFetch = async (input, init) => {
  const started = performance.now();
  try {
    return await fetch(input, init);
  } finally {
    latencies.push(performance.now() - started);
  }
};
const adapter = createHttpAdapter({ baseUrl: url, fetch: timedFetch, timeoutMs: 120_000 });

async function register(index) {
  const { flowId } = await adapter.startRegistration({ locale: 'de' });
  const username = `load-${Date.now().toString(36)}-${index}@example.org`;
  await adapter.submitCredentials({ flowId, username, password: `Lastprobe ${index} mit Umlaut ä und 🔑` });
  await adapter.issuePin({ flowId, length: 6 });
  await adapter.confirmPinSaved({ flowId });
  const phone = `+49152${String(10_000_000 + index).slice(-8)}`;
  await adapter.sendSmsCode({ flowId, phone });
  const outbox = await (await timedFetch(`${url}/dev/outbox?flowId=${encodeURIComponent(flowId)}`)).json();
  await adapter.verifySmsCode({ flowId, code: outbox.messages.at(-1).code });
  await adapter.setVisibility({ flowId, visible: index % 2 === 0 });
  const done = await adapter.complete({ flowId });
  return done.accountId;
}

const started = performance.now();
const outcomes = await Promise.allSettled(Array.from({ length: flows }, (_, index) => register(index)));
const seconds = (performance.now() - started) / 1000;
const accountIds = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
const stored = await database.query('SELECT id FROM accounts WHERE id = ANY($1::text[])', [accountIds]);
const sorted = latencies.sort((a, b) => a - b);
const percentile = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

console.log(`database: ${database.kind}, scrypt: ${cheap ? 'N=2^10,r=8,p=1 (cheap)' : 'N=2^14,r=8,p=5 (default)'}`);
console.log(`registrations: ${accountIds.length}/${flows} completed in ${seconds.toFixed(2)} s → ${(accountIds.length / seconds).toFixed(1)} registrations/s`);
console.log(
  `requests: ${sorted.length}, latency p50 ${percentile(50).toFixed(1)} ms, p95 ${percentile(95).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms`,
);
console.log(`in the database: ${stored.length}/${accountIds.length}`);
for (const failure of failures.slice(0, 3)) console.log('failed:', failure.reason?.code ?? failure.reason);
await server.close();
await database.close();
process.exit(failures.length === 0 && stored.length === accountIds.length ? 0 : 1);
