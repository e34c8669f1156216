import { bestLocale, localeDirection, matchLocale, noticeText, parseConfig, pforteLocales } from '../src/index.js';
import { draftConfig } from '../src/config-draft.js';
import { deepEqual, describe, equal, it, throws } from './assert.js';

describe('locales', () => {
  it('narrows a language tag to a locale by its language', () => {
    equal(matchLocale('de-AT'), 'de');
    equal(matchLocale('AR_eg'), 'ar');
    equal(matchLocale('uk-UA'), 'uk');
    equal(matchLocale('pt-BR'), undefined);
    equal(matchLocale(''), undefined);
    equal(matchLocale('tr', ['de', 'en']), undefined);
  });

  it('picks the first wanted locale a product offers, else English, else its first', () => {
    equal(bestLocale([undefined, 'pt-BR', 'pl-PL', 'de']), 'pl');
    equal(bestLocale(['pt']), 'en');
    equal(bestLocale(['ar', 'tr'], ['de', 'tr']), 'tr');
    equal(bestLocale(['ar'], ['de', 'en']), 'en');
    equal(bestLocale(['ar'], ['de', 'fr']), 'de');
  });

  it('knows which locales are written right to left', () => {
    deepEqual(
      pforteLocales.filter((locale) => localeDirection(locale) === 'rtl'),
      ['ar'],
    );
  });

  it('lets a product name its offered locales, with its fixed locale among them', () => {
    const config = parseConfig({ locale: 'tr', locales: ['tr', 'de'], strings: { ar: { 'credentials.heading': 'تسجيل' } } });
    equal(config.locale, 'tr');
    deepEqual(config.locales, ['tr', 'de']);
    deepEqual(config.strings, { ar: { 'credentials.heading': 'تسجيل' } });
    throws(() => parseConfig({ locale: 'ar', locales: ['tr', 'de'] }), /^.*locale: must be one of the offered locales \(tr, de\)/);
    throws(() => parseConfig({ locales: [] }), /locales: must name at least one locale/);
    throws(() => parseConfig({ locales: ['pt'] }), /locales\[0\]/);
  });

  it('reads the locales into the draft the first step renders from', () => {
    const draft = draftConfig({ locale: 'uk', locales: ['uk', 'pt', 'ru'], strings: { uk: { a: 'б' }, pt: { a: 'b' } } })!;
    equal(draft.locale, 'uk');
    deepEqual(draft.locales, ['uk', 'ru']);
    deepEqual(draft.strings, { uk: { a: 'б' } });
  });

  it('takes a product notice once or per locale, in the language shown', () => {
    const config = parseConfig({ signIn: { firstSignInNotice: { de: 'Willkommen!', tr: 'Hoş geldiniz!' } } });
    const notice = config.signIn!.firstSignInNotice!;
    equal(noticeText(notice, 'tr'), 'Hoş geldiniz!');
    equal(noticeText(notice, 'ar'), 'Willkommen!');
    equal(noticeText('Willkommen!', 'ar'), 'Willkommen!');
    throws(() => parseConfig({ signIn: { firstSignInNotice: { pt: 'Olá' } } }), /signIn\.firstSignInNotice/);
  });
});
