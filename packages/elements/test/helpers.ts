import type { Scheduler } from '../src/controllers/scheduler.js';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock } from '@pforte/core';
import type { MemoryAdapterOptions } from '@pforte/core/memory';

/** Types `text` with real key events into whatever has focus. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Presses one key (e.g. `Tab`, `Enter`, `Shift+Tab`, `Space`). */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Pastes `text` into `input` the way a browser does: a paste event, then the text inserted. */
export async function paste(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  const notHandled = input.dispatchEvent(event);
  if (notHandled) document.execCommand('insertText', false, text);
  await nextFrame();
}

/**
 * The text a person sees in `node`: whitespace collapsed, and without the
 * invisible isolates that keep an address or number whole in right-to-left text.
 */
export function shownText(node: Node): string {
  return (node.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves once `predicate` holds, polling each frame; fails with `message` after `frames`. */
export async function until(predicate: () => unknown, message: string, frames = 120): Promise<void> {
  for (let frame = 0; frame < frames; frame += 1) {
    if (predicate()) return;
    await nextFrame();
  }
  throw new Error(`Timed out waiting: ${message}`);
}

/** A memory backend and a started registration on it. */
export async function startedFlow(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter(options);
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  return { adapter, flowId };
}

/** The element whose accessible label text (its `<label>`) matches `text`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string | RegExp): T {
  const labels = [...root.querySelectorAll('label')];
  const label = labels.find((candidate) =>
    typeof text === 'string' ? candidate.textContent?.trim() === text : text.test(candidate.textContent ?? ''),
  );
  const control = label?.control;
  if (!control) throw new Error(`No control labelled ${String(text)}`);
  return control as unknown as T;
}

/** The button whose accessible name (its aria-label or its text) matches. */
export function byButton(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => {
    // The accessible name: an icon button's aria-label, else its text.
    const name = candidate.getAttribute('aria-label') ?? candidate.textContent ?? '';
    return typeof text === 'string' ? name.trim() === text : text.test(name);
  });
  if (!button) throw new Error(`No button ${String(text)}`);
  return button;
}

/** Text of the elements `aria-describedby` points at. */
export function description(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The focused element's accessible text: its label, or its own text for buttons. */
export function focusedName(): string {
  const active = document.activeElement as HTMLInputElement | null;
  if (!active) return '';
  const label = active.labels?.[0]?.textContent ?? active.textContent ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

/** Presses Tab (forwards) until the focused control is named `name`. */
export async function tabTo(name: string | RegExp) {
  for (let presses = 0; presses < 30; presses += 1) {
    const current = focusedName();
    if (typeof name === 'string' ? current === name : name.test(current)) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached "${String(name)}" (at "${focusedName()}")`);
}


/** A started registration that already has an account (the steps after the credentials act on it). */
export async function accountFlow(options: MemoryAdapterOptions = {}) {
  const { adapter, flowId } = await startedFlow(options);
  await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId };
}

/** The text input inside a step's `<pforte-code-input>`. */
export function codeInputOf(step: ParentNode): HTMLInputElement {
  return step.querySelector<HTMLInputElement>('pforte-code-input input')!;
}

/** Moves the injected clock on by `ms` and lets a counting-down step show it. */
export async function advanceClock(
  step: { refreshCountdown(): void; updateComplete: Promise<boolean> },
  clock: ManualClock,
  ms: number,
): Promise<void> {
  clock.advance(ms);
  step.refreshCountdown();
  await step.updateComplete;
}

/** How many timers `step` clears when it is removed from the page. */
export function timersClearedOnRemove(step: Element): number {
  let cleared = 0;
  const originalClear = globalThis.clearTimeout;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    cleared += 1;
    originalClear(handle);
  }) as typeof clearTimeout;
  try {
    step.remove();
  } finally {
    globalThis.clearTimeout = originalClear;
  }
  return cleared;
}

/** Whether a button cannot be used now: disabled, or `aria-disabled` while a countdown runs (it stays focusable). */
export function unavailable(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute('aria-disabled') === 'true';
}

/** A scheduler whose timers run only when the test says so. */
export function manualScheduler() {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const scheduler: Scheduler = {
    setTimeout(callback, ms) {
      next += 1;
      timers.set(next, { callback, ms });
      return next;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  const runAll = () => {
    const due = [...timers.entries()];
    timers.clear();
    for (const [, timer] of due) timer.callback();
  };
  return { scheduler, timers, runAll };
}
