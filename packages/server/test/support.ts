import assert from 'node:assert/strict';
import { PforteError, createManualClock, type ManualClock } from '@pforte/core';
import {
  createPforteServer,
  openPglite,
  openPostgres,
  type Database,
  type PforteServer,
  type SeedData,
  type ServerOptions,
} from '../src/index.js';

/** Cheap scrypt for tests; production uses the default cost. */
export const testScrypt = { N: 1024, r: 8, p: 1 };

/**
 * Every test client is 127.0.0.1 on a shared database, where the attempts of
 * every test file add up: per-client throttles are tested with addresses of
 * their own (behind trustProxyHops), everything else runs with these.
 */
export const oneClientLimits = {
  smsPerIpPerHour: 10_000,
  flowStartsPerIpPerHour: 10_000,
  hashesPerIpPerHour: 10_000,
  lookupsPerIpPerHour: 10_000,
  requestBurstPerIp: 1_000_000,
  signInsPerIpPerHour: 10_000,
  resetRequestsPerIpPerHour: 10_000,
} as const;

/** PostgreSQL for the storage tests when set (`.ci/run` sets it to a throwaway cluster); else in-memory PGlite. */
export const testDatabaseUrl = process.env['PFORTE_TEST_DATABASE_URL'] || undefined;

let shared: Promise<Database> | undefined;
/**
 * One database per test process (starting PGlite takes seconds): in-memory
 * PGlite, or PostgreSQL at PFORTE_TEST_DATABASE_URL. Tests keep apart by
 * unique names, so a reused PostgreSQL database is fine.
 */
export function sharedDatabase(): Promise<Database> {
  shared ??= testDatabaseUrl ? openPostgres(testDatabaseUrl) : openPglite();
  return shared;
}

export interface TestServer {
  server: PforteServer;
  url: string;
  clock: ManualClock;
  close(): Promise<void>;
}

/** A listening server on the shared database with a manual clock. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const clock = createManualClock(Date.now());
  const server = await createPforteServer({
    database: await sharedDatabase(),
    clock,
    scryptCost: testScrypt,
    production: false,
    ...oneClientLimits,
    adminToken: testAdminToken,
    ...options,
  });
  const url = await server.listen(0);
  return { server, url, clock, close: () => server.close() };
}

/** The latest SMS code for `phone` in `flowId` from GET /dev/outbox. */
export async function outboxCode(url: string, phone: string, flowId: string): Promise<string | undefined> {
  const query = new URLSearchParams({ phone, flowId });
  const response = await fetch(`${url}/dev/outbox?${query}`);
  const { messages } = (await response.json()) as { messages: Array<{ code: string }> };
  return messages.at(-1)?.code;
}

/** The latest e-mail to `to` (in `flowId`, if given) from GET /dev/outbox: its link and code. */
export async function outboxEmail(url: string, to: string, flowId?: string): Promise<{ link?: string; code?: string } | undefined> {
  const query = new URLSearchParams({ to, channel: 'email', ...(flowId === undefined ? {} : { flowId }) });
  const response = await fetch(`${url}/dev/outbox?${query}`);
  const { messages } = (await response.json()) as { messages: Array<{ link?: string; code?: string }> };
  return messages.at(-1);
}

/** Conformance hooks that seed the server's tables directly. */
export function seedHooks(server: () => PforteServer) {
  const seed = (data: SeedData) => server().db.transaction((tx) => server().service.seed(tx, data));
  return {
    createInvitation: (details: { email?: string; createdAt?: number; validityDays?: number }) =>
      server().db.transaction((tx) => server().service.createInvitation(tx, details)),
    addCustomer: (customer: { customerNumber: string; email: string; name?: string }) => seed({ customers: [customer] }),
    addOrganization: (organization: { name: string; customerNumber: string; postalCode: string; members: number }) =>
      seed({ organizations: [organization] }),
  };
}

/** An admin token for tests (the admin API needs at least 32 characters). */
export const testAdminToken = 'test-admin-token-0123456789abcdef-0123';

/**
 * A fetch with its own cookie jar, as a browser tab has: it keeps the
 * session cookie the server sets and sends it back (the test server speaks
 * plain HTTP, so `Secure` is not enforced here).
 */
export function fetchWithCookies(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.trim().split('=');
      if (value === '' || attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute))) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}

/** Creates an account through the admin API. */
export async function createAccountByAdmin(url: string, input: object): Promise<Response> {
  return adminPost(url, '/admin/accounts', input);
}

/** A request of the admin API with the test admin token. */
export async function adminPost(url: string, path: string, input: object): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testAdminToken}` },
    body: JSON.stringify(input),
  });
}

/** The PforteError `promise` rejects with; fails when it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<PforteError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PforteError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}
