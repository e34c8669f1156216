import { createManualClock } from '../src/clock.js';
import { createMemoryAdapter } from '../src/memory.js';
import { countText, pluralCategory } from '../src/plural.js';
import { messageLocale, messageLocales, messageTables, messageTexts, webOtpHost, type MessageLocale } from '../src/rules/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

const password = 'lange-sichere-Passphrase';

describe('message texts', () => {
  it('name the product in the flow’s language and end an SMS with its WebOTP line', () => {
    const german = messageTexts.smsCode('12345678', { product: 'Videosprechstunde', locale: 'de-AT', host: 'praxis.example' });
    equal(german, 'Ihr Code für Videosprechstunde: 12345678. Geben Sie ihn an niemanden weiter.\n\n@praxis.example #12345678');
    const english = messageTexts.smsCode('4711', { product: 'Kundencenter', locale: 'en', host: undefined });
    equal(english, 'Your Kundencenter code: 4711. Do not share it with anyone.');
    ok(!/Pforte/.test(german + english), 'the library’s name is nobody’s product');
  });

  it('takes the WebOTP host from the page origin, without port, and only where the format allows it', () => {
    equal(webOtpHost('https://praxis.example:8443'), 'praxis.example');
    equal(webOtpHost('https://Praxis.EXAMPLE'), 'praxis.example');
    equal(webOtpHost('https://ärzte.example'), 'xn--rzte-koa.example', 'the ASCII form of an internationalised name');
    equal(webOtpHost('http://localhost:5173'), 'localhost');
    equal(webOtpHost('http://[::1]:8080'), undefined);
    equal(webOtpHost('null'), undefined);
    equal(webOtpHost(undefined), undefined);
  });

  it('follow the language the person switched to after the flow started', async () => {
    let locale = 'de';
    const clock = createManualClock();
    const adapter = createMemoryAdapter({
      products: { video: { product: 'Videosprechstunde', username: { kind: 'username' }, steps: ['credentials', 'sms'] } },
      locale: () => locale,
      clock,
    });
    const { flowId } = await adapter.startRegistration({ locale: 'de' });
    await adapter.submitCredentials({ flowId, username: 'dr.yilmaz', password });
    await adapter.sendSmsCode({ flowId, phone: '+4915112345678' });
    const german = adapter.outbox.at(-1)!;
    equal(german.text.split('\n')[0], messageTables.de.smsCode('Videosprechstunde', german.code!));
    locale = 'tr';
    clock.advance(60_000);
    await adapter.sendSmsCode({ flowId, phone: '+4915112345679' });
    const turkish = adapter.outbox.at(-1)!;
    equal(turkish.text.split('\n')[0], messageTables.tr.smsCode('Videosprechstunde', turkish.code!));
  });

  it('are what the memory adapter sends: SMS, e-mail code and confirmation link', async () => {
    const adapter = createMemoryAdapter({
      products: {
        video: {
          product: 'Videosprechstunde',
          steps: ['credentials', 'emailVerification', { id: 'sms', codeLength: 6 }, 'emailCode'],
        },
      },
      origin: 'https://praxis.example',
    });
    const { flowId } = await adapter.startRegistration({ locale: 'de-DE' });
    await adapter.submitCredentials({ flowId, username: 'anna@praxis.example', password });

    await adapter.sendSmsCode({ flowId, phone: '+4915112345678' });
    const sms = adapter.outbox.at(-1)!;
    equal(sms.text, `Ihr Code für Videosprechstunde: ${sms.code}. Geben Sie ihn an niemanden weiter.\n\n@praxis.example #${sms.code}`);

    await adapter.sendEmailCode({ flowId });
    const mail = adapter.outbox.at(-1)!;
    ok(mail.text.includes(`Ihr Code für Videosprechstunde lautet: ${mail.code}`), mail.text);
    ok(mail.text.includes('10 Minuten gültig'), mail.text);

    await adapter.sendVerificationEmail({ flowId, returnUrl: 'https://praxis.example/registrieren' });
    const link = adapter.outbox.at(-1)!;
    ok(link.text.includes(`E-Mail-Adresse für Videosprechstunde mit diesem Link:\n\n${link.link}\n`), link.text);
    ok(link.text.includes('24 Stunden gültig'), link.text);

    const english = await adapter.startRegistration({ locale: 'en' });
    await adapter.submitCredentials({ flowId: english.flowId, username: 'ben@praxis.example', password });
    await adapter.sendEmailCode({ flowId: english.flowId });
    ok(adapter.outbox.at(-1)!.text.includes('your Videosprechstunde code is:'), adapter.outbox.at(-1)!.text);
  });
});

/**
 * Per language: the SMS as sent (its WebOTP line intact), and the validity
 * phrase of the code and link e-mails for counts of each plural category.
 */
