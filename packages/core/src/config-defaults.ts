/**
 * The defaults of the configuration's top-level options. The config schema
 * (config.ts) fills them in; `draftConfig` (config-draft.ts) uses the same
 * values for the first step, before the schema has loaded.
 */
export const configDefaults = {
  product: 'Pforte',
  steps: ['credentials', 'done'],
  username: { kind: 'email', minLength: 3, maxLength: 64 },
  passwordPolicy: 'nist',
  requestTimeoutMs: 15000,
} as const;
