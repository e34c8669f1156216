import { expect, fixture, html } from '@open-wc/testing';
import type { PforteAccountAdapter } from '@pforte/core';
import '../define/account-visibility.js';
import type { PforteAccountVisibility } from './account-visibility.js';
import type { PforteAccountChangeDetail, PforteErrorDetail } from '../events.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, press, until } from '../../test/helpers.js';
import { signedInVideo } from '../../test/account-support.js';

async function mount(adapter: PforteAccountAdapter) {
  const changes: PforteAccountChangeDetail[] = [];
  const errors: PforteErrorDetail[] = [];
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-account-change=${(event: CustomEvent<PforteAccountChangeDetail>) => changes.push(event.detail)}
    @pforte-error=${(event: CustomEvent<PforteErrorDetail>) => errors.push(event.detail)}
  >
    <pforte-account-visibility .adapter=${adapter}></pforte-account-visibility>
  </div>`);
  const element = wrapper.querySelector<PforteAccountVisibility>('pforte-account-visibility')!;
  return { element, changes, errors };
}

describe('<pforte-account-visibility>', () => {
  afterEach(() => setLocale('en'));
  before(() => setLocale('en'));

  it('is accessible loading, failing to load, loaded, and after saving', async () => {
    const { adapter } = await signedInVideo();
    adapter.failNext('getAccountSettings', 'offline');
    const { element, errors } = await mount(adapter);
    await until(() => element.querySelector('[role="alert"]')?.textContent?.includes('No connection'), 'the load error');
    expect(errors).to.deep.equal([{ code: 'network', section: 'visibility' }]);
    await expect(element).to.be.accessible();
    byButton(element, 'Try again').click();
    await until(() => element.querySelector('pforte-visibility-step'), 'the settings');
    await expect(element).to.be.accessible();
    byButton(element, 'Save').click();
    await until(() => element.querySelector('[role="status"]')?.textContent?.includes('Saved'), 'saved');
    await expect(element).to.be.accessible();
  });

  it('shows the saved choice, unticked by default; Space and Enter opt in, and the choice is kept', async () => {
    const { adapter } = await signedInVideo();
    const { element, changes } = await mount(adapter);
    await until(() => element.querySelector('pforte-visibility-step input'), 'the box');
    const box = byLabel(element, 'Show me in the contact search');
    expect(box.checked).to.be.false;
    box.focus();
    await press('Space');
    await press('Enter');
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]).to.deep.equal({ section: 'visibility', values: { visible: true } });
    expect(element.querySelector('[role="status"]')!.textContent).to.include('others can find you');
    expect((await adapter.getAccountSettings()).settings.visible).to.be.true;
    expect(adapter.accounts[0]!.visible).to.be.true;

    const again = await mount(adapter);
    await until(() => again.element.querySelector('pforte-visibility-step input'), 'the box');
    expect(byLabel(again.element, 'Show me in the contact search').checked).to.be.true;
  });

  it('keeps the choice after a failed save and saves it on the retry; one call per double submit', async () => {
    const { adapter } = await signedInVideo();
    let calls = 0;
    const counting: PforteAccountAdapter = { ...adapter, setContactVisibility: (input, options) => (calls++, adapter.setContactVisibility(input, options)) };
    const { element } = await mount(counting);
    await until(() => element.querySelector('pforte-visibility-step input'), 'the box');
    byLabel(element, 'Show me in the contact search').click();
    adapter.failNext('setContactVisibility', 'offline');
    byButton(element, 'Save').click();
    await until(() => element.querySelector('pforte-visibility-step [role="alert"]')?.textContent?.includes('No connection'), 'the error');
    expect(byLabel(element, 'Show me in the contact search').checked).to.be.true;
    calls = 0;
    const save = byButton(element, 'Save');
    save.click();
    save.click();
    await until(() => element.querySelector('[role="status"]')?.textContent?.includes('Saved'), 'saved');
    expect(calls).to.equal(1);
  });

  it('follows the dark colour scheme of the page, and stays accessible in it', async () => {
    const { adapter } = await signedInVideo();
    const { element } = await mount(adapter);
    await until(() => element.querySelector('pforte-visibility-step input'), 'the box');
    byButton(element, 'Save').click();
    await until(() => element.querySelector('[role="status"]')?.textContent?.includes('Saved'), 'saved');
    const status = element.querySelector<HTMLElement>('[role="status"]')!;
    element.style.colorScheme = 'light';
    const light = getComputedStyle(status).color;
    element.style.colorScheme = 'dark';
    expect(getComputedStyle(status).color).to.not.equal(light);
    await expect(element).to.be.accessible();
  });

  it('speaks German', async () => {
    await setLocale('de');
    const { adapter } = await signedInVideo();
    const { element } = await mount(adapter);
    await until(() => element.querySelector('pforte-visibility-step input'), 'the box');
    expect(byButton(element, 'Speichern')).to.exist;
  });
});
