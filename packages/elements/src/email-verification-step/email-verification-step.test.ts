import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, PforteError } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/email-verification-step.js';
import type { PforteEmailVerificationStep } from './email-verification-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, press, shownText, timersClearedOnRemove, unavailable, until } from '../../test/helpers.js';

const address = 'anna@example.com';

/** A flow whose e-mail address is known (credentials with the e-mail as username). */
async function setup(clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: address, password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId, clock };
}

async function verificationStep(
  adapter: PforteAdapter,
  flowId: string,
  clock: ManualClock,
  extra: Partial<PforteEmailVerificationStep> = {},
) {
  const step = await fixture<PforteEmailVerificationStep>(html`
    <pforte-email-verification-step .adapter=${adapter} flow-id=${flowId} .clock=${clock} .sent=${extra.sent ?? false}>
    </pforte-email-verification-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

async function sentStep(adapter: MemoryAdapter, flowId: string, clock: ManualClock, extra: Partial<PforteEmailVerificationStep> = {}) {
  const step = await verificationStep(adapter, flowId, clock, extra);
  await until(() => adapter.outbox.length > 0 && resendButton(step).textContent!.includes('1:00'), 'e-mail sent');
  return step;
}

function tokenOf(link: string | undefined): string {
  return link!.split('#pforte-email-token=')[1]!;
}

function resendButton(step: PforteEmailVerificationStep): HTMLButtonElement {
  return byButton(step, /e-mail/i);
}

function status(step: PforteEmailVerificationStep): string {
  return step.querySelector('.pf-visually-hidden[role="status"]')!.textContent!.trim();
}

function alertText(step: PforteEmailVerificationStep): string {
  return step.querySelector('.pf-alert')!.textContent!.replace(/\s+/g, ' ').trim();
}

function text(step: PforteEmailVerificationStep): string {
  return shownText(step);
}

async function advance(step: PforteEmailVerificationStep, clock: ManualClock, ms: number) {
  clock.advance(ms);
  step.refreshCountdown();
  await step.updateComplete;
}

describe('<pforte-email-verification-step>', () => {
  before(() => setLocale('en'));

  it('is accessible when sent, counting down, with an expired link and once confirmed', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock, { canGoBack: true });
    await expect(step).to.be.accessible();
    await advance(step, clock, 25 * 60 * 60 * 1000);
    expect(await step.confirm(tokenOf(adapter.lastEmailLink()))).to.be.false;
    await step.updateComplete;
    expect(alertText(step)).to.include('expired');
    await expect(step).to.be.accessible();
    resendButton(step).click();
    await until(() => adapter.outbox.length === 2, 'second e-mail');
    expect(await step.confirm(tokenOf(adapter.lastEmailLink()))).to.be.true;
    await step.updateComplete;
    await expect(step).to.be.accessible();
  });

  it('sends the e-mail on connect and explains where it went, how long it is valid, and the spam folder', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Check your inbox');
    expect(adapter.outbox).to.have.length(1);
    expect(adapter.outbox[0]!.to).to.equal(address);
    expect(adapter.lastEmailLink()!.split('#')[0], 'the link returns to this page, without its fragment').to.equal(
      location.href.split('#')[0],
    );
    expect(text(step)).to.include(`We sent an e-mail with a confirmation link to ${address}.`);
    expect(text(step)).to.include('For security reasons the link is valid for 24 hours only.');
    expect(text(step)).to.include('No e-mail? Please also check your spam folder.');
    expect(step.email).to.equal(address);
    expect(step.validityHours).to.equal(24);
  });

  it('uses the given return address, on an origin the backend allows', async () => {
    const clock = createManualClock();
    // The page runs at portal.example.com: the origin a confirmation link may point to.
    const adapter = createMemoryAdapter({ clock, origin: 'https://portal.example.com' });
    const { flowId } = await adapter.startRegistration({ locale: 'en' });
    await adapter.submitCredentials({ flowId, username: address, password: 'Zahnarzt#Praxis2026' });
    await fixture(html`
      <pforte-email-verification-step
        .adapter=${adapter}
        flow-id=${flowId}
        .clock=${clock}
        return-url="https://portal.example.com/register?product=a#ignored"
      ></pforte-email-verification-step>
    `);
    await until(() => adapter.outbox.length === 1, 'sent');
    expect(adapter.lastEmailLink()).to.match(/^https:\/\/portal\.example\.com\/register\?product=a#pforte-email-token=/);
  });

  it('throttles resending: disabled at 0 s and 59 s, enabled at 60 s, announcing start and end only', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    expect(unavailable(resendButton(step))).to.be.true;
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail in 1:00');
    await until(() => status(step) === 'E-mail sent. You can request another one in 60 seconds.', 'start announced');
    await advance(step, clock, 18_000);
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail in 0:42');
    expect(status(step), 'no announcement per second').to.equal('E-mail sent. You can request another one in 60 seconds.');
    await advance(step, clock, 41_000);
    expect(unavailable(resendButton(step)), 'at 59 s').to.be.true;
    await advance(step, clock, 1_000);
    expect(unavailable(resendButton(step)), 'at 60 s').to.be.false;
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail');
    await until(() => status(step) === 'You can now request a new e-mail.', 'end announced');
    await expect(step).to.be.accessible();
    resendButton(step).click();
    await until(() => adapter.outbox.length === 2, 'second e-mail');
    await step.updateComplete;
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail in 1:00');
    await until(() => status(step).startsWith('A new e-mail was sent.'), 'resend announced');
  });

  it('works by keyboard: Tab to resend and back, Enter resends', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock, { canGoBack: true });
    await advance(step, clock, 60_000);
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(resendButton(step));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    resendButton(step).focus();
    await press('Enter');
    await until(() => adapter.outbox.length === 2, 'resent by Enter');
    const back = oneEvent(step, 'pforte-step-back');
    byButton(step, 'Back').click();
    expect((await back).detail).to.deep.equal({ step: 'emailVerification' });
  });

  it('does not send again when the host says it was sent, and keeps the deadline it is given', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await verificationStep(adapter, flowId, clock, {
      sent: true,
      email: address,
      validityHours: 24,
      resendDeadline: clock.now() + 30_000,
    });
    await step.updateComplete;
    expect(adapter.outbox).to.have.length(0);
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail in 0:30');
    expect(text(step)).to.include(`to ${address}.`);
  });

  it('completes with confirm(token) without the token in any event', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-error']) step.addEventListener(name, (event) => events.push(event as CustomEvent));
    const token = tokenOf(adapter.lastEmailLink());
    const done = oneEvent(step, 'pforte-step-done');
    expect(await step.confirm(token)).to.be.true;
    expect((await done).detail).to.deep.equal({ step: 'emailVerification', values: { emailVerified: true } });
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(token);
    await step.updateComplete;
    expect(step.querySelector('h2')!.textContent!.trim()).to.equal('E-mail address confirmed');
  });

  it('says an expired link expired and offers a new e-mail, respecting the throttle', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    await advance(step, clock, 24 * 60 * 60 * 1000);
    expect(await step.confirm(tokenOf(adapter.lastEmailLink()))).to.be.false;
    await step.updateComplete;
    expect(errors).to.deep.equal(['link.expired']);
    expect(alertText(step)).to.equal('This confirmation link was valid for 24 hours and has expired. Please request a new e-mail.');
    expect(unavailable(resendButton(step))).to.be.false;
    resendButton(step).click();
    await until(() => adapter.outbox.length === 2, 'new e-mail');
    await step.updateComplete;
    expect(alertText(step), 'the message goes once a new e-mail is on its way').to.equal('');
    expect(unavailable(resendButton(step))).to.be.true;
    const done = oneEvent(step, 'pforte-step-done');
    await step.confirm(tokenOf(adapter.lastEmailLink()));
    await done;
  });

  it('keeps the resend button waiting when a link expires within the wait', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    const expired = new PforteError('link.expired', { validityHours: 24 });
    adapter.failNext('confirmEmail', expired);
    await advance(step, clock, 10_000);
    expect(await step.confirm('whatever')).to.be.false;
    await step.updateComplete;
    expect(alertText(step)).to.include('has expired');
    expect(unavailable(resendButton(step))).to.be.true;
    expect(resendButton(step).textContent!.trim()).to.equal('Resend e-mail in 0:50');
  });

  it('explains used and invalid links', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    const token = tokenOf(adapter.lastEmailLink());
    await adapter.confirmEmail({ token });
    expect(await step.confirm(token)).to.be.false;
    await step.updateComplete;
    expect(alertText(step)).to.include('This confirmation link has already been used.');
    expect(await step.confirm('nonsense')).to.be.false;
    await step.updateComplete;
    expect(alertText(step)).to.include('This confirmation link is not valid.');
  });

  it('shows a rate limit from the server with its deadline', async () => {
    const { adapter, flowId, clock } = await setup();
    const now = clock.now();
    adapter.failNext('sendVerificationEmail', new PforteError('rate_limited', { retryAfterSeconds: 30, resendAvailableAt: now + 30_000, now }));
    const step = await verificationStep(adapter, flowId, clock);
    await until(() => alertText(step).includes('30 seconds'), 'rate limit shown');
    const button = resendButton(step);
    expect(button.textContent!.trim()).to.equal('Resend e-mail in 0:30');
    expect(unavailable(button)).to.be.true;
    await expect(step).to.be.accessible();
    await advance(step, clock, 30_000);
    expect(resendButton(step).textContent!.trim()).to.equal('Send e-mail');
    resendButton(step).click();
    await until(() => adapter.outbox.length === 1, 'sent after the wait');
  });

  it('offers to send again after a network error', async () => {
    const { adapter, flowId, clock } = await setup();
    adapter.failNext('sendVerificationEmail', 'offline');
    const step = await verificationStep(adapter, flowId, clock);
    await until(() => alertText(step).includes('No connection'), 'network error');
    expect(adapter.outbox).to.have.length(0);
    resendButton(step).click();
    await until(() => adapter.outbox.length === 1, 'sent on retry');
  });

  it('clears its timer when removed', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await sentStep(adapter, flowId, clock);
    expect(timersClearedOnRemove(step)).to.be.greaterThan(0);
  });

  it('speaks German (seed 000/003 wording)', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await setup();
      const step = await verificationStep(adapter, flowId, clock);
      await until(() => adapter.outbox.length === 1 && text(step).includes('Spam-Ordner'), 'sent');
      await step.updateComplete;
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Prüfen Sie Ihr E-Mail-Postfach');
      expect(text(step)).to.include('Prüfen Sie ggf. auch Ihren Spam-Ordner.');
      expect(text(step)).to.include('Aus Sicherheitsgründen ist der Link nur 24 Stunden gültig.');
      expect(byButton(step, /erneut senden/).textContent!.trim()).to.equal('E-Mail erneut senden in 1:00');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
