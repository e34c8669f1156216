/**
 * `@pforte/core/memory`: the in-browser backend for docs, tests and demos.
 * Its own entry, so a page that talks to a real server does not load it.
 */
export {
  createMemoryAdapter,
  type MemoryAccount,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryCustomer,
  type MemoryInvitation,
  type MemoryOrganization,
  type OutboxMessage,
} from './memory/memory-adapter.js';
