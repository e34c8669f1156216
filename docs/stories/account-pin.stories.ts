import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { click, find, typeInto, until } from './support/drive.js';
import { accountPassword, pastReauthWindow, signedInBilling, signedInVideo, type SignedIn } from './support/account.js';

/**
 * A new service PIN for a person who lost theirs (seed 001): the old PIN
 * stops working, the new one is shown once in the registration's PIN step
 * with copy, print, PDF and the "stored safely" gate.
 */
const meta: Meta = {
  title: 'Account/Service PIN',
  component: 'pforte-account-pin',
  tags: ['autodocs'],
  loaders: [signedInVideo()],
  render: (_args, { loaded }) => {
    const { adapter, clock } = loaded as SignedIn;
    return html`<pforte-account-pin .adapter=${adapter} .clock=${clock} product="Videosprechstunde"></pforte-account-pin>`;
  },
};
export default meta;
type Story = StoryObj;

const create = '.pf-actions button';

/** What a new PIN means, and the button. */
export const Overview: Story = {
  play: async ({ canvasElement }) => void (await find(canvasElement, create)),
};

/** The sign-in was too long ago: the current password first. */
export const PasswordNeeded: Story = {
  loaders: [signedInVideo(pastReauthWindow)],
  play: async ({ canvasElement }) => {
    await click(canvasElement, create);
    await find(canvasElement, 'input[name="current-password"]');
  },
};

/** The new PIN, shown once: copy, print, PDF and the gate. */
export const NewPin: Story = {
  loaders: [signedInVideo(pastReauthWindow)],
  play: async ({ canvasElement }) => {
    await click(canvasElement, create);
    await typeInto(canvasElement, 'input[name="current-password"]', accountPassword);
    await click(canvasElement, 'button[type="submit"]');
    await find(canvasElement, '.pf-pin');
  },
};

/** "Continue" before the box is ticked: the gate says why. */
export const NotConfirmed: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, create);
    await find(canvasElement, '.pf-pin');
    await click(canvasElement, 'pforte-pin-step button[type="submit"]');
    await until('the gate', () => (canvasElement.querySelector('pforte-pin-step .pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** Stored safely: the new PIN is set up, the old one no longer works. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, create);
    await click(canvasElement, 'input[name="pin-stored"]');
    await click(canvasElement, 'pforte-pin-step button[type="submit"]');
    await until('done', () => (canvasElement.querySelector('.pf-status')?.textContent ?? '').trim() !== '');
  },
};

/** `network` while creating: the error, the button to try again. */
export const CreateError: Story = {
  loaders: [signedInVideo(({ adapter }) => adapter.failNext('renewServicePin', 'offline'))],
  play: async ({ canvasElement }) => {
    await click(canvasElement, create);
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** A product that gives out no service PIN (the billing centre). */
export const Unavailable: Story = {
  loaders: [signedInBilling()],
  play: async ({ canvasElement }) => void (await find(canvasElement, 'h2')),
};
