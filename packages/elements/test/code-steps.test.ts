import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, loadPhoneSupport } from '@pforte/core';
import '../src/define/email-code-step.js';
import '../src/define/sms-step.js';
import type { PforteCodeStepElement } from '../src/internal/code-step-element.js';
import { setLocale } from '../src/localization/localization.js';
import { accountFlow, advanceClock, byButton, byLabel, codeInputOf, description, press, type, until, unavailable } from './helpers.js';

/**
 * What the SMS and the e-mail code step do the same way (they share
 * PforteCodeStepElement): the resend countdown, the errors of a code, and
 * "Activate later" / "Back". How each gets its code out stays in its own tests.
 */
interface CodeStepCase {
  tag: 'pforte-sms-step' | 'pforte-email-code-step';
  channel: 'sms' | 'email';
  verifyMethod: 'verifySmsCode' | 'verifyEmailCode';
  length: number;
  /** Sends the first code as a person would; resolves once the code input is there. */
  sendFirst: (step: HTMLElement) => Promise<void>;
}

const cases: CodeStepCase[] = [
  {
    tag: 'pforte-sms-step',
    channel: 'sms',
    verifyMethod: 'verifySmsCode',
    length: 8,
    sendFirst: async (step) => {
      await loadPhoneSupport();
      byLabel(step, 'Mobile number').focus();
      await type('01512 3456789');
      await press('Enter');
    },
  },
  {
    tag: 'pforte-email-code-step',
    channel: 'email',
    verifyMethod: 'verifyEmailCode',
    length: 6,
    sendFirst: async (step) => {
      byButton(step, 'Send code').focus();
      await press('Enter');
    },
  },
];

/** A code that is not `right`: every digit moved on by `shift`. */
function wrongCode(right: string, shift = 1): string {
  return [...right].map((digit) => String((Number(digit) + shift) % 10)).join('');
}

