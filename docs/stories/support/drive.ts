/**
 * Helpers that put the real elements into a state the way a person would:
 * typing into their inputs, clicking their buttons, against a real memory
 * adapter. No markup is faked; every state a story shows is one the element
 * reached by itself.
 */
import { userEvent, waitFor } from 'storybook/test';
import { createManualClock } from '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@pforte/core/memory';
import type { ManualClock } from '@pforte/elements';

/** What the `startedFlow` loader hands to a story's render function as `loaded`. */
export interface StartedFlow {
  adapter: MemoryAdapter;
  flowId: string;
  clock: ManualClock;
}

/** A memory backend on a manual clock (time moves only when a story says so), with a flow already open. */
export async function startFlow(options: MemoryAdapterOptions = {}): Promise<StartedFlow> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'de' });
  return { adapter, flowId, clock };
}

/** A loader for stories of a single step element: `loaders: [startedFlow({ takenUsernames: [...] })]`. */
export function startedFlow(options: MemoryAdapterOptions = {}) {
  return async (): Promise<StartedFlow> => startFlow(options);
}

/** `startFlow`, then `submitCredentials`: the account exists, as later steps expect. */
export function flowWithAccount(options: MemoryAdapterOptions = {}, username = 'anna.schmidt@example.com') {
  return async (): Promise<StartedFlow> => {
    const started = await startFlow(options);
    await started.adapter.submitCredentials({ flowId: started.flowId, username, password: 'Sprechstunde-am-Mittwoch' });
    return started;
  };
}

/**
 * A loader for stories that need more than an open flow: `startFlow` (with
 * an account first when `account` is set, as later steps expect), then
 * `prepare` — create an invitation, script a failure, send an e-mail — whose
 * result is merged into `loaded`.
 */
export function preparedFlow<Extra extends object = object>(
  options: MemoryAdapterOptions,
  prepare: (started: StartedFlow) => Extra | void | Promise<Extra | void>,
  { account = false }: { account?: boolean } = {},
) {
  return async (): Promise<StartedFlow & Extra> => {
    const started = account ? await flowWithAccount(options)() : await startFlow(options);
    const extra = await prepare(started);
    return { ...started, ...extra } as StartedFlow & Extra;
  };
}

/** The first element matching `selector` inside `root`, once it exists (elements render asynchronously). */
export async function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<T> {
  return waitFor(
    () => {
      const element = root.querySelector<T>(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      return element;
    },
    { timeout: 3000 },
  );
}

/** Types `text` into the input matching `selector`, key by key. */
export async function typeInto(root: ParentNode, selector: string, text: string): Promise<HTMLInputElement> {
  const input = await find<HTMLInputElement>(root, selector);
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
  return input;
}

/** Clicks the element matching `selector`. */
export async function click(root: ParentNode, selector: string): Promise<void> {
  await userEvent.click(await find(root, selector));
}

/** Waits until `check` holds (e.g. an error is shown), failing the story after 3 s. */
export async function until(description: string, check: () => boolean): Promise<void> {
  await waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for: ${description}`);
    },
    { timeout: 3000 },
  );
}

/** Text of the first element matching `selector`, trimmed ('' when there is none). */
export function textOf(root: ParentNode, selector: string): string {
  return root.querySelector(selector)?.textContent?.trim() ?? '';
}

/** Lets every pending Lit update and adapter answer settle. */
export async function settle(element: Element): Promise<void> {
  const lit = element as Element & { updateComplete?: Promise<unknown> };
  await lit.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await lit.updateComplete;
}

/** True once the element's `role="alert"` region (`.pf-alert`) says something. */
export function alertShown(root: ParentNode): () => boolean {
  return () => textOf(root, '.pf-alert') !== '';
}

/** True once the input matching `selector` is marked `aria-invalid="true"`. */
export function invalid(root: ParentNode, selector: string): () => boolean {
  return () => root.querySelector(selector)?.getAttribute('aria-invalid') === 'true';
}

const captchaDigits = '.pf-captcha-digits';
const captchaAnswer = 'input[name="pforte-captcha-answer"]';
const captchaCheck = '.pf-captcha-test button';

/**
 * Answers the built-in test captcha inside `root` as a person would: reads
 * the digits shown, types them (or, with `wrong`, other digits) and presses
 * "Check". Waits for the tick, or for the "not right" message.
 */
export async function answerTestCaptcha(root: ParentNode, { wrong = false }: { wrong?: boolean } = {}): Promise<void> {
  const digits = (await find(root, captchaDigits)).textContent?.replace(/\D/g, '') ?? '';
  const answer = wrong ? [...digits].map((digit) => String((Number(digit) + 1) % 10)).join('') : digits;
  await typeInto(root, captchaAnswer, answer);
  await click(root, captchaCheck);
  if (wrong) await until('the captcha error', invalid(root, captchaAnswer));
  else await until('the captcha solved', () => root.querySelector('.pf-captcha-solved') !== null);
}
