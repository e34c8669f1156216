import { createMemoryAdapter } from '../../packages/elements/dist/cdn/pforte.js';

const signup = document.querySelector('pforte-signup');
signup.adapter = createMemoryAdapter();
signup.addEventListener('pforte-complete', (event) => {
  document.body.dataset.registered = event.detail.username;
});
