import { expect, fixture, html } from '@open-wc/testing';
import '../define/code-input.js';
import type { PforteCodeInput } from './code-input.js';
import { setLocale } from '../localization/localization.js';
import { byLabel, description, paste, press, type } from '../../test/helpers.js';

async function codeInput(length = 8) {
  return fixture<PforteCodeInput>(html`<pforte-code-input length=${length} label="SMS code"></pforte-code-input>`);
}

describe('<pforte-code-input>', () => {
  before(() => setLocale('en'));

  it('is accessible empty, filled and invalid', async () => {
    const element = await codeInput();
    await expect(element).to.be.accessible();
    byLabel(element, 'SMS code').focus();
    await type('1234');
    await expect(element).to.be.accessible();
    element.invalid = true;
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('is one real labelled input for one-time codes', async () => {
    const element = await codeInput(6);
    const inputs = element.querySelectorAll('input');
    expect(inputs).to.have.length(1);
    const input = byLabel(element, 'SMS code');
    expect(input.autocomplete).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    expect(input.name).to.equal('code');
    expect(input.maxLength).to.equal(6);
    expect(input.pattern).to.equal('[0-9]{6}');
    expect(description(input)).to.equal('6 digits');
    expect(element.style.getPropertyValue('--pf-code-length')).to.equal('6');
  });

  it('takes typed digits only and announces completion without the code', async () => {
    const element = await codeInput(6);
    const details: unknown[] = [];
    element.addEventListener('pforte-code-complete', (event) => details.push(event.detail));
    byLabel(element, 'SMS code').focus();
    await type('12a3 45');
    expect(element.value).to.equal('12345');
    expect(details).to.have.length(0);
    await type('6');
    expect(element.value).to.equal('123456');
    expect(details).to.deep.equal([{}]);
    await type('7');
    expect(element.value, 'never longer than the code').to.equal('123456');
    await press('Backspace');
    expect(element.value).to.equal('12345');
  });

  it('accepts a pasted code with spaces or dashes', async () => {
    const element = await codeInput(8);
    let completed = 0;
    element.addEventListener('pforte-code-complete', () => completed++);
    const input = byLabel(element, 'SMS code');
    await paste(input, ' 1234-5678 ');
    expect(element.value).to.equal('12345678');
    expect(input.value).to.equal('12345678');
    expect(completed).to.equal(1);
    input.select();
    await paste(input, 'Your code: 8765 4321.');
    expect(element.value).to.equal('87654321');
    expect(completed).to.equal(2);
  });

  it('inserts a partial paste at the caret', async () => {
    const element = await codeInput(8);
    const input = byLabel(element, 'SMS code');
    input.focus();
    await type('12');
    await paste(input, '3 4');
    expect(element.value).to.equal('1234');
  });

  it('fills itself through WebOTP and aborts the request when removed', async () => {
    const windowWithOtp = window as unknown as { OTPCredential?: unknown };
    const originalGet = navigator.credentials.get.bind(navigator.credentials);
    let signal: AbortSignal | undefined;
    windowWithOtp.OTPCredential = class {};
    navigator.credentials.get = ((options: CredentialRequestOptions) => {
      signal = options.signal ?? undefined;
      return Promise.resolve({ code: '24680135', type: 'otp', id: '' } as unknown as Credential);
    }) as typeof navigator.credentials.get;
    try {
      const element = document.createElement('pforte-code-input');
      element.length = 8;
      let completed = false;
      element.addEventListener('pforte-code-complete', () => (completed = true));
      document.body.append(element);
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
      expect(element.value).to.equal('24680135');
      expect(completed).to.be.true;
      expect(signal!.aborted).to.be.false;
      element.remove();
      expect(signal!.aborted).to.be.true;
    } finally {
      delete windowWithOtp.OTPCredential;
      navigator.credentials.get = originalGet;
    }
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const element = await fixture<PforteCodeInput>(html`<pforte-code-input length="8"></pforte-code-input>`);
      expect(description(byLabel(element, 'Code'))).to.equal('8 Ziffern');
    } finally {
      await setLocale('en');
    }
  });
});
