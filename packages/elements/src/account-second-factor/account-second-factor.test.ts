import { expect, fixture, html } from '@open-wc/testing';
import { loadPhoneSupport } from '@pforte/core';
import type { ManualClock, PforteAccountAdapter } from '@pforte/core';
import '../define/account-second-factor.js';
import type { PforteAccountSecondFactor } from './account-second-factor.js';
import type { PforteAccountChangeDetail, PforteErrorDetail } from '../events.js';
import type { PforteSmsStep } from '../sms-step/sms-step.js';
import { setLocale } from '../localization/localization.js';
import { advanceClock, byButton, byLabel, codeInputOf, description, focusedName, press, tabTo, type, until } from '../../test/helpers.js';
import { accountPassword, signedInBilling, signedInVideo, signInAgain } from '../../test/account-support.js';

async function mount(adapter: PforteAccountAdapter, clock: ManualClock) {
  const changes: PforteAccountChangeDetail[] = [];
  const errors: PforteErrorDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-account-change=${(event: CustomEvent<PforteAccountChangeDetail>) => changes.push(event.detail)}
    @pforte-error=${(event: CustomEvent<PforteErrorDetail>) => errors.push(event.detail)}
  >
    <pforte-account-second-factor .adapter=${adapter} .clock=${clock}></pforte-account-second-factor>
  </div>`);
  const element = wrapper.querySelector<PforteAccountSecondFactor>('pforte-account-second-factor')!;
  await until(() => element.querySelector('.pf-current'), 'the current factor');
  return { element, changes, errors };
}

const smsStepOf = (element: Element) => element.querySelector<PforteSmsStep>('pforte-sms-step')!;

describe('<pforte-account-second-factor>', () => {
  before(() => setLocale('en'));

  it('activates the SMS factor put off at registration by keyboard; the next sign-in asks for it', async () => {
    const { adapter, clock } = await signedInVideo();
    const { element, changes } = await mount(adapter, clock);
    expect(element.querySelector('.pf-current')!.textContent).to.include('off');
    await expect(element).to.be.accessible();
    element.querySelector('h2')!.focus();
    await tabTo('Activate SMS authentication');
    await press('Enter');
    await until(() => smsStepOf(element)?.querySelector('pforte-phone-input input'), 'the number');
    await loadPhoneSupport();
    await expect(element).to.be.accessible();
    byLabel(element, 'Mobile number').focus();
    await type('01512 3456789');
    await press('Enter');
    await until(() => document.activeElement === codeInputOf(element), 'the code');
    await expect(element).to.be.accessible();
    expect(byButton(element, /New code in 1:00/)).to.exist;
    await advanceClock(smsStepOf(element), clock, 30_000);
    expect(byButton(element, /New code in 0:30/)).to.exist;
    await type(adapter.lastCode('+4915123456789')!);
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]).to.deep.equal({ section: 'secondFactor', values: { method: 'sms' } });
    expect(element.querySelector('.pf-current')!.textContent).to.include('+4915123456789');
    expect(element.querySelector('[role="status"]')!.textContent).to.include('SMS');
    await expect(element).to.be.accessible();
    expect(await signInAgain(adapter, 'anna@example.org', 'video', clock)).to.equal('sms');
  });

  it('asks for the current password once the sign-in is too long ago, counts wrong ones, then goes on', async () => {
    const { adapter, clock } = await signedInVideo();
    const { element, errors } = await mount(adapter, clock);
    clock.advance(11 * 60_000);
    byButton(element, 'Activate SMS authentication').click();
    await until(() => element.querySelector('input[name="current-password"]'), 'the password');
    const field = byLabel(element, 'Current password');
    await until(() => document.activeElement === field, 'focus on the password');
    await expect(element).to.be.accessible();
    await type('falsch');
    await press('Enter');
    await until(() => description(field).includes('locked: 4'), 'the wrong password');
    await expect(element).to.be.accessible();
    field.select();
    await type(accountPassword);
    await press('Enter');
    await until(() => smsStepOf(element)?.querySelector('pforte-phone-input'), 'the SMS step after the password');
    expect(errors).to.deep.equal([]);
  });

  it('asks for the password when the backend says the window closed, and repeats the change', async () => {
    const { adapter, clock } = await signedInVideo();
    const { element } = await mount(adapter, clock);
    byButton(element, 'Activate SMS authentication').click();
    await until(() => smsStepOf(element)?.querySelector('pforte-phone-input input'), 'the number');
    await loadPhoneSupport();
    clock.advance(11 * 60_000);
    byLabel(element, 'Mobile number').focus();
    await type('01512 3456789');
    await press('Enter');
    await until(() => element.querySelector('input[name="current-password"]'), 'the password');
    byLabel(element, 'Current password').focus();
    await type(accountPassword);
    await press('Enter');
    await until(() => smsStepOf(element)?.querySelector('pforte-phone-input input'), 'the number again');
    expect(adapter.outbox.filter((message) => message.to === '+4915123456789')).to.have.length(0);
  });

  it('switches a billing customer from e-mail TAN to mobile TAN; the next sign-in asks for the SMS code', async () => {
    const { adapter, clock } = await signedInBilling();
    const { element, changes } = await mount(adapter, clock);
    expect(element.querySelector('.pf-current')!.textContent).to.include('max@example.org');
    byButton(element, 'Change method').click();
    await until(() => element.querySelector('pforte-second-factor-choice-step input'), 'the choice');
    await expect(element).to.be.accessible();
    const sms = byLabel(element, /Mobile TAN/);
    sms.focus();
    await press('Space');
    await press('Enter');
    await until(() => smsStepOf(element)?.querySelector('pforte-phone-input input'), 'the number');
    await loadPhoneSupport();
    byLabel(element, 'Mobile number').focus();
    await type('0170 1234567');
    await press('Enter');
    await until(() => document.activeElement === codeInputOf(element), 'the code');
    await type(adapter.lastCode('+491701234567')!);
    await until(() => changes.length === 1, 'the change');
    expect(await signInAgain(adapter, 'max@example.org', 'billing', clock)).to.equal('sms');
  });

  it('switches to no TAN, and keeps the choice when saving fails', async () => {
    const { adapter, clock } = await signedInBilling();
    const { element, changes } = await mount(adapter, clock);
    byButton(element, 'Change method').click();
    await until(() => element.querySelector('pforte-second-factor-choice-step input'), 'the choice');
    byLabel(element, /No TAN/).click();
    adapter.failNext('setSecondFactor', 'offline');
    byButton(element, 'Continue').click();
    await until(() => element.querySelector('pforte-second-factor-choice-step [role="alert"]')?.textContent?.includes('No connection'), 'the error');
    await expect(element).to.be.accessible();
    expect(byLabel(element, /No TAN/).checked).to.be.true;
    byButton(element, 'Continue').click();
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]!.values).to.deep.equal({ method: 'none' });
    expect(focusedName()).to.equal('Two-factor authentication');
    expect(await signInAgain(adapter, 'max@example.org', 'billing', clock)).to.equal('signedIn');
  });
});
