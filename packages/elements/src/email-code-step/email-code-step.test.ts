import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, PforteError } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import '../define/email-code-step.js';
import type { PforteEmailCodeStep } from './email-code-step.js';
import { setLocale } from '../localization/localization.js';
import { accountFlow, advanceClock, byButton, byLabel, codeInputOf, description, paste, press, shownText, type, unavailable, until } from '../../test/helpers.js';

/** A flow with an account, on a memory backend with a manual clock. */
async function clockedFlow(clock: ManualClock = createManualClock()) {
  return { ...(await accountFlow({ clock })), clock };
}

async function emailCodeStep(adapter: PforteAdapter, flowId: string, clock: ManualClock, extra: Partial<PforteEmailCodeStep> = {}) {
  const step = await fixture<PforteEmailCodeStep>(html`
    <pforte-email-code-step .adapter=${adapter} flow-id=${flowId} .clock=${clock}></pforte-email-code-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

/** Sends the first code; resolves in the code phase with the code input focused. */
async function send(step: PforteEmailCodeStep) {
  byButton(step, 'Send code').focus();
  await press('Enter');
  await until(() => step.querySelector('pforte-code-input'), 'code phase');
  await until(() => document.activeElement === codeInputOf(step), 'focus on the code input');
}

describe('<pforte-email-code-step>', () => {
  before(() => setLocale('en'));

  it('is accessible before sending, counting down, and with a code error', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    await expect(step).to.be.accessible();
    await send(step);
    await expect(step).to.be.accessible();
    await type('111111');
    await until(() => description(codeInputOf(step)).includes('not correct'), 'code error');
    await expect(step).to.be.accessible();
  });

  it('sends the code to the e-mail address of the flow and labels the input for one-time codes', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await emailCodeStep(adapter, flowId, clock, { email: 'anna@example.com' });
    expect(shownText(step)).to.include('We will send a code of 6 digits to anna@example.com.');
    expect(step.querySelector('pforte-code-input'), 'nothing is sent before the person asks').to.be.null;
    expect(adapter.outbox).to.have.length(0);
    await send(step);
    const message = adapter.outbox.at(-1)!;
    expect(message.channel).to.equal('email');
    expect(message.to).to.equal('anna@example.com');
    const code = byLabel(step, 'Code from the e-mail');
    expect(code).to.equal(codeInputOf(step));
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.maxLength).to.equal(6);
    expect(shownText(step)).to.include('We sent a code of 6 digits to anna@example.com.');
    expect(step.textContent).to.include('spam folder');
  });

  it('can be used by keyboard alone: Tab order, Enter to send, the full code submits itself', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
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
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await emailCodeStep(adapter, flowId, clock);
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-code-complete', 'pforte-error']) {
      step.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    await send(step);
    const code = adapter.lastCode('email')!;
    await paste(codeInputOf(step), ` ${code.slice(0, 3)} ${code.slice(3)} `);
    await until(() => events.some((event) => event.type === 'pforte-step-done'), 'done');
    expect(events.map((event) => event.type)).to.deep.equal(['pforte-code-complete', 'pforte-step-done']);
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(code);
    expect(codeInputOf(step).value).to.equal('');
  });

  it('takes the server code length over the `code-length` default', async () => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, emailCodeLength: 8 });
    const { flowId } = await adapter.startRegistration({ locale: 'en' });
    await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
    const step = await emailCodeStep(adapter, flowId, clock);
    await send(step);
    expect(codeInputOf(step).maxLength).to.equal(8);
  });

  describe('resend countdown', () => {
    it('keeps the deadline when the step is re-created', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const first = await emailCodeStep(adapter, flowId, clock);
      await send(first);
      await advanceClock(first, clock, 20_000);
      const deadline = first.resendDeadline;
      first.remove();
      const second = await emailCodeStep(adapter, flowId, clock);
      second.resendDeadline = deadline;
      await second.updateComplete;
      const sendButton = byButton(second, /Send code/);
      expect(unavailable(sendButton)).to.be.true;
      expect(sendButton.textContent!.trim()).to.equal('Send code in 0:40');
    });

    it('starts the wait from a rate_limited error with the server deadline', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await emailCodeStep(adapter, flowId, clock);
      const now = clock.now();
      adapter.failNext('sendEmailCode', new PforteError('rate_limited', { retryAfterSeconds: 30, resendAvailableAt: now + 30_000, now }));
      byButton(step, 'Send code').click();
      await until(() => step.querySelector('[role="alert"]')!.textContent!.includes('30 seconds'), 'rate limit shown');
      const sendButton = byButton(step, /Send code/);
      expect(unavailable(sendButton)).to.be.true;
      expect(sendButton.textContent!.trim()).to.equal('Send code in 0:30');
      expect(step.contains(document.activeElement), 'focus stays in the step').to.be.true;
      await expect(step).to.be.accessible();
      await advanceClock(step, clock, 30_000);
      expect(unavailable(sendButton)).to.be.false;
    });
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await emailCodeStep(adapter, flowId, clock, { optional: true });
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Mit E-Mail-TAN bestätigen (optional)');
      byButton(step, 'Später aktivieren');
      await expect(step).to.be.accessible();
      byButton(step, 'Code senden').click();
      await until(() => step.querySelector('pforte-code-input'), 'code phase');
      byLabel(step, 'Code aus der E-Mail');
      expect(unavailable(byButton(step, /1:00/))).to.be.true;
    } finally {
      await setLocale('en');
    }
  });
});
