import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { alertShown, click, invalid, startedFlow, until, type StartedFlow } from './support/drive.js';

interface Args {
  termsUrl: string;
  privacyUrl: string;
  version: string;
  accepted: boolean;
  canGoBack: boolean;
}

const checkbox = 'input[name="terms"]';
const submit = 'button[type="submit"]';

/**
 * Terms of use and privacy policy: two links that open in a new tab and one
 * required checkbox naming both. The acceptance is recorded with the time
 * of the (manual) clock and the terms' version.
 */
const meta: Meta<Args> = {
  title: 'Steps/Terms',
  component: 'pforte-terms-step',
  tags: ['autodocs'],
  args: { termsUrl: 'https://example.com/nutzungsbedingungen', privacyUrl: 'https://example.com/datenschutz', version: '2026-01', accepted: false, canGoBack: false },
  loaders: [startedFlow()],
  render: (args, { loaded }) => {
    const { adapter, flowId, clock } = loaded as StartedFlow;
    return html`<pforte-terms-step
      .adapter=${adapter}
      .clock=${clock}
      flow-id=${flowId}
      terms-url=${args.termsUrl}
      privacy-url=${args.privacyUrl}
      version=${args.version}
      ?accepted=${args.accepted}
      ?can-go-back=${args.canGoBack}
    ></pforte-terms-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing ticked yet (the box is never ticked for the person). */
export const Empty: Story = {};

/** With "Back" to the previous step. */
export const WithBack: Story = { args: { canGoBack: true } };

/** "Continue" without the tick: the checkbox explains why and gets focus. */
export const NotTicked: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('the checkbox error', invalid(canvasElement, checkbox));
  },
};

/** Ticked by the person: ready to continue. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, checkbox);
    await until('ticked', () => canvasElement.querySelector<HTMLInputElement>(checkbox)?.checked === true);
  },
};

/** Coming back to the step: the earlier tick is kept (`accepted`). */
export const AcceptedEarlier: Story = { args: { accepted: true, canGoBack: true } };

/** Saving the acceptance: the backend has not answered yet. */
export const Saving: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('acceptTerms', 'hang');
    await click(canvasElement, checkbox);
    await click(canvasElement, submit);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/**
 * `terms.required` from the backend: the terms changed while the person was
 * registering (another version is in force). The box stays ticked and the
 * message at it asks to accept again.
 */
export const OutdatedVersion: Story = {
  loaders: [startedFlow({ termsVersion: '2026-02' })],
  play: async ({ canvasElement }) => {
    await click(canvasElement, checkbox);
    await click(canvasElement, submit);
    await until('the checkbox error', invalid(canvasElement, checkbox));
  },
};

/** `network` while saving: the alert says so, the tick stays. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('acceptTerms', 'offline');
    await click(canvasElement, checkbox);
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
