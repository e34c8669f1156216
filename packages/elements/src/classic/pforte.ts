/**
 * `dist/cdn/pforte.iife.js`: Pforte for pages without module scripts. It
 * loads `pforte.js` from beside itself (the same first-step file, later steps
 * on demand, under `script-src 'self'` too) and puts its API on the global
 * `Pforte` once loaded: use it inside `Pforte.ready.then((Pforte) => …)`.
 */
import { loadBeside } from './loader.js';

loadBeside('./pforte.js');
