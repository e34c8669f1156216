/**
 * The visual harness: every step of the widget in each state a person meets,
 * one scene per state, inside an ordinary page. The page's own CSS is chosen
 * by `?host=` (blank, site, bootstrap, tailwind, hostile; served by
 * visual/support/server.mjs); `?locale=` (any of the ten; Arabic pages are right to left), `?theme=light|dark`,
 * `?width=<px>` (the widget's container) and `?scenes=a,b` (a subset) set the
 * rest. Every state is reached as a person would reach it, by typing and
 * clicking against a memory backend on a manual clock; nothing is faked.
 * When every scene is ready, `<body data-ready>` is set; a scene that failed
 * to reach its state carries `data-problem`.
 */
import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import '@pforte/elements';
import { createTestCaptchaProvider, policyPresets, setLocale } from '@pforte/elements';
import type { PforteConfigInput } from '@pforte/elements';
import { createManualClock, localeDirection, matchLocale } from '@pforte/core';
import type { ManualClock } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter, MemoryAdapterOptions } from '@pforte/core/memory';
import videoConsultation from '../../examples/products/video-consultation.json';
import dentalPracticePortal from '../../examples/products/dental-practice-portal.json';

const params = new URLSearchParams(location.search);
const host = params.get('host') ?? 'blank';
const locale = matchLocale(params.get('locale')) ?? 'de';
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const width = Number(params.get('width')) || 480;
const only = params.get('scenes')?.split(',');

/** A repeatable "random" source: PINs, codes and captcha digits look the same on every run. */
function seededRandom(seed = 7): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

interface Backend {
  adapter: MemoryAdapter;
  flowId: string;
  clock: ManualClock;
}

async function backend(options: MemoryAdapterOptions = {}, { account = false } = {}): Promise<Backend> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, random: seededRandom(), ...options });
  const { flowId } = await adapter.startRegistration({ locale });
  if (account) await adapter.submitCredentials({ flowId, username: 'anna.schmidt@example.com', password: 'Sprechstunde-am-Mittwoch' });
  return { adapter, flowId, clock };
}

