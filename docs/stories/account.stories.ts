import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createManualClock } from '@pforte/elements';
import type { ManualClock, PforteConfigInput } from '@pforte/elements';
import '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import { click, find, typeInto, until } from './support/drive.js';

/** What the loader hands to a story: a memory backend on a manual clock with a practice, and who is signed in. */
interface AccountBackend {
  adapter: MemoryAdapter;
  clock: ManualClock;
}

const password = 'Zahnarzt#Praxis2026';

/** The dental portal (seed 000) with names in the profile: at most 3 people per practice here, so "full" is near. */
function practiceConfig(managedBy: 'members' | 'master' = 'members'): PforteConfigInput {
  return {
    id: 'praxisportal',
    product: 'Praxisportal',
    signInUrl: '/anmelden',
    signIn: { forgotPasswordUrl: '/passwort-setzen' },
    steps: ['credentials', { id: 'profile', fields: { firstName: 'required', lastName: 'required' } }, { id: 'organization', maxMembers: 3, managedBy }],
  };
}

/**
 * Anna Keller founded "Zahnarztpraxis Keller"; Ben Roth asked to join. With
 * `approved`, Ben is a member and Clara Berg asks next. `signedIn` names who
 * is signed in (nobody without it).
 */
function practice({ signedIn, approved = false, managedBy = 'members' }: { signedIn?: string; approved?: boolean; managedBy?: 'members' | 'master' }) {
  return async (): Promise<AccountBackend> => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, products: { praxisportal: practiceConfig(managedBy) } });
    const register = async (username: string, firstName: string, lastName: string, mode: 'register' | 'join') => {
      const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'praxisportal' });
      await adapter.submitCredentials({ flowId, username, password });
      await adapter.submitProfile({ flowId, profile: { firstName, lastName } });
      if (mode === 'register') await adapter.registerOrganization({ flowId, name: 'Zahnarztpraxis Keller', postalCode: '53227', customerNumber: 'K-2026' });
      else await adapter.joinOrganization({ flowId, customerNumber: 'K-2026', postalCode: '53227' });
      return (await adapter.complete({ flowId })).accountId;
    };
    await register('anna.keller@zahnarzt-keller.de', 'Anna', 'Keller', 'register');
    const ben = await register('ben.roth@zahnarzt-keller.de', 'Ben', 'Roth', 'join');
    const signIn = (identifier: string) => adapter.signIn({ identifier, password, locale: 'de', product: 'praxisportal' });
    if (approved) {
      await signIn('anna.keller@zahnarzt-keller.de');
      await adapter.decideJoinRequest({ accountId: ben, approve: true, locale: 'de' });
      await register('clara.berg@zahnarzt-keller.de', 'Clara', 'Berg', 'join');
    }
    if (signedIn) await signIn(signedIn);
    return { adapter, clock };
  };
}

/**
 * The account area of a signed-in person, configured like the sign-up (the
 * same product config; `account.sections` lists the sections, here the
 * product's default: the organization, for its members), against a memory
 * backend. Every state is reached by clicking and typing.
 */
const meta: Meta<{ config: PforteConfigInput }> = {
  title: 'Flow/Account',
  component: 'pforte-account',
  tags: ['autodocs'],
  args: { config: practiceConfig() },
  argTypes: { config: { control: 'object' } },
  loaders: [practice({ signedIn: 'anna.keller@zahnarzt-keller.de' })],
  render: (args, { loaded }) => {
    const { adapter, clock } = loaded as AccountBackend;
    return html`<pforte-account .config=${args.config} .adapter=${adapter} .clock=${clock}></pforte-account>`;
  },
};
export default meta;
type Story = StoryObj<{ config: PforteConfigInput }>;

const requestsShown = (root: HTMLElement) => root.querySelector('pforte-organization-admin ul') !== null;

/** A member's organization: Ben Roth's request with what he entered, the members, the places, "Invite a new user". */
export const Organization: Story = {
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
  },
};

/** Nobody is signed in: where to sign in. */
export const SignedOut: Story = {
  loaders: [practice({})],
  play: async ({ canvasElement }) => {
    await until('the sign-in link', () => canvasElement.querySelector('a[href="/anmelden"]') !== null);
  },
};

/** Ben's request is pending: his account area has his own password to change, and no organization yet. */
export const PendingRequester: Story = {
  loaders: [practice({ signedIn: 'ben.roth@zahnarzt-keller.de' })],
  play: async ({ canvasElement }) => {
    await until('his password section', () => canvasElement.querySelector('pforte-account section[data-section="password"] pforte-account-password form') !== null);
    if (canvasElement.querySelector('pforte-organization-admin')) throw new Error('a pending requester sees no organization');
  },
};

