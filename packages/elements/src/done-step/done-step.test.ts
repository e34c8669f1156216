import { expect, fixture, html } from '@open-wc/testing';
import '../define/done-step.js';
import type { PforteDoneStep } from './done-step.js';
import { setLocale } from '../localization/localization.js';

describe('<pforte-done-step>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('is accessible and names the product and the username', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Videosprechstunde" username="dr.berger"></pforte-done-step>`);
    await expect(step).to.be.accessible();
    expect(step.querySelector('h2')!.textContent).to.equal('Registration complete');
    expect(step.textContent).to.contain('You can now use Videosprechstunde.');
    expect(step.textContent).to.contain('Your username: dr.berger');
    expect(step.querySelector('.pf-done-mark')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('reads well without a product or username, and takes focus on its heading', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step></pforte-done-step>`);
    expect(step.textContent).to.contain('Your account is active.');
    expect(step.textContent).not.to.contain('Your username');
    step.focusHeading();
    expect(document.activeElement).to.equal(step.querySelector('h2'));
  });

  it('speaks German', async () => {
    await setLocale('de');
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Praxisportal"></pforte-done-step>`);
    expect(step.querySelector('h2')!.textContent).to.equal('Registrierung abgeschlossen');
    expect(step.textContent).to.contain('Sie können Praxisportal jetzt nutzen.');
    await expect(step).to.be.accessible();
  });
});
