import { expect, fixture, html } from '@open-wc/testing';
import '../define/done-step.js';
import type { PforteDoneStep } from './done-step.js';
import { setLocale } from '../localization/localization.js';
import { shownText } from '../../test/helpers.js';

describe('<pforte-done-step>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('is accessible and names the product and the username', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Videosprechstunde" username="dr.berger"></pforte-done-step>`);
    await expect(step).to.be.accessible();
    expect(step.querySelector('h2')!.textContent).to.equal('Registration complete');
    expect(step.textContent).to.contain('You can now use Videosprechstunde.');
    expect(shownText(step)).to.contain('Your username: dr.berger');
    expect(step.querySelector('.pf-done-mark')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('offers signing in as the next action when the product has a sign-in address', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Videosprechstunde" sign-in-url="/anmelden"></pforte-done-step>`);
    const link = step.querySelector<HTMLAnchorElement>('a.pf-button')!;
    expect(link.textContent!.trim()).to.equal('Sign in');
    expect(link.getAttribute('href')).to.equal('/anmelden');
    await expect(step).to.be.accessible();
    step.signInUrl = 'javascript:alert(1)';
    await step.updateComplete;
    expect(step.querySelector('a')).to.equal(null);
    step.signInUrl = '/anmelden';
    step.organization = { name: 'Zahnarztpraxis Berger', status: 'pending' };
    await step.updateComplete;
    expect(step.querySelector('a'), 'not while the access awaits approval').to.equal(null);
  });

  it('reads well without a product or username, and takes focus on its heading', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step></pforte-done-step>`);
    expect(step.textContent).to.contain('Your account is active.');
    expect(step.textContent).not.to.contain('Your username');
    step.focusHeading();
    expect(document.activeElement).to.equal(step.querySelector('h2'));
  });

  it('is accessible in the pending state and says who must approve the access', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Praxisportal" username="anna@example.com"></pforte-done-step>`);
    step.organization = { name: 'Zahnarztpraxis Berger', status: 'pending' };
    await step.updateComplete;
    await expect(step).to.be.accessible();
    const text = shownText(step);
    expect(text).to.contain(
      'Almost there: a member of Zahnarztpraxis Berger must approve your access. You will get an e-mail once it is approved.',
    );
    expect(text).not.to.contain('Your account is active');
    expect(text).to.contain('Your username: anna@example.com');
    step.focusHeading();
    expect(document.activeElement).to.equal(step.querySelector('h2'));
  });

  it('shows the active state for a registered practice', async () => {
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step></pforte-done-step>`);
    step.organization = { name: 'Praxis Dr. Weiß', status: 'member' };
    await step.updateComplete;
    expect(step.textContent).to.contain('Your account is active.');
    expect(step.textContent).not.to.contain('Almost there');
  });

  it('speaks German in the pending state', async () => {
    await setLocale('de');
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step></pforte-done-step>`);
    step.organization = { name: 'Zahnarztpraxis Berger', status: 'pending' };
    await step.updateComplete;
    const text = shownText(step);
    expect(text).to.contain('Zahnarztpraxis Berger');
    expect(text).to.contain('eine Bestätigung durch ein Mitglied Ihrer Praxis erforderlich');
    await expect(step).to.be.accessible();
  });

  it('speaks German', async () => {
    await setLocale('de');
    const step = await fixture<PforteDoneStep>(html`<pforte-done-step product="Praxisportal"></pforte-done-step>`);
    expect(step.querySelector('h2')!.textContent).to.equal('Registrierung abgeschlossen');
    expect(step.textContent).to.contain('Sie können Praxisportal jetzt nutzen.');
    await expect(step).to.be.accessible();
  });
});
