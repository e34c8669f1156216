import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock, PforteError } from '@pforte/elements';
import type { ManualClock, PfortePasswordReset } from '@pforte/elements';
import '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import { alertShown, click, find, typeInto, until } from './support/drive.js';

interface Args {
  usernameKind: 'email' | 'username';
  signInUrl: string;
  supportUrl: string;
}

interface Loaded {
  adapter: MemoryAdapter;
  clock: ManualClock;
  /** The token of a reset link in the outbox. */
  token: string;
}

/** A memory backend on a manual clock with the dental portal's account and one reset link sent to it. */
async function resetBackend(): Promise<Loaded> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock });
  await adapter.createAccount({ username: 'anna.schmidt@zahnarzt-beispiel.de', password: 'Initial#Praxis2026' });
  await adapter.requestPasswordReset({ identifier: 'anna.schmidt@zahnarzt-beispiel.de', locale: 'de', returnUrl: location.href });
  const token = new URL(adapter.lastEmailLink()!).hash.split('=')[1]!;
  return { adapter, clock, token };
}

const identifierField = 'input[name="username"]';
const passwordField = 'input[name="password"]';
const submit = 'button[type="submit"].pf-primary';

/**
 * "Forgot your password?" (seed 000: „Neues Passwort für …“): the person
 * asks for a link, the answer is the same whether the account exists, the
 * e-mailed link opens the new-password form (its token in the URL fragment,
 * removed at once), and "No e-mail received?" helps and sends again after
 * the server's deadline. The stories open a link with `openLink(token)`, as
 * the fragment does on a real page.
 */
const meta: Meta<Args> = {
  title: 'Sign-in/Password reset',
  component: 'pforte-password-reset',
  tags: ['autodocs'],
  args: { usernameKind: 'email', signInUrl: '/anmelden', supportUrl: '/support' },
  loaders: [resetBackend],
  render: (args, { loaded }) => {
    const { adapter, clock } = loaded as Loaded;
    return html`<pforte-password-reset
      .adapter=${adapter}
      .clock=${clock}
      username-kind=${args.usernameKind}
      sign-in-url=${args.signInUrl}
      support-url=${args.supportUrl}
    ></pforte-password-reset>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function requested(canvasElement: HTMLElement): Promise<PfortePasswordReset> {
  const element = await find<PfortePasswordReset>(canvasElement, 'pforte-password-reset');
  await typeInto(canvasElement, identifierField, 'anna.schmidt@zahnarzt-beispiel.de');
  await click(canvasElement, submit);
  await until('the link was requested', () => element.currentStage === 'requested');
  return element;
}

async function opened(canvasElement: HTMLElement, loaded: unknown): Promise<PfortePasswordReset> {
  const element = await find<PfortePasswordReset>(canvasElement, 'pforte-password-reset');
  element.openLink((loaded as Loaded).token);
  await until('the new-password form', () => canvasElement.querySelector(passwordField) !== null);
  return element;
}

/** The request: the address people sign in with. */
export const Request: Story = {};

/** With a username instead of an e-mail address. */
export const RequestByUsername: Story = { args: { usernameKind: 'username' } };

/** `network` while asking: the address stays, "Send link" again retries. */
export const RequestFailed: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).adapter.failNext('requestPasswordReset', 'offline');
    await typeInto(canvasElement, identifierField, 'anna.schmidt@zahnarzt-beispiel.de');
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};

/** Reset requested: the same answer for every address; the resend counts down from the server's deadline. */
export const Requested: Story = {
  play: async ({ canvasElement }) => {
    await requested(canvasElement);
  },
};

/** "No e-mail received?" opened: the seed's help, and "Send the link again" once the deadline passed. */
export const NoEmailReceived: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = await requested(canvasElement);
    element.querySelector('details')!.open = true;
    (loaded as Loaded).clock.advance(60_000);
    element.refreshCountdown();
    await until('the resend button', () => element.querySelector('.pf-reset-help button[aria-disabled]') === null);
  },
};

/** Asked too often: `rate_limited`, the resend waits for the server's deadline. */
export const RequestRateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, clock } = loaded as Loaded;
    const element = await requested(canvasElement);
    element.querySelector('details')!.open = true;
    clock.advance(60_000);
    element.refreshCountdown();
    const now = clock.now();
    adapter.failNext('requestPasswordReset', new PforteError('rate_limited', { retryAfterSeconds: 600, resendAvailableAt: now + 600_000, now }));
    await click(canvasElement, '.pf-reset-help button[type="submit"]');
    await until('the alert', alertShown(canvasElement));
  },
};

/** Opened from the e-mailed link: the new password with the live checklist. */
export const NewPassword: Story = {
  play: async ({ canvasElement, loaded }) => {
    await opened(canvasElement, loaded);
    await typeInto(canvasElement, passwordField, 'Neues#Pass');
  },
};

/** A new password the policy refuses (a common one): the message at the field, the entry kept. */
export const NewPasswordRefused: Story = {
  play: async ({ canvasElement, loaded }) => {
    await opened(canvasElement, loaded);
    await typeInto(canvasElement, passwordField, 'password1234');
    await click(canvasElement, submit);
    await until('the field error', () => canvasElement.querySelector(`${passwordField}[aria-invalid="true"]`) !== null);
  },
};

/** Done: the password changed, every session ended; a link to sign in. */
export const Done: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = await opened(canvasElement, loaded);
    await typeInto(canvasElement, passwordField, 'Neues#Passwort2026');
    await click(canvasElement, submit);
    await until('done', () => element.currentStage === 'done');
  },
};

/** Reset link expired: after its 60 minutes; "Request a new link" starts again. */
export const LinkExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = await opened(canvasElement, loaded);
    (loaded as Loaded).clock.advance(61 * 60_000);
    await typeInto(canvasElement, passwordField, 'Neues#Passwort2026');
    await click(canvasElement, submit);
    await until('expired', () => element.currentStage === 'linkExpired');
  },
};

/** Reset link used already: each link works once. */
export const LinkUsed: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, token } = loaded as Loaded;
    await adapter.resetPassword({ token, password: 'Erstes#Passwort2026' });
    const element = await opened(canvasElement, loaded);
    await typeInto(canvasElement, passwordField, 'Neues#Passwort2026');
    await click(canvasElement, submit);
    await until('used', () => element.currentStage === 'linkUsed');
  },
};
