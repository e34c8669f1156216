import { createRequire } from 'node:module';
import { loadPhoneSupport } from '../src/index.js';
import { countryCallingCodes, countryMetadata, libphonenumberVersion } from '../src/generated/phone/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

const require = createRequire(import.meta.url);

describe('phone (lazy libphonenumber-js, metadata per country)', () => {
  it('loads once and shares the load; every country is selectable before its metadata loads', async () => {
    const [first, second] = await Promise.all([loadPhoneSupport(), loadPhoneSupport()]);
    equal(first, second);
    ok(first.countries.includes('DE') && first.countries.includes('AT') && first.countries.length > 200);
    equal(first.callingCode('DE'), '49');
    equal(first.callingCode('FR'), '33');
    equal(first.callingCode('XX'), '');
  });

  it('prepares only the metadata a number needs: the selected country, or the calling code of an international number', async () => {
    const phone = await loadPhoneSupport();
    equal(phone.parse('0151 12345678', 'LU').ok, false, 'nothing of Luxembourg is loaded yet');
    equal(await phone.prepare('', 'LU'), true);
    equal(await phone.prepare('661 234 567', 'LU'), false, 'already there');
    equal(phone.parse('661 234 567', 'LU').ok, true);
    // A French number typed with a Luxembourg selection: France's metadata, from its calling code.
    equal(phone.parse('+33 6 12 34 56 78', 'LU').ok, false);
    equal(await phone.prepare('+33 6 12 34 56 78', 'LU'), true);
    deepEqual(phone.parse('+33 6 12 34 56 78', 'LU'), { ok: true, e164: '+33612345678', national: '06 12 34 56 78' });
    equal(await phone.prepare('0033 6 12 34 56 78', 'LU'), false, 'the 00 prefix reads the same');
  });

  it('accepts a German mobile number in any notation', async () => {
    const phone = await loadPhoneSupport();
    for (const input of ['+4915112345678', '0151 12345678', '0151/123 456 78', '+49 (0)151 12345678']) {
      await phone.prepare(input, 'DE');
      deepEqual(phone.parse(input, 'DE'), { ok: true, e164: '+4915112345678', national: '01511 2345678' }, input);
    }
    await phone.prepare('+436641234567', 'DE');
    equal(phone.parse('+436641234567', 'DE').ok, true, 'an Austrian mobile with a German default country');
  });

  it('rejects a landline when mobileOnly, accepts it otherwise', async () => {
    const phone = await loadPhoneSupport();
    await phone.prepare('', 'DE');
    deepEqual(phone.parse('030 1234567', 'DE', { mobileOnly: true }), { ok: false, reason: 'not_mobile' });
    deepEqual(phone.parse('030 1234567', 'DE'), { ok: false, reason: 'not_mobile' }, 'mobileOnly is the default');
    const landline = phone.parse('030 1234567', 'DE', { mobileOnly: false });
    equal(landline.ok && landline.e164, '+49301234567');
  });

  it('says a mobile number typed a digit short is too short, not a landline', async () => {
    const phone = await loadPhoneSupport();
    deepEqual(phone.parse('0151 1234567', 'DE'), { ok: false, reason: 'too_short' });
    deepEqual(phone.parse('0151 123456', 'DE'), { ok: false, reason: 'too_short' });
    deepEqual(phone.parse('030 1234567', 'DE'), { ok: false, reason: 'not_mobile' });
  });

  it('rejects garbage and numbers of impossible length', async () => {
    const phone = await loadPhoneSupport();
    for (const input of ['', 'abc', '0151', '+49 17', '+49 151 1234567890123']) {
      await phone.prepare(input, 'DE');
      deepEqual(phone.parse(input, 'DE', { mobileOnly: false }), { ok: false, reason: 'invalid' }, input);
    }
  });

  it('formats as you type once the country is prepared', async () => {
    const phone = await loadPhoneSupport();
    await phone.prepare('', 'DE');
    equal(phone.format('0151', 'DE'), '0151');
    equal(phone.format('015112345678', 'DE'), '01511 2345678');
    equal(phone.format('+4915112345678', 'DE'), '+49 1511 2345678');
    equal(phone.format('06641234567', 'MT'), '06641234567', 'unchanged while Malta is not loaded');
    await phone.prepare('', 'AT');
    equal(phone.format('06641234567', 'AT'), '0664 1234567');
  });

  it('the generated metadata is libphonenumber-js’s mobile metadata of the installed version (else: node scripts/phone-metadata.mjs)', async () => {
    const metadata = require('libphonenumber-js/metadata.mobile.json') as { country_calling_codes: unknown; countries: Record<string, unknown> };
    equal(libphonenumberVersion, (require('libphonenumber-js/package.json') as { version: string }).version);
    deepEqual(countryCallingCodes, metadata.country_calling_codes);
    deepEqual(Object.keys(countryMetadata).sort(), Object.keys(metadata.countries).sort());
    for (const [country, load] of Object.entries(countryMetadata)) deepEqual((await load()).default, metadata.countries[country], country);
  });
});
