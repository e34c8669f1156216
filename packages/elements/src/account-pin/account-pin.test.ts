import { expect, fixture, html } from '@open-wc/testing';
import type { ManualClock, PforteAccountAdapter } from '@pforte/core';
import '../define/account-pin.js';
import type { PforteAccountPin } from './account-pin.js';
import type { PforteAccountChangeDetail, PforteErrorDetail } from '../events.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, focusedName, press, tabTo, type, until } from '../../test/helpers.js';
import { accountPassword, signedInVideo } from '../../test/account-support.js';

async function mount(adapter: PforteAccountAdapter, clock: ManualClock) {
  const changes: PforteAccountChangeDetail[] = [];
  const errors: PforteErrorDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-account-change=${(event: CustomEvent<PforteAccountChangeDetail>) => changes.push(event.detail)}
    @pforte-error=${(event: CustomEvent<PforteErrorDetail>) => errors.push(event.detail)}
  >
    <pforte-account-pin .adapter=${adapter} .clock=${clock} product="Videosprechstunde"></pforte-account-pin>
  </div>`);
  const element = wrapper.querySelector<PforteAccountPin>('pforte-account-pin')!;
  await until(() => element.querySelector('.pf-actions'), 'the section');
  return { element, changes, errors };
}

/** The PIN the step shows, from its spoken form. */
function shownPin(element: Element): string {
  return element.querySelector('.pf-pin .pf-visually-hidden')!.textContent!.replace(/\s/g, '');
}

describe('<pforte-account-pin>', () => {
  before(() => setLocale('en'));

  it('replaces the PIN by keyboard: the new one shown once, the gate, the old one refused after', async () => {
    const { adapter, clock, pin: oldPin } = await signedInVideo();
    const { element, changes } = await mount(adapter, clock);
    await expect(element).to.be.accessible();
    element.querySelector('h2')!.focus();
    await tabTo('Create a new service PIN');
    await press('Enter');
    await until(() => element.querySelector('.pf-pin'), 'the new PIN');
    await expect(element).to.be.accessible();
    const newPin = shownPin(element);
    expect(newPin).to.match(/^\d{8}$/);
    expect(newPin).to.not.equal(oldPin);
    expect(await adapter.checkServicePin({ product: 'video', username: 'anna@example.org', pin: oldPin })).to.be.false;
    expect(await adapter.checkServicePin({ product: 'video', username: 'anna@example.org', pin: newPin })).to.be.true;
    // The gate: Continue says why it cannot go on yet.
    byButton(element, 'Continue').focus();
    await press('Enter');
    await until(() => element.querySelector('.pf-error')?.textContent?.includes('confirm'), 'the gate');
    await expect(element).to.be.accessible();
    byLabel(element, 'I have stored my service PIN safely.').focus();
    await press('Space');
    await tabTo('Continue');
    await press('Enter');
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]).to.deep.equal({ section: 'servicePin', values: {} });
    expect(element.querySelector('.pf-pin')).to.be.null;
    expect(element.querySelector('[role="status"]')!.textContent).to.include('previous one no longer works');
    expect(focusedName()).to.equal('Service PIN');
    expect(JSON.stringify(adapter.auditLog())).to.not.include(newPin);
    await expect(element).to.be.accessible();
  });

  it('asks for the current password first when the sign-in is too long ago', async () => {
    const { adapter, clock } = await signedInVideo();
    const { element } = await mount(adapter, clock);
    clock.advance(11 * 60_000);
    byButton(element, 'Create a new service PIN').click();
    await until(() => element.querySelector('input[name="current-password"]'), 'the password');
    await until(() => document.activeElement === byLabel(element, 'Current password'), 'focus');
    await type(accountPassword);
    await press('Enter');
    await until(() => element.querySelector('.pf-pin'), 'the new PIN');
  });

  it('shows a failure with a retry and makes one PIN per double click', async () => {
    const { adapter, clock } = await signedInVideo();
    let calls = 0;
    const counting: PforteAccountAdapter = { ...adapter, renewServicePin: (input, options) => (calls++, adapter.renewServicePin(input, options)) };
    const { element, errors } = await mount(counting, clock);
    adapter.failNext('renewServicePin', 'offline');
    byButton(element, 'Create a new service PIN').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.includes('No connection'), 'the error');
    expect(errors).to.deep.equal([{ code: 'network', section: 'servicePin' }]);
    await expect(element).to.be.accessible();
    calls = 0;
    const create = byButton(element, 'Create a new service PIN');
    create.click();
    create.click();
    await until(() => element.querySelector('.pf-pin'), 'the new PIN');
    expect(calls).to.equal(1);
  });
});
