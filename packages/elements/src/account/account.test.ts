import { expect, fixture, html } from '@open-wc/testing';
import { createManualClock } from '@pforte/core';
import type { ManualClock, PforteConfigInput } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/account.js';
import type { PforteAccount } from './account.js';
import type { PforteAccountChangeDetail, PforteErrorDetail } from '../events.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, focusedName, press, tabTo, type, until } from '../../test/helpers.js';

const password = 'Zahnarzt#Praxis2026';

function practiceConfig(managedBy: 'members' | 'master' = 'members'): PforteConfigInput {
  return {
    id: 'practice',
    product: 'Praxisportal',
    signInUrl: '/anmelden',
    signIn: {},
    steps: [
      'credentials',
      { id: 'profile', fields: { firstName: 'required', lastName: 'required' } },
      { id: 'organization', maxMembers: 3, managedBy },
    ],
    // The organization alone: the settings sections have tests of their own.
    account: { sections: ['organization'] },
  };
}

/** A practice founded by anna, with a request to join by ben (and, with `members`, ben approved and carla asking). */
async function practice(clock: ManualClock, managedBy: 'members' | 'master' = 'members') {
  const config = practiceConfig(managedBy);
  const adapter = createMemoryAdapter({ clock, products: { practice: config } });
  const register = async (username: string, firstName: string, mode: 'register' | 'join') => {
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'practice' });
    await adapter.submitCredentials({ flowId, username, password });
    await adapter.submitProfile({ flowId, profile: { firstName, lastName: 'Muster' } });
    if (mode === 'register') await adapter.registerOrganization({ flowId, name: 'Praxis Sonnenschein', postalCode: '10115', customerNumber: '12345' });
    else await adapter.joinOrganization({ flowId, customerNumber: '12345', postalCode: '10115' });
    return (await adapter.complete({ flowId })).accountId;
  };
  const anna = await register('anna@praxis.example', 'Anna', 'register');
  const ben = await register('ben@praxis.example', 'Ben', 'join');
  return { adapter, config, anna, ben, register };
}

async function signIn(adapter: MemoryAdapter, identifier: string) {
  const result = await adapter.signIn({ identifier, password, locale: 'en', product: 'practice' });
  expect(result.status).to.equal('signedIn');
}

