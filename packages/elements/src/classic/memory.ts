/**
 * `dist/cdn/pforte-memory.iife.js`: the in-browser demo backend for pages
 * without module scripts. Placed after `pforte.iife.js`, it adds
 * `createMemoryAdapter` to the global `Pforte` (from `pforte-memory.js` beside
 * it); `Pforte.ready` resolves once both are there.
 */
import { loadBeside } from './loader.js';

loadBeside('./pforte-memory.js');
