import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SecondFactorMethod } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, click, startedFlow, until, type StartedFlow } from './support/drive.js';

interface Args {
  choices: SecondFactorMethod[];
  preselected: SecondFactorMethod | undefined;
  canGoBack: boolean;
}

const submit = 'button[type="submit"]';
const methods: SecondFactorMethod[] = ['none', 'email', 'sms'];

/**
 * The choice of a second factor for sign-in (seed 003: "keine TAN",
 * "emailTAN", "mTAN"). The flow then runs the e-mail code or the SMS step,
 * or neither.
 */
const meta: Meta<Args> = {
  title: 'Steps/Second factor choice',
  component: 'pforte-second-factor-choice-step',
  tags: ['autodocs'],
  args: { choices: methods, preselected: undefined, canGoBack: false },
  argTypes: {
    choices: { control: 'check', options: methods },
    preselected: { control: 'inline-radio', options: methods },
  },
  loaders: [startedFlow()],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-second-factor-choice-step
      .adapter=${adapter}
      flow-id=${flowId}
      .choices=${args.choices}
      .preselected=${args.preselected}
      ?can-go-back=${args.canGoBack}
    ></pforte-second-factor-choice-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** All three, the mobile TAN preselected (as seed 003 recommends); the intro recommends a TAN. */
export const Preselected: Story = { args: { preselected: 'sms', canGoBack: true } };

/** All three without a preselection: the first ("No TAN") is selected. */
export const FirstSelected: Story = {};

/** Two choices, e-mail TAN and mobile TAN: no "no TAN", so no recommendation is needed. */
export const TwoChoices: Story = { args: { choices: ['email', 'sms'] } };

/** The person picks the e-mail TAN. */
export const Changed: Story = {
  args: { preselected: 'sms' },
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'input[value="email"]');
    await until('e-mail chosen', () => canvasElement.querySelector<HTMLInputElement>('input[value="email"]')?.checked === true);
  },
};

/** Saving the choice: the backend has not answered yet. */
export const Saving: Story = {
  args: { preselected: 'sms' },
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('chooseSecondFactor', 'hang');
    await click(canvasElement, submit);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network` while saving. */
export const NetworkError: Story = {
  args: { preselected: 'sms' },
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('chooseSecondFactor', 'offline');
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
