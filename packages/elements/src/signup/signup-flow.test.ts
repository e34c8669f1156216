import { expect, fixture, html } from '@open-wc/testing';
import { createManualClock, loadPhoneSupport } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteConfigInput, StepId } from '@pforte/core';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/signup.js';
import type { PforteSignup } from './signup.js';
import type { PforteStepChangeDetail } from '../events.js';
import type { PforteSmsStep } from '../sms-step/sms-step.js';
import { setLocale } from '../localization/localization.js';
import { byLabel, focusedName, press, tabTo, type, until } from '../../test/helpers.js';

const password = 'Ruhige-Praxis-2026';
const videoConsultationSteps: PforteConfigInput['steps'] = [
  'credentials',
  'pin',
  { id: 'sms', optional: true },
  'visibility',
  'done',
];

const text = {
  en: {
    username: 'Username',
    stored: 'I have stored my service PIN safely.',
    phone: 'Mobile number',
    visible: 'Show me in the contact search',
    later: 'Activate later',
    back: 'Back',
    done: 'Registration complete',
    headings: { pin: 'Your service PIN', sms: 'Two-factor authentication (optional)', visibility: 'Visibility in the contact search' },
  },
  de: {
    username: 'Benutzername',
    stored: 'Ich habe meine Service-PIN sicher verwahrt.',
    phone: 'Mobilfunknummer',
    visible: 'In der Kontaktsuche sichtbar sein',
    later: 'Später aktivieren',
    back: 'Zurück',
    done: 'Registrierung abgeschlossen',
    headings: { pin: 'Ihre Service-PIN', sms: '2-Faktor-Authentifizierung (optional)', visibility: 'Sichtbarkeit in der Kontaktsuche' },
  },
};
type Language = keyof typeof text;

async function mount(steps: PforteConfigInput['steps'], locale: Language, clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock });
  const config: PforteConfigInput = { product: 'Videosprechstunde', username: { kind: 'username' }, steps };
  const element = await fixture<PforteSignup>(html`
    <pforte-signup .config=${config} .adapter=${adapter} .clock=${clock} locale=${locale}></pforte-signup>
  `);
  await until(() => element.querySelector('pforte-credentials-step h2'), 'credentials step');
  const seen: PforteStepChangeDetail['step'][] = [];
  element.addEventListener('pforte-step-change', (event) => seen.push(event.detail.step));
  return { element, adapter, seen, clock };
}

async function onStep(step: 'pin' | 'sms' | 'visibility', language: Language) {
  const heading = text[language].headings[step];
  await until(() => document.activeElement?.textContent?.trim() === heading, `focus on the ${step} heading`);
}

async function credentials(element: PforteSignup, language: Language, username = 'dr.berger') {
  element.querySelector<HTMLInputElement>('input[name="username"]')!.focus();
  expect(focusedName()).to.equal(text[language].username);
  await type(username);
  await press('Tab');
  await type(password);
  await press('Enter');
}

async function pin(element: PforteSignup, language: Language) {
  await onStep('pin', language);
  await until(() => element.querySelector('pforte-pin-step input[type="checkbox"]'), 'PIN shown');
  await tabTo(text[language].stored);
  await press('Space');
  await press('Tab');
  await press('Enter');
}

async function sms(element: PforteSignup, adapter: MemoryAdapter, language: Language) {
  await onStep('sms', language);
  await loadPhoneSupport();
  await tabTo(text[language].phone);
  await type('01512 3456789');
  await press('Enter');
  await until(() => element.querySelector('pforte-code-input'), 'code entry');
  await until(() => document.activeElement === element.querySelector('pforte-code-input input'), 'focus on the code');
  await type(adapter.lastCode()!);
}

async function visibility(element: PforteSignup, language: Language, visible: boolean) {
  await onStep('visibility', language);
  await tabTo(text[language].visible);
  if (visible) await press('Space');
  await press('Tab');
  await press('Enter');
}

async function finished(element: PforteSignup, language: Language) {
  await until(() => element.querySelector('pforte-done-step h2')?.textContent?.trim() === text[language].done, 'done');
  await until(() => document.activeElement === element.querySelector('pforte-done-step h2'), 'focus on done');
}

