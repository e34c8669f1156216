// Hanko Elements 2.7, measured like pforte.js: when its module is evaluated,
// and when `register()` (against the bench's stub API) has defined <hanko-auth>.
const hanko = await import('/node_modules/@teamhanko/hanko-elements/dist/elements.js');
const evaluatedMs = performance.now();
await hanko.register('/stub-hanko', { enablePasskeys: false });
await customElements.whenDefined('hanko-auth');
window.pforteBench = { evaluatedMs, interactiveMs: performance.now() };
