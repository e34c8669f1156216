// Times from the start of the bundle's evaluation, and from its end, to the
// first step's heading being in the DOM with its (German) text.
const signupReady = new Promise((resolve) => {
  const found = () => document.querySelector('pforte-signup pforte-credentials-step h2')?.textContent?.trim();
  const observer = new MutationObserver(() => {
    if (found()) {
      observer.disconnect();
      resolve(performance.now());
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
});

performance.mark('pforte-import-start');
// The memory backend's file imports pforte.js: both are evaluated here.
const { createMemoryAdapter } = await import('/packages/elements/dist/cdn/pforte-memory.js');
performance.mark('pforte-evaluated');
document.querySelector('pforte-signup').adapter = createMemoryAdapter();
const rendered = await signupReady;
performance.mark('pforte-first-step', { startTime: rendered });
// One more frame: the step is painted.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const start = performance.getEntriesByName('pforte-import-start')[0].startTime;
const evaluated = performance.getEntriesByName('pforte-evaluated')[0].startTime;
window.pforteBench = { evaluationMs: evaluated - start, renderAfterEvaluationMs: rendered - evaluated, totalMs: rendered - start };
