import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteAdapter } from '@pforte/core';
import '../define/visibility-step.js';
import type { PforteVisibilityStep } from './visibility-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, until } from '../../test/helpers.js';

async function accountFlow() {
  const adapter = createMemoryAdapter();
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId };
}

async function visibilityStep(adapter: PforteAdapter, flowId: string, canGoBack = false) {
  return fixture<PforteVisibilityStep>(html`
    <pforte-visibility-step .adapter=${adapter} flow-id=${flowId} ?can-go-back=${canGoBack}></pforte-visibility-step>
  `);
}

describe('<pforte-visibility-step>', () => {
  before(() => setLocale('en'));

  it('is accessible, also with an error', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await visibilityStep(adapter, flowId, true);
    await expect(step).to.be.accessible();
    adapter.failNext('setVisibility', 'offline');
    byButton(step, 'Continue').click();
    await until(() => step.querySelector('[role="alert"]')!.textContent!.includes('No connection'), 'error');
    await expect(step).to.be.accessible();
  });

  it('is unticked by default and explains what visibility means', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await visibilityStep(adapter, flowId);
    const box = byLabel(step, 'Show me in the contact search');
    expect(box.checked).to.be.false;
    expect(description(box)).to.include('add you to their contacts and contact you by SMS');
    expect(description(box)).to.include('profile settings');
  });

  it('opts in by keyboard: Space ticks, Enter continues', async () => {
    const { adapter, flowId } = await accountFlow();
    const setCalls: boolean[] = [];
    const spy: PforteAdapter = {
      ...adapter,
      setVisibility: (input, options) => (setCalls.push(input.visible), adapter.setVisibility(input, options)),
    };
    const step = await visibilityStep(spy, flowId, true);
    step.querySelector('h2')!.focus();
    await press('Tab');
    const box = byLabel(step, 'Show me in the contact search');
    expect(document.activeElement).to.equal(box);
    await press('Space');
    expect(box.checked).to.be.true;
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    byButton(step, 'Continue').focus();
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail).to.deep.equal({ step: 'visibility', values: { visible: true } });
    expect(setCalls).to.deep.equal([true]);
  });

  it('stays invisible when left unticked', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await visibilityStep(adapter, flowId);
    setTimeout(() => byButton(step, 'Continue').click());
    expect((await oneEvent(step, 'pforte-step-done')).detail.values).to.deep.equal({ visible: false });
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await accountFlow();
      const step = await visibilityStep(adapter, flowId);
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Sichtbarkeit in der Kontaktsuche');
      byLabel(step, 'In der Kontaktsuche sichtbar sein');
      byButton(step, 'Fortfahren');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
