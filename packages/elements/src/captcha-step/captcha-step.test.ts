import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { PforteError } from '@pforte/core';
import type { PforteAdapter } from '@pforte/core';
import '../define/captcha-step.js';
import type { PforteCaptchaStep } from './captcha-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, press, startedFlow, type, until } from '../../test/helpers.js';

async function captchaStep(adapter: PforteAdapter, flowId: string, extra: Partial<PforteCaptchaStep> = {}) {
  const step = await fixture<PforteCaptchaStep>(html`<pforte-captcha-step .adapter=${adapter} flow-id=${flowId}></pforte-captcha-step>`);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

function digits(root: ParentNode): string {
  return root.querySelector('.pf-captcha-digits')!.textContent!.replace(/\s/g, '');
}

async function solve(step: PforteCaptchaStep) {
  byLabel(step, 'Digits shown above').focus();
  await type(digits(step));
  await press('Enter');
  await until(() => step.querySelector('pforte-captcha')!.solved, 'captcha solved');
}

describe('<pforte-captcha-step>', () => {
  before(() => setLocale('en'));

  it('is accessible at first, when Continue comes too early, and after a rejected captcha', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await captchaStep(adapter, flowId, { canGoBack: true });
    await expect(step).to.be.accessible();
    byButton(step, 'Continue').click();
    await until(() => step.textContent!.includes('Please complete the security check first.'), 'unsolved');
    await expect(step).to.be.accessible();
    adapter.failNext('verifyCaptcha', new PforteError('captcha.invalid'));
    await solve(step);
    byButton(step, 'Continue').click();
    await until(() => step.textContent!.includes('The security check was not passed'), 'rejected');
    await expect(step).to.be.accessible();
  });

  it('works by keyboard: Tab order, Enter to check, Continue finishes with no token in the event', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await captchaStep(adapter, flowId, { canGoBack: true });
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-captcha-solved', 'pforte-error']) {
      step.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Digits shown above'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Check'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    await solve(step);
    const token = step.querySelector('pforte-captcha')!.token!;
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail).to.deep.equal({ step: 'captcha', values: {} });
    expect(events.map((event) => event.type)).to.deep.equal(['pforte-captcha-solved', 'pforte-step-done']);
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(token);
  });

  it('asks to solve the captcha first and moves focus to it', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await captchaStep(adapter, flowId);
    byButton(step, 'Continue').click();
    await until(() => document.activeElement === byLabel(step, 'Digits shown above'), 'focus on the captcha');
    expect(step.querySelector('form > .pf-error[role="alert"]')!.textContent).to.include('Please complete the security check first.');
    await solve(step);
    expect(step.querySelector('form > .pf-error[role="alert"]')!.textContent!.trim()).to.equal('');
  });

  it('replaces a used token with a fresh challenge', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await captchaStep(adapter, flowId);
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    await solve(step);
    const token = step.querySelector('pforte-captcha')!.token!;
    await adapter.verifyCaptcha({ flowId, token }); // someone used it already
    byButton(step, 'Continue').click();
    await until(() => errors.length === 1, 'error');
    expect(errors).to.deep.equal(['captcha.invalid']);
    await step.updateComplete;
    expect(step.querySelector('pforte-captcha')!.solved).to.be.false;
    expect(document.activeElement).to.equal(byLabel(step, 'Digits shown above'));
    await solve(step);
    const done = oneEvent(step, 'pforte-step-done');
    byButton(step, 'Continue').click();
    await done;
  });

  it('shows other failures as an alert and still offers a fresh captcha', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await captchaStep(adapter, flowId);
    adapter.failNext('verifyCaptcha', 'offline');
    await solve(step);
    byButton(step, 'Continue').click();
    await until(() => step.querySelector('.pf-alert')!.textContent!.includes('No connection'), 'network error');
    expect(step.querySelector('pforte-captcha')!.solved).to.be.false;
  });

  it('uses the given captcha provider', async () => {
    const { adapter, flowId } = await startedFlow();
    const provider = {
      render: (container: HTMLElement) => {
        container.textContent = 'Vendor widget';
        return Promise.resolve('pforte-test-captcha:vendor');
      },
    };
    const step = await captchaStep(adapter, flowId, { captchaProvider: provider });
    await until(() => step.querySelector('pforte-captcha')!.solved, 'solved by the vendor');
    expect(step.textContent).to.include('Vendor widget');
    const done = oneEvent(step, 'pforte-step-done');
    byButton(step, 'Continue').click();
    await done;
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await startedFlow();
      const step = await captchaStep(adapter, flowId);
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Sicherheitsabfrage');
      byButton(step, 'Fortfahren').click();
      await until(() => step.textContent!.includes('Bitte lösen Sie zuerst die Sicherheitsabfrage.'), 'German error');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
