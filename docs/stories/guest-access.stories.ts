import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock } from '@pforte/elements';
import type { ManualClock, PforteConfigInput, PforteGuestAccess } from '@pforte/elements';
import '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import { find, typeInto, until } from './support/drive.js';

interface Loaded {
  adapter: MemoryAdapter;
  clock: ManualClock;
  /** The invitation's token from the link, and the code from the e-mail. */
  invitation: string;
  code: string;
}

/** Seed 004's video consultation: guests by TAN, three wrong codes allowed. */
const products = {
  'patient-video-app': { product: 'Smart Practice', steps: ['credentials'], signIn: { guestAccess: { maxAttempts: 3 } } },
} satisfies Record<string, PforteConfigInput>;

/** A memory backend on a manual clock, and a guest invitation the practice sent. */
async function invitedGuest(): Promise<Loaded> {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, products });
  await adapter.inviteGuest({ product: 'patient-video-app', email: 'ben.berger@example.com', name: 'Ben Berger', returnUrl: location.href });
  const mail = adapter.outbox.at(-1)!;
  return { adapter, clock, invitation: new URL(mail.link!).hash.split('=')[1]!, code: mail.code! };
}

const codeField = 'pforte-code-input input';
const wrongCode = (code: string) => [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');

/**
 * "Anmeldung mit TAN" (seed 004): a guest joins a video consultation
 * without an account, with the invitation link the practice e-mailed (the
 * invitation in its fragment) and the one-time code. The stories open the
 * invitation with `open(token)`, as the fragment does on a real page.
 */
const meta: Meta = {
  title: 'Sign-in/Guest access',
  component: 'pforte-guest-access',
  tags: ['autodocs'],
  loaders: [invitedGuest],
  render: (_args, { loaded }) =>
    html`<pforte-guest-access .adapter=${(loaded as Loaded).adapter} product="patient-video-app"></pforte-guest-access>`,
};
export default meta;
type Story = StoryObj;

async function opened(canvasElement: HTMLElement, loaded: unknown): Promise<PforteGuestAccess> {
  const element = await find<PforteGuestAccess>(canvasElement, 'pforte-guest-access');
  await element.open((loaded as Loaded).invitation);
  return element;
}

/** No invitation in the URL: the page asks for the link from the e-mail. */
export const NoInvitation: Story = {};

/** Opening the invitation: the backend has not answered yet. */
export const Opening: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, invitation } = loaded as Loaded;
    adapter.failNext('openGuestInvitation', 'hang');
    const element = await find<PforteGuestAccess>(canvasElement, 'pforte-guest-access');
    void element.open(invitation);
    await until('opening', () => element.currentStage === 'opening');
  },
};

/** `network` while opening: "Try again". */
export const OpenFailed: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).adapter.failNext('openGuestInvitation', 'offline');
    await opened(canvasElement, loaded);
  },
};

/** The invitation is open: enter the code from the e-mail. */
export const CodeEntry: Story = {
  play: async ({ canvasElement, loaded }) => {
    await opened(canvasElement, loaded);
  },
};

/** Guest code wrong: attempts left. */
export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = await opened(canvasElement, loaded);
    await typeInto(canvasElement, codeField, wrongCode((loaded as Loaded).code));
    await until('the code error', () => (element.querySelector('form > .pf-error')?.textContent ?? '') !== '');
  },
};

/** Too many wrong codes: the invitation is blocked; ask the practice for a new one. */
export const Blocked: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, invitation, code } = loaded as Loaded;
    for (let attempt = 0; attempt < 3; attempt++) await adapter.signInAsGuest({ invitation, code: wrongCode(code) }).catch(() => undefined);
    const element = await opened(canvasElement, loaded);
    await until('blocked', () => element.currentStage === 'blocked');
  },
};

/** Guest invitation expired (after its 24 hours). */
export const Expired: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as Loaded).clock.advance(24 * 60 * 60_000);
    await opened(canvasElement, loaded);
  },
};

/** Used as often as it allows (once). */
export const UsedUp: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { adapter, invitation, code } = loaded as Loaded;
    await adapter.signInAsGuest({ invitation, code });
    await opened(canvasElement, loaded);
  },
};

/** Signed in as a guest. */
export const SignedIn: Story = {
  play: async ({ canvasElement, loaded }) => {
    const element = await opened(canvasElement, loaded);
    await typeInto(canvasElement, codeField, (loaded as Loaded).code);
    await until('signed in', () => element.currentStage === 'done');
  },
};
