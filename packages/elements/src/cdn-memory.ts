/**
 * `dist/cdn/pforte-memory.js` (and, for classic scripts,
 * `pforte-memory.iife.js`, which adds `createMemoryAdapter` to the global
 * `Pforte`): the in-browser backend for demos and tests. Its own file, so a
 * page that talks to a real server through `endpoint` never loads it.
 */
export { createMemoryAdapter } from '@pforte/core/memory';
export type {
  MemoryAccount,
  MemoryAdapter,
  MemoryAdapterOptions,
  MemoryCustomer,
  MemoryInvitation,
  MemoryOrganization,
  OutboxMessage,
} from '@pforte/core/memory';
