import { loadPhoneSupport } from '../src/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

describe('phone (lazy libphonenumber-js)', () => {
  it('loads once and shares the load', async () => {
    const [first, second] = await Promise.all([loadPhoneSupport(), loadPhoneSupport()]);
    equal(first, second);
    ok(first.countries.includes('DE') && first.countries.includes('AT') && first.countries.length > 200);
    equal(first.callingCode('DE'), '49');
    equal(first.callingCode('XX'), '');
  });

  it('accepts a German mobile number in any notation', async () => {
    const phone = await loadPhoneSupport();
    for (const input of ['+4915112345678', '0151 12345678', '0151/123 456 78', '+49 (0)151 12345678']) {
      deepEqual(phone.parse(input, 'DE'), { ok: true, e164: '+4915112345678', national: '01511 2345678' }, input);
    }
    equal(phone.parse('+436641234567', 'DE').ok, true, 'an Austrian mobile with a German default country');
  });

  it('rejects a landline when mobileOnly, accepts it otherwise', async () => {
    const phone = await loadPhoneSupport();
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
      deepEqual(phone.parse(input, 'DE', { mobileOnly: false }), { ok: false, reason: 'invalid' }, input);
    }
  });

  it('formats as you type', async () => {
    const phone = await loadPhoneSupport();
    equal(phone.format('0151', 'DE'), '0151');
    equal(phone.format('015112345678', 'DE'), '01511 2345678');
    equal(phone.format('+4915112345678', 'DE'), '+49 1511 2345678');
    equal(phone.format('06641234567', 'AT'), '0664 1234567');
  });
});
