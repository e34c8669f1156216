import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteAdapter } from '@pforte/core';
import '../define/invitation-step.js';
import type { PforteInvitationStep } from './invitation-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, press, until } from '../../test/helpers.js';

const day = 24 * 60 * 60 * 1000;

async function setup() {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  const valid = adapter.createInvitation({
    email: 'anna.schmidt@praxis-schmidt.de',
    salutation: 'Frau',
    title: 'Dr.',
    firstName: 'Anna',
    lastName: 'Schmidt',
    organization: 'Zahnarztpraxis Schmidt',
    invitedBy: 'Max Muster',
    validityDays: 14,
  });
  const expired = adapter.createInvitation({ email: 'late@example.com', createdAt: clock.now() - 15 * day, validityDays: 14 });
  const used = adapter.createInvitation({ email: 'used@example.com', used: true });
  return { adapter, flowId, clock, tokens: { valid, expired, used } };
}

async function invitationStep(adapter: PforteAdapter, flowId: string, token: string, extra: Partial<PforteInvitationStep> = {}) {
  const step = await fixture<PforteInvitationStep>(html`
    <pforte-invitation-step
      .adapter=${adapter}
      flow-id=${flowId}
      token=${token}
      sign-in-url="https://example.com/login"
      support-url="https://example.com/support"
    ></pforte-invitation-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

function heading(step: PforteInvitationStep): string {
  return step.querySelector('h2')!.textContent!.trim();
}

function text(step: PforteInvitationStep): string {
  return step.textContent!.replace(/\s+/g, ' ');
}

/** Error codes reported from now on (listening on the document, as the step may report before the fixture resolves). */
function collectErrors(): { codes: string[]; stop: () => void } {
  const codes: string[] = [];
  const listener = (event: Event) => codes.push((event as CustomEvent<{ code: string }>).detail.code);
  document.addEventListener('pforte-error', listener);
  return { codes, stop: () => document.removeEventListener('pforte-error', listener) };
}

async function settled(step: PforteInvitationStep) {
  await until(() => !step.querySelector('[aria-busy="true"]'), 'the link was checked');
  await step.updateComplete;
}

describe('<pforte-invitation-step>', () => {
  before(() => setLocale('en'));

  it('is accessible while checking and in every outcome', async () => {
    const { adapter, flowId, tokens } = await setup();
    const hanging = createMemoryAdapter();
    const { flowId: hangingFlow } = await hanging.startRegistration({ locale: 'en' });
    hanging.failNext('openInvitation', 'hang');
    const loading = await invitationStep(hanging, hangingFlow, 'whatever');
    expect(loading.querySelector('[role="status"]')!.textContent).to.include('Checking your registration link…');
    await expect(loading).to.be.accessible();
    for (const token of [tokens.valid, tokens.expired, tokens.used, 'not-a-token']) {
      const step = await invitationStep(adapter, flowId, token);
      await settled(step);
      await expect(step).to.be.accessible();
    }
    adapter.failNext('openInvitation', 'offline');
    const failed = await invitationStep(adapter, flowId, tokens.valid);
    await settled(failed);
    await expect(failed).to.be.accessible();
  });

  it('welcomes the person with the invitation details and continues with them (never the token)', async () => {
    const { adapter, flowId, tokens } = await setup();
    const step = await invitationStep(adapter, flowId, tokens.valid, { product: 'Videosprechstunde' });
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-error']) step.addEventListener(name, (event) => events.push(event as CustomEvent));
    await settled(step);
    expect(heading(step)).to.equal('Welcome');
    expect(text(step)).to.include('Registration for Videosprechstunde');
    expect(text(step)).to.include('Max Muster has invited you to register.');
    const rows = [...step.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]);
    expect(rows).to.deep.equal([
      ['Name', 'Frau Dr. Anna Schmidt'],
      ['E-mail address', 'anna.schmidt@praxis-schmidt.de'],
      ['Organization', 'Zahnarztpraxis Schmidt'],
    ]);
    expect(text(step)).to.include('This registration link is valid until January 15, 2026.');
    expect(step.contains(document.activeElement), 'no focus taken on page load').to.be.false;
    step.querySelector<HTMLElement>('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail).to.deep.equal({
      step: 'invitation',
      values: {
        email: 'anna.schmidt@praxis-schmidt.de',
        salutation: 'Frau',
        title: 'Dr.',
        firstName: 'Anna',
        lastName: 'Schmidt',
        organization: 'Zahnarztpraxis Schmidt',
      },
    });
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(tokens.valid);
  });

  it('leaves out what the invitation does not say', async () => {
    const { adapter, flowId } = await setup();
    const token = adapter.createInvitation({ email: 'only@example.com' });
    const step = await invitationStep(adapter, flowId, token);
    await settled(step);
    expect(text(step)).to.include('You have been invited to register.');
    expect([...step.querySelectorAll('dt')].map((dt) => dt.textContent!.trim())).to.deep.equal(['E-mail address']);
    const done = oneEvent(step, 'pforte-step-done');
    byButton(step, 'Continue').click();
    expect((await done).detail.values).to.deep.equal({ email: 'only@example.com' });
  });

  it('explains an expired link with its validity and whom to ask', async () => {
    const { adapter, flowId, tokens } = await setup();
    const errors = collectErrors();
    const step = await invitationStep(adapter, flowId, tokens.expired);
    await settled(step);
    errors.stop();
    expect(errors.codes).to.deep.equal(['link.expired']);
    expect(heading(step)).to.equal('This registration link has expired');
    expect(text(step)).to.include('This registration link was valid for 14 days and has expired.');
    expect(text(step)).to.include('Please contact our support');
    const links = [...step.querySelectorAll('a')].map((link) => [link.textContent!.trim(), link.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Contact support', 'https://example.com/support'],
      ['Already registered? Sign in', 'https://example.com/login'],
    ]);
    expect(() => byButton(step, 'Continue')).to.throw();
  });

  it('sends a person whose link was used to sign in', async () => {
    const { adapter, flowId, tokens } = await setup();
    const errors = collectErrors();
    const step = await invitationStep(adapter, flowId, tokens.used);
    await settled(step);
    errors.stop();
    expect(errors.codes).to.deep.equal(['link.used']);
    expect(heading(step)).to.equal('You are already registered');
    expect(text(step)).to.include('Please sign in');
    const signIn = step.querySelector('a')!;
    expect(signIn.textContent!.trim()).to.equal('Sign in');
    expect(signIn.getAttribute('href')).to.equal('https://example.com/login');
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(signIn);
  });

  it('says when a link is not valid, also without a token', async () => {
    const { adapter, flowId } = await setup();
    for (const token of ['no-such-token', '']) {
      const step = await invitationStep(adapter, flowId, token);
      await settled(step);
      expect(heading(step)).to.equal('This link is not valid');
      expect(text(step)).to.include('Please check that you opened the complete link');
      expect(step.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/support');
    }
  });

  it('reports the code of a missing token too', async () => {
    const { adapter, flowId } = await setup();
    const errors = collectErrors();
    const step = await invitationStep(adapter, flowId, '');
    await settled(step);
    errors.stop();
    expect(errors.codes).to.deep.equal(['link.invalid']);
  });

  it('shows no sign-in or support link without their addresses', async () => {
    const { adapter, flowId, tokens } = await setup();
    const step = await fixture<PforteInvitationStep>(html`
      <pforte-invitation-step .adapter=${adapter} flow-id=${flowId} token=${tokens.expired}></pforte-invitation-step>
    `);
    await settled(step);
    expect(step.querySelectorAll('a')).to.have.length(0);
    expect(text(step)).to.include('Please contact our support');
  });

  it('offers to try again after a network error', async () => {
    const { adapter, flowId, tokens } = await setup();
    adapter.failNext('openInvitation', 'offline');
    const step = await invitationStep(adapter, flowId, tokens.valid);
    await settled(step);
    expect(step.querySelector('[role="alert"]')!.textContent).to.include('No connection');
    byButton(step, 'Try again').focus();
    await press('Enter');
    await until(() => heading(step) === 'Welcome', 'welcome after retry');
    expect(document.activeElement).to.equal(step.querySelector('h2'));
  });

  it('checks a new token when it changes', async () => {
    const { adapter, flowId, tokens } = await setup();
    const step = await invitationStep(adapter, flowId, 'bad');
    await settled(step);
    expect(heading(step)).to.equal('This link is not valid');
    step.token = tokens.valid;
    await until(() => heading(step) === 'Welcome', 'the new token was checked');
  });

  it('speaks German (seed 001 wording)', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, tokens } = await setup();
      const step = await invitationStep(adapter, flowId, tokens.expired);
      await settled(step);
      expect(heading(step)).to.equal('Dieser Registrierungslink ist abgelaufen');
      expect(text(step)).to.include('Dieser Registrierungslink war 14 Tage gültig und ist abgelaufen.');
      expect(text(step)).to.include('Wenden Sie sich bitte an unseren Support.');
      await expect(step).to.be.accessible();
      const welcome = await invitationStep(adapter, flowId, tokens.valid, { product: 'Videosprechstunde' });
      await settled(welcome);
      expect(heading(welcome)).to.equal('Willkommen');
      expect(text(welcome)).to.include('Registrierung für Videosprechstunde');
      expect(text(welcome)).to.include('Max Muster hat Sie zur Registrierung eingeladen.');
      expect(text(welcome)).to.include('gültig bis zum 15. Januar 2026.');
    } finally {
      await setLocale('en');
    }
  });
});
