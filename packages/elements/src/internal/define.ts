/**
 * Replaced with packages/elements/package.json's version at build time (Vite's
 * `define` in vite.lib.config.ts and vite.cdn.config.ts, esbuild's in
 * web-test-runner.config.mjs; see build/version.ts).
 */
declare const __PFORTE_VERSION__: string | undefined;

/**
 * The package version, reported when two copies meet on one page. Sources
 * compiled without the define (an app bundling the `pforte-source` condition)
 * report `0.0.0-source`.
 */
export const version: string = typeof __PFORTE_VERSION__ === 'string' ? __PFORTE_VERSION__ : '0.0.0-source';

/**
 * Set on the global object once any copy has warned, so a page that loads
 * Pforte three times (two ES copies and the classic bundle) gets one warning,
 * not one per extra copy.
 */
const warnedKey = Symbol.for('pforte.other-copy-warned');
const sharedGlobal = globalThis as typeof globalThis & { [warnedKey]?: boolean };

/**
 * Defines `tagName` unless it already exists: a second copy of Pforte on the
 * same page (or the same bundle loaded twice) must not throw. The first
 * definition wins, and a warning says which version is active.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === constructor) return;
  if (existing) {
    if (sharedGlobal[warnedKey]) return;
    sharedGlobal[warnedKey] = true;
    const activeVersion = (existing as { pforteVersion?: string }).pforteVersion ?? 'unknown';
    console.warn(`[pforte] <${tagName}> is already defined (version ${activeVersion}); the Pforte copy ${version} loaded later is not used.`);
    return;
  }
  Object.defineProperty(constructor, 'pforteVersion', { value: version });
  customElements.define(tagName, constructor);
}
