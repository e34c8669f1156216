// Importing the package defines every element (or import only what you use,
// e.g. '@pforte/elements/signup.js').
import { setLocale } from '@pforte/elements';
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
// The real way: the URL of a backend that speaks the Pforte HTTP contract
// (e.g. @pforte/server), set at build time (`VITE_PFORTE_ENDPOINT=https://…`).
// Without one, this demo uses the in-browser memory adapter, loaded only then.
const endpoint: string | undefined = import.meta.env.VITE_PFORTE_ENDPOINT;
if (endpoint) signup.endpoint = endpoint;
else signup.adapter = (await import('@pforte/core/memory')).createMemoryAdapter();
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
