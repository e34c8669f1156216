import { expect, fixture, html } from '@open-wc/testing';
import { loadPhoneSupport } from '@pforte/core';
import '../src/define/account-visibility.js';
import '../src/define/account-second-factor.js';
import '../src/define/account-pin.js';
import { setLocale } from '../src/localization/localization.js';
import { codeInputOf, focusedName, press, tabTo, type, until } from './helpers.js';
import { accountPassword, signedInBilling, signedInVideo, signInAgain } from './account-support.js';
import type { MemoryAdapter } from '@pforte/core/memory';
import type { ManualClock } from '@pforte/core';

/**
 * What a person changes later, in German, by keyboard alone, against the
 * memory adapter (seed 001: the video consultation; seed 003: the billing
 * centre). Focus starts on the page's first control; from there on only
 * Tab, Shift+Tab, Space, Enter and typing.
 */
async function accountPage(adapter: MemoryAdapter, clock: ManualClock) {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button type="button">Start</button>
    <pforte-account-visibility .adapter=${adapter} .clock=${clock}></pforte-account-visibility>
    <pforte-account-second-factor .adapter=${adapter} .clock=${clock}></pforte-account-second-factor>
    <pforte-account-pin .adapter=${adapter} .clock=${clock} product="Videosprechstunde"></pforte-account-pin>
  </div>`);
  await until(
    () => page.querySelector('pforte-visibility-step input') && page.querySelector('.pf-current') && page.querySelector('pforte-account-pin h2'),
    'the sections',
  );
  page.querySelector('button')!.focus();
  return page;
}

describe('account settings in German, by keyboard alone (memory adapter)', () => {
  before(async () => {
    await setLocale('de');
    await loadPhoneSupport();
  });
  after(() => setLocale('en'));

  it('video consultation: activates the SMS factor put off at registration; the next sign-in asks for the SMS code', async () => {
    const { adapter, clock } = await signedInVideo();
    const page = await accountPage(adapter, clock);
    await tabTo('SMS-Authentifizierung aktivieren');
    await press('Enter');
    await until(() => focusedName() === '2-Faktor-Authentifizierung', 'the SMS step');
    await tabTo('Mobilfunknummer');
    await type('01512 3456789');
    await press('Enter');
    await until(() => document.activeElement === codeInputOf(page), 'the code entry');
    await type(adapter.lastCode('+4915123456789')!);
    await until(() => page.querySelector('pforte-account-second-factor [role="status"]')?.textContent?.includes('SMS'), 'saved');
    expect(page.querySelector('pforte-account-second-factor .pf-current')!.textContent).to.include('+4915123456789');
    expect(await signInAgain(adapter, 'anna@example.org', 'video', clock)).to.equal('sms');
  });

  it('video consultation: changes the visibility in the contact search', async () => {
    const { adapter, clock } = await signedInVideo();
    const page = await accountPage(adapter, clock);
    await tabTo('In der Kontaktsuche sichtbar sein');
    await press('Space');
    await tabTo('Speichern');
    await press('Enter');
    await until(() => page.querySelector('pforte-account-visibility [role="status"]')?.textContent?.includes('Gespeichert'), 'saved');
    expect(adapter.accounts[0]!.visible).to.be.true;
  });

  it('video consultation: replaces the service PIN after confirming the password; the old PIN is refused', async () => {
    const { adapter, clock, pin: oldPin } = await signedInVideo();
    const page = await accountPage(adapter, clock);
    clock.advance(15 * 60_000);
    await tabTo('Neue Service-PIN erstellen');
    await press('Enter');
    await until(() => focusedName() === 'Aktuelles Passwort', 'the password');
    await type(accountPassword);
    await press('Enter');
    await until(() => page.querySelector('.pf-pin'), 'the new PIN');
    const newPin = page.querySelector('.pf-pin .pf-visually-hidden')!.textContent!.replace(/\s/g, '');
    await tabTo('Ich habe meine Service-PIN sicher verwahrt.');
    await press('Space');
    await tabTo('Fortfahren');
    await press('Enter');
    await until(() => page.querySelector('pforte-account-pin [role="status"]')?.textContent?.includes('gilt nicht mehr'), 'done');
    const check = (pin: string) => adapter.checkServicePin({ product: 'video', username: 'anna@example.org', pin });
    expect(await check(oldPin)).to.be.false;
    expect(await check(newPin)).to.be.true;
  });

  it('billing centre: switches from e-mail TAN to mobile TAN; the next sign-in asks for the SMS code', async () => {
    const { adapter, clock } = await signedInBilling();
    const page = await accountPage(adapter, clock);
    await tabTo('Verfahren ändern');
    await press('Enter');
    await until(() => page.querySelector('pforte-second-factor-choice-step input'), 'the choice');
    // The radio group is one stop of the Tab order, on the method in force; the arrow keys choose.
    await tabTo(/^E-Mail-TAN/);
    await press('ArrowDown');
    expect(focusedName()).to.match(/^mTAN \(SMS\)/);
    expect((document.activeElement as HTMLInputElement).checked).to.be.true;
    await tabTo('Fortfahren');
    await press('Enter');
    await until(() => page.querySelector('pforte-sms-step pforte-phone-input input'), 'the SMS step');
    await tabTo('Mobilfunknummer');
    await type('0170 1234567');
    await press('Enter');
    await until(() => document.activeElement === codeInputOf(page), 'the code entry');
    await type(adapter.lastCode('+491701234567')!);
    await until(() => page.querySelector('pforte-account-second-factor [role="status"]')?.textContent?.includes('SMS'), 'saved');
    expect(await signInAgain(adapter, 'max@example.org', 'billing', clock)).to.equal('sms');
  });
});
