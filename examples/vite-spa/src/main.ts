// Importing the package defines every element (or import only what you use,
// e.g. '@pforte/elements/signup.js').
import { createMemoryAdapter, setLocale } from '@pforte/elements';
import type { PforteConfigInput } from '@pforte/elements';

const config: PforteConfigInput = {
  product: 'Kundenportal',
  username: { kind: 'email' },
  passwordPolicy: 'strict10',
  steps: ['credentials', 'done'],
};

// Typed through HTMLElementTagNameMap: `signup` is a PforteSignup.
const signup = document.querySelector('pforte-signup')!;
const stepInfo = document.querySelector<HTMLParagraphElement>('#step')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;

signup.config = config;
signup.adapter = createMemoryAdapter();
await setLocale('de');

// Typed through HTMLElementEventMap: `event.detail` is PforteStepChangeDetail / CompleteResult.
signup.addEventListener('pforte-step-change', (event) => {
  stepInfo.textContent = `Schritt ${event.detail.position} von ${event.detail.total}`;
});
signup.addEventListener('pforte-complete', (event) => {
  const { username, secondFactor } = event.detail;
  status.textContent = `Registriert: ${username} (zweiter Faktor: ${secondFactor})`;
});
signup.addEventListener('pforte-error', (event) => {
  console.warn(`Pforte error: ${event.detail.code}`);
});
