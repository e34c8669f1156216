import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import type { PforteSmsStep } from '@pforte/elements';
import { click, find, typeInto, until } from './support/drive.js';
import { pastReauthWindow, signedInBilling, signedInVideo, type SignedIn } from './support/account.js';

/**
 * The second factor, changed later (seed 001: activate the SMS factor put
 * off at registration, change the number; seed 003: switch between no TAN,
 * e-mail TAN and mobile TAN). A change needs a recent sign-in, or the
 * current password asked inline.
 */
const meta: Meta = {
  title: 'Account/Second factor',
  component: 'pforte-account-second-factor',
  tags: ['autodocs'],
  loaders: [signedInVideo()],
  render: (_args, { loaded }) => {
    const { adapter, clock } = loaded as SignedIn;
    return html`<pforte-account-second-factor .adapter=${adapter} .clock=${clock}></pforte-account-second-factor>`;
  },
};
export default meta;
type Story = StoryObj;

const phoneField = 'input[type="tel"]';
const codeField = 'pforte-code-input input';

async function sendCode(canvasElement: HTMLElement): Promise<void> {
  await click(canvasElement, '.pf-actions button');
  await typeInto(canvasElement, phoneField, '0151 12345678');
  await click(canvasElement, 'pforte-sms-step button[type="submit"]');
  await find(canvasElement, codeField);
}

/** Off: the SMS factor was put off at registration ("Später aktivieren"). */
export const Off: Story = {
  play: async ({ canvasElement }) => void (await find(canvasElement, '.pf-current')),
};

/** Activating: the mobile number, as at registration. */
export const EnterNumber: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-actions button');
    await find(canvasElement, phoneField);
  },
};

/** The code was sent: the code entry, "New code" counting down on the injected clock. */
export const CodeSent: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    (loaded as SignedIn).clock.advance(20_000);
    (await find<PforteSmsStep>(canvasElement, 'pforte-sms-step')).refreshCountdown();
  },
};

/** A wrong code: the message at the code, attempts left. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    const code = (loaded as SignedIn).adapter.lastCode() ?? '00000000';
    await typeInto(canvasElement, codeField, [...code].map((digit) => String((Number(digit) + 1) % 10)).join(''));
    await until('the message', () => (canvasElement.querySelector('pforte-sms-step .pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** Active: the next sign-in asks for the SMS code; the number can be changed. */
export const Activated: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    await typeInto(canvasElement, codeField, (loaded as SignedIn).adapter.lastCode() ?? '');
    await until('saved', () => (canvasElement.querySelector('.pf-status')?.textContent ?? '').trim() !== '');
  },
};

/** The sign-in was too long ago: the current password, asked inline before the change. */
export const PasswordNeeded: Story = {
  loaders: [signedInVideo(pastReauthWindow)],
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-actions button');
    await find(canvasElement, 'input[name="current-password"]');
  },
};

/** A wrong password: the attempts left before the sign-in's lock. */
export const WrongPassword: Story = {
  loaders: [signedInVideo(pastReauthWindow)],
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-actions button');
    await typeInto(canvasElement, 'input[name="current-password"]', 'falsch');
    await click(canvasElement, 'button[type="submit"]');
    await until('the message', () => (canvasElement.querySelector('.pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** Billing centre: the e-mail TAN in force, switched with the registration's choice. */
export const BillingChoice: Story = {
  loaders: [signedInBilling()],
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-actions button');
    await find(canvasElement, 'pforte-second-factor-choice-step input[type="radio"]');
  },
};

/** Billing centre: switched to no TAN. */
export const BillingNoTan: Story = {
  loaders: [signedInBilling()],
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-actions button');
    await click(canvasElement, 'input[type="radio"][value="none"]');
    await click(canvasElement, 'pforte-second-factor-choice-step button[type="submit"]');
    await until('saved', () => (canvasElement.querySelector('.pf-status')?.textContent ?? '').trim() !== '');
  },
};
