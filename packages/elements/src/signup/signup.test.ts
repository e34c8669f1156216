import { expect, fixture, html } from '@open-wc/testing';
import { PforteError } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteConfigInput } from '@pforte/core';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/signup.js';
import type { PforteSignup } from './signup.js';
import { getLocale, setLocale, supportedLocales } from '../localization/localization.js';
import { byButton, byLabel, nextFrame, press, type, until } from '../../test/helpers.js';

const password = 'Ruhige-Praxis-2026';
const baseConfig: PforteConfigInput = { product: 'Videosprechstunde', username: { kind: 'username' }, steps: ['credentials', 'done'] };

async function signup(options: { config?: PforteConfigInput | string; adapter?: MemoryAdapter; locale?: string } = {}) {
  const adapter = options.adapter ?? createMemoryAdapter();
  const element = await fixture<PforteSignup>(html`
    <pforte-signup .config=${options.config ?? baseConfig} .adapter=${adapter} locale=${options.locale ?? 'en'}></pforte-signup>
  `);
  await until(() => element.querySelector('h2, [role="alert"]'), 'first step rendered');
  return { element, adapter };
}

async function fillCredentials(element: HTMLElement, username: string) {
  byLabel(element, /Username|Benutzername/).focus();
  await type(username);
  await press('Tab');
  await type(password);
  await press('Enter');
}

