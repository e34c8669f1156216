import { expect, fixture } from '@open-wc/testing';
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
 * Every seed product of the portals the product is built from, as nothing
 * but a config file (examples/products/), registered end to end in German by
 * keyboard alone: against the memory adapter, and against the reference
 * server mounted at /pforte (test/support/reference-server.mjs). Both bind
 * the flow to the config's id and enforce that very product.
 */
const password = 'Ruhige#Praxis2026';

/** A backend the products register against, and the outbox a person reads codes and links from. */
interface Backend {
  name: string;
  /** Sets the backend on a freshly mounted widget. */
  attach(element: PforteSignup, config: PforteConfigInput, data: MemoryAdapterOptions): void;
  latest(channel: 'sms' | 'email', field: 'code' | 'link'): Promise<string | undefined>;
}

let memory: MemoryAdapter | undefined;
const memoryBackend: Backend = {
  name: 'memory adapter',
  attach(element, config, data) {
    const { id } = parseConfig(config);
    memory = createMemoryAdapter({ products: { [id!]: config }, ...data });
    if (element.invitation) memory.createInvitation({ token: element.invitation, ...invitationDetails });
    element.adapter = memory;
  },
  async latest(channel, field) {
    return field === 'link' ? memory?.lastEmailLink() : memory?.lastCode(channel);
  },
};
const serverBackend: Backend = {
  name: 'reference server',
  // The seed data of test/support/reference-server-seed.json is what the memory adapter gets per test.
  attach(element) {
    element.endpoint = '/pforte';
  },
  async latest(channel, field) {
    const response = await fetch(`/pforte/dev/outbox?channel=${channel}`);
    const { messages } = (await response.json()) as { messages: Array<{ code?: string; link?: string }> };
    return messages.filter((message) => message[field] !== undefined).at(-1)?.[field];
  },
};

async function mount(backend: Backend, config: unknown, data: MemoryAdapterOptions = {}, invitation?: string) {
  const clock = createManualClock();
  const element = document.createElement('pforte-signup') as PforteSignup;
  element.setAttribute('locale', 'de');
  element.config = config as PforteConfigInput;
  element.clock = clock;
  if (invitation) element.invitation = invitation;
  backend.attach(element, config as PforteConfigInput, data);
  const mounted = await fixture<PforteSignup>(element);
  let completed: Record<string, unknown> | undefined;
  mounted.addEventListener('pforte-complete', (event) => (completed = { ...event.detail }));
  return { element: mounted, result: () => completed };
}

/** Polls `read` until it gives a value (a message reaching the outbox). */
async function eventually(read: () => Promise<string | undefined>, message: string, tries = 100): Promise<string> {
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`Timed out waiting: ${message}`);
}

const invitationDetails = { email: 'eva.berger@praxis-sommer.de', firstName: 'Eva', lastName: 'Berger', invitedBy: 'Praxis Dr. Sommer' };

/** Waits until the step with `heading` has focus (the flow moves focus to each new heading). */
async function onStep(heading: string | RegExp) {
  const matches = () => {
    const text = document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof heading === 'string' ? text === heading : heading.test(text);
  };
  // Generous: a step's own file may still be on its way from a busy dev server when the step before is done.
  await until(matches, `focus on "${String(heading)}" (at "${document.activeElement?.textContent?.trim()}")`, 3600);
}

async function fill(label: string | RegExp, text: string) {
  await tabTo(label);
  await type(text);
}

async function credentials(username: string | undefined) {
  await onStep(/Benutzername und Passwort festlegen|E-Mail-Adresse eingeben und Passwort festlegen|Zugang zum Serviceportal anlegen/);
  if (username !== undefined) await fill(/^(Benutzername|E-Mail-Adresse)$/, username);
  await fill('Passwort', password);
  await press('Enter');
}

async function followEmailLink(backend: Backend, before: string | undefined) {
  await onStep('Prüfen Sie Ihr E-Mail-Postfach');
  const link = await eventually(async () => {
    const latest = await backend.latest('email', 'link');
    return latest === before ? undefined : latest;
  }, 'verification e-mail sent');
  // The person opens the link from the e-mail: only the fragment changes.
  location.hash = new URL(link).hash;
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

describe('seed products as configuration (German, keyboard only)', () => {
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

  for (const backend of [memoryBackend, serverBackend]) {
    describe(backend.name, function () {
      // A whole registration per test, over HTTP for the server, each step's file loaded on demand (the first test of
      // a product also waits for the dev server to transform the step's modules): far more than mocha's default on a loaded machine.
      this.timeout(180_000);
      let linkBefore: string | undefined;
      before(async function () {
        // The first request starts the server's PGlite, which takes seconds.
        this.timeout(120_000);
        if (backend === serverBackend) await eventually(async () => ((await fetch('/pforte/health')).ok ? 'up' : undefined), 'server up', 10_000);
      });
      beforeEach(async () => {
        linkBefore = await backend.latest('email', 'link');
      });

    it('dental practice portal (000): e-mail, terms, confirmation link, profile, new practice', async () => {
      const { element, result } = await mount(backend, dentalPracticePortal);
      await credentials('anna.keller@zahnarzt-keller.de');
      await terms();
      await followEmailLink(backend, linkBefore);
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
      const { element } = await mount(backend, dentalPracticePortal, {
        organizations: [{ name: 'Praxis am Rhein', customerNumber: 'K-4711', postalCode: '53227', members: 2 }],
      });
      await credentials('ben.roth@example.de');
      await terms();
      await followEmailLink(backend, linkBefore);
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
      const { element, result } = await mount(backend, videoConsultation, {}, 'einladung-001');
      await until(() => element.textContent!.includes('Praxis Dr. Sommer hat Sie zur Registrierung eingeladen.'), 'invitation checked', 1200);
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
      await type(await eventually(() => backend.latest('sms', 'code'), 'SMS code'));
      await onStep('Sichtbarkeit in der Kontaktsuche');
      await tabTo('Fortfahren');
      await press('Enter');
      await done(element);
      expect(result()).to.include({ username: 'dr.berger', secondFactor: 'sms', visible: false });
    });

    it('B2B service portal (002): invitation prefills the e-mail username and the names', async () => {
      const { element, result } = await mount(backend, b2bServicePortal, {}, 'einladung-002');
      await until(() => element.querySelector('pforte-invitation-step h2'), 'invitation checked', 1200);
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
      const { element, result } = await mount(backend, billingCustomerCentre, {
        customers: [{ customerNumber: '46075', email: 'm.muster@example.de', name: 'Max Muster' }],
      });
      await until(() => element.querySelector('pforte-customer-lookup-step h2'), 'lookup step', 1200);
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
      await followEmailLink(backend, linkBefore);
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
      await type(await eventually(() => backend.latest('email', 'code'), 'e-mail code'));
      await done(element);
      expect(result()).to.include({ username: 'MMuster', secondFactor: 'email', emailVerified: true });
    });

    it('patient video app (004): self-registration with terms and a confirmation link', async () => {
      const { element, result } = await mount(backend, patientVideoApp);
      await credentials('patientin@example.de');
      await terms();
      await followEmailLink(backend, linkBefore);
      await done(element);
      expect(result()).to.include({ username: 'patientin@example.de', emailVerified: true });
    });
    });
  }
});
