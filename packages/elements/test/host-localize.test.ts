import { expect, fixture, html } from '@open-wc/testing';
import { configureLocalization, msg } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { createMemoryAdapter } from '@pforte/core/memory';
import '../src/define/signup.js';
import type { PforteSignup } from '../src/signup/signup.js';
import { until } from './helpers.js';

/*
 * A host page whose build shares Pforte's @lit/localize instance and
 * configured it first. (The published bundles carry a private instance, which
 * the end-to-end tests cover.) The host must keep its translations; Pforte
 * must still render, in English, and say why once.
 */
describe('a host page that configured @lit/localize itself', () => {
  it('keeps translating its own text while Pforte renders', async () => {
    const hostTemplates = { 'host.greeting': 'Bonjour' };
    const { setLocale: setHostLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['fr'],
      loadLocale: () => Promise.resolve({ templates: hostTemplates } as LocaleModule),
    });
    await setHostLocale('fr');
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await fixture<PforteSignup>(html`<pforte-signup locale="de" .adapter=${createMemoryAdapter()}></pforte-signup>`);
      await until(() => element.querySelector('h2'), 'Pforte renders');
      expect(element.querySelector('h2')!.textContent).to.equal('Enter your e-mail address and choose a password');
      expect(msg('Hello', { id: 'host.greeting' })).to.equal('Bonjour');
      expect(warnings.filter((warning) => warning.includes('@lit/localize'))).to.have.length(1);
    } finally {
      console.warn = originalWarn;
    }
  });
});