/** The organization is loading: the backend has not answered yet. */
export const Loading: Story = {
  loaders: [
    async () => {
      const loaded = await practice({ signedIn: 'anna.keller@zahnarzt-keller.de' })();
      loaded.adapter.failNext('getOrganization', 'hang');
      return loaded;
    },
  ],
  play: async ({ canvasElement }) => {
    await until('the loading state', () => canvasElement.querySelector('pforte-organization-admin [aria-busy="true"]') !== null);
  },
};

/** The organization did not load (`network`): the alert and "Try again". */
export const LoadFailed: Story = {
  loaders: [
    async () => {
      const loaded = await practice({ signedIn: 'anna.keller@zahnarzt-keller.de' })();
      loaded.adapter.failNext('getOrganization', 'offline');
      return loaded;
    },
  ],
  play: async ({ canvasElement }) => {
    await until('the alert', () => (canvasElement.querySelector('pforte-organization-admin .pf-alert')?.textContent ?? '').trim() !== '');
  },
};

/** "Deny": the question before the request is denied. */
export const ConfirmDeny: Story = {
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
    const deny = [...canvasElement.querySelectorAll<HTMLButtonElement>('pforte-organization-admin li button')].find((button) => !button.classList.contains('pf-primary'))!;
    deny.click();
    await until('the question', () => canvasElement.querySelector('pforte-organization-admin [role="group"]') !== null);
  },
};

/** Approved: Ben is a member, the request list is empty, the practice is full. */
export const Approved: Story = {
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
    await click(canvasElement, 'pforte-organization-admin li button.pf-primary');
    await until('two members', () => canvasElement.querySelectorAll('pforte-organization-admin ul li').length === 2);
  },
};

/** Removing a member after the sign-in is older than `signIn.reauthMinutes`: the current password first. */
export const RemoveNeedsPassword: Story = {
  loaders: [
    async () => {
      const loaded = await practice({ signedIn: 'anna.keller@zahnarzt-keller.de', approved: true })();
      loaded.clock.advance(11 * 60_000);
      return loaded;
    },
  ],
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
    const remove = [...canvasElement.querySelectorAll<HTMLButtonElement>('pforte-organization-admin li button')].at(-1)!;
    remove.click();
    await until('the question', () => canvasElement.querySelector('pforte-organization-admin [role="group"] button.pf-primary') !== null);
    await click(canvasElement, 'pforte-organization-admin [role="group"] button.pf-primary');
    await until('the password', () => canvasElement.querySelector('pforte-organization-admin form.pf-reauth') !== null);
  },
};

/** A wrong current password: the attempts left; nobody is removed. */
export const RemoveWrongPassword: Story = {
  loaders: RemoveNeedsPassword.loaders!,
  play: async (context) => {
    await RemoveNeedsPassword.play!(context);
    const { canvasElement } = context;
    await typeInto(canvasElement, 'pforte-organization-admin form.pf-reauth input[name="current-password"]', 'falsches Passwort');
    await click(canvasElement, 'pforte-organization-admin form.pf-reauth button.pf-primary');
    await until('the answer', () => canvasElement.querySelector('pforte-organization-admin input[name="current-password"]')?.getAttribute('aria-invalid') === 'true');
  },
};

/** An invitation by e-mail: the invited user takes the last place at once. */
export const Invited: Story = {
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
    await typeInto(canvasElement, 'pforte-organization-admin input[name="invite-email"]', 'dora.lang@zahnarzt-keller.de');
    await click(canvasElement, 'pforte-organization-admin form button.pf-primary');
    await until('the full practice', () => canvasElement.querySelector('pforte-organization-admin input[name="invite-email"]') === null);
  },
};

/** Where the master user manages (`managedBy: 'master'`), a plain member sees the lists but decides nothing. */
export const PlainMemberWhereMasterManages: Story = {
  args: { config: practiceConfig('master') },
  loaders: [practice({ signedIn: 'ben.roth@zahnarzt-keller.de', approved: true, managedBy: 'master' })],
  play: async ({ canvasElement }) => {
    await until('the organization', () => requestsShown(canvasElement));
    await find(canvasElement, 'pforte-organization-admin p.pf-muted');
  },
};

/** An invalid config: the error names its path. */
export const InvalidConfig: Story = {
  args: { config: { ...practiceConfig(), account: { sections: [] } } },
  tags: ['expect-console-error'],
  play: async ({ canvasElement }) => {
    await until('the config error', () => canvasElement.querySelector('.pf-config-error') !== null);
  },
};
