import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, answerTestCaptcha, click, startedFlow, textOf, until, type StartedFlow } from './support/drive.js';

interface Args {
  canGoBack: boolean;
}

const submit = 'form > .pf-actions button[type="submit"]';
const captchaError = (root: HTMLElement) => () => textOf(root, 'form > .pf-error') !== '';

/**
 * A security check on its own page, with the built-in test captcha (the
 * default provider; the digits are random, so they differ on every visit).
 * The memory backend accepts each test token once (`adapter.verifyCaptcha`).
 */
const meta: Meta<Args> = {
  title: 'Steps/Captcha',
  component: 'pforte-captcha-step',
  tags: ['autodocs'],
  args: { canGoBack: false },
  loaders: [startedFlow()],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-captcha-step .adapter=${adapter} flow-id=${flowId} ?can-go-back=${args.canGoBack}></pforte-captcha-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The challenge, not solved yet. */
export const Challenge: Story = {
  play: async ({ canvasElement }) => {
    await until('the challenge', () => canvasElement.querySelector('.pf-captcha-digits') !== null);
  },
};

/** With "Back" to the previous step. */
export const WithBack: Story = {
  args: { canGoBack: true },
  play: Challenge.play,
};

/** "Continue" before solving: the step asks to complete the check first. */
export const NotSolved: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('the captcha error', captchaError(canvasElement));
  },
};

/** A wrong answer: new digits to type. */
export const WrongAnswer: Story = {
  play: async ({ canvasElement }) => {
    await answerTestCaptcha(canvasElement, { wrong: true });
  },
};

/** Solved: ready to continue. */
export const Solved: Story = {
  play: async ({ canvasElement }) => {
    await answerTestCaptcha(canvasElement);
  },
};

/** Checking the token: the backend has not answered yet. */
export const Verifying: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('verifyCaptcha', 'hang');
    await answerTestCaptcha(canvasElement);
    await click(canvasElement, submit);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `captcha.invalid`: the backend rejected the token. A fresh challenge appears, with the reason above "Continue". */
export const Rejected: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('verifyCaptcha', new PforteError('captcha.invalid', { field: 'captcha' }));
    await answerTestCaptcha(canvasElement);
    await click(canvasElement, submit);
    await until('the captcha error', captchaError(canvasElement));
  },
};

/** `network` while checking: the alert says so, and a fresh challenge appears (tokens are single use). */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('verifyCaptcha', 'offline');
    await answerTestCaptcha(canvasElement);
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
