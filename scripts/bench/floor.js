// What any page of this shape waits for before a library's code runs: the
// page, then one module (empty here), on the same throttled connection.
const evaluatedMs = await import('./empty-module.js').then(() => performance.now());
window.pforteBench = { evaluatedMs, interactiveMs: evaluatedMs };
