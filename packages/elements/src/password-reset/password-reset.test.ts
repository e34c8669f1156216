import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, PforteError } from '@pforte/core';
import type { ManualClock } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/password-reset.js';
import type { PfortePasswordReset } from './password-reset.js';
import { setLocale } from '../localization/localization.js';
import { advanceClock, byButton, byLabel, description, press, shownText, tabTo, type, unavailable, until } from '../../test/helpers.js';

const initial = 'Initial#Praxis2026';
const fresh = 'Neues#Passwort2026';

/** A memory backend with an account (created by the practice) and a manual clock. */
async function backend(clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock });
  const { accountId } = await adapter.createAccount({ username: 'anna@example.com', password: initial });
  return { adapter, clock, accountId };
}

async function resetElement(adapter: MemoryAdapter, clock: ManualClock, extra: Partial<PfortePasswordReset> = {}) {
  const element = await fixture<PfortePasswordReset>(html`<pforte-password-reset .adapter=${adapter} .clock=${clock}></pforte-password-reset>`);
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

const text = shownText;

/** Asks for a link for `identifier` by keyboard; resolves once the element says it was sent. */
async function requestLink(element: PfortePasswordReset, identifier: string) {
  byLabel(element, 'E-mail address').focus();
  await type(identifier);
  await press('Enter');
  await until(() => element.currentStage === 'requested', 'the link was requested');
}

/** The token of the latest reset link in the outbox. */
function tokenOf(adapter: MemoryAdapter): string {
  const link = adapter.lastEmailLink()!;
  return new URL(link).hash.slice(1).split('=')[1]!;
}

/** Opens the page as the e-mailed link does: the token in the fragment. */
async function openedFromLink(adapter: MemoryAdapter, clock: ManualClock) {
  history.replaceState(null, '', `${location.pathname}${location.search}#pforte-reset-token=${tokenOf(adapter)}`);
  return resetElement(adapter, clock);
}

describe('<pforte-password-reset>', () => {
  before(() => setLocale('en'));
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('answers the same for a known and an unknown address, and e-mails only the known one', async () => {
    const { adapter, clock } = await backend();
    const known = await resetElement(adapter, clock);
    await expect(known).to.be.accessible();
    await requestLink(known, 'anna@example.com');
    expect(text(known)).to.include('If an account exists for anna@example.com, we have sent an e-mail');
    expect(text(known)).to.include('The link works once, for 60 minutes.');
    await expect(known).to.be.accessible();
    expect(adapter.outbox).to.have.length(1);
    expect(adapter.outbox[0]!.link).to.match(/#pforte-reset-token=/);
    known.remove();
    const unknown = await resetElement(adapter, clock);
    await requestLink(unknown, 'nobody@example.com');
    expect(text(unknown).replace('nobody@example.com', 'X')).to.equal(text(known).replace('anna@example.com', 'X'));
    expect(adapter.outbox, 'no e-mail to an unknown address').to.have.length(1);
  });

  it('offers help and a new link after the deadline under "No e-mail received?"', async () => {
    const { adapter, clock } = await backend();
    const element = await resetElement(adapter, clock);
    await requestLink(element, 'anna@example.com');
    const summary = element.querySelector('summary')!;
    expect(summary.textContent).to.equal('No e-mail received?');
    summary.focus();
    await press('Enter');
    expect(element.querySelector('details')!.open).to.be.true;
    expect(text(element)).to.include('junk or spam folder');
    expect(text(element)).to.include('whitelist');
    await expect(element).to.be.accessible();
    const resend = () => byButton(element, /Send the link again/);
    expect(resend().textContent!.trim()).to.equal('Send the link again in 1:00');
    expect(unavailable(resend())).to.be.true;
    resend().focus();
    await press('Enter');
    expect(adapter.outbox, 'nothing sent before the deadline').to.have.length(1);
    await advanceClock(element, clock, 60_000);
    expect(resend().textContent!.trim()).to.equal('Send the link again');
    await press('Enter');
    await until(() => adapter.outbox.length === 2, 'a second link');
    await until(() => element.querySelector('[role="status"]')!.textContent === 'We have sent the link again.', 'announced');
    expect(unavailable(resend()), 'the countdown starts again').to.be.true;
  });

  it('takes the token from the URL fragment at once, sets the new password with the checklist, ends sessions and lifts a lock', async () => {
    const { adapter, clock, accountId } = await backend();
    await adapter.signIn({ identifier: 'anna@example.com', password: initial, locale: 'en' });
    expect(adapter.sessionCount(accountId)).to.equal(0, 'a forced change first: no session yet');
    for (let attempt = 0; attempt < 5; attempt++) await adapter.signIn({ identifier: 'anna@example.com', password: 'wrong', locale: 'en' });
    expect((await adapter.signIn({ identifier: 'anna@example.com', password: initial, locale: 'en' })).status).to.equal('locked');
    await adapter.requestPasswordReset({ identifier: 'anna@example.com', locale: 'en', returnUrl: location.href });
    const element = await openedFromLink(adapter, clock);
    expect(location.hash, 'the token left the address bar').to.equal('');
    expect(element.currentStage).to.equal('newPassword');
    await expect(element).to.be.accessible();
    const password = byLabel(element, 'New password');
    expect(password.autocomplete).to.equal('new-password');
    expect(password.getAttribute('aria-describedby')).to.include(element.querySelector('pforte-password-checklist ul')?.id ?? 'no checklist');
    password.focus();
    await type('short');
    await press('Enter');
    expect(description(password)).to.include('does not meet all requirements');
    expect(document.activeElement).to.equal(password);
    await expect(element).to.be.accessible();
    password.select();
    await type(fresh);
    const done = oneEvent(element, 'pforte-password-reset');
    await press('Enter');
    expect((await done).detail).to.deep.equal({});
    expect(text(element)).to.include('Your password was changed');
    await expect(element).to.be.accessible();
    const signedIn = await adapter.signIn({ identifier: 'anna@example.com', password: fresh, locale: 'en' });
    expect(signedIn.status, 'the lock is lifted and the new password needs no change').to.equal('signedIn');
  });

  it('ends every session of the account', async () => {
    const { adapter, clock } = await backend();
    const first = await adapter.signIn({ identifier: 'anna@example.com', password: initial, locale: 'en' });
    if (first.status !== 'passwordChange') throw new Error('expected a forced change');
    const session = await adapter.changePassword({ signInId: first.signInId, password: 'Zwischen#Stand2026' });
    if (session.status !== 'signedIn') throw new Error('expected a session');
    expect((await adapter.getSession()).session).to.not.equal(null);
    await adapter.requestPasswordReset({ identifier: 'anna@example.com', locale: 'en', returnUrl: location.href });
    const element = await openedFromLink(adapter, clock);
    byLabel(element, 'New password').focus();
    await type(fresh);
    await press('Enter');
    await until(() => element.currentStage === 'done', 'done');
    expect((await adapter.getSession()).session, 'GET /session: signed out').to.equal(null);
    expect(adapter.sessionCount(session.session.accountId)).to.equal(0);
  });

  it('shows a used or expired link with a way to a new one', async () => {
    const { adapter, clock } = await backend();
    await adapter.requestPasswordReset({ identifier: 'anna@example.com', locale: 'en', returnUrl: location.href });
    const token = tokenOf(adapter);
    await adapter.resetPassword({ token, password: fresh });
    const used = await openedFromLink(adapter, clock);
    byLabel(used, 'New password').focus();
    await type('Noch#Ein2026Passwort');
    await press('Enter');
    await until(() => used.currentStage === 'linkUsed', 'link used');
    expect(text(used)).to.include('This link was used already.');
    expect(document.activeElement).to.equal(used.querySelector('h2'));
    await expect(used).to.be.accessible();
    used.remove();

    clock.advance(61_000);
    await adapter.requestPasswordReset({ identifier: 'anna@example.com', locale: 'en', returnUrl: location.href });
    clock.advance(60 * 60_000);
    const expired = await openedFromLink(adapter, clock);
    byLabel(expired, 'New password').focus();
    await type('Noch#Ein2026Passwort');
    await press('Enter');
    await until(() => expired.currentStage === 'linkExpired', 'link expired');
    expect(text(expired)).to.include('This link has expired.');
    await expect(expired).to.be.accessible();
    await tabTo('Request a new link');
    await press('Enter');
    await until(() => expired.currentStage === 'request', 'back to the request');
    expect(byLabel(expired, 'E-mail address')).to.exist;
  });

  it('keeps what was typed on a failure, offers a retry, and sends once while busy', async () => {
    const { adapter, clock } = await backend();
    const element = await resetElement(adapter, clock);
    adapter.failNext('requestPasswordReset', new PforteError('network'));
    byLabel(element, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Enter');
    await until(() => element.querySelector('[role="alert"]')!.textContent!.includes('No connection'), 'the failure');
    expect(byLabel(element, 'E-mail address').value).to.equal('anna@example.com');
    await expect(element).to.be.accessible();
    adapter.failNext('requestPasswordReset', 'hang');
    const submit = byButton(element, 'Send link');
    submit.click();
    await until(() => element.querySelector('form')!.getAttribute('aria-busy') === 'true', 'busy');
    expect(byButton(element, 'Please wait…').disabled, 'no second submit while busy').to.be.true;
  });

  it('asks for the identifier before sending, and for a username where the product signs in with one', async () => {
    const { adapter, clock } = await backend();
    const element = await resetElement(adapter, clock, { usernameKind: 'username' });
    byLabel(element, 'Username').focus();
    await press('Enter');
    expect(description(byLabel(element, 'Username'))).to.include('Please enter your username.');
    expect(adapter.outbox).to.have.length(0);
  });

  it('links to sign-in when done, and reads German', async () => {
    const { adapter, clock } = await backend();
    await adapter.requestPasswordReset({ identifier: 'anna@example.com', locale: 'de', returnUrl: location.href });
    expect(adapter.outbox.at(-1)!.text).to.include('ein neues Passwort für');
    await setLocale('de');
    try {
      history.replaceState(null, '', `${location.pathname}#pforte-reset-token=${tokenOf(adapter)}`);
      const element = await fixture<PfortePasswordReset>(
        html`<pforte-password-reset .adapter=${adapter} .clock=${clock} sign-in-url="/anmelden"></pforte-password-reset>`,
      );
      expect(element.querySelector('h2')!.textContent).to.equal('Neues Passwort festlegen');
      byLabel(element, 'Neues Passwort').focus();
      await type(fresh);
      await press('Enter');
      await until(() => element.currentStage === 'done', 'done');
      const link = element.querySelector<HTMLAnchorElement>('a[href="/anmelden"]')!;
      expect(link.textContent).to.equal('Anmelden');
      await expect(element).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
