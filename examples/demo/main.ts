// What the first step needs, as pforte.js holds it; <pforte-signup> loads the other steps a product configures on demand.
import '@pforte/elements/define/signup.js';
import '@pforte/elements/define/credentials-step.js';
import '@pforte/elements/define/password-checklist.js';
import '@pforte/elements/define/done-step.js';
import type { MemoryAdapter } from '@pforte/core/memory';
import type { PforteConfigInput, PforteSignup } from '@pforte/elements';
import { demoProducts } from './products.js';
import { applyPageTexts, pageText } from './page-texts.js';
import type { PageLocale, PageText } from './page-texts.js';
import { demoBackendData } from '../products/catalog.js';
import { createSignInTab, demoClock } from './signin-tab.js';

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
const resetButton = document.querySelector<HTMLButtonElement>('#reset-data')!;
const resetStatus = document.querySelector<HTMLElement>('#reset-status')!;
const resetHint = document.querySelector<HTMLElement>('#reset-hint')!;

/** Why the memory adapter runs when the server is not offered (set at start-up): a page text, or npm start's own reason. */
let memoryReason: PageText | { text: string } = 'becauseNoStart';
/** Whether npm start can reset the reference server's data (POST /__pforte-dev/reset). */
let resettable = false;

/** The page's language: the widget's. */
const locale = (): PageLocale => (localeSelect.value === 'en' ? 'en' : 'de');
const text = (key: PageText, value?: string) => pageText(locale(), key, value);

for (const [key, product] of Object.entries(demoProducts)) {
  productSelect.append(new Option(product.label[locale()], key));
}

// A confirmation link opened in a new tab names its product (pforte-product): start on that one.
const linkedProduct = new URLSearchParams(location.search).get('pforte-product');
const linkedKey = Object.entries(demoProducts).find(([, product]) => (product.config as { id?: string }).id === linkedProduct)?.[0];
if (linkedKey) productSelect.value = linkedKey;

/** The page's texts, the product names and the dynamic hints in the chosen language. */
function applyLanguage(): void {
  applyPageTexts(locale());
  for (const option of productSelect.options) option.text = demoProducts[option.value]?.label[locale()] ?? option.text;
  const server = backendSelect.querySelector<HTMLOptionElement>('option[value="server"]');
  if (server) server.text = text('backendServer');
  describeBackend();
}

/** What the hints say about the running backend and its outbox. */
function describeBackend(): void {
  const product = demoProducts[productSelect.value];
  if (backendSelect.value === 'server') {
    backendHint.textContent = text('backendIsServer');
    outboxHint.textContent = text(serverOutboxMissing ? 'outboxNone' : 'outboxServer');
  } else {
    const why = backendSelect.options.length > 1 ? text('becauseChosen') : typeof memoryReason === 'string' ? text(memoryReason) : memoryReason.text;
    backendHint.textContent = text('backendIsMemory', why);
    outboxHint.textContent = text('outboxMemory');
  }
  resetHint.textContent = text(product?.invitation ? 'resetHintLink' : 'resetHintUsed');
}

/** The server answered that it keeps no development outbox. */
let serverOutboxMissing = false;

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  eventList.prepend(item);
}

/** What `npm start` (scripts/start.mjs) reports at GET /__pforte-dev/status: the active backend and why. */
interface DevStatus {
  kind: 'server' | 'memory';
  reason: string;
  resettable: boolean;
  dataDir: string;
}

/** npm start's development status, or undefined when the page is served without it (`vite`, a static build). */
async function devStatus(): Promise<DevStatus | undefined> {
  try {
    const response = await fetch('/__pforte-dev/status', { cache: 'no-store' });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return undefined;
    return (await response.json()) as DevStatus;
  } catch {
    return undefined;
  }
}

/**
 * Whether the reference server answers behind `/pforte`. A page served
 * without it gets HTML or a 404 here: that is final. A network error, a
 * timeout or a proxy error (the server still starting, or restarting after a
 * reset) is retried with backoff for up to 20 s. Resolves `undefined` when it
 * answers, else why not.
 */
