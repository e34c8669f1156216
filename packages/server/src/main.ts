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
 *   SMS_CODE_PEPPER=…                   HMAC key for SMS and e-mail codes, kept outside the database (≥ 32 bytes in production)
 *   SMTP_URL=smtps://user:pw@host:465   e-mail over SMTP (or SMTP_HOST, SMTP_PORT, SMTP_SECURE=1, SMTP_USER, SMTP_PASSWORD)
 *   MAIL_FROM="Praxis" <noreply@…>      the sender of the e-mails
 *   SMS_WEBHOOK_URL=https://…           SMS through a signed webhook, with SMS_WEBHOOK_SECRET (≥ 32 bytes)
 *   SMS_WEBHOOK_TIMEOUT_MS=5000         how long to wait for the webhook
 *   TRUST_PROXY_HOPS=1                  proxies you run in front: the client IP is X-Forwarded-For's n-th entry from the right
 *   PFORTE_BREACH_RANGE_URL=https://…   k-anonymity range API of breached passwords (e.g. https://api.pwnedpasswords.com)
 *   PFORTE_BREACH_FAIL=open|closed      when that API is down: accept with a warning (default) or refuse with 503
 *   NODE_ENV=production                 no /dev/outbox; refuses to start without products, pepper and the senders they need
 *   PFORTE_ADMIN_TOKEN=…                the bearer token of the admin API (POST /admin/accounts, /admin/guest-invitations, /admin/service-pin-checks), ≥ 32 characters; without it no admin API
 *
 *   pforte-server create-account --username NAME [--product ID] [--second-factor none|sms|email] [--phone +49…] [--email ADDRESS] < password
 *                                       creates an account with an initial password (read from stdin) that its first sign-in must replace
 *   pforte-server create-account --username NAME … --invite --return-url URL
 *                                       creates an account by invitation: an e-mailed link to URL lets the person set a password
 *   pforte-server invite-guest --email ADDRESS --return-url URL [--product ID] [--name NAME] [--phone +49…]
 *                                       invites a guest (access by TAN): a link to URL with the invitation, and a one-time code
 *
 * See the server README's "Production" section.
 */
import { readFileSync } from 'node:fs';
import { createRangeBreachChecker } from '@pforte/core/rules';
import { createPforteServer } from './app.js';
import { createAccountCommand, inviteGuestCommand, readLine } from './create-account.js';
import { readProducts } from './config.js';
import { openPglite, openPostgres } from './db.js';
import { environmentNames, sendersFromEnvironment } from './environment.js';
import { checkProductionSetup } from './production.js';
import type { SeedData } from './service.js';

const env = process.env;
const { products, senders, trustProxyHops } = configure();
const database = env['DATABASE_URL'] ? await openPostgres(env['DATABASE_URL']) : await openPglite(env['PGLITE_DATA_DIR']);
const server = await createPforteServer({
  database,
  ...(products ? { products } : {}),
  ...(env['PFORTE_DEFAULT_PRODUCT'] ? { defaultProduct: env['PFORTE_DEFAULT_PRODUCT'] } : {}),
  allowedOrigins: list(env['CORS_ORIGINS']),
  codePepper: env['SMS_CODE_PEPPER'] ?? '',
  ...senders,
  trustProxyHops,
  ...(env['PFORTE_SEED'] ? { seed: readSeed(env['PFORTE_SEED']) } : {}),
  ...(env['PFORTE_BREACH_RANGE_URL'] ? { breachedPasswordChecker: breachChecker(env['PFORTE_BREACH_RANGE_URL']) } : {}),
  ...(env['PFORTE_ADMIN_TOKEN'] ? { adminToken: env['PFORTE_ADMIN_TOKEN'] } : {}),
});
if (process.argv[2] === 'create-account' || process.argv[2] === 'invite-guest') {
  const args = process.argv.slice(3);
  const code =
    process.argv[2] === 'create-account' ? await createAccountCommand(server, args, () => readLine(process.stdin)) : await inviteGuestCommand(server, args);
  await server.close();
  await database.close();
  process.exit(code);
}
/**
 * Products and senders from the environment, checked before anything
 * starts: a setting that is missing or wrong ends the process with one line
 * naming the variable.
 */
function configure() {
  try {
    const products = env['PFORTE_PRODUCTS'] ? readProducts(list(env['PFORTE_PRODUCTS'])) : undefined;
    const senders = sendersFromEnvironment(env);
    if (env['NODE_ENV'] === 'production') {
      checkProductionSetup({ products, codePepper: env['SMS_CODE_PEPPER'], ...senders }, environmentNames);
    }
    return { products, senders, trustProxyHops: proxyHops() };
  } catch (error) {
    console.error(`pforte-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** TRUST_PROXY_HOPS as a count; the old TRUST_PROXY took the client-written end of the header and is refused. */
function proxyHops(): number {
  if (env['TRUST_PROXY'] !== undefined) {
    throw new Error('TRUST_PROXY is replaced by TRUST_PROXY_HOPS: the number of proxies you run in front of the server');
  }
  const hops = Number(env['TRUST_PROXY_HOPS'] ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error('TRUST_PROXY_HOPS must be a whole number of proxies (0 or more)');
  return hops;
}

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
    senders.emailSender?.close();
    void server.close().then(() => database.close()).then(() => process.exit(0));
  });
}
