import '@pforte/elements';
import { createMemoryAdapter } from '@pforte/elements';
import type { PforteConfigInput, PforteSignup } from '@pforte/elements';
import { demoProducts } from './products.js';
import { demoBackendData } from '../products/catalog.js';

/** Where `npm start` (scripts/start.mjs) proxies the reference server, same-origin. */
const serverEndpoint = '/pforte';

interface OutboxMessage {
  channel: string;
  to: string;
  text: string;
  sentAt?: number;
}

const productSelect = document.querySelector<HTMLSelectElement>('#product')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const backendSelect = document.querySelector<HTMLSelectElement>('#backend')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
const slot = document.querySelector<HTMLElement>('#widget-slot')!;
const outboxList = document.querySelector<HTMLOListElement>('#outbox')!;
const outboxHint = document.querySelector<HTMLElement>('#outbox-hint')!;
const backendHint = document.querySelector<HTMLElement>('#backend-hint')!;
const eventList = document.querySelector<HTMLOListElement>('#events')!;

for (const [key, product] of Object.entries(demoProducts)) {
  productSelect.append(new Option(product.label, key));
}

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  eventList.prepend(item);
}

/**
 * Whether the reference server answers behind `/pforte` (npm start). A page
 * served without it (`vite` alone, a static build) gets HTML or a 404 here.
 */
async function serverAvailable(): Promise<boolean> {
  try {
    const response = await fetch(`${serverEndpoint}/health`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return false;
    return ((await response.json()) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

/** The outbox of one mounted widget: read now, and stop polling. */
interface OutboxSource {
  refresh(): void;
  stop(): void;
}

/** The memory adapter's outbox, read in place. */
function memoryOutbox(outbox: ReadonlyArray<OutboxMessage>): OutboxSource {
  const refresh = () => renderOutbox(outbox);
  // The outbox changes while a step is open (a code is sent), so poll it cheaply.
  const timer = window.setInterval(refresh, 500);
  return { refresh, stop: () => window.clearInterval(timer) };
}

/** The reference server's development outbox (GET /dev/outbox), messages since `since`. */
function serverOutbox(since: number): OutboxSource {
  let stopped = false;
  let busy = false;
  const refresh = () => {
    if (busy || stopped) return;
    busy = true;
    fetch(`${serverEndpoint}/dev/outbox`)
      .then(async (response) => {
        if (stopped) return;
        if (!response.ok) {
          outboxHint.textContent = 'The server has no development outbox (NODE_ENV=production).';
          return;
        }
        const { messages } = (await response.json()) as { messages: OutboxMessage[] };
        renderOutbox(messages.filter((message) => (message.sentAt ?? 0) >= since));
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
  const timer = window.setInterval(refresh, 1000);
  return {
    refresh,
    stop: () => {
      stopped = true;
      window.clearInterval(timer);
    },
  };
}

let outbox: OutboxSource = { refresh: () => {}, stop: () => {} };

/** Mounts a fresh widget for the chosen product and backend. */
function mount(): void {
  outbox.stop();
  const product = demoProducts[productSelect.value] ?? Object.values(demoProducts)[0]!;
  const widget = document.createElement('pforte-signup') as PforteSignup;
  widget.config = product.config as PforteConfigInput;
  if (backendSelect.value === 'server') {
    // The same attribute a product team sets: `<pforte-signup endpoint="/pforte">` → the HTTP adapter.
    widget.setAttribute('endpoint', serverEndpoint);
    // Allow for a little clock difference between this page and the server.
    outbox = serverOutbox(Date.now() - 5000);
    backendHint.textContent =
      'A registration flow against the reference server (@pforte/server) on embedded PGlite, data in .pforte-data/.';
    outboxHint.textContent = 'SMS the server’s development sender recorded (GET /pforte/dev/outbox), since this widget was mounted.';
  } else {
    const adapter = createMemoryAdapter({ ...demoBackendData, takenUsernames: ['taken@example.com', 'vergeben'] });
    widget.adapter = adapter;
    outbox = memoryOutbox(adapter.outbox);
    backendHint.textContent = 'A registration flow running entirely in this page against the built-in memory adapter.';
    outboxHint.textContent = 'SMS and e-mails the memory adapter “sent”.';
  }
  if (product.invitation) widget.invitation = product.invitation;
  widget.locale = localeSelect.value;
  widget.style.colorScheme = themeSelect.value;
  widget.addEventListener('pforte-step-change', (event) => {
    logEvent(`pforte-step-change ${JSON.stringify(event.detail)}`);
    outbox.refresh();
  });
  widget.addEventListener('pforte-complete', (event) => logEvent(`pforte-complete ${JSON.stringify(event.detail)}`));
  widget.addEventListener('pforte-error', (event) => {
    logEvent(`pforte-error ${JSON.stringify(event.detail)}`);
    outbox.refresh();
  });
  slot.replaceChildren(widget);
  eventList.replaceChildren();
  outboxList.replaceChildren();
  outbox.refresh();
}

function renderOutbox(messages: ReadonlyArray<OutboxMessage>): void {
  if (outboxList.childElementCount === messages.length) return;
  outboxList.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement('li');
      item.textContent = `${message.channel} → ${message.to}: ${message.text}`;
      return item;
    }),
  );
}

productSelect.addEventListener('change', mount);
backendSelect.addEventListener('change', mount);
themeSelect.addEventListener('change', () => {
  slot.querySelector<HTMLElement>('pforte-signup')?.style.setProperty('color-scheme', themeSelect.value);
});
localeSelect.addEventListener('change', () => {
  document.documentElement.lang = localeSelect.value;
  const widget = slot.querySelector<PforteSignup>('pforte-signup');
  if (widget) widget.locale = localeSelect.value;
});

// The reference server is the default when it answers; the memory adapter is the fallback.
void serverAvailable().then((available) => {
  if (available) backendSelect.prepend(new Option('Reference server (PGlite)', 'server', true, true));
  mount();
});
