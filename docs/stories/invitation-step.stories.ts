import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import { alertShown, preparedFlow, until, type StartedFlow } from './support/drive.js';

interface Args {
  product: string;
  signInUrl: string;
  supportUrl: string;
}

/** What the loaders hand over: the flow and the registration link's token. */
interface InvitationFlow extends StartedFlow {
  token: string;
}

const day = 24 * 60 * 60 * 1000;

/** Anna Schmidt's invitation to the dental portal, as the practice sent it (seed 000). */
const annasInvitation = {
  email: 'anna.schmidt@example.com',
  salutation: 'Frau',
  title: 'Dr.',
  firstName: 'Anna',
  lastName: 'Schmidt',
  organization: 'Zahnarztpraxis Dr. Weber',
  invitedBy: 'Dr. Jonas Weber',
};

/**
 * A flow with an invitation the memory backend knows. The manual clock
 * starts at 1 January 2026, so "valid until" reads the same on every visit.
 */
function invitationFlow(details: Parameters<StartedFlow['adapter']['createInvitation']>[0] = annasInvitation) {
  return preparedFlow({}, ({ adapter }) => ({ token: adapter.createInvitation(details) }));
}

/**
 * The start of a registration from a registration link: the token is
 * checked with the backend (`adapter.openInvitation`), then the person is
 * welcomed with what the invitation knows about them. Expired, used and
 * unknown links each say what to do next.
 */
const meta: Meta<Args> = {
  title: 'Steps/Invitation',
  component: 'pforte-invitation-step',
  tags: ['autodocs'],
  args: { product: 'Zahnarztportal', signInUrl: '/anmelden', supportUrl: '/support' },
  loaders: [invitationFlow()],
  render: (args, { loaded }) => {
    const { adapter, flowId, token } = loaded as InvitationFlow;
    return html`<pforte-invitation-step
      .adapter=${adapter}
      flow-id=${flowId}
      .token=${token}
      product=${args.product}
      sign-in-url=${args.signInUrl}
      support-url=${args.supportUrl}
    ></pforte-invitation-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const welcomed = (root: HTMLElement) => () => root.querySelector('.pf-invitation-details, form') !== null;

/** A valid link: who invited the person, the details from the invitation, how long the link is valid, Continue. */
export const Valid: Story = {
  play: async ({ canvasElement }) => {
    await until('the welcome', welcomed(canvasElement));
  },
};

/** A valid link that carries only the address: no name, no inviter. */
export const ValidAddressOnly: Story = {
  loaders: [invitationFlow({ email: 'praxis@zahnarzt-beispiel.de' })],
  play: async ({ canvasElement }) => {
    await until('the welcome', welcomed(canvasElement));
  },
};

/** Checking the link: the backend has not answered yet. */
export const Loading: Story = {
  loaders: [
    preparedFlow({}, ({ adapter }) => {
      const token = adapter.createInvitation(annasInvitation);
      adapter.failNext('openInvitation', 'hang');
      return { token };
    }),
  ],
};

/** `link.expired`: the link was valid for 14 days and was opened on day 20. Support sends a new one. */
export const Expired: Story = {
  loaders: [
    preparedFlow({}, ({ adapter, clock }) => ({
      token: adapter.createInvitation({ ...annasInvitation, createdAt: clock.now() - 20 * day, validityDays: 14 }),
    })),
  ],
  play: async ({ canvasElement }) => {
    await until('the expired page', () => /14/.test(canvasElement.textContent ?? ''));
  },
};

/** `link.expired` for a product whose links live 7 days (the number comes from the backend). */
export const ExpiredSevenDays: Story = {
  loaders: [
    preparedFlow({}, ({ adapter, clock }) => ({
      token: adapter.createInvitation({ ...annasInvitation, createdAt: clock.now() - 8 * day, validityDays: 7 }),
    })),
  ],
  play: async ({ canvasElement }) => {
    await until('the expired page', () => /\b7\b/.test(canvasElement.textContent ?? ''));
  },
};

/** `link.used`: this person registered with the link already; "Sign in" is offered. */
export const Used: Story = {
  loaders: [invitationFlow({ ...annasInvitation, used: true })],
  play: async ({ canvasElement }) => {
    await until('the sign-in link', () => canvasElement.querySelector('a.pf-button') !== null);
  },
};

/** `link.invalid`: the token is unknown (e.g. the link was cut off when copied). */
export const Invalid: Story = {
  loaders: [preparedFlow({}, () => ({ token: 'abgeschnittener-link' }))],
  play: async ({ canvasElement }) => {
    await until('the invalid page', () => canvasElement.querySelector('p[role="status"]') === null && canvasElement.querySelector('a') !== null);
  },
};

/** No token at all (the page was opened without `?token=`): not valid, without asking the backend. */
export const NoToken: Story = {
  loaders: [preparedFlow({}, () => ({ token: '' }))],
};

/** Without sign-in and support addresses: the pages still say what to do, without links. */
export const ExpiredWithoutLinks: Story = {
  args: { signInUrl: '', supportUrl: '' },
  loaders: Expired.loaders,
  play: async ({ canvasElement }) => {
    await until('the expired page', () => /14/.test(canvasElement.textContent ?? ''));
  },
};

/** `network` while checking the link: the alert offers "Try again". */
export const NetworkError: Story = {
  loaders: [
    preparedFlow({}, ({ adapter }) => {
      const token = adapter.createInvitation(annasInvitation);
      adapter.failNext('openInvitation', 'offline');
      return { token };
    }),
  ],
  play: async ({ canvasElement }) => {
    await until('the alert', alertShown(canvasElement));
  },
};
