#!/usr/bin/env node
/**
 * Runs the reference server.
 *
 *   PORT=8787 HOST=127.0.0.1            where to listen
 *   DATABASE_URL=postgres://…           PostgreSQL; without it embedded PGlite
 *   PGLITE_DATA_DIR=./data              PGlite's directory (default: in memory)
 *   CORS_ORIGINS=https://a.example,…    origins allowed to call the API
 *   PFORTE_PRODUCTS=./products,…        product configs (JSON files, or directories of them): each flow is bound to one
 *   PFORTE_DEFAULT_PRODUCT=id           the product of flows that start without one (default: the only product)
 *   PFORTE_SEED=./seed.json             invitations, customers, organizations to load (a path or inline JSON)
 *   SMS_CODE_PEPPER=…                   HMAC key for SMS codes, kept outside the database
 *   TRUST_PROXY=1                       client IP from X-Forwarded-For
 *   PFORTE_BREACH_RANGE_URL=https://…   k-anonymity range API of breached passwords (e.g. https://api.pwnedpasswords.com)
 *   PFORTE_BREACH_FAIL=open|closed      when that API is down: accept with a warning (default) or refuse with 503
 *   NODE_ENV=production                 no /dev/outbox; a real SMS sender is required
 */
import { readFileSync } from 'node:fs';
import { createRangeBreachChecker } from '@pforte/core/rules';
import { createPforteServer } from './app.js';
import { readProducts } from './config.js';
import { openPglite, openPostgres } from './db.js';
import type { SeedData } from './service.js';

const env = process.env;
const database = env['DATABASE_URL'] ? await openPostgres(env['DATABASE_URL']) : await openPglite(env['PGLITE_DATA_DIR']);
const server = await createPforteServer({
  database,
  ...(env['PFORTE_PRODUCTS'] ? { products: readProducts(list(env['PFORTE_PRODUCTS'])) } : {}),
  ...(env['PFORTE_DEFAULT_PRODUCT'] ? { defaultProduct: env['PFORTE_DEFAULT_PRODUCT'] } : {}),
  allowedOrigins: list(env['CORS_ORIGINS']),
  codePepper: env['SMS_CODE_PEPPER'] ?? '',
  trustProxy: env['TRUST_PROXY'] === '1',
  ...(env['PFORTE_SEED'] ? { seed: readSeed(env['PFORTE_SEED']) } : {}),
  ...(env['PFORTE_BREACH_RANGE_URL'] ? { breachedPasswordChecker: breachChecker(env['PFORTE_BREACH_RANGE_URL']) } : {}),
});
/** A comma-separated list. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** The breached-password check at `baseUrl`; a fail-open one warns each time it had to accept unchecked. */
function breachChecker(baseUrl: string) {
  const failMode = env['PFORTE_BREACH_FAIL'] === 'closed' ? 'closed' : 'open';
  return createRangeBreachChecker({
    baseUrl,
    failMode,
    onUnavailable: (count) => console.warn(`breached-password check unavailable (${count} so far); ${failMode === 'open' ? 'accepted unchecked' : 'refused'}`),
  });
}

/** Seed data from inline JSON (starts with `{`) or a file. */
function readSeed(value: string): SeedData {
  const text = value.trim().startsWith('{') ? value : readFileSync(value, 'utf8');
  return JSON.parse(text) as SeedData;
}

const url = await server.listen(Number(env['PORT'] ?? 8787), env['HOST'] ?? '127.0.0.1');
console.warn(`pforte-server listening on ${url} (${database.kind})`);
const cleanup = setInterval(() => void database.transaction((tx) => server.service.cleanup(tx)).catch(() => undefined), 15 * 60_000);
cleanup.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(cleanup);
    void server.close().then(() => database.close()).then(() => process.exit(0));
  });
}