async function serverProblem(timeoutMs = 20_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    let problem: string;
    try {
      const response = await fetch(`${serverEndpoint}/health`, { cache: 'no-store', signal: AbortSignal.timeout(5000) });
      const json = (response.headers.get('content-type') ?? '').includes('application/json');
      if (response.ok && json && ((await response.json()) as { ok?: unknown }).ok === true) return undefined;
      if (response.status < 500) return `nothing answers ${serverEndpoint}/health: this page is served without npm start`;
      problem = `${serverEndpoint}/health answered ${response.status}`;
    } catch (error) {
      problem = `${serverEndpoint}/health did not answer (${error instanceof Error ? error.message : String(error)})`;
    }
    if (Date.now() + delay > deadline) return `${problem}, retried for ${Math.round(timeoutMs / 1000)} s`;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(2000, delay * 2);
  }
}

/** Steps (of the registration) and stages (of the sign-in) that send the person a message while they are shown. */
const sendingSteps = new Set<string>(['sms', 'emailCode', 'emailVerification', 'secondFactor']);

/**
 * The outbox of one mounted widget: `refresh()` reads it now; `follow(true)`
 * keeps reading it (a code is sent while its step is open) until
 * `follow(false)` or `stop()`. Only steps that send are followed, so the page
 * asks nothing of the server while a person types a password.
 */
interface OutboxSource {
  refresh(): void;
  follow(on: boolean): void;
  stop(): void;
}

function pollingSource(refresh: () => void, intervalMs: number, onStop: () => void = () => {}): OutboxSource {
  let timer: number | undefined;
  const follow = (on: boolean) => {
    if (on && timer === undefined) timer = window.setInterval(refresh, intervalMs);
    if (!on && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    refresh,
    follow,
    stop: () => {
      follow(false);
      onStop();
    },
  };
}

/** The memory adapter's outbox (`read` returns a fresh copy each time). */
function memoryOutbox(read: () => ReadonlyArray<OutboxMessage>): OutboxSource {
  return pollingSource(() => renderOutbox(read()), 500);
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
          serverOutboxMissing = true;
          describeBackend();
          return;
        }
        const { messages } = (await response.json()) as { messages: OutboxMessage[] };
        renderOutbox(messages.filter((message) => (message.sentAt ?? 0) >= since));
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
  return pollingSource(refresh, 1000, () => (stopped = true));
}

let outbox: OutboxSource = { refresh: () => {}, follow: () => {}, stop: () => {} };

/** The in-browser backend's module, fetched when it is first chosen: a page on the reference server never loads it. */
let memoryModule: Promise<typeof import('@pforte/core/memory')> | undefined;

/** Counts mounts, so that of two quick changes only the later one mounts. */
let mounts = 0;

const signInTab = createSignInTab({
  registerPanel: slot,
  localeSelect,
  themeSelect,
  log: logEvent,
  onActivity: (step) => {
    if (step !== undefined) outbox.follow(sendingSteps.has(step));
    outbox.refresh();
  },
});

/** The memory backend of the mounted widget, which "Register another person" keeps. */
let memoryBackend: MemoryAdapter | undefined;

/**
 * Mounts a fresh widget for the chosen product and backend. With
 * `keepBackend`, a new registration on the same backend (a practice's second
 * person): the memory adapter, the outbox and the other tabs stay.
 */
