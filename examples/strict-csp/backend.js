// The in-browser memory adapter (its own file), so the demo runs without a
// server. In production, set `endpoint` on <pforte-signup> and drop this file;
// the policy then needs the backend's origin in connect-src if it is another one.
import { createMemoryAdapter } from '../../packages/elements/dist/cdn/pforte-memory.js';

const signup = document.querySelector('pforte-signup');
const outbox = document.querySelector('#outbox');
const backend = createMemoryAdapter();
signup.adapter = backend;

// The in-browser backend "sends" SMS into its outbox; show them, as a phone would.
signup.addEventListener('pforte-step-change', () => renderOutbox());
signup.addEventListener('pforte-error', () => renderOutbox());
const poll = setInterval(renderOutbox, 300);
signup.addEventListener('pforte-complete', (event) => {
  clearInterval(poll);
  document.body.dataset.registered = event.detail.username;
});

function renderOutbox() {
  if (outbox.childElementCount === backend.outbox.length) return;
  outbox.replaceChildren(
    ...backend.outbox.map((message) => {
      const item = document.createElement('li');
      item.textContent = `${message.to}: ${message.text}`;
      return item;
    }),
  );
}
