import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import '../define/terms-step.js';
import type { PforteTermsStep } from './terms-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, until } from '../../test/helpers.js';

const termsUrl = 'https://example.com/agb';
const privacyUrl = 'https://example.com/datenschutz';

async function termsStep(adapter: PforteAdapter, flowId: string, clock: ManualClock, extra: Partial<PforteTermsStep> = {}) {
  const step = await fixture<PforteTermsStep>(html`
    <pforte-terms-step .adapter=${adapter} flow-id=${flowId} .clock=${clock} terms-url=${termsUrl} privacy-url=${privacyUrl}></pforte-terms-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

async function setup(options: Parameters<typeof createMemoryAdapter>[0] = {}) {
  const clock = createManualClock();
  const adapter = createMemoryAdapter({ clock, ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  return { adapter, flowId, clock };
}

function checkbox(step: PforteTermsStep): HTMLInputElement {
  return byLabel(step, 'I accept the terms of use and the privacy policy');
}

describe('<pforte-terms-step>', () => {
  before(() => setLocale('en'));

  it('is accessible, also with the error at the checkbox', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await termsStep(adapter, flowId, clock, { canGoBack: true });
    await expect(step).to.be.accessible();
    byButton(step, 'Continue').click();
    await until(() => description(checkbox(step)).includes('Please accept'), 'error');
    await expect(step).to.be.accessible();
  });

  it('opens both links in a new tab, safely, and says so to screen readers', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await termsStep(adapter, flowId, clock);
    const links = [...step.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([termsUrl, privacyUrl]);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.include('noopener');
      expect(link.querySelector('.pf-visually-hidden')!.textContent!.trim()).to.equal('(opens in a new tab)');
    }
    expect(links[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Terms of use (opens in a new tab)');
    expect(links[1]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Privacy policy (opens in a new tab)');
  });

  it('never links to a javascript: address', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await termsStep(adapter, flowId, clock, { termsUrl: 'javascript:alert(1)' });
    expect([...step.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([privacyUrl]);
    expect(step.textContent).to.include('Terms of use');
  });

  it('makes the box required and leaves it unticked', async () => {
    const { adapter, flowId, clock } = await setup();
    const box = checkbox(await termsStep(adapter, flowId, clock));
    expect(box.required).to.be.true;
    expect(box.checked).to.be.false;
  });

  it('works by keyboard: Tab through the links and the box, Space ticks, Enter continues', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await termsStep(adapter, flowId, clock, { canGoBack: true, version: '2026-01' });
    const calls: unknown[] = [];
    const spy: PforteAdapter = {
      ...adapter,
      acceptTerms(input, options) {
        calls.push(input);
        return adapter.acceptTerms(input, options);
      },
    };
    step.adapter = spy;
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement!.getAttribute('href')).to.equal(termsUrl);
    await press('Tab');
    expect(document.activeElement!.getAttribute('href')).to.equal(privacyUrl);
    await press('Tab');
    expect(document.activeElement).to.equal(checkbox(step));
    await press('Space');
    expect(checkbox(step).checked).to.be.true;
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    checkbox(step).focus();
    clock.advance(5_000);
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    const acceptedAt = clock.now();
    expect((await done).detail).to.deep.equal({ step: 'terms', values: { accepted: true, acceptedAt, version: '2026-01' } });
    expect(calls).to.deep.equal([{ flowId, acceptedAt, version: '2026-01' }]);
  });

  it('shows the backend refusing an outdated version at the checkbox', async () => {
    const { adapter, flowId, clock } = await setup({ termsVersion: '2026-02' });
    const step = await termsStep(adapter, flowId, clock, { version: '2026-01', accepted: true });
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    byButton(step, 'Continue').click();
    await until(() => errors.length === 1, 'error');
    expect(errors).to.deep.equal(['terms.required']);
    await until(() => document.activeElement === checkbox(step), 'focus on the checkbox');
    expect(description(checkbox(step))).to.include('Please accept');
  });

  it('keeps the tick after a failure', async () => {
    const { adapter, flowId, clock } = await setup();
    const step = await termsStep(adapter, flowId, clock, { accepted: true });
    adapter.failNext('acceptTerms', 'offline');
    setTimeout(() => byButton(step, 'Continue').click());
    await oneEvent(step, 'pforte-error');
    expect(checkbox(step).checked).to.be.true;
  });

  it('speaks German (seed 000 wording)', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await setup();
      const step = await termsStep(adapter, flowId, clock);
      const box = byLabel(step, 'Ich akzeptiere die Allgemeinen Geschäftsbedingungen und die Datenschutzerklärung');
      expect(step.querySelector('a')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Allgemeine Geschäftsbedingungen (öffnet in einem neuen Tab)',
      );
      byButton(step, 'Fortfahren').click();
      await until(() => description(box).includes('Bitte akzeptieren Sie'), 'German error');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
