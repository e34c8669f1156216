import '@pforte/elements';
import { createMemoryAdapter } from '@pforte/elements';
import type { PforteConfigInput, PforteSignup } from '@pforte/elements';
import { demoProducts } from './products.js';

const productSelect = document.querySelector<HTMLSelectElement>('#product')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
const slot = document.querySelector<HTMLElement>('#widget-slot')!;
const outboxList = document.querySelector<HTMLOListElement>('#outbox')!;
const eventList = document.querySelector<HTMLOListElement>('#events')!;

for (const [key, product] of Object.entries(demoProducts)) {
  productSelect.append(new Option(product.label, key));
}

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  eventList.prepend(item);
}

let stopOutboxPolling = (): void => {};

/** Mounts a fresh widget with its own memory backend for the chosen product. */
function mount(): void {
  stopOutboxPolling();
  const product = demoProducts[productSelect.value] ?? Object.values(demoProducts)[0]!;
  const adapter = createMemoryAdapter({ takenUsernames: ['taken@example.com', 'vergeben'] });
  const widget = document.createElement('pforte-signup') as PforteSignup;
  widget.config = product.config as PforteConfigInput;
  widget.adapter = adapter;
  widget.locale = localeSelect.value;
  widget.style.colorScheme = themeSelect.value;
  widget.addEventListener('pforte-step-change', (event) => {
    logEvent(`pforte-step-change ${JSON.stringify(event.detail)}`);
    renderOutbox(adapter.outbox);
  });
  widget.addEventListener('pforte-complete', (event) => logEvent(`pforte-complete ${JSON.stringify(event.detail)}`));
  widget.addEventListener('pforte-error', (event) => {
    logEvent(`pforte-error ${JSON.stringify(event.detail)}`);
    renderOutbox(adapter.outbox);
  });
  // The outbox changes while a step is open (a code is sent), so poll it cheaply.
  const outboxTimer = window.setInterval(() => renderOutbox(adapter.outbox), 500);
  slot.replaceChildren(widget);
  eventList.replaceChildren();
  renderOutbox(adapter.outbox);
  stopOutboxPolling = () => window.clearInterval(outboxTimer);
}

function renderOutbox(outbox: ReadonlyArray<{ channel: string; to: string; text: string }>): void {
  if (outboxList.childElementCount === outbox.length) return;
  outboxList.replaceChildren(
    ...outbox.map((message) => {
      const item = document.createElement('li');
      item.textContent = `${message.channel} → ${message.to}: ${message.text}`;
      return item;
    }),
  );
}

productSelect.addEventListener('change', mount);
themeSelect.addEventListener('change', () => {
  slot.querySelector<HTMLElement>('pforte-signup')?.style.setProperty('color-scheme', themeSelect.value);
});
localeSelect.addEventListener('change', () => {
  document.documentElement.lang = localeSelect.value;
  const widget = slot.querySelector<PforteSignup>('pforte-signup');
  if (widget) widget.locale = localeSelect.value;
});

mount();
