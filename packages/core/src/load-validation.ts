/**
 * The browser's validation (the config schema, the adapter's result schemas,
 * the HTTP contract's answers), with zod, as one lazily loaded module: the
 * first step renders without it while it loads, and everything that needs it
 * (the first submit, the first answer) waits for it.
 */
let loading: Promise<typeof import('./validation.js')> | undefined;

/** Loads `validation.ts` once; a failed load is tried again on the next call. */
export function loadValidation(): Promise<typeof import('./validation.js')> {
  loading ??= import('./validation.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
