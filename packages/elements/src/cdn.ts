/**
 * The CDN bundle's entry (`dist/cdn/pforte.js` and `dist/cdn/pforte.iife.js`,
 * global `Pforte`): defines every element on import and re-exports the whole
 * public API, with Lit and a private @lit/localize bundled in. Phone metadata
 * and the PDF writer stay out of it: they are lazy chunks next to pforte.js,
 * loaded relative to its URL.
 */
export * from './index.js';
