import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock } from '@pforte/elements';
import type { ManualClock, PforteConfigInput, PforteSignin } from '@pforte/elements';
import '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import { click, find, typeInto, until } from './support/drive.js';

/** What the loader hands to a story: a memory backend on a manual clock with three accounts. */
interface SignInBackend {
  adapter: MemoryAdapter;
  clock: ManualClock;
}

const password = 'Sprechstunde am Mittwoch';
const initialPassword = 'Erstes Kennwort 2026';

/** The billing centre's sign-in (seed 003): usernames, the first-sign-in notice, both links. */
const billing: PforteConfigInput = {
  product: 'Kundencenter',
  username: { kind: 'username' },
  signIn: {
    forgotPasswordUrl: '/passwort-vergessen',
    registerUrl: '/registrieren',
    firstSignInNotice:
      'Herzlich willkommen im Online-Kundencenter! Da dies Ihr erster Besuch ist, bitten wir Sie, in den Zugangsdaten Ihr Passwort zu ändern. Dort können Sie auch Ihr TAN-Verfahren festlegen.',
  },
};

/**
 * Accounts: `anna` (no second factor), `ben` (SMS TAN, chosen at
 * registration) and `kunde-4711` (created by the billing centre with an
 * initial password).
 */
async function signInBackend(): Promise<SignInBackend> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock });
  for (const [username, phone] of [['anna', undefined], ['ben', '+4915112345678']] as const) {
    const { flowId } = await adapter.startRegistration({ locale: 'de' });
    await adapter.submitCredentials({ flowId, username, password });
    if (phone) {
      await adapter.chooseSecondFactor({ flowId, method: 'sms' });
      await adapter.sendSmsCode({ flowId, phone });
      await adapter.verifySmsCode({ flowId, code: adapter.lastCode() ?? '' });
    }
    await adapter.complete({ flowId });
  }
  await adapter.createAccount({ username: 'kunde-4711', password: initialPassword });
  // The registration's SMS holds the next one back until its resend deadline.
  clock.advance(60_000);
  return { adapter, clock };
}

/**
 * Sign-in, configured like the sign-up (the same product config, its
 * `signIn` section), against a memory backend on a manual clock: the lock's
 * countdown is shown at a chosen second by moving the clock, never by
 * waiting. Every state is reached by typing and clicking.
 */
const meta: Meta<{ config: PforteConfigInput }> = {
  title: 'Flow/Sign-in',
  component: 'pforte-signin',
  tags: ['autodocs'],
  args: { config: billing },
  argTypes: { config: { control: 'object' } },
  loaders: [signInBackend],
  render: (args, { loaded }) => {
    const { adapter, clock } = loaded as SignInBackend;
    return html`<pforte-signin .config=${args.config} .adapter=${adapter} .clock=${clock}></pforte-signin>`;
  },
};
export default meta;
type Story = StoryObj<{ config: PforteConfigInput }>;

async function signIn(canvasElement: HTMLElement, username: string, secret: string): Promise<PforteSignin> {
  const element = await find<PforteSignin>(canvasElement, 'pforte-signin');
  await typeInto(canvasElement, 'input[name="username"]:not([hidden])', username);
  await typeInto(canvasElement, 'input[name="password"]', secret);
  await click(canvasElement, 'button[type="submit"]');
  return element;
}


/** The form: username and current password, "Passwort vergessen?" and "Registrieren". */
export const Form: Story = {};

/** Signing in with the dental portal's e-mail addresses and only the forgot-password link (seed 000). */
export const EmailAddress: Story = {
  args: { config: { product: 'Zahnarztportal', username: { kind: 'email' }, signIn: { forgotPasswordUrl: '/passwort-vergessen' } } },
};

/** A wrong password: the attempts left before the lock; the username stays. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'anna', 'falsches Passwort');
    await until('the attempts left', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** Five wrong passwords: locked, counting down from the server's deadline (here 3:18 left). An unknown account reads the same. */
export const LockedWithCountdown: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { clock } = loaded as SignInBackend;
    let element: PforteSignin | undefined;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      element = await signIn(canvasElement, 'anna', `falsch ${attempt}`);
      await until(`answer ${attempt}`, () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'false' && !!element?.querySelector('.pf-alert')?.textContent?.trim());
    }
    await until('the lock', () => element?.lockedUntil !== undefined);
    clock.advance(102_000);
    element!.refreshCountdown();
    await until('3:18', () => (canvasElement.querySelector('button.pf-primary')?.textContent ?? '').includes('3:18'));
  },
};

/** Signing in: the backend has not answered yet; the button is disabled. */
export const SigningIn: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as SignInBackend).adapter.failNext('signIn', 'hang');
    await signIn(canvasElement, 'anna', password);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network`: the alert, with everything typed kept for the next try. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as SignInBackend).adapter.failNext('signIn', 'offline');
    await signIn(canvasElement, 'anna', password);
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** The second factor the account chose at registration: the SMS TAN, with the resend countdown. */
export const SecondFactor: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'ben', password);
    await until('the code entry', () => canvasElement.querySelector('pforte-code-input input') !== null);
  },
};

/** A wrong SMS TAN: the attempts left. */
export const SecondFactorWrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter } = loaded as SignInBackend;
    await signIn(canvasElement, 'ben', password);
    await until('the code entry', () => canvasElement.querySelector('pforte-code-input input') !== null);
    const wrong = [...(adapter.lastCode() ?? '')].map((digit) => String((Number(digit) + 1) % 10)).join('');
    await typeInto(canvasElement, 'pforte-code-input input', wrong);
    await until('the code error', () => (canvasElement.querySelector('pforte-code-input ~ .pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** An account created by the billing centre: the initial password must be replaced, with the live checklist. */
export const ForcedChange: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'kunde-4711', initialPassword);
    await until('the new password', () => canvasElement.querySelector('input[name="new-password"]') !== null);
    await typeInto(canvasElement, 'input[name="new-password"]', 'Kundencenter');
  },
};

/** The new password is the initial one: refused. */
export const ForcedChangeSamePassword: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'kunde-4711', initialPassword);
    await until('the new password', () => canvasElement.querySelector('input[name="new-password"]') !== null);
    await typeInto(canvasElement, 'input[name="new-password"]', initialPassword);
    await click(canvasElement, 'button[type="submit"]');
    await until('the error', () => canvasElement.querySelector('input[name="new-password"]')?.getAttribute('aria-invalid') === 'true');
  },
};

/** The billing centre's notice at the first sign-in of an automatically registered customer. */
export const FirstSignInNotice: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'kunde-4711', initialPassword);
    await until('the new password', () => canvasElement.querySelector('input[name="new-password"]') !== null);
    await typeInto(canvasElement, 'input[name="new-password"]', 'Kundencenter am Montag');
    await click(canvasElement, 'button[type="submit"]');
    await until('the notice', () => canvasElement.querySelector('.pf-notice') !== null);
  },
};

/** Signed in, with "Sign out". */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    await signIn(canvasElement, 'anna', password);
    await until('signed in', () => canvasElement.querySelector('.pf-notice, pforte-code-input') === null && !canvasElement.querySelector('input[name="password"]'));
  },
};

/** An invalid config: the error names its path. */
export const InvalidConfig: Story = {
  args: { config: { signIn: { lockout: { lockSeconds: 5 } } } },
  tags: ['expect-console-error'],
  play: async ({ canvasElement }) => {
    await until('the config error', () => canvasElement.querySelector('.pf-config-error') !== null);
  },
};