const expected: Record<MessageLocale, { sms: string; minutes: Record<number, string>; hours: Record<number, string> }> = {
  de: {
    sms: 'Ihr Code für Videosprechstunde: 12345678. Geben Sie ihn an niemanden weiter.',
    minutes: { 1: 'Er ist 1 Minute gültig.', 10: 'Er ist 10 Minuten gültig.' },
    hours: { 1: 'Der Link ist 1 Stunde gültig.', 24: 'Der Link ist 24 Stunden gültig.' },
  },
  en: {
    sms: 'Your Videosprechstunde code: 12345678. Do not share it with anyone.',
    minutes: { 1: 'It is valid for 1 minute.', 10: 'It is valid for 10 minutes.' },
    hours: { 1: 'The link is valid for 1 hour.', 24: 'The link is valid for 24 hours.' },
  },
  tr: {
    sms: 'Videosprechstunde için kodunuz: 12345678. Bu kodu kimseyle paylaşmayın.',
    minutes: { 1: 'Kod 1 dakika süreyle geçerlidir.', 10: 'Kod 10 dakika süreyle geçerlidir.' },
    hours: { 24: 'Bağlantı 24 saat süreyle geçerlidir.' },
  },
  ar: {
    sms: 'رمز Videosprechstunde الخاص بك: 12345678. يُرجى عدم مشاركته مع أي شخص.',
    minutes: {
      1: 'يبقى الرمز صالحًا لمدة دقيقة واحدة.',
      2: 'يبقى الرمز صالحًا لمدة دقيقتين.',
      10: 'يبقى الرمز صالحًا لمدة 10 دقائق.',
      15: 'يبقى الرمز صالحًا لمدة 15 دقيقة.',
      100: 'يبقى الرمز صالحًا لمدة 100 دقيقة.',
    },
    hours: { 2: 'يبقى الرابط صالحًا لمدة ساعتين.', 3: 'يبقى الرابط صالحًا لمدة 3 ساعات.', 24: 'يبقى الرابط صالحًا لمدة 24 ساعة.' },
  },
  uk: {
    sms: 'Ваш код для Videosprechstunde: 12345678. Нікому його не повідомляйте.',
    minutes: { 1: 'Код дійсний 1 хвилину.', 2: 'Код дійсний 2 хвилини.', 10: 'Код дійсний 10 хвилин.', 21: 'Код дійсний 21 хвилину.' },
    hours: { 1: 'Посилання дійсне 1 годину.', 24: 'Посилання дійсне 24 години.', 48: 'Посилання дійсне 48 годин.' },
  },
  ru: {
    sms: 'Ваш код для Videosprechstunde: 12345678. Никому его не сообщайте.',
    minutes: { 1: 'Код действует 1 минуту.', 3: 'Код действует 3 минуты.', 10: 'Код действует 10 минут.', 21: 'Код действует 21 минуту.' },
    hours: { 1: 'Ссылка действует 1 час.', 24: 'Ссылка действует 24 часа.', 48: 'Ссылка действует 48 часов.' },
  },
  pl: {
    sms: 'Kod do usługi Videosprechstunde: 12345678. Prosimy nikomu go nie przekazywać.',
    minutes: { 1: 'Kod jest ważny przez 1 minutę.', 2: 'Kod jest ważny przez 2 minuty.', 10: 'Kod jest ważny przez 10 minut.', 22: 'Kod jest ważny przez 22 minuty.' },
    hours: { 1: 'Link jest ważny przez 1 godzinę.', 24: 'Link jest ważny przez 24 godziny.', 48: 'Link jest ważny przez 48 godzin.' },
  },
  fr: {
    sms: 'Votre code Videosprechstunde\u00a0: 12345678. Ne le communiquez à personne.',
    minutes: { 1: 'Il est valable 1\u00a0minute.', 10: 'Il est valable 10\u00a0minutes.' },
    hours: { 1: 'Le lien est valable 1\u00a0heure.', 24: 'Le lien est valable 24\u00a0heures.' },
  },
  it: {
    sms: 'Il suo codice per Videosprechstunde: 12345678. Non lo comunichi a nessuno.',
    minutes: { 1: 'È valido per 1 minuto.', 10: 'È valido per 10 minuti.' },
    hours: { 1: 'Il link è valido per 1 ora.', 24: 'Il link è valido per 24 ore.' },
  },
  es: {
    sms: 'Su código para Videosprechstunde: 12345678. No lo comparta con nadie.',
    minutes: { 1: 'Es válido durante 1 minuto.', 10: 'Es válido durante 10 minutos.' },
    hours: { 1: 'El enlace es válido durante 1 hora.', 24: 'El enlace es válido durante 24 horas.' },
  },
};

