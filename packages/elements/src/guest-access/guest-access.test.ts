import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock, PforteError } from '@pforte/core';
import type { ManualClock, PforteConfigInput } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/guest-access.js';
import type { PforteGuestAccess } from './guest-access.js';
import { setLocale } from '../localization/localization.js';
import { byButton, codeInputOf, description, press, type, until } from '../../test/helpers.js';

/** The products of these tests: guest access by TAN, three wrong codes, one or two uses. */
const products = {
  praxis: { product: 'Videosprechstunde', steps: ['credentials'], signIn: { guestAccess: { maxAttempts: 3, maxUses: 1 } } },
  separate: { product: 'Videosprechstunde', steps: ['credentials'], signIn: { guestAccess: { code: 'separately' } } },
  other: { product: 'Anderes', steps: ['credentials'], signIn: {} },
} satisfies Record<string, PforteConfigInput>;

/** A memory backend and a guest invitation e-mailed to ben@example.com: its token and code. */
async function invited(product: keyof typeof products = 'praxis', clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock, products });
  await adapter.inviteGuest({ product, email: 'ben@example.com', name: 'Ben Berger', returnUrl: location.href, locale: 'en' });
  const mail = adapter.outbox.find((message) => message.link !== undefined)!;
  const invitation = new URL(mail.link!).hash.split('=')[1]!;
  const code = adapter.outbox.at(-1)!.code!;
  return { adapter, clock, invitation, code, mail };
}

/** Opens the page as the invitation link does. */
async function openedFromLink(adapter: MemoryAdapter, invitation: string, product = 'praxis') {
  history.replaceState(null, '', `${location.pathname}${location.search}#pforte-guest-invitation=${invitation}`);
  const element = await fixture<PforteGuestAccess>(html`<pforte-guest-access .adapter=${adapter} product=${product}></pforte-guest-access>`);
  await until(() => element.currentStage !== 'opening', 'the invitation opened');
  return element;
}

const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ');
const wrong = (code: string) => [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');

describe('<pforte-guest-access>', () => {
  before(() => setLocale('en'));
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('opens the invitation from the fragment, removes it from the URL, and signs the guest in with the code', async () => {
    const { adapter, invitation, code, mail } = await invited();
    expect(mail.text).to.include(code);
    const element = await openedFromLink(adapter, invitation);
    expect(location.hash, 'the invitation left the address bar').to.equal('');
    expect(element.currentStage).to.equal('code');
    expect(text(element)).to.include('Welcome, Ben Berger.');
    expect(text(element)).to.include('Enter the code of 6 digits from your invitation e-mail.');
    expect(document.activeElement).to.equal(codeInputOf(element));
    expect(codeInputOf(element).autocomplete).to.equal('one-time-code');
    await expect(element).to.be.accessible();
    const signedIn = oneEvent(element, 'pforte-guest-signed-in');
    await type(code);
    const { detail } = await signedIn;
    expect(Object.keys(detail).sort()).to.deep.equal(['expiresAt', 'invitationId', 'product']);
    expect(JSON.stringify(detail)).to.not.include(code);
    expect(JSON.stringify(detail)).to.not.include(invitation);
    expect(text(element)).to.include('You are signed in as a guest');
    await expect(element).to.be.accessible();
    const { session } = await adapter.getSession();
    expect(session?.guest).to.equal(true);
    expect(session?.username).to.equal('Ben Berger');
  });

  it('says how many attempts are left after a wrong code, then blocks the invitation', async () => {
    const { adapter, invitation, code } = await invited();
    const element = await openedFromLink(adapter, invitation);
    await type(wrong(code));
    await until(() => description(codeInputOf(element)).includes('Attempts left: 2'), 'attempts left');
    await expect(element).to.be.accessible();
    codeInputOf(element).select();
    await type(wrong(wrong(code)));
    await until(() => description(codeInputOf(element)).includes('Attempts left: 1'), 'one attempt left');
    codeInputOf(element).select();
    await type(wrong(wrong(wrong(code))));
    await until(() => element.currentStage === 'blocked', 'blocked');
    expect(text(element)).to.include('entered wrongly too often');
    expect(text(element)).to.include('ask the practice for a new invitation');
    expect(document.activeElement).to.equal(element.querySelector('h2'));
    await expect(element).to.be.accessible();
  });

  it('shows an expired, a used and a foreign invitation', async () => {
    const clock = createManualClock();
    const expired = await invited('praxis', clock);
    clock.advance(24 * 60 * 60_000);
    const late = await openedFromLink(expired.adapter, expired.invitation);
    expect(late.currentStage).to.equal('expired');
    expect(text(late)).to.include('This invitation has expired.');
    await expect(late).to.be.accessible();
    late.remove();

    const once = await invited();
    await once.adapter.signInAsGuest({ invitation: once.invitation, code: once.code });
    const used = await openedFromLink(once.adapter, once.invitation);
    expect(used.currentStage).to.equal('used');
    used.remove();

    const foreign = await openedFromLink(once.adapter, once.invitation, 'other');
    expect(foreign.currentStage).to.equal('invalid');
    expect(text(foreign)).to.include('not valid');
  });

  it('names where a separate code went', async () => {
    const { adapter, invitation, mail, code } = await invited('separate');
    expect(mail.text, 'the link e-mail holds no code').to.not.include(code);
    const element = await openedFromLink(adapter, invitation, 'separate');
    expect(text(element)).to.include('from the e-mail with your code');
  });

  it('offers a retry when the invitation cannot be opened, and asks for the link without one', async () => {
    const { adapter, invitation } = await invited();
    adapter.failNext('openGuestInvitation', new PforteError('network'));
    const element = await openedFromLink(adapter, invitation);
    expect(element.currentStage).to.equal('openFailed');
    expect(text(element)).to.include('No connection');
    await expect(element).to.be.accessible();
    byButton(element, 'Try again').focus();
    await press('Enter');
    await until(() => element.currentStage === 'code', 'opened on retry');
    element.remove();
    const none = await fixture<PforteGuestAccess>(html`<pforte-guest-access .adapter=${adapter}></pforte-guest-access>`);
    expect(none.currentStage).to.equal('noInvitation');
    expect(text(none)).to.include('open the link from your invitation e-mail');
  });

  it('reads German', async () => {
    await setLocale('de');
    try {
      const { adapter, invitation } = await invited();
      const element = await openedFromLink(adapter, invitation);
      expect(element.querySelector('h2')!.textContent).to.equal('Anmeldung mit TAN');
      expect(byButton(element, 'Anmelden')).to.exist;
      await expect(element).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