describe('<pforte-signup> running configured flows by keyboard', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  for (const language of ['de', 'en'] as const) {
    it(`runs the video consultation flow (credentials → pin → sms → visibility → done) in ${language}`, async () => {
      const { element, adapter, seen } = await mount(videoConsultationSteps, language);
      let completed: Record<string, unknown> | undefined;
      element.addEventListener('pforte-complete', (event) => (completed = { ...event.detail }));
      await credentials(element, language);
      await pin(element, language);
      await sms(element, adapter, language);
      await visibility(element, language, true);
      await finished(element, language);
      expect(seen).to.deep.equal(['pin', 'sms', 'visibility', 'done']);
      expect(completed).to.include({ username: 'dr.berger', visible: true, secondFactor: 'sms' });
      expect(completed!.skipped).to.deep.equal([]);
      expect(adapter.accounts[0]).to.include({ phone: '+4915123456789', visible: true });
      await expect(element).to.be.accessible();
    });
  }

  it('runs a trimmed flow (credentials → visibility → done) with visibility left off', async () => {
    const { element, adapter, seen } = await mount(['credentials', 'visibility', 'done'], 'en');
    await credentials(element, 'en');
    await visibility(element, 'en', false);
    await finished(element, 'en');
    expect(seen).to.deep.equal(['visibility', 'done']);
    expect(adapter.accounts[0]).to.include({ visible: false, secondFactor: 'none' });
  });

  it('runs a reordered flow (sms before pin) in German', async () => {
    const { element, adapter, seen } = await mount(['credentials', { id: 'sms', optional: true }, 'pin'], 'de');
    await credentials(element, 'de');
    await sms(element, adapter, 'de');
    await pin(element, 'de');
    await finished(element, 'de');
    expect(seen).to.deep.equal(['sms', 'pin', 'done']);
  });

  it('records "Activate later" as a skipped step', async () => {
    const { element } = await mount(videoConsultationSteps, 'en');
    let completed: { skipped: StepId[]; secondFactor: string } | undefined;
    element.addEventListener('pforte-complete', (event) => (completed = event.detail));
    await credentials(element, 'en');
    await pin(element, 'en');
    await onStep('sms', 'en');
    await tabTo('Activate later');
    await press('Enter');
    await visibility(element, 'en', false);
    await finished(element, 'en');
    expect(completed!.skipped).to.deep.equal(['sms']);
    expect(completed!.secondFactor).to.equal('none');
  });

  it('keeps the resend countdown and the number when going back a step and returning', async () => {
    const clock = createManualClock();
    const { element, adapter } = await mount(['credentials', { id: 'sms', optional: true }, 'visibility', 'done'], 'en', clock);
    await credentials(element, 'en');
    await onStep('sms', 'en');
    await loadPhoneSupport();
    await tabTo('Mobile number');
    await type('01512 3456789');
    await press('Enter');
    await until(() => element.querySelector('pforte-code-input'), 'code entry');
    await type(adapter.lastCode()!);
    await onStep('visibility', 'en');
    clock.advance(20_000);
    await tabTo('Back');
    await press('Enter');
    await onStep('sms', 'en');
    const smsStep = element.querySelector<PforteSmsStep>('pforte-sms-step')!;
    expect(smsStep.phone).to.equal('+4915123456789');
    expect(smsStep.resendDeadline).to.equal(clock.now() + 40_000);
  });

  it('keeps what the person typed into a step while the widget re-renders around it (locale switch, late step code)', async () => {
    const { element } = await mount(['credentials', 'profile', 'visibility', 'done'], 'en');
    await credentials(element, 'en');
    await until(() => document.activeElement?.textContent?.trim() === 'Personal details', 'focus on the profile heading');
    await tabTo('First name');
    await type('Eva');
    await tabTo('Last name');
    await type('Berger');
    element.locale = 'de';
    await until(() => element.querySelector('pforte-profile-step h2')?.textContent?.trim() === 'Persönliche Angaben', 'German');
    // What the arrival of the next step's code does: the host renders the current step again.
    element.requestUpdate();
    await element.updateComplete;
    expect(byLabel(element, 'Vorname').value).to.equal('Eva');
    expect(byLabel(element, 'Nachname').value).to.equal('Berger');
  });

  it('does not offer a way back into credentials once the account exists', async () => {
    const { element } = await mount(['credentials', 'pin', 'done'], 'en');
    await credentials(element, 'en');
    await onStep('pin', 'en');
    const buttons = [...element.querySelectorAll('button')].map((button) => button.textContent!.trim());
    expect(buttons).not.to.include('Back');
  });
});

