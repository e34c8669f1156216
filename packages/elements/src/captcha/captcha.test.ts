import { expect, fixture, html } from '@open-wc/testing';
import '../define/captcha.js';
import type { PforteCaptcha } from './captcha.js';
import { createTestCaptchaProvider } from './captcha-provider.js';
import type { CaptchaProvider } from './captcha-provider.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, type, until } from '../../test/helpers.js';

function digits(root: ParentNode): string {
  return root.querySelector('.pf-captcha-digits')!.textContent!.replace(/\s/g, '');
}

function answerInput(root: ParentNode): HTMLInputElement {
  return byLabel(root, 'Digits shown above');
}

describe('<pforte-captcha> with the test provider', () => {
  before(() => setLocale('en'));

  it('is accessible unsolved, after a wrong answer and solved', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    await expect(captcha).to.be.accessible();
    answerInput(captcha).focus();
    await type('0000');
    if (digits(captcha) === '0000') await type('1');
    await press('Enter');
    await until(() => captcha.textContent!.includes('not right'), 'wrong answer');
    await expect(captcha).to.be.accessible();
    await type(digits(captcha));
    await press('Enter');
    await until(() => captcha.solved, 'solved');
    await expect(captcha).to.be.accessible();
  });

  it('shows the digits as text, labels the input and ties the prompt and error to it', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    expect(digits(captcha)).to.match(/^\d{4}$/);
    const input = answerInput(captcha);
    expect(input.inputMode).to.equal('numeric');
    expect(input.autocomplete).to.equal('off');
    expect(description(input)).to.include(`Type these digits: ${[...digits(captcha)].join(' ')}`);
    expect(captcha.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Security check');
  });

  it('is solved by keyboard alone: Tab to the input, type, Enter; the event carries no token', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><button type="button">before</button><pforte-captcha></pforte-captcha><button type="submit">after</button></form>
    `);
    const captcha = form.querySelector('pforte-captcha')!;
    let submitted = false;
    form.addEventListener('submit', (event) => {
      submitted = true;
      event.preventDefault();
    });
    const events: CustomEvent[] = [];
    captcha.addEventListener('pforte-captcha-solved', (event) => events.push(event));
    form.querySelector('button')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(answerInput(captcha));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(captcha, 'Check'));
    answerInput(captcha).focus();
    await type(digits(captcha));
    await press('Enter');
    await until(() => events.length === 1, 'solved event');
    expect(submitted, 'Enter in the challenge does not submit the form around it').to.be.false;
    expect(events[0]!.detail).to.deep.equal({});
    expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    expect(captcha.token).to.match(/^pforte-test-captcha:[0-9a-f]{32}$/);
    expect(JSON.stringify(events[0]!.detail)).not.to.include(captcha.token!);
    expect(captcha.textContent).to.include('Security check passed.');
    expect(document.activeElement, 'focus stays in the challenge').to.equal(captcha.querySelector('.pf-captcha-solved'));
    await press('Tab');
    expect(document.activeElement!.textContent).to.equal('after');
  });

  it('draws its digits from the source it is given, new ones after a wrong answer', async () => {
    const sequence = [4, 7, 1, 2, 9, 0, 3, 5];
    let next = 0;
    const random = (max: number) => sequence[next++ % sequence.length]! % max;
    const captcha = await fixture<PforteCaptcha>(
      html`<pforte-captcha .provider=${createTestCaptchaProvider({ random })}></pforte-captcha>`,
    );
    await until(() => digits(captcha) !== '', 'digits');
    expect(digits(captcha)).to.equal('4712');
    answerInput(captcha).focus();
    await type('0000');
    await press('Enter');
    await until(() => digits(captcha) !== '4712', 'new digits');
    expect(digits(captcha)).to.equal('9035');
  });

  it('solves with the Check button too, and gives a new token each time', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    answerInput(captcha).focus();
    await type(digits(captcha));
    byButton(captcha, 'Check').click();
    await until(() => captcha.solved, 'solved');
    const first = captcha.token;
    captcha.reset();
    await captcha.updateComplete;
    expect(captcha.token).to.equal(undefined);
    expect(captcha.solved).to.be.false;
    answerInput(captcha).focus();
    await type(digits(captcha));
    await press('Enter');
    await until(() => captcha.solved, 'solved again');
    expect(captcha.token).not.to.equal(first);
  });

  it('says so on a wrong answer and offers new digits, keeping focus on the input', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    const before = digits(captcha);
    const wrong = before === '1234' ? '4321' : '1234';
    answerInput(captcha).focus();
    await type(wrong);
    await press('Enter');
    await until(() => description(answerInput(captcha)).includes('That was not right'), 'error');
    const input = answerInput(captcha);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.value).to.equal('');
    expect(digits(captcha)).not.to.equal(before);
    expect(document.activeElement).to.equal(input);
    expect(captcha.querySelector('.pf-captcha-test [role="alert"]')!.textContent).to.include('That was not right');
    expect(captcha.solved).to.be.false;
  });

  it('asks for the digits when nothing was typed', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    const before = digits(captcha);
    byButton(captcha, 'Check').click();
    await until(() => description(answerInput(captcha)).includes('Please type the digits shown.'), 'error');
    expect(digits(captcha), 'same challenge').to.equal(before);
  });

  it('aborts the challenge and cleans up when removed', async () => {
    const seen: AbortSignal[] = [];
    const test = createTestCaptchaProvider();
    const spy: CaptchaProvider = {
      render(container, options) {
        seen.push(options.signal);
        return test.render(container, options);
      },
    };
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha .provider=${spy}></pforte-captcha>`);
    expect(seen).to.have.length(1);
    const container = captcha.querySelector('.pf-captcha-container')!;
    expect(container.children).to.have.length(1);
    const parent = captcha.parentElement!;
    captcha.remove();
    expect(seen[0]!.aborted).to.be.true;
    expect(container.children, 'the test challenge removed itself').to.have.length(0);
    parent.append(captcha);
    await captcha.updateComplete;
    expect(seen).to.have.length(2);
    expect(seen[1]!.aborted).to.be.false;
    expect(digits(captcha)).to.match(/^\d{4}$/);
  });

  it('offers to try again when a provider fails to load', async () => {
    let calls = 0;
    const flaky: CaptchaProvider = {
      render(container, options) {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('script blocked'));
        return createTestCaptchaProvider().render(container, options);
      },
    };
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha .provider=${flaky}></pforte-captcha>`);
    await until(() => captcha.querySelector('[role="alert"]')?.textContent?.includes('could not be loaded'), 'failure');
    await expect(captcha).to.be.accessible();
    byButton(captcha, 'Try again').click();
    await until(() => document.activeElement === captcha.querySelector('input'), 'focus on the new challenge');
    expect(calls).to.equal(2);
    expect(captcha.querySelector('.pf-alert')).to.equal(null);
  });

  it('speaks German, also after switching while the challenge is shown', async () => {
    const captcha = await fixture<PforteCaptcha>(html`<pforte-captcha></pforte-captcha>`);
    await setLocale('de');
    try {
      await captcha.updateComplete;
      byLabel(captcha, 'Angezeigte Ziffern');
      byButton(captcha, 'Prüfen');
      expect(captcha.textContent).to.include('Geben Sie diese Ziffern ein:');
      await expect(captcha).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