async function mount({ keepBackend = false } = {}): Promise<void> {
  const mountNumber = ++mounts;
  const onServer = backendSelect.value === 'server';
  const memory = onServer ? undefined : await (memoryModule ??= import('@pforte/core/memory'));
  if (mountNumber !== mounts) return;
  const product = demoProducts[productSelect.value] ?? Object.values(demoProducts)[0]!;
  const widget = document.createElement('pforte-signup') as PforteSignup;
  widget.config = product.config as PforteConfigInput;
  const reuse = keepBackend && (onServer || memoryBackend !== undefined);
  if (!reuse) outbox.stop();
  if (memory) {
    // The widget's language is the select's: the outbox's SMS and e-mails follow a switch mid-flow.
    const adapter =
      reuse && memoryBackend
        ? memoryBackend
        : memory.createMemoryAdapter({
            ...demoBackendData,
            takenUsernames: ['taken@example.com', 'vergeben'],
            clock: demoClock,
            locale: () => localeSelect.value,
          });
    memoryBackend = adapter;
    widget.adapter = adapter;
    if (!reuse) outbox = memoryOutbox(() => adapter.outbox);
  } else {
    memoryBackend = undefined;
    // The same attribute a product team sets: `<pforte-signup endpoint="/pforte">` → the HTTP adapter.
    widget.setAttribute('endpoint', serverEndpoint);
    // Allow for a little clock difference between this page and the server.
    if (!reuse) outbox = serverOutbox(Date.now() - 5000);
  }
  // The sign-in and account tabs use the same backend: an account registered here signs in there.
  const config = product.config as PforteConfigInput;
  if (!reuse) signInTab.connect(onServer ? { config, endpoint: serverEndpoint } : { config, adapter: widget.adapter as MemoryAdapter });
  if (product.invitation) widget.invitation = product.invitation;
  resetButton.hidden = !(onServer && resettable);
  resetHint.hidden = resetButton.hidden;
  describeBackend();
  widget.locale = localeSelect.value;
  widget.style.colorScheme = themeSelect.value;
  widget.addEventListener('pforte-step-change', (event) => {
    logEvent(`pforte-step-change ${JSON.stringify(event.detail)}`);
    outbox.follow(sendingSteps.has(event.detail.step));
    outbox.refresh();
  });
  widget.addEventListener('pforte-complete', (event) => logEvent(`pforte-complete ${JSON.stringify(event.detail)}`));
  widget.addEventListener('pforte-error', (event) => {
    logEvent(`pforte-error ${JSON.stringify(event.detail)}`);
    outbox.refresh();
  });
  const another = document.createElement('button');
  another.type = 'button';
  another.id = 'another-registration';
  another.dataset['text'] = 'anotherRegistration';
  another.textContent = text('anotherRegistration');
  another.addEventListener('click', () => void mount({ keepBackend: true }));
  const anotherRow = document.createElement('p');
  anotherRow.className = 'demo-another';
  anotherRow.append(another);
  slot.replaceChildren(widget, anotherRow);
  if (!reuse) {
    eventList.replaceChildren();
    outboxList.replaceChildren();
  }
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

productSelect.addEventListener('change', () => void mount());
backendSelect.addEventListener('change', () => void mount());
themeSelect.addEventListener('change', () => {
  slot.querySelector<HTMLElement>('pforte-signup')?.style.setProperty('color-scheme', themeSelect.value);
});
localeSelect.addEventListener('change', () => {
  applyLanguage();
  const widget = slot.querySelector<PforteSignup>('pforte-signup');
  if (widget) widget.locale = localeSelect.value;
});

/** npm start's dev-only reset: the server restarts with an empty PGlite database, seeded afresh. */
resetButton.addEventListener('click', () => {
  resetButton.disabled = true;
  resetStatus.textContent = text('resetting');
  // The server is down for a moment: no outbox polling meanwhile.
  outbox.stop();
  slot.replaceChildren();
  void fetch('/__pforte-dev/reset', { method: 'POST', headers: { 'x-pforte-dev': 'reset' } })
    .then(async (response) => {
      const result = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string };
      if (!response.ok || !result.ok) throw new Error(result.error ?? `answered ${response.status}`);
      const problem = await serverProblem();
      if (problem) throw new Error(problem);
      await mount();
      resetStatus.textContent = text('resetDone');
    })
    .catch(async (error: unknown) => {
      resetStatus.textContent = text('resetFailed', error instanceof Error ? error.message : String(error));
      await mount();
    })
    .finally(() => (resetButton.disabled = false));
});

// The reference server is the default when it answers; the memory adapter is the fallback.
// Only npm start puts the server behind /pforte: without its status nothing is probed (and no 404 lands in the console).
void (async () => {
  const status = await devStatus();
  if (status) {
    const problem = status.kind === 'memory' ? status.reason : await serverProblem();
    if (problem === undefined) {
      resettable = status.resettable;
      backendSelect.prepend(new Option(text('backendServer'), 'server', true, true));
    } else {
      memoryReason = { text: problem };
    }
  }
  await mount();
})();
