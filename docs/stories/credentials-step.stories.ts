import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError, policyPresets } from '@pforte/elements';
import type { PasswordPolicy } from '@pforte/elements';
import '@pforte/elements';
import { click, startedFlow, textOf, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  usernameKind: 'email' | 'username';
  policy: keyof typeof policyPresets;
  username: string;
}

const usernameInput = 'input[name="username"]';
const passwordInput = 'input[name="password"]';
const submit = 'button[type="submit"]';

/**
 * Username (or e-mail) and password with the live checklist. Every story
 * runs against a real memory backend; the play function types and submits
 * as a person would.
 */
const meta: Meta<Args> = {
  title: 'Steps/Credentials',
  component: 'pforte-credentials-step',
  tags: ['autodocs'],
  args: { usernameKind: 'email', policy: 'nist', username: '' },
  argTypes: {
    usernameKind: { control: 'inline-radio', options: ['email', 'username'] },
    policy: { control: 'inline-radio', options: Object.keys(policyPresets), description: 'A policy preset (the property takes any PasswordPolicy).' },
  },
  loaders: [startedFlow({ takenUsernames: ['vergeben@example.com', 'vergeben'] })],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-credentials-step
      .adapter=${adapter}
      flow-id=${flowId}
      username-kind=${args.usernameKind}
      .policy=${policyPresets[args.policy] as PasswordPolicy}
      .username=${args.username}
    ></pforte-credentials-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing entered yet: every rule of the checklist is still open. */
export const Empty: Story = {};

/** A free username instead of an e-mail address. */
export const UsernameKind: Story = { args: { usernameKind: 'username' } };

/** Part-way through the password: some rules ticked, some still open. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, usernameInput, 'anna.schmidt@example.com');
    await typeInto(canvasElement, passwordInput, 'sommer');
  },
};

/** Every rule met: the checklist is all green. */
export const AllRulesMet: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, usernameInput, 'anna.schmidt@example.com');
    await typeInto(canvasElement, passwordInput, 'Sprechstunde am Mittwoch');
  },
};

/** The strict policy of the dental portal (seed 000): ≥ 10 characters with all four character classes. */
export const StrictPolicyPartlyMet: Story = {
  args: { policy: 'strict10' },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, usernameInput, 'praxis@zahnarzt-beispiel.de');
    await typeInto(canvasElement, passwordInput, 'zahnbürste7');
  },
};

/** "Show password" pressed: the password is readable, the toggle reports `aria-pressed="true"`. */
export const ShowPassword: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, passwordInput, 'Sprechstunde am Mittwoch');
    await click(canvasElement, 'button.pf-reveal');
    await until('the password is shown', () => canvasElement.querySelector(passwordInput)?.getAttribute('type') === 'text');
  },
};

/** Submitted with empty fields: each field names what is missing, and focus moves to the first. */
export const MissingInput: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('field errors', () => textOf(canvasElement, '.pf-error') !== '');
  },
};

/** Submitted while the backend has not answered yet: the button waits and the form is `aria-busy`. */
export const Submitting: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitCredentials', 'hang');
    await typeInto(canvasElement, usernameInput, 'anna.schmidt@example.com');
    await typeInto(canvasElement, passwordInput, 'Sprechstunde am Mittwoch');
    await click(canvasElement, submit);
    await until('the form is busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

async function submitValid(canvasElement: HTMLElement, username = 'anna.schmidt@example.com', password = 'Sprechstunde am Mittwoch') {
  await typeInto(canvasElement, usernameInput, username);
  await typeInto(canvasElement, passwordInput, password);
  await click(canvasElement, submit);
}

/** `identifier.unavailable`: the e-mail address is already registered (the memory backend knows vergeben@example.com). */
export const UsernameTaken: Story = {
  play: async ({ canvasElement }) => {
    await submitValid(canvasElement, 'vergeben@example.com');
    await until('the username error', () => canvasElement.querySelector(usernameInput)?.getAttribute('aria-invalid') === 'true');
  },
};

/**
 * `password.rejected`: the checklist is happy but the server is stricter
 * (here: it refuses passwords containing the product name).
 */
export const PasswordRejected: Story = {
  args: { policy: 'min8' },
  loaders: [
    startedFlow({
      passwordPolicy: { rules: [{ kind: 'minLength', value: 8 }, { kind: 'notBlocklisted', words: ['pforte'] }] },
    }),
  ],
  play: async ({ canvasElement }) => {
    await submitValid(canvasElement, 'anna.schmidt@example.com', 'Pforte-Zugang-2026');
    await until('the password error', () => canvasElement.querySelector(passwordInput)?.getAttribute('aria-invalid') === 'true');
  },
};

/** `network`: no connection. The alert says so; the entries stay for another try. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitCredentials', 'offline');
    await submitValid(canvasElement);
    await until('the alert', () => textOf(canvasElement, '.pf-alert') !== '');
  },
};

/** `timeout`: the backend took longer than `requestTimeoutMs`. */
export const Timeout: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitCredentials', new PforteError('timeout'));
    await submitValid(canvasElement);
    await until('the alert', () => textOf(canvasElement, '.pf-alert') !== '');
  },
};

/** `rate_limited` with `retryAfterSeconds`: too many tries in a short time. */
export const RateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitCredentials', new PforteError('rate_limited', { retryAfterSeconds: 30 }));
    await submitValid(canvasElement);
    await until('the alert', () => textOf(canvasElement, '.pf-alert') !== '');
  },
};

/** A backend's own wording (`serverMessage`) is shown under the translated sentence, as plain text only. */
export const ServerMessage: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext(
      'submitCredentials',
      new PforteError('unknown', { serverMessage: 'Wartungsarbeiten bis 18:00 Uhr. <b>Kein HTML</b>' }),
    );
    await submitValid(canvasElement);
    await until('the alert', () => textOf(canvasElement, '.pf-alert') !== '');
  },
};