describe('<pforte-signup> and the e-mail confirmation link', () => {
  const config: PforteConfigInput = {
    username: { kind: 'email' },
    steps: ['credentials', 'emailVerification', 'visibility', 'done'],
  };

  const testPageSearch = location.search;
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + testPageSearch);
    await setLocale('en');
  });

  it('resumes the flow after the verification step when the link opens in a fresh page', async () => {
    const adapter = createMemoryAdapter();
    const first = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${config} .adapter=${adapter}></pforte-signup>`);
    await until(() => first.querySelector('pforte-credentials-step h2'), 'credentials');
    first.querySelector<HTMLInputElement>('input[name="username"]')!.focus();
    await type('anna@example.com');
    await press('Tab');
    await type(password);
    await press('Enter');
    await until(() => adapter.lastEmailLink(), 'verification e-mail');
    const link = new URL(adapter.lastEmailLink()!);
    first.remove();

    // A new tab: the page loads with the link's fragment, no flow yet.
    history.replaceState(null, '', `${location.pathname}${location.search}${link.hash}`);
    const second = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${config} .adapter=${adapter}></pforte-signup>`);
    await until(() => second.querySelector('pforte-visibility-step h2'), 'resumed at the visibility step', 240);
    expect(location.hash).to.equal('');
    expect(second.querySelector('.pf-progress')!.textContent!.trim()).to.equal('Step 3 of 3');
  });

  it('returns to the tab that waits on "check your inbox" when the link opens in another tab', async () => {
    const adapter = createMemoryAdapter();
    const productConfig = { ...config, id: 'praxisportal' };
    const first = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${productConfig} .adapter=${adapter}></pforte-signup>`);
    await until(() => first.querySelector('pforte-credentials-step h2'), 'credentials');
    first.querySelector<HTMLInputElement>('input[name="username"]')!.focus();
    await type('anna@example.com');
    await press('Tab');
    await type(password);
    await press('Enter');
    await until(() => adapter.lastEmailLink(), 'verification e-mail');
    const link = new URL(adapter.lastEmailLink()!);
    // The link carries the product its registration belongs to.
    expect(link.searchParams.get('pforte-product')).to.equal('praxisportal');

    // The e-mail client opens the link in a second tab; the first one keeps waiting.
    history.replaceState(null, '', `${location.pathname}${link.search}${link.hash}`);
    const second = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${productConfig} .adapter=${adapter}></pforte-signup>`);
    await until(() => first.querySelector('pforte-visibility-step h2'), 'the first tab goes on', 240);
    await until(() => second.textContent!.includes('continues in the tab where you started it'), 'the second tab steps back', 240);
    expect(second.querySelector('pforte-visibility-step')).to.equal(null);
    await expect(second).to.be.accessible();
  });

  it("does not resume another product's registration with this page's config", async () => {
    const adapter = createMemoryAdapter();
    const dental = { ...config, id: 'praxisportal' };
    const first = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${dental} .adapter=${adapter}></pforte-signup>`);
    await until(() => first.querySelector('pforte-credentials-step h2'), 'credentials');
    first.querySelector<HTMLInputElement>('input[name="username"]')!.focus();
    await type('anna@example.com');
    await press('Tab');
    await type(password);
    await press('Enter');
    await until(() => adapter.lastEmailLink(), 'verification e-mail');
    const link = new URL(adapter.lastEmailLink()!);
    first.remove();

    history.replaceState(null, '', `${location.pathname}${link.search}${link.hash}`);
    const other = { username: { kind: 'email' as const }, id: 'videosprechstunde', steps: ['credentials', 'done'] };
    const second = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${other} .adapter=${adapter}></pforte-signup>`);
    await until(() => second.querySelector('[role="alert"]'), 'the link is refused', 240);
    expect(second.querySelector('[role="alert"]')!.textContent).to.include('another product');
    expect(second.querySelector('pforte-done-step')).to.equal(null);
  });

  it('says so when a link is not valid, instead of a blank widget', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#pforte-email-token=not-a-token`);
    const element = await fixture<PforteSignup>(html`<pforte-signup locale="en" .config=${config} .adapter=${createMemoryAdapter()}></pforte-signup>`);
    await until(() => element.querySelector('[role="alert"]'), 'error shown', 240);
    expect(element.querySelector('[role="alert"]')!.textContent).to.match(/link/i);
    expect(location.hash).to.equal('');
    await expect(element).to.be.accessible();
  });
});