describe('<pforte-signup>', () => {
  const originalLang = document.documentElement.lang;
  afterEach(async () => {
    document.documentElement.lang = originalLang;
    await setLocale('en');
  });

  it('is accessible on the first step and when done', async () => {
    const { element } = await signup();
    await expect(element).to.be.accessible();
    await fillCredentials(element, 'dr.berger');
    await until(() => element.querySelector('pforte-done-step h2'), 'done step');
    await expect(element).to.be.accessible();
  });

  it('runs credentials → done, moves focus to the new heading and reports each step and the result', async () => {
    const { element, adapter } = await signup();
    const steps: unknown[] = [];
    let complete: unknown;
    element.addEventListener('pforte-step-change', (event) => steps.push(event.detail));
    element.addEventListener('pforte-complete', (event) => (complete = event.detail));
    expect(element.querySelector('.pf-progress')!.textContent!.trim()).to.equal('Step 1 of 1');
    await fillCredentials(element, 'dr.berger');
    await until(() => element.querySelector('pforte-done-step h2'), 'done step');
    const heading = element.querySelector<HTMLElement>('pforte-done-step h2')!;
    await until(() => document.activeElement === heading, 'focus on done heading');
    expect(heading.textContent).to.equal('Registration complete');
    expect(element.textContent).to.contain('You can now use Videosprechstunde.');
    expect(steps).to.deep.equal([{ step: 'done', index: 1, position: 1, total: 1 }]);
    expect(complete).to.include({ username: 'dr.berger', visible: false, secondFactor: 'none' });
    expect(adapter.accounts.map((account) => account.username)).to.deep.equal(['dr.berger']);
  });

  it('announces the first step on start without stealing focus', async () => {
    const steps: unknown[] = [];
    const listener = (event: Event) => steps.push((event as CustomEvent).detail);
    document.addEventListener('pforte-step-change', listener);
    try {
      const { element } = await signup();
      await until(() => steps.length === 1, 'first step-change');
      // The same count as the indicator's "Step 1 of 1".
      expect(steps[0]).to.deep.equal({ step: 'credentials', index: 0, position: 1, total: 1 });
      expect(element.contains(document.activeElement)).to.be.false;
    } finally {
      document.removeEventListener('pforte-step-change', listener);
    }
  });

  it('accepts the config as a JSON attribute', async () => {
    const element = await fixture<PforteSignup>(html`
      <pforte-signup locale="en" config='{"username": {"kind": "email"}, "steps": ["credentials"]}' .adapter=${createMemoryAdapter()}></pforte-signup>
    `);
    await until(() => element.querySelector('h2'), 'step');
    expect(byLabel(element, 'E-mail address').type).to.equal('email');
  });

  it('shows the first step while the flow starts; a submit waits for the start and goes out with its flow id', async () => {
    const backend = createMemoryAdapter();
    let letStart: () => void = () => {};
    const startHeld = new Promise<void>((resolve) => (letStart = resolve));
    const submitted: string[] = [];
    const adapter: MemoryAdapter = Object.assign(Object.create(backend) as MemoryAdapter, {
      startRegistration: async (...args: Parameters<MemoryAdapter['startRegistration']>) => {
        await startHeld;
        return backend.startRegistration(...args);
      },
      submitCredentials: (...args: Parameters<MemoryAdapter['submitCredentials']>) => {
        submitted.push(args[0].flowId);
        return backend.submitCredentials(...args);
      },
    });
    const { element } = await signup({ adapter });
    expect(element.querySelector('pforte-credentials-step h2')?.textContent).to.equal('Choose your username and password');
    await fillCredentials(element, 'praxis-team');
    await nextFrame();
    expect(submitted, 'nothing is sent before the flow started').to.deep.equal([]);
    letStart();
    await until(() => element.querySelector('pforte-done-step h2'), 'done step');
    expect(submitted).to.have.length(1);
    expect(submitted[0]).to.match(/.+/);
  });

  it('never sends what the person entered under a config that turns out invalid', async () => {
    const originalError = console.error;
    console.error = () => {};
    try {
      const backend = createMemoryAdapter();
      const calls: string[] = [];
      const adapter: MemoryAdapter = Object.assign(Object.create(backend) as MemoryAdapter, {
        submitCredentials: (...args: Parameters<MemoryAdapter['submitCredentials']>) => {
          calls.push('submitCredentials');
          return backend.submitCredentials(...args);
        },
      });
      // The draft the first step renders from is fine; the full validation rejects the SMS step's options.
      const { element } = await signup({ adapter, config: { username: { kind: 'username' }, steps: ['credentials', { id: 'sms', codeLength: 20 }] } as PforteConfigInput });
      if (element.querySelector('pforte-credentials-step')) await fillCredentials(element, 'praxis-team');
      await until(() => element.querySelector('.pf-config-error'), 'config error');
      expect(calls).to.deep.equal([]);
    } finally {
      console.error = originalError;
    }
  });

  it('renders one readable error naming the path for a bad config, logs it once and emits it', async () => {
    const logged: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const errors: unknown[] = [];
      const element = document.createElement('pforte-signup');
      element.addEventListener('pforte-error', (event) => errors.push(event.detail));
      element.locale = 'en';
      element.adapter = createMemoryAdapter();
      element.config = { steps: ['credentials', { id: 'sms', codeLength: 20 }] } as PforteConfigInput;
      document.body.append(element);
      await until(() => element.querySelector('[role="alert"]'), 'config error');
      const alert = element.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('its configuration is invalid');
      expect(alert.querySelector('code')!.textContent).to.equal('steps[1].codeLength: expected 4–10');
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain('steps[1].codeLength');
      expect(errors).to.deep.equal([{ code: 'config.invalid', path: 'steps[1].codeLength' }]);
      await expect(element).to.be.accessible();
      element.remove();
    } finally {
      console.error = originalError;
    }
  });

  it('says so when no backend is connected', async () => {
    const element = await fixture<PforteSignup>(html`<pforte-signup locale="en"></pforte-signup>`);
    await until(() => element.querySelector('[role="alert"]'), 'alert');
    expect(element.textContent).to.contain('no backend is connected');
  });

  it('offers a retry when starting fails', async () => {
    const adapter = createMemoryAdapter();
    adapter.setOffline(true);
    const { element } = await signup({ adapter });
    expect(element.querySelector('[role="alert"]')!.textContent).to.contain('No connection to the server');
    await expect(element).to.be.accessible();
    adapter.setOffline(false);
    byButton(element, 'Try again').click();
    await until(() => element.querySelector('pforte-credentials-step h2'), 'credentials after retry');
  });

  it('offers a retry when completing fails, then finishes', async () => {
    const adapter = createMemoryAdapter();
    adapter.failNext('complete', new PforteError('network'));
    const { element } = await signup({ adapter });
    await fillCredentials(element, 'dr.berger');
    await until(() => element.querySelector('[role="alert"]')?.textContent?.includes('No connection'), 'complete error');
    byButton(element, 'Try again').click();
    await until(() => element.querySelector('pforte-done-step'), 'done after retry');
  });

  it('follows the locale attribute, then <html lang>, and switches at runtime', async () => {
    document.documentElement.lang = 'de-DE';
    const element = await fixture<PforteSignup>(html`<pforte-signup .config=${baseConfig} .adapter=${createMemoryAdapter()}></pforte-signup>`);
    await until(() => element.querySelector('h2'), 'step');
    expect(element.querySelector('h2')!.textContent).to.equal('Benutzername und Passwort festlegen');
    expect(getLocale()).to.equal('de');
    element.locale = 'en';
    await until(() => element.querySelector('h2')!.textContent === 'Choose your username and password', 'English');
    element.locale = undefined;
    await until(() => element.querySelector('h2')!.textContent === 'Benutzername und Passwort festlegen', 'back to html lang');
    document.documentElement.lang = 'en';
    await until(() => element.querySelector('h2')!.textContent === 'Choose your username and password', 'html lang change');
    expect(element.lang).to.equal('en');
  });

  it('keeps typed values when the locale switches mid-entry', async () => {
    const { element } = await signup();
    byLabel(element, 'Username').focus();
    await type('dr.berger');
    element.locale = 'de';
    await until(() => element.querySelector('h2')!.textContent === 'Benutzername und Passwort festlegen', 'German');
    expect(byLabel(element, 'Benutzername').value).to.equal('dr.berger');
  });

  it('switches live through all ten languages without losing what was typed, right to left in Arabic', async () => {
    const { element } = await signup();
    byLabel(element, 'Username').focus();
    await type('dr.berger');
    const headings = new Set<string>();
    for (const locale of supportedLocales) {
      element.locale = locale;
      await until(() => element.lang === locale, `rendered in ${locale}`);
      await element.updateComplete;
      headings.add(element.querySelector('h2')!.textContent!.trim());
      expect(element.dir, locale).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(element.querySelector<HTMLInputElement>('input[name="username"]')!.value, locale).to.equal('dr.berger');
    }
    // Every language has its own heading: none is left in English.
    expect(headings.size).to.equal(supportedLocales.length);
    element.locale = 'ar';
    await until(() => element.dir === 'rtl', 'Arabic');
    await expect(element).to.be.accessible();
  });

  it('offers only the locales a product names, and keeps a direction the page set', async () => {
    document.documentElement.lang = 'ar';
    const { element } = await signup({ config: { ...baseConfig, locales: ['de', 'tr'] }, locale: '' });
    element.removeAttribute('locale');
    await until(() => element.lang === 'de', 'German, the first offered');
    element.locale = 'tr-TR';
    await until(() => element.lang === 'tr', 'Turkish');
    const chosen = await fixture<PforteSignup>(html`
      <pforte-signup dir="rtl" .config=${baseConfig} .adapter=${createMemoryAdapter()} locale="de"></pforte-signup>
    `);
    await until(() => chosen.lang === 'de', 'German');
    expect(chosen.dir).to.equal('rtl');
  });

  it('applies per-product string overrides without a rebuild', async () => {
    const config: PforteConfigInput = {
      ...baseConfig,
      strings: { de: { 'credentials.heading': 'Zugang für Ihre Praxis' }, en: { 'signup.progress': 'Part {0} / {1}' } },
    };
    const { element } = await signup({ config, locale: 'en' });
    expect(element.querySelector('.pf-progress')!.textContent!.trim()).to.equal('Part 1 / 1');
    expect(element.querySelector('h2')!.textContent).to.equal('Choose your username and password');
    element.locale = 'de';
    await until(() => element.querySelector('h2')!.textContent === 'Zugang für Ihre Praxis', 'German override');
    element.locale = 'ar';
    await until(() => element.lang === 'ar', 'Arabic');
    element.config = { ...config, strings: { ...config.strings, ar: { 'credentials.heading': 'الوصول إلى عيادتكم' } } };
    await until(() => element.querySelector('h2')!.textContent === 'الوصول إلى عيادتكم', 'Arabic override');
    element.locale = 'de';
    element.config = baseConfig;
    await until(() => element.querySelector('h2')!.textContent === 'Benutzername und Passwort festlegen', 'override removed');
  });

  it('never lets a secret reach events, the console, storage or the URL', async () => {
    const seen: string[] = [];
    const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = consoleMethods.map((method) => console[method]);
    consoleMethods.forEach((method) => {
      console[method] = (...args: unknown[]) => seen.push(args.map(String).join(' '));
    });
    const eventTypes = ['pforte-step-change', 'pforte-complete', 'pforte-error', 'pforte-step-done'] as const;
    const recordEvent = (event: Event) => seen.push(JSON.stringify((event as CustomEvent).detail));
    eventTypes.forEach((eventType) => document.addEventListener(eventType, recordEvent));
    try {
      const adapter = createMemoryAdapter({ takenUsernames: ['taken'] });
      const { element } = await signup({ adapter });
      await fillCredentials(element, 'taken');
      await until(() => element.querySelector('[aria-invalid="true"]'), 'taken error');
      adapter.setOffline(true);
      byLabel(element, 'Username').focus();
      await type('2');
      await press('Enter');
      await until(() => element.querySelector('[role="alert"]')!.textContent!.includes('No connection'), 'offline');
      adapter.setOffline(false);
      await press('Enter');
      await until(() => element.querySelector('pforte-done-step'), 'done');
      const stores = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, location.href];
      const haystack = [...seen, ...stores].join('\n');
      expect(seen.length).to.be.greaterThan(3);
      expect(haystack).not.to.contain(password);
      expect(JSON.stringify(adapter.accounts)).not.to.contain(password);
    } finally {
      consoleMethods.forEach((method, index) => (console[method] = originals[index]!));
      eventTypes.forEach((eventType) => document.removeEventListener(eventType, recordEvent));
    }
  });
});
