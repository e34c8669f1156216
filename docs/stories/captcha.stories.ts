import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createTestCaptchaProvider } from '@pforte/elements';
import type { CaptchaProvider } from '@pforte/elements';
import '@pforte/elements';
import { answerTestCaptcha, click, find, until } from './support/drive.js';

interface Args {
  /** Digits of the built-in test challenge. */
  length: number;
}

/** A provider whose script cannot be loaded (blocked, offline): it rejects, as real providers should. */
const unreachableProvider: CaptchaProvider = {
  render: () => Promise.reject(new Error('captcha script blocked')),
};

/**
 * A challenge from a pluggable captcha provider (see the Captcha guide).
 * These stories use the built-in test provider: "Type these digits", with
 * the digits as text — keyboard and screen-reader friendly, and no bot
 * protection at all. The digits are random, so they differ on every visit.
 */
const meta: Meta<Args> = {
  title: 'Building blocks/Captcha',
  component: 'pforte-captcha',
  tags: ['autodocs'],
  args: { length: 4 },
  argTypes: { length: { control: { type: 'range', min: 3, max: 8 } } },
  render: (args) => html`<pforte-captcha .provider=${createTestCaptchaProvider({ length: args.length })}></pforte-captcha>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The challenge: the digits, a labelled input and "Check". */
export const Challenge: Story = {
  play: async ({ canvasElement }) => {
    await find(canvasElement, '.pf-captcha-digits');
  },
};

/** Six digits. */
export const SixDigits: Story = {
  args: { length: 6 },
  play: async ({ canvasElement }) => {
    await find(canvasElement, '.pf-captcha-digits');
  },
};

/** "Check" with nothing typed: the input says what to do. */
export const NothingTyped: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, '.pf-captcha-test button');
    await until('the error', () => canvasElement.querySelector('input[aria-invalid="true"]') !== null);
  },
};

/** A wrong answer: it says so and shows new digits; focus stays in the input. */
export const WrongAnswer: Story = {
  play: async ({ canvasElement }) => {
    await answerTestCaptcha(canvasElement, { wrong: true });
  },
};

/** Solved: a tick and "Security check passed"; the element now holds the token. */
export const Solved: Story = {
  play: async ({ canvasElement }) => {
    await answerTestCaptcha(canvasElement);
  },
};

/** The provider could not load its challenge: the element says so and offers "Try again". */
export const CouldNotLoad: Story = {
  render: () => html`<pforte-captcha .provider=${unreachableProvider}></pforte-captcha>`,
  play: async ({ canvasElement }) => {
    await find(canvasElement, '.pf-captcha-retry');
  },
};
