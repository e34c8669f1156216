import { createManualClock, type ManualClock } from '@pforte/core';
import { createPforteServer, openPglite, type Database, type PforteServer, type ServerOptions } from '../src/index.js';

/** Cheap scrypt for tests; production uses the default cost. */
export const testScrypt = { N: 1024, r: 8, p: 1 };

let shared: Promise<Database> | undefined;
/** One in-memory PGlite per test process (starting one takes seconds); tests keep apart by unique names. */
export function sharedDatabase(): Promise<Database> {
  shared ??= openPglite();
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
    smsPerIpPerHour: 10_000,
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