describe('message texts in every language', () => {
  for (const locale of messageLocales) {
    it(`${locale}: the SMS with its WebOTP line, and the validity counted in the language`, () => {
      const { sms, minutes, hours } = expected[locale];
      const context = { product: 'Videosprechstunde', locale: `${locale}-DE` };
      equal(messageTexts.smsCode('12345678', { ...context, host: 'praxis.example' }), `${sms}\n\n@praxis.example #12345678`);
      equal(messageTexts.smsCode('12345678', { ...context, host: undefined }), sms);
      for (const [count, phrase] of Object.entries(minutes)) {
        const mail = messageTexts.emailCode('4711', Number(count), context);
        ok(mail.text.includes(phrase), `${locale}, ${count} minutes: ${mail.text}`);
      }
      for (const [count, phrase] of Object.entries(hours)) {
        const mail = messageTexts.verification('https://praxis.example/?c=1', Number(count), context);
        ok(mail.text.includes(phrase), `${locale}, ${count} hours: ${mail.text}`);
      }
    });
  }

  it('take the language of the locale, and English for a language not offered', () => {
    deepEqual(['de-AT', 'DE', 'ar-EG', 'pt-BR', 'zh', 'tr_TR', ''].map(messageLocale), ['de', 'de', 'ar', 'en', 'en', 'tr', 'en']);
    equal(messageTexts.passwordReset('https://x.example/r', 30, { product: 'Kundencenter', locale: 'pt' }).subject, 'New password for Kundencenter');
    equal(messageTexts.passwordReset('https://x.example/r', 30, { product: 'Kundencenter', locale: 'de-AT' }).subject, 'Neues Passwort für Kundencenter');
  });

  it('are complete tables: every value once in each text, plural forms for every category, none left in English', () => {
    const product = 'PRODUCT';
    const code = '98765';
    const link = 'https://example.test/LINK';
    const validity = 'VALIDITY';
    const organization = 'ORGANIZATION';
    const once = (text: string, value: string, where: string) =>
      equal(text.split(value).length - 1, 1, `${where} has ${value} exactly once: ${text}`);
    for (const locale of messageLocales) {
      const table = messageTables[locale];
      const english = messageTables.en;
      const texts: Array<[string, string, string, string[]]> = [
        ['smsCode', table.smsCode(product, code), english.smsCode(product, code), [product, code]],
        ['emailCode.subject', table.emailCode.subject(product, code), english.emailCode.subject(product, code), [product, code]],
        ['emailCode.text', table.emailCode.text(product, code, validity), english.emailCode.text(product, code, validity), [product, code, validity]],
        ['verification.subject', table.verification.subject(product), english.verification.subject(product), [product]],
        ['verification.text', table.verification.text(product, link, validity), english.verification.text(product, link, validity), [product, link, validity]],
        ['passwordReset.subject', table.passwordReset.subject(product), english.passwordReset.subject(product), [product]],
        ['passwordReset.text', table.passwordReset.text(product, link, validity), english.passwordReset.text(product, link, validity), [product, link, validity]],
        ['joinDecision.approvedSubject', table.joinDecision.approvedSubject(organization), english.joinDecision.approvedSubject(organization), [organization]],
        ['joinDecision.approvedText', table.joinDecision.approvedText(product, organization), english.joinDecision.approvedText(product, organization), [product, organization]],
        ['joinDecision.declinedSubject', table.joinDecision.declinedSubject(organization), english.joinDecision.declinedSubject(organization), [organization]],
        ['joinDecision.declinedText', table.joinDecision.declinedText(product, organization), english.joinDecision.declinedText(product, organization), [product, organization]],
        ['accountInvitation.subject', table.accountInvitation.subject(product), english.accountInvitation.subject(product), [product]],
        ['accountInvitation.text', table.accountInvitation.text(product, link, validity), english.accountInvitation.text(product, link, validity), [product, link, validity]],
        ['guestInvitation.subject', table.guestInvitation.subject(product), english.guestInvitation.subject(product), [product]],
        ['guestInvitation.text', table.guestInvitation.text(product, link, 'CODELINE', validity), english.guestInvitation.text(product, link, 'CODELINE', validity), [product, link, 'CODELINE', validity]],
        ['guestInvitation.codeLine', table.guestInvitation.codeLine(code), english.guestInvitation.codeLine(code), [code]],
        ['guestInvitation.codeApart', table.guestInvitation.codeApart, english.guestInvitation.codeApart, []],
        ['guestCode.subject', table.guestCode.subject(product), english.guestCode.subject(product), [product]],
        ['guestCode.text', table.guestCode.text(product, code), english.guestCode.text(product, code), [product, code]],
      ];
      for (const [name, text, englishText, values] of texts) {
        for (const value of values) once(text, value, `${locale} ${name}`);
        if (locale !== 'en') ok(text !== englishText, `${locale} ${name} is translated`);
      }
      const counts = Array.from({ length: 1001 }, (_, count) => count);
      const categories = new Set(counts.map((count) => pluralCategory(locale, count)));
      for (const unit of ['minutes', 'hours'] as const) {
        for (const category of categories) {
          ok(category === 'other' || table[unit][category] !== undefined, `${locale} ${unit} has its ${category} form`);
        }
        for (const count of [1, 2, 3, 5, 11, 21, 22, 100, 101]) {
          ok(/\d/.test(countText(locale, count, table[unit])) || count <= 2, `${locale} ${unit}: ${count} is written out`);
        }
      }
    }
  });
});
