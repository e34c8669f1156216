import { expect, fixture, html } from '@open-wc/testing';
import { loadPhoneSupport } from '@pforte/core';
import '../define/phone-input.js';
import type { PfortePhoneInput } from './phone-input.js';
import { setLocale } from '../localization/localization.js';
import { byLabel, description, paste, press, type, until } from '../../test/helpers.js';

async function phoneInput(template = html`<pforte-phone-input default-country="DE"></pforte-phone-input>`) {
  const element = await fixture<PfortePhoneInput>(template);
  await loadPhoneSupport();
  await until(() => element.querySelectorAll('option').length > 100, 'countries loaded');
  return element;
}

describe('<pforte-phone-input>', () => {
  before(() => setLocale('en'));

  it('is accessible before and after loading, and with an error', async () => {
    const early = await fixture<PfortePhoneInput>(html`<pforte-phone-input></pforte-phone-input>`);
    await expect(early).to.be.accessible();
    const element = await phoneInput();
    await expect(element).to.be.accessible();
    byLabel(element, 'Mobile number').focus();
    await type('123');
    await element.validate();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('labels a tel input for autofill and a country select with calling codes', async () => {
    const element = await phoneInput();
    const input = byLabel(element, 'Mobile number');
    expect(input.type).to.equal('tel');
    expect(input.autocomplete).to.equal('tel');
    expect(input.inputMode).to.equal('tel');
    const select = byLabel<HTMLSelectElement>(element, 'Country');
    expect(select.value).to.equal('DE');
    expect(select.selectedOptions[0]!.textContent).to.equal('Germany (+49)');
    expect(select.querySelector('option[value="AT"]')!.textContent).to.equal('Austria (+43)');
  });

  it('formats while typing, leaves deletions alone and yields E.164', async () => {
    const element = await phoneInput();
    const input = byLabel(element, 'Mobile number');
    input.focus();
    await type('015123456789');
    expect(input.value).to.equal('01512 3456789');
    expect(element.value).to.equal('+4915123456789');
    await press('Backspace');
    expect(input.value, 'the deletion is not re-formatted').to.equal('01512 345678');
  });

  it('accepts a pasted international number', async () => {
    const element = await phoneInput();
    const input = byLabel(element, 'Mobile number');
    await paste(input, '+43 664 1234567');
    // Austria's metadata arrives with the calling code.
    await until(() => element.value === '+436641234567', 'the number read with Austria’s metadata');
  });

  it('switches the country and reads numbers in that country', async () => {
    const element = await phoneInput();
    const select = byLabel<HTMLSelectElement>(element, 'Country');
    select.value = 'AT';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    byLabel(element, 'Mobile number').focus();
    await type('06641234567');
    expect(element.value).to.equal('+436641234567');
  });

  it('explains an invalid or non-mobile number through aria-describedby', async () => {
    const element = await phoneInput();
    const input = byLabel(element, 'Mobile number');
    expect(await element.validate()).to.equal(undefined);
    await element.updateComplete;
    expect(description(input)).to.equal('Please enter your mobile number.');
    input.focus();
    await type('030 1234567');
    expect(await element.validate()).to.equal(undefined);
    await element.updateComplete;
    expect(description(input)).to.include('not a mobile number');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const landline = await phoneInput(html`<pforte-phone-input .mobileOnly=${false}></pforte-phone-input>`);
    byLabel(landline, 'Mobile number').focus();
    await type('030 1234567');
    expect(await landline.validate()).to.equal('+49301234567');
  });

  it('shows a prefilled E.164 number nationally for editing', async () => {
    const element = await phoneInput(html`<pforte-phone-input .value=${'+4915123456789'}></pforte-phone-input>`);
    await until(() => byLabel(element, 'Mobile number').value === '01512 3456789', 'national format');
    expect(element.value).to.equal('+4915123456789');
  });

  it('names countries in German', async () => {
    await setLocale('de');
    try {
      const element = await phoneInput();
      const select = byLabel<HTMLSelectElement>(element, 'Land');
      expect(select.selectedOptions[0]!.textContent).to.equal('Deutschland (+49)');
      byLabel(element, 'Mobilfunknummer');
      await expect(element).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