/** Resolves once `test` holds (checked every frame); fails after 5 s with `what`. */
async function until(what: string, test: () => boolean): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`never reached: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function find<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

/** Types `text` into the input as one input event per character, as a keyboard would. */
async function typeInto(root: ParentNode, selector: string, text: string): Promise<void> {
  await until(selector, () => root.querySelector(selector) !== null);
  const input = find<HTMLInputElement>(root, selector);
  input.focus();
  for (const character of text) {
    input.value += character;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: character, inputType: 'insertText' }));
  }
}

async function click(root: ParentNode, selector: string): Promise<void> {
  await until(selector, () => root.querySelector(selector) !== null);
  find(root, selector).click();
}

const text = (root: ParentNode, selector: string) => (root.querySelector(selector)?.textContent ?? '').trim();

const submit = 'form > .pf-actions button[type="submit"]';

/** One state of one step: what to render, and what a person does to reach the state. */
interface Scene {
  name: string;
  render: () => Promise<TemplateResult>;
  act?: (root: HTMLElement, context: { backend?: Backend }) => Promise<void>;
}

let current: Backend | undefined;
const withBackend = async (options: MemoryAdapterOptions = {}, flags: { account?: boolean } = {}) => (current = await backend(options, flags));

const practices = [
  { name: 'Zahnarztpraxis Dr. Weber', customerNumber: 'K-10442', postalCode: '53227', members: 2 },
  { name: 'Gemeinschaftspraxis am Markt', customerNumber: 'K-20917', postalCode: '50667', members: 5 },
];
const invitation = {
  email: 'anna.schmidt@example.com',
  salutation: 'Frau',
  title: 'Dr.',
  firstName: 'Anna',
  lastName: 'Schmidt',
  organization: 'Zahnarztpraxis Dr. Weber',
  invitedBy: 'Dr. Jonas Weber',
} as const;

const credentials = async (kind: 'email' | 'username') => {
  const { adapter, flowId } = await withBackend({ takenUsernames: ['vergeben@example.com'] });
  return html`<pforte-credentials-step .adapter=${adapter} flow-id=${flowId} username-kind=${kind}
    .policy=${kind === 'email' ? policyPresets.strict10 : policyPresets.nist}></pforte-credentials-step>`;
};
const sms = async (optional = true) => {
  const { adapter, flowId, clock } = await withBackend({}, { account: true });
  return html`<pforte-sms-step .adapter=${adapter} .clock=${clock} flow-id=${flowId} code-length="8" resend-seconds="60"
    default-country="DE" ?optional=${optional} can-go-back></pforte-sms-step>`;
};
const emailCode = async () => {
  const { adapter, flowId, clock } = await withBackend({}, { account: true });
  return html`<pforte-email-code-step .adapter=${adapter} .clock=${clock} flow-id=${flowId} code-length="6" resend-seconds="60"
    email="anna.schmidt@example.com" can-go-back></pforte-email-code-step>`;
};
const pin = async () => {
  const { adapter, flowId, clock } = await withBackend({}, { account: true });
  return html`<pforte-pin-step .adapter=${adapter} .clock=${clock} flow-id=${flowId} mode="generated" length="6"
    product="Videosprechstunde" can-go-back></pforte-pin-step>`;
};
const signup = async (config: PforteConfigInput) => {
  current = undefined;
  const adapter = createMemoryAdapter({ clock: createManualClock(), random: seededRandom() });
  const token = adapter.createInvitation(invitation);
  return html`<pforte-signup .config=${config} .adapter=${adapter} .invitation=${token}></pforte-signup>`;
};

const scenes: Scene[] = [
  { name: 'signup-invitation', render: () => signup(videoConsultation as PforteConfigInput) },
  { name: 'signup-dental-credentials', render: () => signup(dentalPracticePortal as PforteConfigInput) },
  {
    name: 'invitation-used',
    render: async () => {
      const { adapter, flowId } = await withBackend();
      const token = adapter.createInvitation({ ...invitation, used: true });
      return html`<pforte-invitation-step .adapter=${adapter} flow-id=${flowId} .token=${token} product="Zahnarztportal"
        sign-in-url="#anmelden" support-url="#support"></pforte-invitation-step>`;
    },
    act: (root) => until('the used-link message', () => root.querySelector('a') !== null),
  },
  { name: 'credentials-empty', render: () => credentials('email') },
  {
    name: 'credentials-typing',
    render: () => credentials('username'),
    act: async (root) => {
      await typeInto(root, 'input[name="username"]', 'dr.berger');
      await typeInto(root, 'input[name="password"]', 'sommer');
    },
  },
  {
    name: 'credentials-errors',
    render: () => credentials('email'),
    act: async (root) => {
      await typeInto(root, 'input[name="username"]', 'vergeben@example.com');
      await typeInto(root, 'input[name="password"]', 'Sommerwiese-2026');
      await click(root, submit);
      await until('the username error', () => root.querySelector('input[name="username"][aria-invalid="true"]') !== null);
    },
  },
  {
    name: 'terms-error',
    render: async () => {
      const { adapter, flowId, clock } = await withBackend({}, { account: true });
      return html`<pforte-terms-step .adapter=${adapter} .clock=${clock} flow-id=${flowId} terms-url="#agb" privacy-url="#datenschutz"
        version="2026-01" can-go-back></pforte-terms-step>`;
    },
    act: async (root) => {
      await click(root, submit);
      await until('the terms error', () => text(root, '.pf-error') !== '');
    },
  },
  {
    name: 'email-verification-sent',
    render: async () => {
      const { adapter, flowId, clock } = await withBackend({}, { account: true });
      return html`<pforte-email-verification-step .adapter=${adapter} .clock=${clock} flow-id=${flowId}
        email="anna.schmidt@example.com" resend-seconds="60" can-go-back></pforte-email-verification-step>`;
    },
    act: async (root) => {
      await click(root, 'button.pf-primary');
      await until('sent', () => root.querySelector('.pf-resend') !== null);
    },
  },
  {
    name: 'profile-errors',
    render: async () => {
      const { adapter, flowId } = await withBackend({}, { account: true });
      return html`<pforte-profile-step .adapter=${adapter} flow-id=${flowId} default-country="DE" can-go-back
        .fields=${{ salutation: 'optional', title: 'optional', firstName: 'required', lastName: 'required', birthDate: 'optional', mobile: 'optional' }}></pforte-profile-step>`;
    },
    act: async (root) => {
      await click(root, submit);
      await until('a field error', () => root.querySelector('[aria-invalid="true"]') !== null);
    },
  },
  {
    name: 'organization-join',
    render: async () => {
      const { adapter, flowId } = await withBackend({ organizations: practices, maxOrganizationMembers: 5 }, { account: true });
      return html`<pforte-organization-step .adapter=${adapter} flow-id=${flowId} max-members="5" can-go-back></pforte-organization-step>`;
    },
    act: async (root) => {
      await click(root, 'input[type="radio"][value="join"]');
      await until('the join fields', () => root.querySelector('input.pf-postal-code') !== null);
    },
  },
  {
    name: 'second-factor-choice',
    render: async () => {
      const { adapter, flowId } = await withBackend({}, { account: true });
      return html`<pforte-second-factor-choice-step .adapter=${adapter} flow-id=${flowId} preselected="sms" can-go-back></pforte-second-factor-choice-step>`;
    },
  },
  { name: 'pin-shown', render: pin, act: (root) => until('the PIN', () => text(root, '.pf-pin') !== '') },
  {
    name: 'pin-shown-before',
    render: async () => {
      const { adapter, flowId, clock } = await withBackend({}, { account: true });
      // The PIN was shown on an earlier visit of the step (in this page): coming back offers a new one explicitly.
      const first = document.createElement('pforte-pin-step');
      Object.assign(first, { adapter, clock, flowId, mode: 'generated', length: 6 });
      document.body.append(first);
      await until('the first PIN', () => first.querySelector('.pf-pin') !== null);
      first.remove();
      return html`<pforte-pin-step .adapter=${adapter} .clock=${clock} flow-id=${flowId} mode="generated" length="6" can-go-back></pforte-pin-step>`;
    },
    act: async (root) => {
      await until('the notice', () => root.querySelector('.pf-notice') !== null);
      await click(root, submit);
      await until('the confirmation error', () => text(root, '.pf-error') !== '');
    },
  },
  { name: 'sms-number', render: () => sms(true) },
  {
    name: 'sms-invalid-number',
    render: () => sms(false),
    act: async (root) => {
      await typeInto(root, 'pforte-phone-input input[type="tel"]', '0151 1234567');
      await click(root, submit);
      await until('the number error', () => text(root, 'pforte-phone-input .pf-error') !== '');
    },
  },
  {
    name: 'sms-code-wrong',
    render: () => sms(true),
    act: async (root) => {
      await typeInto(root, 'pforte-phone-input input[type="tel"]', '0151 12345678');
      await click(root, submit);
      await until('the code field', () => root.querySelector('pforte-code-input input') !== null);
      await typeInto(root, 'pforte-code-input input', '00000000');
      await until('the code error', () => text(root, 'pforte-code-input .pf-error, .pf-error') !== '');
    },
  },
  {
    name: 'email-code-sent',
    render: emailCode,
    act: async (root) => {
      await click(root, submit);
      await until('the code field', () => root.querySelector('pforte-code-input input') !== null);
    },
  },
  {
    name: 'visibility',
    render: async () => {
      const { adapter, flowId } = await withBackend({}, { account: true });
      return html`<pforte-visibility-step .adapter=${adapter} flow-id=${flowId} can-go-back></pforte-visibility-step>`;
    },
  },
  {
    name: 'customer-lookup-error',
    render: async () => {
      const { adapter, flowId } = await withBackend({ customers: [{ customerNumber: '4711-0815', email: 'rechnung@example.com', name: 'Praxis Dr. Weber' }] });
      return html`<pforte-customer-lookup-step .adapter=${adapter} flow-id=${flowId} .captcha=${false}></pforte-customer-lookup-step>`;
    },
    act: async (root) => {
      await typeInto(root, 'input[name="customerNumber"]', '4711-0815');
      await typeInto(root, 'input[name="email"]', 'rechnung@example.com');
      await typeInto(root, 'input[name="emailRepeat"]', 'rechnung@example.org');
      await click(root, submit);
      await until('the repeat error', () => root.querySelector('[aria-invalid="true"]') !== null);
    },
  },
  {
    name: 'captcha',
    render: async () => {
      const { adapter, flowId } = await withBackend();
      return html`<pforte-captcha-step .adapter=${adapter} flow-id=${flowId} .captchaProvider=${createTestCaptchaProvider({ random: seededRandom(11) })} can-go-back></pforte-captcha-step>`;
    },
    act: (root) => until('the digits', () => text(root, '.pf-captcha-digits') !== ''),
  },
  {
    name: 'done',
    render: async () => {
      current = undefined;
      return html`<pforte-done-step product="Videosprechstunde" username="dr.berger" sign-in-url="#anmelden"></pforte-done-step>`;
    },
  },
];

async function main(): Promise<void> {
  document.documentElement.lang = locale;
  // An Arabic page is right to left; the steps follow the page.
  document.documentElement.dir = localeDirection(locale);
  await setLocale(locale);
  if (host !== 'blank') {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `/hosts/${host}.css`;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`no host stylesheet ${host}`));
    });
    document.head.append(link);
    await loaded;
  }
  if (theme === 'dark') document.documentElement.style.colorScheme = 'dark';
  const container = find(document, '#scenes');
  for (const scene of scenes.filter((candidate) => !only || only.includes(candidate.name))) {
    const section = document.createElement('section');
    section.dataset['scene'] = scene.name;
    section.setAttribute('aria-label', scene.name);
    // The widget's width is the page's layout decision: the same in every host page.
    section.style.width = `${width}px`;
    section.style.marginBottom = '2rem';
    // Behind the rounded corners: the same in every host page.
    section.style.background = 'Canvas';
    container.append(section);
    try {
      render(await scene.render(), section);
      const element = section.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
      await element.updateComplete;
      await until(`${scene.name} rendered`, () => section.querySelector('h2') !== null);
      await scene.act?.(section, { backend: current });
      await settle(section);
      section.dataset['ready'] = '';
    } catch (error) {
      section.dataset['problem'] = String(error);
    }
  }
  alignToPixels(container);
  document.body.dataset['ready'] = '';
}

/**
 * Moves each scene onto whole device pixels. Where a page's own text puts a
 * scene at y = 301.5 px, its glyphs are rasterised differently; the shift is
 * the page's, not the widget's, and would only add noise to the comparison.
 */
function alignToPixels(container: HTMLElement): void {
  for (const section of container.querySelectorAll<HTMLElement>('section[data-scene]')) {
    const widget = section.firstElementChild;
    if (!widget) continue;
    const { top, left } = widget.getBoundingClientRect();
    section.style.position = 'relative';
    section.style.top = `${Math.ceil(top) - top}px`;
    section.style.left = `${Math.ceil(left) - left}px`;
  }
}

/** Waits until no Lit element in `root` has an update pending. */
async function settle(root: HTMLElement): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const elements = [...root.querySelectorAll('*')].filter((element): element is HTMLElement & { updateComplete: Promise<boolean> } => 'updateComplete' in element);
    const done = await Promise.all(elements.map((element) => element.updateComplete));
    if (done.every(Boolean)) break;
  }
  (document.activeElement as HTMLElement | null)?.blur();
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

void main();
