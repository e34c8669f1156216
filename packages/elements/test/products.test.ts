import { expect, fixture, html } from '@open-wc/testing';
import { createManualClock, loadPhoneSupport, parseConfig } from '@pforte/core';
import type { PforteConfigInput } from '@pforte/core';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@pforte/core/memory';
import '../src/define/signup.js';
import type { PforteSignup } from '../src/signup/signup.js';
import { setLocale } from '../src/localization/localization.js';
import { press, tabTo, type, until } from './helpers.js';
import dentalPracticePortal from '../../../examples/products/dental-practice-portal.json';
import videoConsultation from '../../../examples/products/video-consultation.json';
import b2bServicePortal from '../../../examples/products/b2b-service-portal.json';
import billingCustomerCentre from '../../../examples/products/billing-customer-centre.json';
import patientVideoApp from '../../../examples/products/patient-video-app.json';

/*
 * Every seed product of shared/seeds/ as nothing but a config file
 * (examples/products/), registered end to end in German by keyboard alone
 * against the memory adapter, which enforces that very product (the flow is
 * bound to the config's id, as the reference server binds it).
 */
const password = 'Ruhige#Praxis2026';

async function mount(config: unknown, options: MemoryAdapterOptions = {}, invitation?: string) {
  const clock = createManualClock();
  const { id } = parseConfig(config);
  const adapter = createMemoryAdapter({ clock, ...(id ? { products: { [id]: config as PforteConfigInput } } : {}), ...options });
  const token = invitation ? adapter.createInvitation({ token: invitation, ...invitationDetails }) : undefined;
  const element = await fixture<PforteSignup>(html`
    <pforte-signup
      locale="de"
      .config=${config as PforteConfigInput}
      .adapter=${adapter}
      .clock=${clock}
      .invitation=${token}
    ></pforte-signup>
  `);
  let completed: Record<string, unknown> | undefined;
  element.addEventListener('pforte-complete', (event) => (completed = { ...event.detail }));
  return { element, adapter, result: () => completed };
}

const invitationDetails = { email: 'eva.berger@praxis-sommer.de', firstName: 'Eva', lastName: 'Berger', invitedBy: 'Praxis Dr. Sommer' };

/** Waits until the step with `heading` has focus (the flow moves focus to each new heading). */
async function onStep(heading: string | RegExp) {
  const matches = () => {
    const text = document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof heading === 'string' ? text === heading : heading.test(text);
  };
  await until(matches, `focus on "${String(heading)}" (at "${document.activeElement?.textContent?.trim()}")`, 240);
}

async function fill(label: string | RegExp, text: string) {
  await tabTo(label);
  await type(text);
}

async function credentials(username: string | undefined) {
  await onStep(/Benutzername und Passwort festlegen|Zugang zum Serviceportal anlegen/);
  if (username !== undefined) await fill(/^(Benutzername|E-Mail-Adresse)$/, username);
  await fill('Passwort', password);
  await press('Enter');
}

async function followEmailLink(adapter: MemoryAdapter) {
  await onStep('Prüfen Sie Ihr E-Mail-Postfach');
  await until(() => adapter.lastEmailLink(), 'verification e-mail sent');
  // The person opens the link from the e-mail: only the fragment changes.
  location.hash = new URL(adapter.lastEmailLink()!).hash;
}

async function terms() {
  await onStep('Allgemeine Geschäftsbedingungen und Datenschutz');
  await tabTo(/^Ich akzeptiere/);
  await press('Space');
  await tabTo('Fortfahren');
  await press('Enter');
}

async function done(element: PforteSignup) {
  await onStep('Registrierung abgeschlossen');
  await expect(element).to.be.accessible();
}

