import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, createMemoryAdapter, PforteError } from '@pforte/core';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import '../define/email-code-step.js';
import type { PforteEmailCodeStep } from './email-code-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, paste, press, type, until } from '../../test/helpers.js';

/** A flow with an account whose username is its e-mail address, on a memory backend with a manual clock. */
async function accountFlow(clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId, clock };
}

async function emailCodeStep(adapter: PforteAdapter, flowId: string, clock: ManualClock, extra: Partial<PforteEmailCodeStep> = {}) {
  const step = await fixture<PforteEmailCodeStep>(html`
    <pforte-email-code-step .adapter=${adapter} flow-id=${flowId} .clock=${clock}></pforte-email-code-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

function codeField(step: PforteEmailCodeStep): HTMLInputElement {
  return step.querySelector<HTMLInputElement>('pforte-code-input input')!;
}

function resendButton(step: PforteEmailCodeStep): HTMLButtonElement {
  return byButton(step, /New code in|Send new code/);
}

function status(step: PforteEmailCodeStep): string {
  return step.querySelector('[role="status"]')!.textContent!.trim();
}

async function advance(step: PforteEmailCodeStep, clock: ManualClock, ms: number) {
  clock.advance(ms);
  step.refreshCountdown();
  await step.updateComplete;
}

/** Sends the first code; resolves in the code phase with the code input focused. */
async function send(step: PforteEmailCodeStep) {
  byButton(step, 'Send code').focus();
  await press('Enter');
  await until(() => step.querySelector('pforte-code-input'), 'code phase');
  await until(() => document.activeElement === codeField(step), 'focus on the code input');
}

describe('<pforte-email-code-step>', () => {
  before(() => setLocale('en'));

  it('is accessible before sending, counting down, and with a code error', async () => {
    const { adapter, flowId, clock } = await accountFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    await expect(step).to.be.accessible();
    await send(step);
    await expect(step).to.be.accessible();
    await type('111111');
    await until(() => description(codeField(step)).includes('not correct'), 'code error');
    await expect(step).to.be.accessible();
  });

  it('sends the code to the e-mail address of the flow and labels the input for one-time codes', async () => {
    const { adapter, flowId, clock } = await accountFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { email: 'anna@example.com' });
    expect(step.textContent!.replace(/\s+/g, ' ')).to.include('We will send a code of 6 digits to anna@example.com.');
    expect(step.querySelector('pforte-code-input'), 'nothing is sent before the person asks').to.be.null;
    expect(adapter.outbox).to.have.length(0);
    await send(step);
    const message = adapter.outbox.at(-1)!;
    expect(message.channel).to.equal('email');
    expect(message.to).to.equal('anna@example.com');
    const code = byLabel(step, 'Code from the e-mail');
    expect(code).to.equal(codeField(step));
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.maxLength).to.equal(6);
    expect(step.textContent!.replace(/\s+/g, ' ')).to.include('We sent a code of 6 digits to anna@example.com.');
    expect(step.textContent).to.include('spam folder');
  });

  it('can be used by keyboard alone: Tab order, Enter to send, the full code submits itself', async () => {
    const { adapter, flowId, clock } = await accountFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Send code'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Activate later'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    await send(step);
    const done = oneEvent(step, 'pforte-step-done');
    await type(adapter.lastCode('email')!);
    const { detail } = await done;
    expect(detail).to.deep.equal({ step: 'emailCode', values: {} });
  });

  it('pastes a code, verifies it and puts no code in any event', async () => {
    const { adapter, flowId, clock } = await accountFlow();
    const step = await emailCodeStep(adapter, flowId, clock);
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-code-complete', 'pforte-error']) {
      step.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    await send(step);
    const code = adapter.lastCode('email')!;
    await paste(codeField(step), ` ${code.slice(0, 3)} ${code.slice(3)} `);
    await until(() => events.some((event) => event.type === 'pforte-step-done'), 'done');
    expect(events.map((event) => event.type)).to.deep.equal(['pforte-code-complete', 'pforte-step-done']);
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(code);
    expect(codeField(step).value).to.equal('');
  });

  it('takes the server code length over the `code-length` default', async () => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, emailCodeLength: 8 });
    const { flowId } = await adapter.startRegistration({ locale: 'en' });
    await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
    const step = await emailCodeStep(adapter, flowId, clock);
    await send(step);
    expect(codeField(step).maxLength).to.equal(8);
  });

  describe('resend countdown', () => {
    it('keeps "new code" disabled until 60 s, announcing start and end only', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      await send(step);
      expect(resendButton(step).disabled).to.be.true;
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 1:00');
      expect(status(step)).to.equal('Code sent. You can request a new code in 60 seconds.');
      await advance(step, clock, 59_000);
      expect(resendButton(step).disabled, 'at 59 s').to.be.true;
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 0:01');
      expect(status(step), 'no announcement per second').to.equal('Code sent. You can request a new code in 60 seconds.');
      await advance(step, clock, 1_000);
      expect(resendButton(step).disabled, 'at 60 s').to.be.false;
      await until(() => status(step) === 'You can now request a new code.', 'end announced');
      const first = adapter.lastCode('email');
      resendButton(step).click();
      await until(() => adapter.outbox.length === 2, 'second e-mail');
      await step.updateComplete;
      expect(adapter.lastCode('email')).not.to.equal(first);
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 1:00');
      await until(() => status(step).startsWith('A new code was sent.'), 'resend announced');
    });

    it('keeps the deadline when the step is re-created', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const first = await emailCodeStep(adapter, flowId, clock);
      await send(first);
      await advance(first, clock, 20_000);
      const deadline = first.resendDeadline;
      first.remove();
      const second = await emailCodeStep(adapter, flowId, clock);
      second.resendDeadline = deadline;
      await second.updateComplete;
      const sendButton = byButton(second, /Send code/);
      expect(sendButton.disabled).to.be.true;
      expect(sendButton.textContent!.trim()).to.equal('Send code in 0:40');
    });

    it('starts the wait from a rate_limited error with the server deadline', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      const now = clock.now();
      adapter.failNext('sendEmailCode', new PforteError('rate_limited', { retryAfterSeconds: 30, resendAvailableAt: now + 30_000, now }));
      byButton(step, 'Send code').click();
      await until(() => step.querySelector('[role="alert"]')!.textContent!.includes('30 seconds'), 'rate limit shown');
      const sendButton = byButton(step, /Send code/);
      expect(sendButton.disabled).to.be.true;
      expect(sendButton.textContent!.trim()).to.equal('Send code in 0:30');
      expect(step.contains(document.activeElement), 'focus stays in the step').to.be.true;
      await expect(step).to.be.accessible();
      await advance(step, clock, 30_000);
      expect(sendButton.disabled).to.be.false;
    });
  });

  describe('code errors', () => {
    it('ties a wrong code to the field with the attempts left and selects it', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      const errors: string[] = [];
      step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
      await send(step);
      const wrong = adapter.lastCode('email') === '123456' ? '654321' : '123456';
      await type(wrong);
      const code = codeField(step);
      await until(() => description(code).includes('Attempts left: 4'), 'attempts left');
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement).to.equal(code);
      expect(code.selectionStart).to.equal(0);
      expect(code.selectionEnd).to.equal(6);
      expect(errors).to.deep.equal(['code.invalid']);
    });

    it('offers a new code once the code expired', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      await send(step);
      const expiredCode = adapter.lastCode('email')!;
      await advance(step, clock, 601_000);
      await type(expiredCode);
      await until(() => description(codeField(step)).includes('expired'), 'expired');
      expect(byButton(step, 'Verify code').disabled).to.be.true;
      resendButton(step).click();
      await until(() => adapter.outbox.length === 2, 'new code sent');
      await until(() => document.activeElement === codeField(step), 'focus back on the code');
      const done = oneEvent(step, 'pforte-step-done');
      await type(adapter.lastCode('email')!);
      await done;
    });

    it('declares the code dead after too many wrong tries', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      await send(step);
      const right = adapter.lastCode('email')!;
      const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((code) => code !== right).slice(0, 5);
      for (const wrong of wrongCodes) {
        codeField(step).select();
        await type(wrong);
        await until(() => !byButton(step, /Verify code|Please wait/).textContent!.includes('wait'), 'answer');
        await step.updateComplete;
      }
      await until(() => description(codeField(step)).includes('Too many wrong attempts'), 'max attempts');
      expect(byButton(step, 'Verify code').disabled).to.be.true;
      await expect(step).to.be.accessible();
    });

    it('keeps the code on a network error and verifies it on retry', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      await send(step);
      adapter.failNext('verifyEmailCode', 'offline');
      const code = adapter.lastCode('email')!;
      await type(code);
      await until(() => description(codeField(step)).includes('No connection'), 'network error');
      expect(codeField(step).value).to.equal(code);
      const done = oneEvent(step, 'pforte-step-done');
      await press('Enter');
      await done;
    });

    it('shows a local message for an incomplete code', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      await send(step);
      await type('123');
      await press('Enter');
      await step.updateComplete;
      expect(description(codeField(step))).to.include('Please enter all 6 digits of the code.');
    });
  });

  it('sends "Activate later" and "Back" to the flow host, and hides them when not offered', async () => {
    const { adapter, flowId, clock } = await accountFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    setTimeout(() => byButton(step, 'Activate later').click());
    expect((await oneEvent(step, 'pforte-step-skip')).detail).to.deep.equal({ step: 'emailCode' });
    setTimeout(() => byButton(step, 'Back').click());
    expect((await oneEvent(step, 'pforte-step-back')).detail).to.deep.equal({ step: 'emailCode' });
    step.optional = false;
    step.canGoBack = false;
    await step.updateComplete;
    expect(() => byButton(step, 'Activate later')).to.throw();
    expect(() => byButton(step, 'Back')).to.throw();
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await emailCodeStep(adapter, flowId, clock, { optional: true });
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Mit E-Mail-TAN bestätigen (optional)');
      byButton(step, 'Später aktivieren');
      await expect(step).to.be.accessible();
      byButton(step, 'Code senden').click();
      await until(() => step.querySelector('pforte-code-input'), 'code phase');
      byLabel(step, 'Code aus der E-Mail');
      expect(byButton(step, /1:00/).disabled).to.be.true;
    } finally {
      await setLocale('en');
    }
  });
});
