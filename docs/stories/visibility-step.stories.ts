import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { click, flowWithAccount, until, type StartedFlow } from './support/drive.js';

interface Args {
  visible: boolean;
  canGoBack: boolean;
}

/** Opt-in to the contact search (seed 001). Unticked unless the person ticks it. */
const meta: Meta<Args> = {
  title: 'Steps/Visibility',
  component: 'pforte-visibility-step',
  tags: ['autodocs'],
  args: { visible: false, canGoBack: false },
  loaders: [flowWithAccount()],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-visibility-step
      .adapter=${adapter}
      flow-id=${flowId}
      ?visible=${args.visible}
      ?can-go-back=${args.canGoBack}
    ></pforte-visibility-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Visibility off (the default). */
export const Off: Story = {};

/** Visibility on: ticked by the person. */
export const On: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'input[name="visible"]');
    await until('ticked', () => canvasElement.querySelector<HTMLInputElement>('input[name="visible"]')?.checked === true);
  },
};

/** With "Back" to the previous step. */
export const WithBack: Story = { args: { canGoBack: true } };

/** Saving: the backend has not answered yet. */
export const Saving: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('setVisibility', 'hang');
    await click(canvasElement, 'button[type="submit"]');
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network` while saving. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('setVisibility', 'offline');
    await click(canvasElement, 'button[type="submit"]');
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};