describe('seed products as configuration (German, keyboard only, memory adapter)', () => {
  before(async () => {
    await loadPhoneSupport();
  });
  after(async () => {
    await setLocale('en');
  });

  it('every product config is valid for the schema', () => {
    for (const config of [dentalPracticePortal, videoConsultation, b2bServicePortal, billingCustomerCentre, patientVideoApp]) {
      expect(() => parseConfig(config)).not.to.throw();
    }
  });

  it('dental practice portal (000): e-mail, terms, confirmation link, profile, new practice', async () => {
    const { element, adapter, result } = await mount(dentalPracticePortal);
    await credentials('anna.keller@zahnarzt-keller.de');
    await terms();
    await followEmailLink(adapter);
    await onStep('Persönliche Angaben');
    await fill('Vorname', 'Anna');
    await fill('Nachname', 'Keller');
    await fill('Position', 'Praxisinhaberin');
    await fill('Telefonnummer', '0228 123456');
    await press('Enter');
    await onStep('Ihre Praxis');
    await fill('Name der Praxis', 'Zahnarztpraxis Keller');
    await fill('Postleitzahl', '53227');
    await press('Enter');
    await done(element);
    expect(result()).to.deep.include({ emailVerified: true });
    expect(result()!['organization']).to.include({ name: 'Zahnarztpraxis Keller', status: 'member' });
  });

  it('dental practice portal (000): joining an existing practice waits for approval', async () => {
    const { element, adapter } = await mount(dentalPracticePortal, {
      organizations: [{ name: 'Praxis am Rhein', customerNumber: 'K-4711', postalCode: '53227', members: 2 }],
    });
    await credentials('ben.roth@example.de');
    await terms();
    await followEmailLink(adapter);
    await onStep('Persönliche Angaben');
    await fill('Vorname', 'Ben');
    await fill('Nachname', 'Roth');
    await fill('Position', 'ZFA');
    await fill('Telefonnummer', '0228 654321');
    await press('Enter');
    await onStep('Ihre Praxis');
    await tabTo('Neue Praxis registrieren');
    await press('ArrowDown');
    await fill('Kundennummer', 'K-4711');
    await fill('Postleitzahl der Praxis', '53227');
    await press('Enter');
    await done(element);
    expect(element.textContent).to.contain('Bestätigung durch ein Mitglied');
  });

  it('video consultation (001): invitation link, credentials, PIN, SMS, visibility', async () => {
    const { element, adapter, result } = await mount(videoConsultation, {}, 'einladung-001');
    await until(() => element.querySelector('pforte-invitation-step h2'), 'invitation checked', 240);
    expect(element.textContent).to.contain('Praxis Dr. Sommer hat Sie zur Registrierung eingeladen.');
    element.querySelector<HTMLElement>('pforte-invitation-step h2')!.focus();
    await tabTo('Fortfahren');
    await press('Enter');
    await credentials('dr.berger');
    await onStep('Ihre Service-PIN');
    await tabTo('Ich habe meine Service-PIN sicher verwahrt.');
    await press('Space');
    await tabTo('Fortfahren');
    await press('Enter');
    await onStep('2-Faktor-Authentifizierung (optional)');
    await fill('Mobilfunknummer', '01512 3456789');
    await press('Enter');
    await until(() => document.activeElement?.matches('pforte-code-input input'), 'code entry');
    await type(adapter.lastCode()!);
    await onStep('Sichtbarkeit in der Kontaktsuche');
    await tabTo('Fortfahren');
    await press('Enter');
    await done(element);
    expect(result()).to.include({ username: 'dr.berger', secondFactor: 'sms', visible: false });
  });

  it('B2B service portal (002): invitation prefills the e-mail username and the names', async () => {
    const { element, result } = await mount(b2bServicePortal, {}, 'einladung-002');
    await until(() => element.querySelector('pforte-invitation-step h2'), 'invitation checked', 240);
    element.querySelector<HTMLElement>('pforte-invitation-step h2')!.focus();
    await tabTo('Fortfahren');
    await press('Enter');
    await onStep('Zugang zum Serviceportal anlegen');
    expect(element.querySelector<HTMLInputElement>('input[name="username"]')!.value).to.equal(invitationDetails.email);
    await credentials(undefined);
    await onStep('Persönliche Angaben');
    await tabTo('Vorname');
    expect((document.activeElement as HTMLInputElement).value).to.equal('Eva');
    await press('Enter');
    await done(element);
    expect(result()).to.include({ username: invitationDetails.email });
  });

  it('billing customer centre (003): customer lookup with captcha, confirmation link, e-mail TAN', async () => {
    const { element, adapter, result } = await mount(billingCustomerCentre, {
      customers: [{ customerNumber: '46075', email: 'm.muster@example.de', name: 'Max Muster' }],
    });
    await until(() => element.querySelector('pforte-customer-lookup-step h2'), 'lookup step', 240);
    // One of the two TAN steps will run: six steps, before and after the choice.
    expect(element.querySelector('.pf-progress')!.textContent!.trim()).to.equal('Schritt 1 von 6');
    element.querySelector<HTMLElement>('pforte-customer-lookup-step h2')!.focus();
    await fill('Kundennummer', '46075');
    await fill('E-Mail-Adresse', 'm.muster@example.de');
    await fill('E-Mail-Adresse wiederholen', 'm.muster@example.de');
    await until(() => element.querySelector('pforte-captcha'), 'captcha');
    await tabTo('Angezeigte Ziffern');
    const challenge = element.querySelector('pforte-captcha')!.textContent!;
    const digits = /Ziffern ein:\s*([\d\s]+)/.exec(challenge)![1]!.replace(/\s/g, '');
    await type(digits);
    await press('Enter');
    await until(() => element.querySelector('pforte-captcha')!.textContent!.includes('bestanden'), 'captcha solved');
    await tabTo('Fortfahren');
    await press('Enter');
    await followEmailLink(adapter);
    await onStep('Authentifizierung');
    await tabTo('mTAN (SMS)');
    await press('ArrowUp');
    await tabTo('Fortfahren');
    await press('Enter');
    await onStep('Persönliche Angaben');
    await tabTo('Anrede');
    await type('Herr');
    await fill('Vorname', 'Max');
    await fill('Nachname', 'Muster');
    await press('Enter');
    await credentials('MMuster');
    await onStep('Mit E-Mail-TAN bestätigen');
    expect(element.querySelector('.pf-progress')!.textContent!.trim()).to.equal('Schritt 6 von 6');
    await tabTo('Code senden');
    await press('Enter');
    await until(() => document.activeElement?.matches('pforte-code-input input'), 'code entry');
    await type(adapter.lastCode('email')!);
    await done(element);
    expect(result()).to.include({ username: 'MMuster', secondFactor: 'email', emailVerified: true });
  });

  it('patient video app (004): self-registration with terms and a confirmation link', async () => {
    const { element, adapter, result } = await mount(patientVideoApp);
    await credentials('patientin@example.de');
    await terms();
    await followEmailLink(adapter);
    await done(element);
    expect(result()).to.include({ username: 'patientin@example.de', emailVerified: true });
  });
});
