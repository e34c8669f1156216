import { expect } from '@open-wc/testing';
import { pforteLocales } from '@pforte/core';
import { applyLanguage, duration, matchLocale, resolveLocale, setLocale, supportedLocales } from './localization.js';

describe('locale resolution', () => {
  const originalLang = document.documentElement.lang;
  afterEach(async () => {
    document.documentElement.lang = originalLang;
    await setLocale('en');
  });

  it('ships text for exactly the locales core knows', () => {
    expect([...supportedLocales].sort()).to.deep.equal([...pforteLocales].sort());
  });

  it('narrows regional and underscore tags to a supported locale', () => {
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('EN_gb')).to.equal('en');
    expect(matchLocale('ar-EG')).to.equal('ar');
    expect(matchLocale('pt-BR')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
    expect(matchLocale(undefined)).to.equal(undefined);
  });

  it('prefers the requested locale, then <html lang>, then the browser, then English', () => {
    document.documentElement.lang = 'de-CH';
    expect(resolveLocale('en')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('de');
    expect(resolveLocale('pt')).to.equal('de');
    document.documentElement.lang = 'pt';
    const browserChoice = navigator.languages.map((tag) => matchLocale(tag)).find(Boolean) ?? 'en';
    expect(resolveLocale(undefined)).to.equal(browserChoice);
  });

  it('matches only among the locales a product offers', () => {
    document.documentElement.lang = 'ar';
    expect(resolveLocale(undefined, ['de', 'tr'])).to.equal('de');
    expect(resolveLocale('tr-TR', ['de', 'tr'])).to.equal('tr');
    expect(resolveLocale(undefined, ['ar', 'de'])).to.equal('ar');
  });

  it('sets the direction of the language unless the page chose one', () => {
    const element = document.createElement('div');
    applyLanguage(element, 'ar');
    expect([element.lang, element.dir]).to.deep.equal(['ar', 'rtl']);
    applyLanguage(element, 'de');
    expect([element.lang, element.dir]).to.deep.equal(['de', 'ltr']);
    const chosen = document.createElement('div');
    chosen.dir = 'rtl';
    applyLanguage(chosen, 'de');
    expect([chosen.lang, chosen.dir]).to.deep.equal(['de', 'rtl']);
  });

  it('writes durations in the active language with its plural forms', async () => {
    await setLocale('de');
    expect([duration(1, 'second'), duration(42, 'second')]).to.deep.equal(['1 Sekunde', '42 Sekunden']);
    await setLocale('pl');
    expect(duration(5, 'minute')).to.equal('5 min');
    await setLocale('ar');
    // Arabic: a dual form and the plural for 3–10, with ASCII digits.
    expect(duration(2, 'day')).to.equal('يومان');
    expect(duration(3, 'day')).to.equal('3 أيام');
    expect(duration(11, 'day')).to.equal('11 يومًا');
  });
});
