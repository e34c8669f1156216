import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PforteAdapter, SecondFactorMethod } from '@pforte/core';
import '../define/second-factor-choice-step.js';
import type { PforteSecondFactorChoiceStep } from './second-factor-choice-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, startedFlow, until } from '../../test/helpers.js';

async function choiceStep(adapter: PforteAdapter, flowId: string, extra: Partial<PforteSecondFactorChoiceStep> = {}) {
  const step = await fixture<PforteSecondFactorChoiceStep>(html`
    <pforte-second-factor-choice-step .adapter=${adapter} flow-id=${flowId}></pforte-second-factor-choice-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

function radios(step: HTMLElement): HTMLInputElement[] {
  return [...step.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

function checked(step: HTMLElement): string | undefined {
  return radios(step).find((radio) => radio.checked)?.value;
}

describe('<pforte-second-factor-choice-step>', () => {
  before(() => setLocale('en'));

  it('is accessible, also with an error', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await choiceStep(adapter, flowId, { canGoBack: true });
    await expect(step).to.be.accessible();
    adapter.failNext('chooseSecondFactor', 'offline');
    byButton(step, 'Continue').click();
    await until(() => step.querySelector('[role="alert"]')!.textContent!.includes('No connection'), 'error');
    await expect(step).to.be.accessible();
  });

  it('is a labelled radio group with an explanation of each option, recommending the mobile TAN', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await choiceStep(adapter, flowId);
    const fieldset = step.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent!.trim()).to.equal('How do you want to confirm your sign-ins?');
    expect(description(fieldset)).to.include('The most secure method is the mobile TAN (SMS).');
    expect(radios(step).map((radio) => radio.value)).to.deep.equal(['none', 'email', 'sms']);
    expect(description(byLabel(step, 'No TAN'))).to.include('straight to your account');
    expect(description(byLabel(step, 'E-mail TAN'))).to.include('a TAN is sent to your e-mail address');
    expect(description(byLabel(step, 'Mobile TAN (SMS)'))).to.include('by SMS to your mobile phone. The most secure method.');
    expect(checked(step), 'the first choice is preselected').to.equal('none');
  });

  it('offers only the configured choices and honours `preselected`', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await choiceStep(adapter, flowId, { choices: ['email', 'sms'], preselected: 'sms' });
    expect(radios(step).map((radio) => radio.value)).to.deep.equal(['email', 'sms']);
    expect(checked(step)).to.equal('sms');
    expect(step.querySelector('fieldset')!.hasAttribute('aria-describedby'), 'no "choose a TAN" without "no TAN"').to.be.false;
    step.preselected = 'none';
    await step.updateComplete;
    expect(checked(step), 'a preselection not offered falls back to the first choice').to.equal('email');
  });

  it('reads `choices` from a JSON attribute', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = document.createElement('pforte-second-factor-choice-step');
    step.setAttribute('choices', '["sms","none"]');
    step.setAttribute('preselected', 'none');
    step.adapter = adapter;
    step.flowId = flowId;
    (await fixture(html`<div></div>`)).append(step);
    await step.updateComplete;
    expect(radios(step).map((radio) => radio.value)).to.deep.equal(['sms', 'none']);
    expect(checked(step)).to.equal('none');
  });

  it('works by keyboard: Tab into the group, arrow keys choose, Tab to Continue, Enter saves', async () => {
    const { adapter, flowId } = await startedFlow();
    const chosen: SecondFactorMethod[] = [];
    const spy: PforteAdapter = {
      ...adapter,
      chooseSecondFactor: (input, options) => (chosen.push(input.method), adapter.chooseSecondFactor(input, options)),
    };
    const step = await choiceStep(spy, flowId, { canGoBack: true });
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement, 'Tab lands on the checked radio').to.equal(byLabel(step, 'No TAN'));
    await press('ArrowDown');
    expect(document.activeElement).to.equal(byLabel(step, 'E-mail TAN'));
    expect(checked(step)).to.equal('email');
    await press('ArrowDown');
    expect(checked(step)).to.equal('sms');
    await press('ArrowUp');
    expect(checked(step)).to.equal('email');
    await press('ArrowDown');
    await press('Tab');
    expect(document.activeElement, 'one Tab stop for the whole group').to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    byButton(step, 'Continue').focus();
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    const { detail } = await done;
    expect(detail).to.deep.equal({ step: 'secondFactorChoice', values: { method: 'sms' } });
    expect(chosen).to.deep.equal(['sms']);
  });

  it('chooses with Space on a radio', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await choiceStep(adapter, flowId, { preselected: 'sms' });
    byLabel(step, 'No TAN').focus();
    await press('Space');
    expect(checked(step)).to.equal('none');
    setTimeout(() => byButton(step, 'Continue').click());
    expect((await oneEvent(step, 'pforte-step-done')).detail.values).to.deep.equal({ method: 'none' });
  });

  it('keeps the choice after a failure', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await choiceStep(adapter, flowId, { preselected: 'email' });
    adapter.failNext('chooseSecondFactor', 'offline');
    setTimeout(() => byButton(step, 'Continue').click());
    await oneEvent(step, 'pforte-error');
    expect(checked(step)).to.equal('email');
  });

  it('speaks German with the wording of the seed', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await startedFlow();
      const step = await choiceStep(adapter, flowId);
      byLabel(step, 'keine TAN');
      byLabel(step, 'E-Mail-TAN');
      byLabel(step, 'mTAN (SMS)');
      expect(step.textContent).to.include('Die sicherste Methode ist dabei das mTAN-Verfahren.');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
