import { expect, fixture, html } from '@open-wc/testing';
import type { ManualClock, PforteAccountAdapter } from '@pforte/core';
import '../define/account-password.js';
import type { PforteAccountPassword } from './account-password.js';
import type { PforteAccountChangeDetail } from '../events.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, tabTo, type, until } from '../../test/helpers.js';
import { accountPassword, signedInVideo } from '../../test/account-support.js';

async function mount(adapter: PforteAccountAdapter, clock: ManualClock) {
  const changes: PforteAccountChangeDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-account-change=${(event: CustomEvent<PforteAccountChangeDetail>) => changes.push(event.detail)}
  >
    <pforte-account-password .adapter=${adapter} .clock=${clock}></pforte-account-password>
  </div>`);
  const element = wrapper.querySelector<PforteAccountPassword>('pforte-account-password')!;
  await until(() => element.querySelector('input[name="current-password"]'), 'the form');
  return { element, changes };
}

const newPassword = 'Neues Kennwort für 2027';

describe('<pforte-account-password>', () => {
  before(() => setLocale('en'));

  it('changes the password by keyboard: a wrong current one counts down, then the new one works at the next sign-in', async () => {
    const { adapter, clock } = await signedInVideo();
    const { element, changes } = await mount(adapter, clock);
    await expect(element).to.be.accessible();
    element.querySelector('h2')!.focus();
    await tabTo('Current password');
    await type('falsch');
    await tabTo('New password');
    await type(newPassword);
    expect(description(byLabel(element, 'New password'))).to.not.equal('');
    await press('Enter');
    const current = byLabel(element, 'Current password');
    await until(() => description(current).includes('locked: 4'), 'the wrong password');
    expect(document.activeElement).to.equal(current);
    await expect(element).to.be.accessible();
    current.select();
    await type(accountPassword);
    await press('Enter');
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]).to.deep.equal({ section: 'password', values: {} });
    expect(byLabel(element, 'Current password').value).to.equal('');
    expect(element.querySelector('.pf-status')!.textContent).to.include('changed');
    await expect(element).to.be.accessible();
    expect((await adapter.getAccountSettings()).settings.username).to.equal('anna@example.org');
    await adapter.signOut();
    const old = await adapter.signIn({ identifier: 'anna@example.org', password: accountPassword, locale: 'en', product: 'video' });
    expect(old.status).to.equal('failed');
    const fresh = await adapter.signIn({ identifier: 'anna@example.org', password: newPassword, locale: 'en', product: 'video' });
    expect(fresh.status).to.equal('signedIn');
  });

  it('refuses the current password as the new one at its field, and a new password against the policy before any call', async () => {
    const { adapter, clock } = await signedInVideo();
    let calls = 0;
    const counting: PforteAccountAdapter = { ...adapter, changeAccountPassword: (input, options) => (calls++, adapter.changeAccountPassword(input, options)) };
    const { element } = await mount(counting, clock);
    byLabel(element, 'Current password').focus();
    await type(accountPassword);
    byLabel(element, 'New password').focus();
    await type('kurz');
    await press('Enter');
    await until(() => description(byLabel(element, 'New password')).includes('requirements'), 'the policy');
    expect(calls).to.equal(0);
    byLabel(element, 'New password').select();
    await type(accountPassword);
    byButton(element, 'Change password').click();
    byButton(element, 'Change password').click();
    await until(() => byLabel(element, 'New password').getAttribute('aria-invalid') === 'true' && calls > 0, 'refused');
    expect(calls).to.equal(1);
    await expect(element).to.be.accessible();
  });
});
