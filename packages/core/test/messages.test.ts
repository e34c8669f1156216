import { createMemoryAdapter } from '../src/memory.js';
import { messageTexts, webOtpHost } from '../src/rules/index.js';
import { describe, equal, it, ok } from './assert.js';

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
