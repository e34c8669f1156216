// The backend. This demo uses the in-browser memory adapter; in production
// set the `endpoint` attribute instead, or an adapter that calls your server.
import { createMemoryAdapter } from '../../packages/elements/dist/cdn/pforte.js';

const signup = document.querySelector('pforte-signup');
signup.adapter = createMemoryAdapter({ takenUsernames: ['vergeben'] });
signup.addEventListener('pforte-complete', (event) => {
  // `detail` never holds the password.
  document.body.dataset.registered = event.detail.username;
});
