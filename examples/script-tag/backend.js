// The backend of this demo: the in-browser memory adapter, its own file
// (pforte-memory.js). In production, delete this file and set the `endpoint`
// attribute to your backend (see index.html): pforte.js then talks to it over
// the Pforte HTTP contract and nothing else is loaded.
import { createMemoryAdapter } from '../../packages/elements/dist/cdn/pforte-memory.js';

const signup = document.querySelector('pforte-signup');
signup.adapter = createMemoryAdapter({ takenUsernames: ['vergeben'] });
signup.addEventListener('pforte-complete', (event) => {
  // `detail` never holds the password.
  document.body.dataset.registered = event.detail.username;
});
