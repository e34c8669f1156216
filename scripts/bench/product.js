// Loads pforte.js for the product in ?config= and records, relative to the
// navigation start: when the import is evaluated and when the first step is
// interactive (its element rendered with its heading and controls; an
// invitation step without a token has no control, only its message).
const signup = document.querySelector('pforte-signup');
signup.setAttribute('config', new URLSearchParams(location.search).get('config') ?? '{}');

// Checked every frame: the step's element finishes its first update after its last DOM mutation.
const firstStepInteractive = new Promise((resolve) => {
  const check = () => {
    const step = signup.querySelector('[data-pforte-step]');
    if (step?.hasUpdated && step.querySelector('h2, input:not([disabled]), button:not([disabled])')) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
});

const evaluatedMs = await import('/packages/elements/dist/cdn/pforte.js').then(() => performance.now());
const interactiveMs = await firstStepInteractive;
window.pforteBench = { evaluatedMs, interactiveMs };
