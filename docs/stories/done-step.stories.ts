import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DoneOrganization } from '@pforte/elements';
import '@pforte/elements';

interface Args {
  product: string;
  username: string;
  organization: DoneOrganization | undefined;
}

/** The closing page. In a flow, `<pforte-signup>` shows it once the adapter created the account. */
const meta: Meta<Args> = {
  title: 'Steps/Done',
  component: 'pforte-done-step',
  tags: ['autodocs'],
  args: { product: 'Videosprechstunde', username: 'anna.schmidt', organization: undefined },
  argTypes: { organization: { control: 'object' } },
  render: (args) =>
    html`<pforte-done-step product=${args.product} username=${args.username} .organization=${args.organization}></pforte-done-step>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Product and username named. */
export const Done: Story = {};

/** Without a product name or username: the short wording. */
export const Plain: Story = { args: { product: '', username: '' } };

/**
 * After joining a practice (the organization step): the account waits for a
 * member of the practice to approve the access.
 */
export const Pending: Story = {
  args: {
    product: 'Zahnarztportal',
    username: 'anna.schmidt@example.com',
    organization: { name: 'Zahnarztpraxis Dr. Weber', status: 'pending' },
  },
};

/** Pending, for a practice whose name the backend did not send. */
export const PendingUnnamed: Story = {
  args: { product: 'Zahnarztportal', username: 'anna.schmidt@example.com', organization: { name: '', status: 'pending' } },
};

/** After registering a new practice: a member at once, the usual closing page. */
export const RegisteredPractice: Story = {
  args: {
    product: 'Zahnarztportal',
    username: 'anna.schmidt@example.com',
    organization: { name: 'Zahnarztpraxis Dr. Weber', status: 'member' },
  },
};
