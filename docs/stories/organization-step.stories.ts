import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OrganizationMode, OrganizationValues } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, click, flowWithAccount, invalid, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  modes: OrganizationMode[];
  maxMembers: number;
  mode: OrganizationMode | undefined;
  values: OrganizationValues;
  canGoBack: boolean;
}

const submit = 'form > .pf-actions button[type="submit"]';
const joinRadio = 'input[name="organizationMode"][value="join"]';

/** The practices the memory backend knows: one with room, one at the maximum of 5 users. */
const practices = [
  { name: 'Zahnarztpraxis Dr. Weber', customerNumber: 'K-10442', postalCode: '53227', members: 2 },
  { name: 'Gemeinschaftspraxis am Markt', customerNumber: 'K-20917', postalCode: '50667', members: 5 },
];

/**
 * The practice the account belongs to (the dental portal, seed 000):
 * register a new practice, or join one — joining waits for a member's
 * approval, so the done step then shows its pending state. The memory
 * backend knows practice K-10442 (postal code 53227) and the full practice
 * K-20917 (50667).
 */
const meta: Meta<Args> = {
  title: 'Steps/Organization',
  component: 'pforte-organization-step',
  tags: ['autodocs'],
  args: { modes: ['register', 'join'], maxMembers: 5, mode: undefined, values: {}, canGoBack: false },
  argTypes: {
    modes: { control: 'check', options: ['register', 'join'] },
    mode: { control: 'inline-radio', options: ['register', 'join'] },
    values: { control: 'object' },
  },
  loaders: [flowWithAccount({ organizations: practices, maxOrganizationMembers: 5 })],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-organization-step
      .adapter=${adapter}
      flow-id=${flowId}
      .modes=${args.modes}
      max-members=${args.maxMembers}
      .mode=${args.mode}
      .values=${args.values}
      ?can-go-back=${args.canGoBack}
    ></pforte-organization-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Types customer number and postal code into the join form and requests access. */
async function join(root: HTMLElement, customerNumber: string, postalCode: string): Promise<void> {
  await click(root, joinRadio);
  await typeInto(root, 'input[name="customerNumber"]', customerNumber);
  await typeInto(root, 'input[name="postalCode"]', postalCode);
  await click(root, submit);
}

/** Both modes offered; "Register a new practice" is chosen first. */
export const Register: Story = {};

/** "Join an existing practice" chosen by the person: customer number and postal code. */
export const Join: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, joinRadio);
    await until('the join form', () => canvasElement.querySelector('input[name="name"]') === null);
  },
};

/** Only joining is offered (single mode): no choice, a short explanation instead. */
export const JoinOnly: Story = { args: { modes: ['join'], canGoBack: true } };

/** Only registering is offered (single mode). */
export const RegisterOnly: Story = { args: { modes: ['register'] } };

/** Prefilled (a customer number from an earlier step), kept when switching modes. */
export const Prefilled: Story = { args: { mode: 'join', values: { customerNumber: 'K-10442' } } };

/** Submitted empty: the missing fields say so, focus moves to the first. */
export const MissingInput: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('the name error', invalid(canvasElement, 'input[name="name"]'));
  },
};

/** A postal code that is not five digits. */
export const InvalidPostalCode: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, 'input[name="name"]', 'Zahnarztpraxis Dr. Weber');
    await typeInto(canvasElement, 'input[name="postalCode"]', '5322');
    await click(canvasElement, submit);
    await until('the postal code error', invalid(canvasElement, 'input[name="postalCode"]'));
  },
};

/** Sending the request: the backend has not answered yet. */
export const Requesting: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('joinOrganization', 'hang');
    await join(canvasElement, 'K-10442', '53227');
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `organization.not_found`: no practice has this customer number and postal code. */
export const NotFound: Story = {
  play: async ({ canvasElement }) => {
    await join(canvasElement, 'K-99999', '53227');
    await until('the alert', alertShown(canvasElement));
  },
};

/** `organization.full`: the practice already has the maximum of 5 users. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    await join(canvasElement, 'K-20917', '50667');
    await until('the alert', alertShown(canvasElement));
  },
};

/** `network` while registering. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('registerOrganization', 'offline');
    await typeInto(canvasElement, 'input[name="name"]', 'Zahnarztpraxis Dr. Weber');
    await typeInto(canvasElement, 'input[name="postalCode"]', '53227');
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
