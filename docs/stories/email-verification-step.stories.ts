import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError } from '@pforte/elements';
import type { PforteEmailVerificationStep } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, find, flowWithAccount, preparedFlow, until, type StartedFlow } from './support/drive.js';

interface Args {
  resendSeconds: number;
  canGoBack: boolean;
}

const hour = 60 * 60 * 1000;
const resendButton = 'button.pf-resend';

/**
 * "Check your inbox". The step sends the e-mail by itself on connect; the
 * memory backend keeps the message (with its link) in its outbox. Following
 * the link is the page's job — `<pforte-signup>` reads the token from the URL
 * fragment and calls the step's `confirm(token)` — so the stories that follow
 * a link call `confirm` with the token from the outbox, as the host would.
 * Time moves only on the manual clock.
 */
const meta: Meta<Args> = {
  title: 'Steps/E-mail verification',
  component: 'pforte-email-verification-step',
  tags: ['autodocs'],
  args: { resendSeconds: 60, canGoBack: false },
  // The account's username is the e-mail address, so the flow knows where to send.
  loaders: [flowWithAccount()],
  render: (args, { loaded }) => {
    const { adapter, flowId, clock } = loaded as StartedFlow;
    return html`<pforte-email-verification-step
      .adapter=${adapter}
      .clock=${clock}
      flow-id=${flowId}
      resend-seconds=${args.resendSeconds}
      ?can-go-back=${args.canGoBack}
    ></pforte-email-verification-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const buttonSays = (root: HTMLElement, text: string) => () => (root.querySelector(resendButton)?.textContent ?? '').includes(text);

/** Waits until the first e-mail is out (the countdown shows 1:00) and returns the step. */
async function sent(canvasElement: HTMLElement): Promise<PforteEmailVerificationStep> {
  const step = await find<PforteEmailVerificationStep>(canvasElement, 'pforte-email-verification-step');
  await until('the e-mail sent', buttonSays(canvasElement, '1:00'));
  return step;
}

/** The token of the latest link in the outbox (`…#pforte-email-token=…`). */
function latestToken({ adapter }: StartedFlow): string {
  return adapter.lastEmailLink()?.split('#pforte-email-token=')[1] ?? '';
}

/** Sent: the address, the link's validity, the spam-folder hint; resending counts down from 1:00. */
export const Sent: Story = {
  play: async ({ canvasElement }) => {
    await sent(canvasElement);
  },
};

/** With "Back" to the previous step. */
export const SentWithBack: Story = {
  args: { canGoBack: true },
  play: async ({ canvasElement }) => {
    await sent(canvasElement);
  },
};

/** Sending the first e-mail: the backend has not answered yet. */
export const Sending: Story = {
  loaders: [preparedFlow({}, ({ adapter }) => adapter.failNext('sendVerificationEmail', 'hang'), { account: true })],
};

/** The countdown running, 42 s left (the manual clock moved 18 s). */
export const CountdownAt42Seconds: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sent(canvasElement);
    (loaded as StartedFlow).clock.advance(18_000);
    step.refreshCountdown();
    await until('0:42', buttonSays(canvasElement, '0:42'));
  },
};

/** The countdown finished: "Resend e-mail" is available (and was announced). */
export const ResendAvailable: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sent(canvasElement);
    (loaded as StartedFlow).clock.advance(60_000);
    step.refreshCountdown();
    await until('the resend button', () => canvasElement.querySelector(resendButton)?.getAttribute('aria-disabled') === null);
  },
};

/** Sending failed (`network`): the alert says so; "Send e-mail" tries again. */
export const SendFailed: Story = {
  loaders: [preparedFlow({}, ({ adapter }) => adapter.failNext('sendVerificationEmail', 'offline'), { account: true })],
  play: async ({ canvasElement }) => {
    await until('the alert', alertShown(canvasElement));
  },
};

/** `rate_limited`: the backend refuses another e-mail for 42 s; the button counts down from its deadline. */
export const RateLimited: Story = {
  loaders: [
    preparedFlow(
      {},
      ({ adapter, clock }) => {
        const now = clock.now();
        adapter.failNext('sendVerificationEmail', new PforteError('rate_limited', { retryAfterSeconds: 42, resendAvailableAt: now + 42_000, now }));
      },
      { account: true },
    ),
  ],
  play: async ({ canvasElement }) => {
    await until('the alert', alertShown(canvasElement));
  },
};

/** `link.expired`: the link was opened after its 24 hours. It says so, and a new e-mail can be sent right away. */
export const ExpiredLink: Story = {
  play: async ({ canvasElement, loaded }) => {
    const flow = loaded as StartedFlow;
    const step = await sent(canvasElement);
    flow.clock.advance(25 * hour);
    step.refreshCountdown();
    await step.confirm(latestToken(flow));
    await until('the alert', alertShown(canvasElement));
  },
};

/** `link.invalid`: the token in the link is unknown (e.g. cut off when copied). */
export const InvalidLink: Story = {
  play: async ({ canvasElement }) => {
    const step = await sent(canvasElement);
    await step.confirm('abgeschnittener-link');
    await until('the alert', alertShown(canvasElement));
  },
};

/** `link.used`: a link of this registration was already followed (e.g. in another tab). */
export const UsedLink: Story = {
  play: async ({ canvasElement, loaded }) => {
    const flow = loaded as StartedFlow;
    const step = await sent(canvasElement);
    const token = latestToken(flow);
    await flow.adapter.confirmEmail({ token });
    await step.confirm(token);
    await until('the alert', alertShown(canvasElement));
  },
};

/** The link was followed: the address is confirmed and the step is done. */
export const Confirmed: Story = {
  play: async ({ canvasElement, loaded }) => {
    const step = await sent(canvasElement);
    await step.confirm(latestToken(loaded as StartedFlow));
    await until('confirmed', () => canvasElement.querySelector('p[role="status"]:not(.pf-visually-hidden)') !== null);
  },
};