describe('code steps', () => {
  before(() => setLocale('en'));

  for (const codeCase of cases) {
    describe(`<${codeCase.tag}>`, () => {
      async function mount(properties: Partial<PforteCodeStepElement> = {}) {
        const clock = createManualClock();
        const { adapter, flowId } = await accountFlow({ clock });
        const step = document.createElement(codeCase.tag) as PforteCodeStepElement;
        Object.assign(step, { adapter, flowId, clock }, properties);
        await fixture(html`${step}`);
        await step.updateComplete;
        const codeField = () => codeInputOf(step);
        const resendButton = () => byButton(step, /New code in|Send new code/);
        const status = () => step.querySelector('[role="status"]')!.textContent!.trim();
        const lastCode = () => adapter.lastCode(codeCase.channel)!;
        const advance = (ms: number) => advanceClock(step, clock, ms);
        const send = async () => {
          await codeCase.sendFirst(step);
          await until(() => step.querySelector('pforte-code-input'), 'code phase');
          await until(() => document.activeElement === codeField(), 'focus on the code input');
        };
        return { step, adapter, codeField, resendButton, status, lastCode, advance, send };
      }

      it('keeps "new code" disabled until 60 s, announcing start and end only', async function () {
        // Many steps of the manual clock, each checked with axe: more than mocha's default on a loaded machine.
        this.timeout(20_000);
        const { step, adapter, resendButton, status, lastCode, advance, send } = await mount();
        await send();
        expect(unavailable(resendButton())).to.be.true;
        expect(resendButton().textContent!.trim()).to.equal('New code in 1:00');
        expect(status()).to.equal('Code sent. You can request a new code in 60 seconds.');
        await advance(17_000);
        expect(resendButton().textContent!.trim()).to.equal('New code in 0:43');
        await advance(42_000);
        expect(unavailable(resendButton()), 'at 59 s').to.be.true;
        expect(resendButton().textContent!.trim()).to.equal('New code in 0:01');
        expect(status(), 'no announcement per second').to.equal('Code sent. You can request a new code in 60 seconds.');
        await advance(1_000);
        expect(unavailable(resendButton()), 'at 60 s').to.be.false;
        expect(resendButton().textContent!.trim()).to.equal('Send new code');
        await until(() => status() === 'You can now request a new code.', 'end announced');
        await expect(step).to.be.accessible();
        const first = lastCode();
        resendButton().click();
        await until(() => adapter.outbox.length === 2, 'second code');
        await step.updateComplete;
        expect(lastCode()).not.to.equal(first);
        expect(resendButton().textContent!.trim()).to.equal('New code in 1:00');
        await until(() => status().startsWith('A new code was sent.'), 'resend announced');
      });

      it('ties a wrong code to the input with the attempts left, keeps it selected, and clears it on the right code', async () => {
        const { step, codeField, lastCode, send } = await mount();
        const errors: string[] = [];
        step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
        await send();
        const wrong = wrongCode(lastCode());
        await type(wrong);
        const code = codeField();
        await until(() => description(code).includes('Attempts left: 4'), 'attempts left');
        expect(code.getAttribute('aria-invalid')).to.equal('true');
        expect(code.value).to.equal(wrong);
        expect(document.activeElement).to.equal(code);
        expect(code.selectionStart).to.equal(0);
        expect(code.selectionEnd).to.equal(codeCase.length);
        expect(errors).to.deep.equal(['code.invalid']);
        const errorElement = document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[1]!)!;
        expect(errorElement.getAttribute('role')).to.equal('alert');
        const done = oneEvent(step, 'pforte-step-done');
        await type(lastCode());
        await done;
        expect(description(code)).not.to.include('Attempts');
      });

      it('offers a new code once the code expired', async () => {
        const { step, adapter, codeField, resendButton, lastCode, advance, send } = await mount();
        await send();
        const expiredCode = lastCode();
        await advance(601_000);
        await type(expiredCode);
        await until(() => description(codeField()).includes('expired'), 'expired');
        expect(byButton(step, 'Verify code').disabled).to.be.true;
        expect(unavailable(resendButton())).to.be.false;
        resendButton().click();
        await until(() => adapter.outbox.length === 2, 'new code sent');
        await until(() => document.activeElement === codeField(), 'focus back on the code');
        expect(codeField().value).to.equal('');
        const done = oneEvent(step, 'pforte-step-done');
        await type(lastCode());
        await done;
      });

      it('declares the code dead after too many wrong tries', async () => {
        const { step, codeField, lastCode, send } = await mount();
        await send();
        const right = lastCode();
        for (let shift = 1; shift <= 5; shift++) {
          codeField().select();
          await type(wrongCode(right, shift));
          await until(() => !byButton(step, /Verify code|Please wait/).textContent!.includes('wait'), 'answer');
          await step.updateComplete;
        }
        await until(() => description(codeField()).includes('Too many wrong attempts'), 'max attempts');
        expect(byButton(step, 'Verify code').disabled).to.be.true;
        await expect(step).to.be.accessible();
      });

      it('keeps the code on a network error and verifies it on retry', async () => {
        const { step, adapter, codeField, lastCode, send } = await mount();
        await send();
        adapter.failNext(codeCase.verifyMethod, 'offline');
        const code = lastCode();
        await type(code);
        await until(() => description(codeField()).includes('No connection'), 'network error');
        expect(codeField().value).to.equal(code);
        const done = oneEvent(step, 'pforte-step-done');
        await press('Enter');
        await done;
      });

      it('says how many digits are missing from an incomplete code', async () => {
        const { codeField, send } = await mount();
        await send();
        await type('123');
        await press('Enter');
        await until(() => description(codeField()) !== '', 'local message');
        expect(description(codeField())).to.include(`Please enter all ${codeCase.length} digits of the code.`);
      });

      it('sends "Activate later" and "Back" to the flow host, and hides them when not offered', async () => {
        const { step } = await mount({ optional: true, canGoBack: true });
        setTimeout(() => byButton(step, 'Activate later').click());
        expect((await oneEvent(step, 'pforte-step-skip')).detail).to.deep.equal({ step: step.step });
        setTimeout(() => byButton(step, 'Back').click());
        expect((await oneEvent(step, 'pforte-step-back')).detail).to.deep.equal({ step: step.step });
        step.optional = false;
        step.canGoBack = false;
        await step.updateComplete;
        expect(() => byButton(step, 'Activate later')).to.throw();
        expect(() => byButton(step, 'Back')).to.throw();
      });
    });
  }
});
