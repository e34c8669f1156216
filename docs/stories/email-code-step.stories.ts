import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError } from '@pforte/elements';
import type { PforteEmailCodeStep } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, click, find, flowWithAccount, textOf, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  codeLength: number;
  resendSeconds: number;
  email: string;
  optional: boolean;
  canGoBack: boolean;
}

const codeField = 'pforte-code-input input';
const sendButton = 'button[type="submit"].pf-resend';
const resendButton = 'button[type="button"].pf-resend';

/**
 * E-mail TAN (seed 003 "emailTAN"): a one-time code goes to the address the
 * flow knows (here the account's username), the person types it. The memory
 * backend keeps the e-mail in its outbox, so a story can type the right
 * code, or a wrong one. Countdowns are shown by moving the manual clock.
 */
const meta: Meta<Args> = {
  title: 'Steps/E-mail code',
  component: 'pforte-email-code-step',
  tags: ['autodocs'],
  args: { codeLength: 6, resendSeconds: 60, email: 'anna.schmidt@example.com', optional: false, canGoBack: false },
  loaders: [flowWithAccount()],
  render: (args, { loaded }) => {
    const { adapter, flowId, clock } = loaded as StartedFlow;
    return html`<pforte-email-code-step
      .adapter=${adapter}
      .clock=${clock}
      flow-id=${flowId}
      code-length=${args.codeLength}
      resend-seconds=${args.resendSeconds}
      email=${args.email}
      ?optional=${args.optional}
      ?can-go-back=${args.canGoBack}
    ></pforte-email-code-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function sendCode(canvasElement: HTMLElement): Promise<PforteEmailCodeStep> {
  const step = await find<PforteEmailCodeStep>(canvasElement, 'pforte-email-code-step');
  await click(canvasElement, sendButton);
  await until('the code field', () => canvasElement.querySelector(codeField) !== null);
  return step;
}

function wrongCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

const lastEmailCode = (loaded: unknown) => (loaded as StartedFlow).adapter.lastCode('email') ?? '000000';
const codeError = (root: HTMLElement) => () => textOf(root, 'form > .pf-error') !== '';

/** Before the first code: "Send code" names the address. */
export const Send: Story = {};

/** Optional, with "Back": "Activate later" is offered. */
export const OptionalWithBack: Story = { args: { optional: true, canGoBack: true } };

/** Sending: the backend has not answered yet. */
export const Sending: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('sendEmailCode', 'hang');
    await click(canvasElement, sendButton);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network` while sending. */
export const SendFailed: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('sendEmailCode', 'offline');
    await click(canvasElement, sendButton);
    await until('the alert', alertShown(canvasElement));
  },
};

/** `rate_limited`: the server says wait 42 s; "Send code" counts down from its deadline. */
export const RateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, clock } = loaded as StartedFlow;
    const now = clock.now();
    adapter.failNext('sendEmailCode', new PforteError('rate_limited', { retryAfterSeconds: 42, resendAvailableAt: now + 42_000, now }));
    await click(canvasElement, sendButton);
    await until('the alert', alertShown(canvasElement));
  },
};

/** The code was sent: enter it. The resend countdown starts at 1:00. */
export const CodeEntry: Story = {
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
    await until('0:42', () => textOf(canvasElement, resendButton).includes('0:42'));
  },
};

/** The countdown finished: a new code can be requested. */
export const CountdownFinished: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sendCode(canvasElement);
    (loaded as StartedFlow).clock.advance(60_000);
    step.refreshCountdown();
    await until('the resend button', () => canvasElement.querySelector(resendButton)?.getAttribute('aria-disabled') === null);
  },
};

/** Checking the code: the backend has not answered yet. */
export const Verifying: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    (loaded as StartedFlow).adapter.failNext('verifyEmailCode', 'hang');
    await typeInto(canvasElement, codeField, lastEmailCode(loaded));
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `code.invalid` with attempts left: the message says how many. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    await typeInto(canvasElement, codeField, wrongCode(lastEmailCode(loaded)));
    await until('the code error', codeError(canvasElement));
  },
};

/** `code.expired`: the right code, but after its 10 minutes. */
export const ExpiredCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sendCode(canvasElement);
    (loaded as StartedFlow).clock.advance(11 * 60_000);
    step.refreshCountdown();
    await typeInto(canvasElement, codeField, lastEmailCode(loaded));
    await until('the code error', codeError(canvasElement));
  },
};

/** `code.max_attempts`: the last allowed wrong try killed the code; only a new code helps. */
export const TooManyAttempts: Story = {
  loaders: [flowWithAccount({ maxCodeAttempts: 1 })],
  play: async ({ canvasElement, loaded }) => {
    await sendCode(canvasElement);
    await typeInto(canvasElement, codeField, wrongCode(lastEmailCode(loaded)));
    await until('the code error', codeError(canvasElement));
  },
};

/** Eight-digit codes, 30 s between codes. */
export const EightDigitCode: Story = {
  args: { codeLength: 8, resendSeconds: 30 },
  loaders: [flowWithAccount({ emailCodeLength: 8, resendSeconds: 30 })],
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement);
  },
};
