import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, loadPhoneSupport, PforteError } from '@pforte/core';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import '../define/sms-step.js';
import type { PforteSmsStep } from './sms-step.js';
import { setLocale } from '../localization/localization.js';
import { accountFlow, advanceClock, byButton, byLabel, codeInputOf, description, paste, press, shownText, timersClearedOnRemove, type, unavailable, until } from '../../test/helpers.js';

/** A flow with an account, on a memory backend with a manual clock. */
async function clockedFlow(clock: ManualClock = createManualClock()) {
  return { ...(await accountFlow({ clock })), clock };
}

async function smsStep(adapter: PforteAdapter, flowId: string, clock: ManualClock, extra: Partial<PforteSmsStep> = {}) {
  const step = await fixture<PforteSmsStep>(html`
    <pforte-sms-step .adapter=${adapter} flow-id=${flowId} .clock=${clock}></pforte-sms-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

const germanMobile = '01512 3456789';
const germanMobileE164 = '+4915123456789';

/** Types the number and sends it; resolves in the code phase with the code input focused. */
async function sendTo(step: PforteSmsStep, number = germanMobile) {
  await loadPhoneSupport();
  byLabel(step, 'Mobile number').focus();
  await type(number);
  await press('Enter');
  await until(() => step.querySelector('pforte-code-input'), 'code phase');
  await until(() => document.activeElement === codeInputOf(step), 'focus on the code input');
}

function resendButton(step: PforteSmsStep): HTMLButtonElement {
  return byButton(step, /New code in|Send new code/);
}

describe('<pforte-sms-step>', () => {
  before(() => setLocale('en'));

  it('is accessible entering the number, counting down, and with a code error', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await smsStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    await expect(step).to.be.accessible();
    await sendTo(step);
    await expect(step).to.be.accessible();
    await type('11111111');
    await until(() => description(codeInputOf(step)).includes('not correct'), 'code error');
    await expect(step).to.be.accessible();
    await byButton(step, 'Wrong number?').click();
    await step.updateComplete;
    await expect(step).to.be.accessible();
  });

  it('can be used by keyboard alone: Tab order, Enter to send, code entry submits itself', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await smsStep(adapter, flowId, clock, { optional: true, canGoBack: true });
    const done = oneEvent(step, 'pforte-step-done');
    await loadPhoneSupport();
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Country'));
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Mobile number'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Send code'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Activate later'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    byLabel(step, 'Mobile number').focus();
    await type(germanMobile);
    await press('Enter');
    await until(() => document.activeElement === codeInputOf(step), 'focus moves to the code');
    await type(adapter.lastCode()!);
    const { detail } = await done;
    expect(detail).to.deep.equal({ step: 'sms', values: { phone: germanMobileE164 } });
  });

  it('never sends a rejected code twice: Enter after the auto-submitted wrong code burns no attempt', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    let verifications = 0;
    const verify = adapter.verifySmsCode.bind(adapter);
    adapter.verifySmsCode = (input, options) => {
      verifications += 1;
      return verify(input, options);
    };
    const step = await smsStep(adapter, flowId, clock);
    await sendTo(step);
    await type('11111111');
    await until(() => description(codeInputOf(step)).includes('not correct'), 'code error');
    const message = description(codeInputOf(step));
    expect(verifications).to.equal(1);
    await press('Enter');
    await step.updateComplete;
    expect(verifications).to.equal(1);
    expect(description(codeInputOf(step))).to.equal(message);
    expect(document.activeElement).to.equal(codeInputOf(step));
    // A changed code is checked again.
    await type('22222222');
    await until(() => verifications === 2, 'the changed code is verified');
  });

  it('labels the code input for one-time codes and explains where the code went', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await smsStep(adapter, flowId, clock);
    const phone = byLabel(step, 'Mobile number');
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel');
    expect(phone.inputMode).to.equal('tel');
    await sendTo(step);
    const code = byLabel(step, 'Code from the SMS');
    expect(code).to.equal(codeInputOf(step));
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.name).to.equal('code');
    expect(code.maxLength).to.equal(8);
    expect(shownText(step)).to.include(`We sent a code of 8 digits by SMS to ${germanMobileE164}.`);
    expect(description(code)).to.include('8 digits');
    expect(adapter.outbox.at(-1)!.to).to.equal(germanMobileE164);
  });

  it('formats the number as it is typed and rejects a landline', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await smsStep(adapter, flowId, clock);
    await loadPhoneSupport();
    const phone = byLabel(step, 'Mobile number');
    phone.focus();
    await type('030123456');
    expect(phone.value).to.match(/^030 ?123456$/);
    await press('Enter');
    await until(() => description(byLabel(step, 'Mobile number')).includes('not a mobile number'), 'landline error');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(adapter.outbox).to.have.length(0);
    expect(document.activeElement).to.equal(phone);
  });

  it('pastes a code with spaces and dashes, verifies it and finishes without the code in the event', async () => {
    const { adapter, flowId, clock } = await clockedFlow();
    const step = await smsStep(adapter, flowId, clock);
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-code-complete', 'pforte-error']) {
      step.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    await sendTo(step);
    const code = adapter.lastCode()!;
    await paste(codeInputOf(step), ` ${code.slice(0, 4)}-${code.slice(4)} `);
    await until(() => events.some((event) => event.type === 'pforte-step-done'), 'done');
    expect(events.map((event) => event.type)).to.deep.equal(['pforte-code-complete', 'pforte-step-done']);
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(code);
    expect(codeInputOf(step).value).to.equal('');
  });

  describe('resend countdown', () => {
    it('lets a later server deadline win over the client minimum', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const slowServer: PforteAdapter = {
        ...adapter,
        async sendSmsCode(input, options) {
          const result = await adapter.sendSmsCode(input, options);
          return { ...result, resendAvailableAt: result.resendAvailableAt + 30_000 };
        },
      };
      const step = await smsStep(slowServer, flowId, clock);
      await sendTo(step);
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 1:30');
      await advanceClock(step, clock, 60_000);
      expect(unavailable(resendButton(step)), 'the client minimum alone would allow it').to.be.true;
      await advanceClock(step, clock, 29_000);
      expect(unavailable(resendButton(step))).to.be.true;
      await advanceClock(step, clock, 1_000);
      expect(unavailable(resendButton(step))).to.be.false;
    });

    it('cancels server clock skew with the server now', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const skewed: PforteAdapter = {
        ...adapter,
        async sendSmsCode(input, options) {
          const result = await adapter.sendSmsCode(input, options);
          // The server's clock runs an hour ahead; its deadline is 60 s after its own now.
          return { ...result, now: result.now + 3_600_000, resendAvailableAt: result.resendAvailableAt + 3_600_000 };
        },
      };
      const step = await smsStep(skewed, flowId, clock);
      await sendTo(step);
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 1:00');
    });

    it('is not reset by going to "Wrong number?" and back', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await smsStep(adapter, flowId, clock);
      await sendTo(step);
      await advanceClock(step, clock, 20_000);
      byButton(step, 'Wrong number?').click();
      await step.updateComplete;
      const phone = byLabel(step, 'Mobile number');
      await until(() => document.activeElement === phone, 'focus on the number');
      expect(phone.value.replace(/\s/g, ''), 'the number is kept for editing').to.equal('015123456789');
      const send = byButton(step, /Send code/);
      expect(unavailable(send)).to.be.true;
      expect(send.textContent!.trim()).to.equal('Send code in 0:40');
      byButton(step, 'Enter the code already sent').click();
      await step.updateComplete;
      expect(resendButton(step).textContent!.trim()).to.equal('New code in 0:40');
      await advanceClock(step, clock, 40_000);
      expect(unavailable(resendButton(step))).to.be.false;
    });

    it('keeps the waiting "Send code" reachable by Tab after "Wrong number?", and a press sends nothing', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      let sends = 0;
      const sendSmsCode = adapter.sendSmsCode.bind(adapter);
      adapter.sendSmsCode = (input, options) => {
        sends += 1;
        return sendSmsCode(input, options);
      };
      const step = await smsStep(adapter, flowId, clock);
      await sendTo(step);
      await advanceClock(step, clock, 4_000);
      byButton(step, 'Wrong number?').click();
      await until(() => document.activeElement === step.querySelector('input[type="tel"]'), 'focus on the number');
      await press('Tab');
      const send = document.activeElement as HTMLButtonElement;
      expect(send.textContent!.trim()).to.equal('Send code in 0:56');
      expect(send.getAttribute('aria-disabled')).to.equal('true');
      await press('Enter');
      await step.updateComplete;
      expect(sends).to.equal(1);
      await expect(step).to.be.accessible();
    });

    it('offers the code already sent when the person comes back to the step while the wait runs', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const first = await smsStep(adapter, flowId, clock);
      await sendTo(first);
      const { resendDeadline } = first;
      first.remove();
      // The flow host re-creates the step after Back and Continue, handing over the number and the deadline.
      const step = await smsStep(adapter, flowId, clock, { phone: germanMobileE164, resendDeadline });
      byButton(step, 'Enter the code already sent').click();
      await until(() => document.activeElement === codeInputOf(step), 'focus on the code input');
      const done = oneEvent(step, 'pforte-step-done');
      await type(adapter.lastCode()!);
      await done;
    });

    it('restarts from a rate_limited error with the server deadline', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await smsStep(adapter, flowId, clock);
      const now = clock.now();
      adapter.failNext(
        'sendSmsCode',
        new PforteError('rate_limited', { retryAfterSeconds: 30, resendAvailableAt: now + 30_000, now }),
      );
      await loadPhoneSupport();
      byLabel(step, 'Mobile number').focus();
      await type(germanMobile);
      await press('Enter');
      await until(() => step.querySelector('[role="alert"]')!.textContent!.includes('30 seconds'), 'rate limit shown');
      const send = byButton(step, /Send code/);
      expect(unavailable(send)).to.be.true;
      expect(send.textContent!.trim()).to.equal('Send code in 0:30');
      expect(byLabel(step, 'Mobile number').value, 'the number stays').to.match(/01512 ?3456789/);
      await expect(step).to.be.accessible();
      await advanceClock(step, clock, 30_000);
      expect(unavailable(send)).to.be.false;
    });

    it('clears its timer when the element is removed', async () => {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await smsStep(adapter, flowId, clock);
      await sendTo(step);
      expect(timersClearedOnRemove(step)).to.be.greaterThan(0);
    });
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await clockedFlow();
      const step = await smsStep(adapter, flowId, clock, { optional: true });
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('2-Faktor-Authentifizierung (optional)');
      byLabel(step, 'Mobilfunknummer');
      byButton(step, 'Später aktivieren');
      await expect(step).to.be.accessible();
      await loadPhoneSupport();
      byLabel(step, 'Mobilfunknummer').focus();
      await type(germanMobile);
      await press('Enter');
      await until(() => step.querySelector('pforte-code-input'), 'code phase');
      expect(unavailable(byButton(step, /1:00/))).to.be.true;
    } finally {
      await setLocale('en');
    }
  });
});
