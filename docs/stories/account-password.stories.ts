import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { click, find, typeInto, until } from './support/drive.js';
import { accountPassword, signedInVideo, type SignedIn } from './support/account.js';

/**
 * A new password in the account area (seed 003: "Zugangsdaten ändern"): the
 * current password and a new one with the registration's checklist.
 */
const meta: Meta = {
  title: 'Account/Password',
  component: 'pforte-account-password',
  tags: ['autodocs'],
  loaders: [signedInVideo()],
  render: (_args, { loaded }) => {
    const { adapter, clock } = loaded as SignedIn;
    return html`<pforte-account-password .adapter=${adapter} .clock=${clock}></pforte-account-password>`;
  },
};
export default meta;
type Story = StoryObj;

const current = 'input[name="current-password"]';
const next = 'input[name="password"]';
const submit = 'button[type="submit"]';

/** Empty: the checklist waits for the new password. */
export const Empty: Story = {
  play: async ({ canvasElement }) => void (await find(canvasElement, current)),
};

/** A new password that meets every rule. */
export const RulesMet: Story = {
  play: async ({ canvasElement }) => void (await typeInto(canvasElement, next, 'Neues Kennwort für 2027')),
};

/** A wrong current password: the attempts left before the lock. */
export const WrongCurrent: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, current, 'falsch');
    await typeInto(canvasElement, next, 'Neues Kennwort für 2027');
    await click(canvasElement, submit);
    await until('the message', () => canvasElement.querySelector(current)?.getAttribute('aria-invalid') === 'true');
  },
};

/** The current password again as the new one: refused at the new password. */
export const SameAsCurrent: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, current, accountPassword);
    await typeInto(canvasElement, next, accountPassword);
    await click(canvasElement, submit);
    await until('the message', () => canvasElement.querySelector(next)?.getAttribute('aria-invalid') === 'true');
  },
};

/** Changed: every other session ended. */
export const Changed: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, current, accountPassword);
    await typeInto(canvasElement, next, 'Neues Kennwort für 2027');
    await click(canvasElement, submit);
    await until('changed', () => (canvasElement.querySelector('.pf-status')?.textContent ?? '').trim() !== '');
  },
};

/** `network` while saving: both fields keep what was typed. */
export const SaveError: Story = {
  loaders: [signedInVideo(({ adapter }) => adapter.failNext('changeAccountPassword', 'offline'))],
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, current, accountPassword);
    await typeInto(canvasElement, next, 'Neues Kennwort für 2027');
    await click(canvasElement, submit);
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};
