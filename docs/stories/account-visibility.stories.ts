import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { click, find, until } from './support/drive.js';
import { signedInVideo, type SignedIn } from './support/account.js';

/**
 * The contact-search opt-in, changed later in the account area (seed 001):
 * the registration's visibility step, saved to the signed-in account.
 */
const meta: Meta = {
  title: 'Account/Visibility',
  component: 'pforte-account-visibility',
  tags: ['autodocs'],
  loaders: [signedInVideo()],
  render: (_args, { loaded }) => {
    const { adapter, clock } = loaded as SignedIn;
    return html`<pforte-account-visibility .adapter=${adapter} .clock=${clock}></pforte-account-visibility>`;
  },
};
export default meta;
type Story = StoryObj;

const box = 'input[name="visible"]';

/** Not visible: the default after "later" at registration. */
export const Hidden: Story = {
  play: async ({ canvasElement }) => void (await find(canvasElement, box)),
};

/** Visible: opted in before. */
export const Visible: Story = {
  loaders: [signedInVideo(async ({ adapter }) => void (await adapter.setContactVisibility({ visible: true })))],
  play: async ({ canvasElement }) => {
    await until('ticked', () => canvasElement.querySelector<HTMLInputElement>(box)?.checked === true);
  },
};

/** Loading the settings: the backend has not answered yet. */
export const Loading: Story = {
  loaders: [signedInVideo(({ adapter }) => adapter.failNext('getAccountSettings', 'hang'))],
  play: async ({ canvasElement }) => void (await find(canvasElement, '[aria-busy="true"]')),
};

/** The settings could not be loaded: the error with "Try again". */
export const LoadError: Story = {
  loaders: [signedInVideo(({ adapter }) => adapter.failNext('getAccountSettings', 'offline'))],
  play: async ({ canvasElement }) => {
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** Saving: the backend has not answered yet. */
export const Saving: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as SignedIn).adapter.failNext('setContactVisibility', 'hang');
    await click(canvasElement, box);
    await click(canvasElement, 'button[type="submit"]');
    await until('busy', () => canvasElement.querySelector('pforte-visibility-step form')?.getAttribute('aria-busy') === 'true');
  },
};

/** Saved: the confirmation under the form. */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, box);
    await click(canvasElement, 'button[type="submit"]');
    await until('saved', () => (canvasElement.querySelector('.pf-status')?.textContent ?? '').trim() !== '');
  },
};

/** `network` while saving: the choice stays as the person set it. */
export const SaveError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as SignedIn).adapter.failNext('setContactVisibility', 'offline');
    await click(canvasElement, box);
    await click(canvasElement, 'button[type="submit"]');
    await until('the alert', () => (canvasElement.querySelector('pforte-visibility-step .pf-alert')?.textContent ?? '').trim() !== '');
  },
};
