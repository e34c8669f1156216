import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError } from '@pforte/elements';
import type { PforteSmsStep } from '@pforte/elements';
import '@pforte/elements';
import { click, find, flowWithAccount, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  codeLength: number;
  resendSeconds: number;
  defaultCountry: string;
  optional: boolean;
  canGoBack: boolean;
}

const phoneField = 'pforte-phone-input input[type="tel"]';
const codeField = 'pforte-code-input input';

/**
 * SMS second factor against a memory backend on a manual clock: countdowns
 * are shown at a chosen second by moving the clock, never by waiting.
 */
const meta: Meta<Args> = {
  title: 'Steps/SMS',
  component: 'pforte-sms-step',
  tags: ['autodocs'],
  args: { codeLength: 8, resendSeconds: 60, defaultCountry: 'DE', optional: false, canGoBack: false },
  loaders: [flowWithAccount()],
  render: (args, { loaded }) => {
    const { adapter, flowId, clock } = loaded as StartedFlow;
    return html`<pforte-sms-step
      .adapter=${adapter}
      .clock=${clock}
      flow-id=${flowId}
      code-length=${args.codeLength}
      resend-seconds=${args.resendSeconds}
      default-country=${args.defaultCountry}
      ?optional=${args.optional}
      ?can-go-back=${args.canGoBack}
    ></pforte-sms-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function sendCode(canvasElement: HTMLElement): Promise<PforteSmsStep> {
  const step = await find<PforteSmsStep>(canvasElement, 'pforte-sms-step');
  await typeInto(canvasElement, phoneField, '0151 12345678');
  await click(canvasElement, 'button[type="submit"]');
  await until('the code field', () => canvasElement.querySelector(codeField) !== null);
  return step;
}

function wrongCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

const codeError = () => (document.querySelector('pforte-sms-step .pf-error')?.textContent ?? '').trim() !== '';

/** Enter the mobile number. */
export const EnterNumber: Story = {};

/** Optional (seed 001): "Activate later" is offered, and "Back". */
export const OptionalWithBack: Story = { args: { optional: true, canGoBack: true } };

/** A number that cannot be one: the field says so, the backend is not asked. */
export const InvalidNumber: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, phoneField, '0151');
    await click(canvasElement, 'button[type="submit"]');
    await until('the number error', () => (canvasElement.querySelector('pforte-phone-input .pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** Sending: the backend has not answered yet. */
export const Sending: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('sendSmsCode', 'hang');
    await typeInto(canvasElement, phoneField, '0151 12345678');
    await click(canvasElement, 'button[type="submit"]');
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network` while sending. */
export const SendNetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('sendSmsCode', 'offline');
    await typeInto(canvasElement, phoneField, '0151 12345678');
    await click(canvasElement, 'button[type="submit"]');
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** `rate_limited`: the server says wait 42 s; the button counts down from its deadline. */
export const RateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, clock } = loaded as StartedFlow;
    const now = clock.now();
    adapter.failNext('sendSmsCode', new PforteError('rate_limited', { retryAfterSeconds: 42, resendAvailableAt: now + 42_000, now }));
    await typeInto(canvasElement, phoneField, '0151 12345678');
    await click(canvasElement, 'button[type="submit"]');
    await until('the alert', () => (canvasElement.querySelector('.pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** The code was sent: enter it. The resend countdown starts at 1:00. */
export const CodeSent: Story = {
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement);
  },
};

/** The countdown running, 42 s left (the manual clock moved 18 s). */
export const CountdownAt42Seconds: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sendCode(canvasElement);
    (loaded as StartedFlow).clock.advance(18_000);
    step.refreshCountdown();
    await until('0:42', () => (canvasElement.querySelector('button.pf-resend')?.textContent ?? '').includes('0:42'));
  },
};

/** The countdown finished: a new code can be requested. */
export const CountdownFinished: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sendCode(canvasElement);
    (loaded as StartedFlow).clock.advance(60_000);
    step.refreshCountdown();
    await until('the resend button', () => canvasElement.querySelector('button.pf-resend')?.getAttribute('aria-disabled') === null);
  },
};

/** "Wrong number?": back at the number, kept for editing; the countdown goes on. */
export const WrongNumber: Story = {
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement);
    await click(canvasElement, '.pf-sent button.pf-link');
    await until('the number field', () => canvasElement.querySelector(phoneField) !== null);
  },
};

/** Checking the code: the backend has not answered yet. */
export const Verifying: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter } = loaded as StartedFlow;
    await sendCode(canvasElement);
    adapter.failNext('verifySmsCode', 'hang');
    await typeInto(canvasElement, codeField, adapter.lastCode() ?? '');
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `code.invalid` with attempts left. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter } = loaded as StartedFlow;
    await sendCode(canvasElement);
    await typeInto(canvasElement, codeField, wrongCode(adapter.lastCode() ?? '00000000'));
    await until('the code error', codeError);
  },
};

/** `code.expired`: the right code, but after its 10 minutes. */
export const ExpiredCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, clock } = loaded as StartedFlow;
    const step = await sendCode(canvasElement);
    clock.advance(11 * 60_000);
    step.refreshCountdown();
    await typeInto(canvasElement, codeField, adapter.lastCode() ?? '');
    await until('the code error', codeError);
  },
};

/** `code.max_attempts`: the last allowed wrong try killed the code; only a new code helps. */
export const TooManyAttempts: Story = {
  loaders: [flowWithAccount({ maxCodeAttempts: 1 })],
  play: async ({ canvasElement, loaded }) => {
    const { adapter } = loaded as StartedFlow;
    await sendCode(canvasElement);
    await typeInto(canvasElement, codeField, wrongCode(adapter.lastCode() ?? '00000000'));
    await until('the code error', codeError);
  },
};

/** Six-digit codes (seed 003's mobile TAN) and 30 s between codes. */
export const SixDigitCode: Story = {
  args: { codeLength: 6, resendSeconds: 30 },
  loaders: [flowWithAccount({ smsCodeLength: 6, resendSeconds: 30 })],
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement);
  },
};
