import { expect } from '@open-wc/testing';
import { matchLocale, resolveLocale } from './localization.js';

describe('locale resolution', () => {
  const originalLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = originalLang;
  });

  it('narrows regional and underscore tags to a supported locale', () => {
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('EN_gb')).to.equal('en');
    expect(matchLocale('fr')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
    expect(matchLocale(undefined)).to.equal(undefined);
  });

  it('prefers the requested locale, then <html lang>, then the browser, then English', () => {
    document.documentElement.lang = 'de-CH';
    expect(resolveLocale('en')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('de');
    expect(resolveLocale('fr')).to.equal('de');
    document.documentElement.lang = 'fr';
    const browserChoice = navigator.languages.map((tag) => matchLocale(tag)).find(Boolean) ?? 'en';
    expect(resolveLocale(undefined)).to.equal(browserChoice);
  });
});
