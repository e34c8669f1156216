/**
 * What the classic scripts (`pforte.iife.js`, `pforte-memory.iife.js`) share:
 * they load the ES files beside them, so a page without module scripts runs
 * the very same code as one with them: `pforte.js` for the first step, the
 * later steps on demand. The global `Pforte` gets the API once it is loaded;
 * `Pforte.ready` resolves with it.
 */
export interface PforteClassicGlobal {
  /** Resolves with this same object once every classic script's module has loaded and its exports are on it. */
  ready: Promise<PforteClassicGlobal>;
  [name: string]: unknown;
}

const scope = globalThis as typeof globalThis & { Pforte?: PforteClassicGlobal };

/**
 * Imports `file` from the folder the running classic script was loaded from
 * (a classic script's relative imports would resolve against the page), and
 * puts its exports on the global `Pforte` when it and every earlier classic
 * script's module have loaded.
 */
export function loadBeside(file: string): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const url = new URL(file, script?.src ?? document.baseURI).href;
  const pforte = (scope.Pforte ??= { ready: Promise.resolve() as unknown as Promise<PforteClassicGlobal> });
  const earlier = pforte.ready;
  pforte.ready = Promise.all([earlier, import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>]).then(([, module]) => {
    Object.assign(pforte, module);
    return pforte;
  });
}
