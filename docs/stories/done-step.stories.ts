import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';

interface Args {
  product: string;
  username: string;
}

/** The closing page. In a flow, `<pforte-signup>` shows it once the adapter created the account. */
const meta: Meta<Args> = {
  title: 'Steps/Done',
  component: 'pforte-done-step',
  tags: ['autodocs'],
  args: { product: 'Videosprechstunde', username: 'anna.schmidt' },
  render: (args) => html`<pforte-done-step product=${args.product} username=${args.username}></pforte-done-step>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Product and username named. */
export const Done: Story = {};

/** Without a product name or username: the short wording. */
export const Plain: Story = { args: { product: '', username: '' } };