async function mount(adapter: MemoryAdapter, clock: ManualClock, config: PforteConfigInput, locale = 'en') {
  const changes: PforteAccountChangeDetail[] = [];
  const errors: PforteErrorDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-account-change=${(event: CustomEvent<PforteAccountChangeDetail>) => changes.push(event.detail)}
    @pforte-error=${(event: CustomEvent<PforteErrorDetail>) => errors.push(event.detail)}
  >
    <pforte-account .config=${config} .adapter=${adapter} .clock=${clock} locale=${locale}></pforte-account>
  </div>`);
  const element = wrapper.querySelector('pforte-account')!;
  await until(() => element.querySelector('h2'), 'the account heading');
  return { element, changes, errors };
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function region(element: Element, name: string): HTMLElement {
  const found = [...element.querySelectorAll<HTMLElement>('section[aria-labelledby]')].find(
    (section) => document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent?.trim() === name,
  );
  if (!found) throw new Error(`No region "${name}"`);
  return found;
}

function listTexts(element: Element, heading: string): string[] {
  const id = [...element.querySelectorAll('h4')].find((candidate) => candidate.textContent?.trim() === heading)?.id;
  const list = id ? element.querySelector(`ul[aria-labelledby="${id}"]`) : null;
  return [...(list?.querySelectorAll(':scope > li') ?? [])].map(text);
}

function status(element: Element): string {
  return [...element.querySelectorAll('[role="status"]')].map(text).join(' ');
}

function alertText(element: Element): string {
  return [...element.querySelectorAll('[role="alert"]')].map(text).join(' ').trim();
}

describe('<pforte-account>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('without a session says so and links the sign-in page', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    const { element } = await mount(adapter, clock, config);
    expect(text(element.querySelector('h2')!)).to.equal('Your account');
    expect(text(element)).to.contain('Please sign in to see your account.');
    expect(element.querySelector('a[href="/anmelden"]')?.textContent?.trim()).to.equal('Sign in');
    await expect(element).to.be.accessible();
  });

  it('shows a member the organization: the request with what the requester entered, the members, the places', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    const { element } = await mount(adapter, clock, config);
    expect(text(element)).to.contain('Signed in as anna@praxis.example.');
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Requests to join').length === 1, 'the request');
    expect(listTexts(organization, 'Requests to join')[0]).to.contain('Ben Muster').and.contain('ben@praxis.example');
    expect(listTexts(organization, 'Members')).to.have.length(1);
    expect(listTexts(organization, 'Members')[0]).to.contain('anna@praxis.example').and.contain('(you)').and.contain('Master user');
    expect(text(organization)).to.contain('2 of 3 places taken');
    await expect(element).to.be.accessible();
  });

  it('approves a request by keyboard: the requester becomes a member, is told by e-mail, and focus stays in the section', async () => {
    const clock = createManualClock();
    const { adapter, config, ben } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    const { element, changes } = await mount(adapter, clock, config);
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Requests to join').length === 1, 'the request');
    element.querySelector('h2')!.focus();
    await tabTo('Approve Ben Muster');
    await press('Enter');
    await until(() => listTexts(organization, 'Members').length === 2, 'ben among the members');
    expect(text(organization)).to.contain('There are no open requests.');
    expect(status(organization)).to.contain('Ben Muster is now a member.');
    expect(focusedName()).to.equal('Requests to join');
    expect(changes).to.deep.equal([{ section: 'organization', change: 'approve', accountId: ben }]);
    expect(adapter.outbox.at(-1)?.to).to.equal('ben@praxis.example');
    expect(adapter.accounts.find((account) => account.accountId === ben)?.organization?.status).to.equal('member');
    await expect(element).to.be.accessible();
  });

  it('asks before denying; Escape keeps the request and returns focus, "Deny request" denies it', async () => {
    const clock = createManualClock();
    const { adapter, config, ben } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    const { element, changes } = await mount(adapter, clock, config);
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Requests to join').length === 1, 'the request');
    byButton(organization, 'Deny Ben Muster').focus();
    await press('Enter');
    await until(() => organization.querySelector('[role="group"]'), 'the confirmation');
    expect(focusedName()).to.contain('Deny the request of Ben Muster?');
    await expect(element).to.be.accessible();
    await press('Escape');
    await until(() => !organization.querySelector('[role="group"]'), 'the confirmation closed');
    expect(focusedName()).to.equal('Deny Ben Muster');
    await press('Enter');
    await until(() => organization.querySelector('[role="group"]'), 'the confirmation again');
    await tabTo('Deny request');
    await press('Enter');
    await until(() => listTexts(organization, 'Requests to join').length === 0, 'the request gone');
    expect(listTexts(organization, 'Members')).to.have.length(1);
    expect(changes).to.deep.equal([{ section: 'organization', change: 'deny', accountId: ben }]);
    expect(adapter.accounts.find((account) => account.accountId === ben)?.organization?.status).to.equal('denied');
  });

  it('removes a member after the confirmation and, once the sign-in is old, the current password', async () => {
    const clock = createManualClock();
    const { adapter, config, ben } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    await adapter.decideJoinRequest({ accountId: ben, approve: true, locale: 'en' });
    clock.advance(11 * 60_000);
    const { element, changes } = await mount(adapter, clock, config);
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Members').length === 2, 'both members');
    byButton(organization, 'Remove ben@praxis.example').focus();
    await press('Enter');
    await until(() => organization.querySelector('[role="group"]'), 'the confirmation');
    await tabTo('Remove member');
    await press('Enter');
    await until(() => organization.querySelector('form.pf-reauth'), 'the password asked for');
    expect(focusedName()).to.equal('Current password');
    await expect(element).to.be.accessible();
    await type('not the password');
    await press('Enter');
    await until(() => text(organization).includes('The password is not correct. Attempts left: 4.'), 'the wrong password answered');
    expect(focusedName()).to.equal('Current password');
    expect(listTexts(organization, 'Members')).to.have.length(2);
    await expect(element).to.be.accessible();
    byLabel(organization, 'Current password').select();
    await type(password);
    await press('Enter');
    await until(() => listTexts(organization, 'Members').length === 1, 'ben removed');
    expect(status(organization)).to.contain('ben@praxis.example was removed from the organization.');
    expect(focusedName()).to.equal('Members');
    expect(changes).to.deep.equal([{ section: 'organization', change: 'remove', accountId: ben }]);
    expect(adapter.auditLog().map((event) => event.action)).to.deep.equal(['organization.approve', 'organization.remove']);
  });

  it('invites a new user by e-mail until the places are taken; the e-mail links to the page that sets a password', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    const { element, changes } = await mount(adapter, clock, { ...config, signIn: { forgotPasswordUrl: '/passwort-setzen' } });
    const organization = region(element, 'Your organization');
    await until(() => organization.querySelector('form'), 'the invitation form');
    await expect(element).to.be.accessible();
    byLabel(organization, 'E-mail address of the new user').focus();
    await press('Enter');
    await until(() => text(organization).includes('Please enter the e-mail address of the new user.'), 'the missing address');
    expect(focusedName()).to.equal('E-mail address of the new user');
    await type('ben@praxis.example');
    await press('Enter');
    // Ben has an account already (his request to join): the address is refused at the field.
    await until(() => byLabel(organization, 'E-mail address of the new user').getAttribute('aria-invalid') === 'true', 'the address refused');
    expect(focusedName()).to.equal('E-mail address of the new user');
    await expect(element).to.be.accessible();
    byLabel(organization, 'E-mail address of the new user').select();
    await type('clara@praxis.example');
    await press('Enter');
    await until(() => listTexts(organization, 'Members').length === 2, 'clara among the members');
    expect(status(organization)).to.contain('An invitation was sent to clara@praxis.example.');
    expect(text(organization)).to.contain('3 of 3 places taken');
    expect(text(organization)).to.contain('All places are taken.');
    expect(organization.querySelector('form')).to.equal(null);
    expect(focusedName()).to.equal('Invite a new user');
    const invitation = adapter.outbox.at(-1)!;
    expect(invitation.to).to.equal('clara@praxis.example');
    expect(invitation.link).to.match(new RegExp(`^${location.origin}/passwort-setzen#pforte-reset-token=`));
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include({ section: 'organization', change: 'invite' });
    await expect(element).to.be.accessible();
  });

  it("asks for the account's SMS code after the password before a removal, as the sign-in does", async () => {
    const clock = createManualClock();
    // The open product: every step, so the founder registers with an SMS second factor.
    const adapter = createMemoryAdapter({ clock });
    const register = async (username: string, mode: 'register' | 'join') => {
      const { flowId } = await adapter.startRegistration({ locale: 'en' });
      await adapter.submitCredentials({ flowId, username, password });
      if (mode === 'register') {
        await adapter.registerOrganization({ flowId, name: 'Praxis Sonnenschein', postalCode: '10115', customerNumber: '12345' });
        await adapter.chooseSecondFactor({ flowId, method: 'sms' });
        await adapter.sendSmsCode({ flowId, phone: '+4915112345678' });
        await adapter.verifySmsCode({ flowId, code: adapter.lastCode()! });
      } else {
        await adapter.joinOrganization({ flowId, customerNumber: '12345', postalCode: '10115' });
      }
      return (await adapter.complete({ flowId })).accountId;
    };
    await register('anna@praxis.example', 'register');
    const ben = await register('ben@praxis.example', 'join');
    clock.advance(60_000);
    const first = await adapter.signIn({ identifier: 'anna@praxis.example', password, locale: 'en' });
    expect(first.status).to.equal('secondFactor');
    await adapter.verifySignInCode({ signInId: (first as { signInId: string }).signInId, code: adapter.lastCode()! });
    await adapter.decideJoinRequest({ accountId: ben, approve: true, locale: 'en' });
    clock.advance(11 * 60_000);
    const { element } = await mount(adapter, clock, { signIn: {}, steps: ['credentials', { id: 'organization' }] });
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Members').length === 2, 'both members');
    byButton(organization, 'Remove ben@praxis.example').click();
    await until(() => organization.querySelector('[role="group"] button.pf-primary'), 'the confirmation');
    organization.querySelector<HTMLButtonElement>('[role="group"] button.pf-primary')!.click();
    await until(() => organization.querySelector('form.pf-reauth'), 'the password asked for');
    await type(password);
    await press('Enter');
    await until(() => organization.querySelector('.pf-reauth pforte-code-input input') === document.activeElement, 'the code asked for');
    expect(text(organization)).to.contain('by SMS to your mobile number');
    await expect(element).to.be.accessible();
    await type(adapter.lastCode()!);
    await until(() => listTexts(organization, 'Members').length === 1, 'ben removed');
    expect(status(organization)).to.contain('ben@praxis.example was removed from the organization.');
  });

  it('lets a plain member see but not decide where the master user manages the organization', async () => {
    const clock = createManualClock();
    const { adapter, config, ben, register } = await practice(clock, 'master');
    await signIn(adapter, 'anna@praxis.example');
    await adapter.decideJoinRequest({ accountId: ben, approve: true, locale: 'en' });
    await register('carla@praxis.example', 'Carla', 'join');
    await signIn(adapter, 'ben@praxis.example');
    const { element } = await mount(adapter, clock, config);
    const organization = region(element, 'Your organization');
    await until(() => listTexts(organization, 'Requests to join').length === 1, "carla's request");
    expect(text(organization)).to.contain('The master user decides on requests and members.');
    expect(organization.querySelectorAll('li button')).to.have.length(0);
    expect(organization.querySelector('form'), 'no invitation form').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it("shows the video consultation's settings: visibility, second factor, service PIN and password, each its registration step's element", async () => {
    const clock = createManualClock();
    const config: PforteConfigInput = {
      id: 'video',
      product: 'Videosprechstunde',
      username: { kind: 'username' },
      signIn: {},
      steps: ['credentials', 'pin', { id: 'sms', optional: true }, { id: 'visibility', optional: true }, 'done'],
    };
    const adapter = createMemoryAdapter({ clock, products: { video: config } });
    const { flowId } = await adapter.startRegistration({ locale: 'en', product: 'video' });
    await adapter.submitCredentials({ flowId, username: 'dr.berger', password });
    await adapter.issuePin({ flowId, length: 6 });
    await adapter.confirmPinSaved({ flowId });
    await adapter.complete({ flowId });
    await adapter.signIn({ identifier: 'dr.berger', password, locale: 'en', product: 'video' });
    const { element } = await mount(adapter, clock, config);
    for (const [heading, tag] of [
      ['Two-factor authentication', 'pforte-account-second-factor'],
      ['Service PIN', 'pforte-account-pin'],
      ['Your password', 'pforte-account-password'],
    ] as const) {
      await until(() => element.querySelector(tag)?.querySelector('.pf-muted, form, button'), `${tag} shown`);
      expect(region(element, heading).querySelector(tag), heading).to.exist;
    }
    // One heading per section: the host's, or the registration step's own where the section shows it.
    await until(() => element.querySelector('pforte-account-visibility pforte-visibility-step h2'), 'the visibility step');
    const visibility = element.querySelector('section[data-section="visibility"]')!;
    expect(visibility.getAttribute('aria-label')).to.equal('Visibility in the contact search');
    const headings = [...element.querySelectorAll('h2, h3')].map((heading) => heading.textContent!.trim());
    expect(headings).to.deep.equal(['Your account', 'Visibility in the contact search', 'Two-factor authentication', 'Service PIN', 'Your password']);
    expect(element.querySelector('pforte-organization-admin'), 'no organization step, no organization section').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows no organization to a requester whose request is pending', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    await signIn(adapter, 'ben@praxis.example');
    const { element } = await mount(adapter, clock, config);
    await until(() => text(element).includes('There is nothing to manage here for your account.'), 'the empty account area');
    expect(element.querySelectorAll('section')).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('offers "Try again" when the organization does not load', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    adapter.failNext('getOrganization', 'offline');
    const { element, errors } = await mount(adapter, clock, config);
    const organization = region(element, 'Your organization');
    await until(() => alertText(organization) !== '', 'the failure');
    expect(errors).to.deep.include({ code: 'network', section: 'organization' });
    await expect(element).to.be.accessible();
    byButton(organization, 'Try again').click();
    await until(() => listTexts(organization, 'Requests to join').length === 1, 'the request after the retry');
  });

  it('names the config path of a wrong section', async () => {
    const clock = createManualClock();
    const { adapter } = await practice(clock);
    const element = await fixture<PforteAccount>(
      html`<pforte-account .config=${{ ...practiceConfig(), account: { sections: ['organisation'] } }} .adapter=${adapter} locale="en"></pforte-account>`,
    );
    await until(() => alertText(element).includes('configuration is invalid'), 'the config error');
    expect(alertText(element)).to.contain('account.sections[0]');
  });

  it('speaks German and passes axe in dark mode', async () => {
    const clock = createManualClock();
    const { adapter, config } = await practice(clock);
    await signIn(adapter, 'anna@praxis.example');
    const { element } = await mount(adapter, clock, config, 'de');
    element.style.colorScheme = 'dark';
    await until(() => text(element.querySelector('h2')!) === 'Ihr Konto', 'the German heading');
    const organization = region(element, 'Ihre Organisation');
    await until(() => listTexts(organization, 'Beitrittsanfragen').length === 1, 'the German request list');
    expect(text(organization)).to.contain('Ben Muster freigeben');
    await expect(element).to.be.accessible();
  });
});
