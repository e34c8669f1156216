import { expect, fixture, html } from '@open-wc/testing';
import { createManualClock } from '@pforte/core';
import type { ManualClock, PforteConfigInput, PforteSignInAdapter } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter } from '@pforte/core/memory';
import '../define/signin.js';
import type { PforteSignin } from './signin.js';
import type { PforteErrorDetail, PforteSignedInDetail, PforteStepChangeDetail } from '../events.js';
import { setLocale } from '../localization/localization.js';
import { advanceClock, byButton, byLabel, codeInputOf, description, focusedName, press, shownText, type, unavailable, until } from '../../test/helpers.js';

const password = 'Zahnarzt#Praxis2026';
const notice = 'Welcome to the customer centre! As this is your first visit, please change your password.';
const baseConfig: PforteConfigInput = {
  product: 'Kundencenter',
  username: { kind: 'username' },
  signIn: { forgotPasswordUrl: '/passwort-vergessen', registerUrl: '/registrieren', firstSignInNotice: notice },
};

/** A memory backend with an account `anna` (no second factor) that registered itself. */
async function backendWithAccount(clock: ManualClock, secondFactor: 'none' | 'sms' = 'none') {
  const adapter = createMemoryAdapter({ clock });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: 'anna', password });
  if (secondFactor === 'sms') {
    await adapter.chooseSecondFactor({ flowId, method: 'sms' });
    await adapter.sendSmsCode({ flowId, phone: '+4915112345678' });
    await adapter.verifySmsCode({ flowId, code: lastCode(adapter) });
    // The sign-in's code goes to the same number: it waits for the registration code's resend deadline.
    clock.advance(60_000);
  }
  await adapter.complete({ flowId });
  return adapter;
}

function lastCode(adapter: MemoryAdapter): string {
  return adapter.outbox.at(-1)!.code!;
}

async function mount(adapter: PforteSignInAdapter, clock: ManualClock, config: PforteConfigInput = baseConfig) {
  const stages: PforteStepChangeDetail['step'][] = [];
  const signedIn: PforteSignedInDetail[] = [];
  const errors: PforteErrorDetail[] = [];
  // Listened to on a wrapper from the start: the first stage is shown before the fixture resolves.
  const wrapper = await fixture<HTMLDivElement>(html`<div
    @pforte-step-change=${(event: CustomEvent<PforteStepChangeDetail>) => stages.push(event.detail.step)}
    @pforte-signed-in=${(event: CustomEvent<PforteSignedInDetail>) => signedIn.push(event.detail)}
    @pforte-error=${(event: CustomEvent<PforteErrorDetail>) => errors.push(event.detail)}
  >
    <pforte-signin .config=${config} .adapter=${adapter} .clock=${clock} locale="en"></pforte-signin>
  </div>`);
  const element = wrapper.querySelector('pforte-signin')!;
  await until(() => element.querySelector('form'), 'the sign-in form');
  return { element, stages, signedIn, errors };
}

/** Types the identifier and the password by keyboard and presses Enter. */
async function signIn(element: PforteSignin, identifier: string, secret: string) {
  const field = byLabel(element, 'Username');
  field.focus();
  field.select();
  await type(identifier);
  await press('Tab');
  await type(secret);
  await press('Enter');
}

/** The label of the form's main button, or '' while there is none. */
function primaryLabel(element: Element): string {
  return element.querySelector('button.pf-primary')?.textContent?.trim() ?? '';
}

function heading(element: Element): string {
  return element.querySelector('h2')?.textContent?.trim() ?? '';
}

function alertText(element: Element): string {
  return [...element.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
}

function statusText(element: Element): string {
  return element.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

describe('<pforte-signin>', function () {
  // Every sign-in runs the memory adapter's slow PBKDF2 hash (100 000 iterations); a test signs in up to eleven times.
  this.timeout(20_000);

  before(async () => {
    await setLocale('en');
  });

  it('is a real light-DOM form with username and current-password, the forgot and register links, and no axe violations', async () => {
    const clock = createManualClock();
    const { element } = await mount(createMemoryAdapter({ clock }), clock);
    expect(element.shadowRoot).to.equal(null);
    const identifier = byLabel(element, 'Username');
    const secret = byLabel(element, 'Password');
    expect(identifier.form).to.be.instanceOf(HTMLFormElement);
    expect(secret.form).to.equal(identifier.form);
    expect([identifier.name, identifier.autocomplete]).to.deep.equal(['username', 'username']);
    expect([secret.name, secret.type, secret.autocomplete]).to.deep.equal(['password', 'password', 'current-password']);
    expect(element.querySelector('a[href="/passwort-vergessen"]')?.textContent?.trim()).to.equal('Forgot your password?');
    expect(element.querySelector('a[href="/registrieren"]')?.textContent?.trim()).to.equal('Register');
    await expect(element).to.be.accessible();
  });

  it('says what is missing by keyboard alone, and moves in reading order', async () => {
    const clock = createManualClock();
    const { element } = await mount(createMemoryAdapter({ clock }), clock);
    byLabel(element, 'Username').focus();
    await press('Enter');
    await element.updateComplete;
    expect(document.activeElement).to.equal(byLabel(element, 'Username'));
    expect(description(byLabel(element, 'Username'))).to.equal('Please enter your username.');
    await type('anna');
    await press('Tab');
    expect(focusedName()).to.equal('Password');
    await press('Enter');
    await element.updateComplete;
    expect(description(byLabel(element, 'Password'))).to.equal('Please enter your password.');
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(element, 'Show password'));
    await press('Tab');
    expect(focusedName()).to.equal('Forgot your password?');
    await press('Tab');
    expect(focusedName()).to.equal('Sign in');
    await expect(element).to.be.accessible();
  });

  it('signs in with the right password and tells the page who, never the password', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    const { element, stages, signedIn } = await mount(adapter, clock);
    await signIn(element, 'anna', password);
    await until(() => heading(element) === 'You are signed in', 'signed in');
    expect(shownText(element)).to.contain('Signed in as anna.');
    expect(document.activeElement).to.equal(element.querySelector('h2'));
    expect(signedIn).to.have.length(1);
    expect(signedIn[0]).to.deep.equal({ accountId: adapter.accounts[0]!.accountId, username: 'anna', secondFactor: 'none' });
    expect(JSON.stringify(signedIn)).not.to.contain(password);
    expect(stages).to.deep.equal(['password', 'signedIn']);
    expect((await adapter.getSession()).session?.username).to.equal('anna');
    await expect(element).to.be.accessible();
  });

  it('a wrong password says how many attempts are left, empties the password and keeps the username', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    const { element } = await mount(adapter, clock);
    await signIn(element, 'anna', 'not the password');
    await until(() => alertText(element).includes('Attempts left'), 'the attempts left');
    expect(alertText(element)).to.equal('The username or the password is not correct. Attempts left before sign-in is locked: 4.');
    const secret = byLabel(element, 'Password');
    expect(document.activeElement).to.equal(secret);
    expect(secret.value).to.equal('');
    expect(byLabel(element, 'Username').value).to.equal('anna');
    expect(description(secret)).to.contain('Attempts left before sign-in is locked: 4.');
    await expect(element).to.be.accessible();
    // The count stays in view while the person types the next try.
    await type('x');
    await element.updateComplete;
    expect(alertText(element)).to.contain('Attempts left before sign-in is locked: 4.');
  });

  it('locks after five wrong passwords with a countdown from the deadline, the same for an unknown account, then signs in', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    const { element, stages } = await mount(adapter, clock);
    const lockedTexts: string[] = [];
    for (const identifier of ['nobody', 'anna']) {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await signIn(element, identifier, `wrong ${attempt}`);
        await until(() => !element.querySelector('form[aria-busy="true"]') && (alertText(element) !== '' || element.lockedUntil), `answer ${attempt}`);
        await until(() => attempt < 4 ? alertText(element).includes(`: ${4 - attempt}.`) : alertText(element).includes('locked after'), `answer ${attempt} shown`);
      }
      lockedTexts.push(alertText(element) + byButton(element, /Sign in/).textContent!.trim());
      if (identifier === 'nobody') {
        clock.advance(300_000);
        element.refreshCountdown();
        await until(() => primaryLabel(element) === 'Sign in', 'the first lock over');
      }
    }
    expect(lockedTexts[0]).to.equal(lockedTexts[1]);
    expect(lockedTexts[1]).to.contain('Sign-in is temporarily locked after too many failed attempts.');
    const button = byButton(element, /Sign in again in/);
    expect(button.textContent!.trim()).to.equal('Sign in again in 5:00');
    expect(unavailable(button)).to.equal(true);
    expect(stages).to.include('locked');
    await expect(element).to.be.accessible();

    await advanceClock(element, clock, 61_000);
    expect(byButton(element, /Sign in again in/).textContent!.trim()).to.equal('Sign in again in 3:59');
    // The right password while locked is not even sent.
    byLabel(element, 'Password').focus();
    await type(password);
    await press('Enter');
    await element.updateComplete;
    expect(heading(element)).to.equal('Sign in');

    // The lock is the identifier's: another one may be tried at once, and the lock shows again for this one.
    const identifier = byLabel(element, 'Username');
    identifier.focus();
    await type('x');
    await element.updateComplete;
    expect(primaryLabel(element)).to.equal('Sign in');
    expect(alertText(element)).not.to.contain('locked');
    await press('Backspace');
    await signIn(element, 'anna', password);
    await until(() => primaryLabel(element).startsWith('Sign in again in'), 'locked again');
    await advanceClock(element, clock, 239_000);
    await until(() => statusText(element) === 'You can sign in again now.', 'the lock is over');
    expect(unavailable(byButton(element, 'Sign in'))).to.equal(false);
    byLabel(element, 'Password').focus();
    await type(password);
    await press('Enter');
    await until(() => heading(element) === 'You are signed in', 'signed in after the lock');
  });

  it('asks for the SMS code of the account, verifies it, and offers a new code after the deadline', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock, 'sms');
    const { element, signedIn } = await mount(adapter, clock);
    await signIn(element, 'anna', password);
    await until(() => heading(element) === 'Confirm your sign-in', 'the second factor');
    expect(element.textContent).to.contain('We sent a code of 6 digits by SMS to your mobile number.');
    const input = codeInputOf(element);
    await until(() => document.activeElement === input, 'focus in the code');
    expect(byButton(element, /New code in/).textContent!.trim()).to.equal('New code in 1:00');
    await expect(element).to.be.accessible();

    const code = lastCode(adapter);
    const wrong = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    await type(wrong);
    await until(() => alertText(element).includes('The code is not correct'), 'the wrong code');
    await expect(element).to.be.accessible();

    await advanceClock(element, clock, 60_000);
    await until(() => element.querySelector('button.pf-resend')?.textContent?.trim() === 'Send new code', 'resend available');
    byButton(element, 'Send new code').click();
    await until(() => lastCode(adapter) !== code, 'a new code');
    await until(() => document.activeElement === codeInputOf(element), 'focus back in the code');
    await type(lastCode(adapter));
    await until(() => heading(element) === 'You are signed in', 'signed in with the code');
    expect(signedIn[0]?.secondFactor).to.equal('sms');
    expect(JSON.stringify(signedIn)).not.to.contain(lastCode(adapter));
  });

  it('says so when a code sent moments ago holds the sign-in code back, and sends it once the countdown ends', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock, 'sms');
    // A backend that throttles per number answers with the resend deadline and no code (expiresAt = now).
    const throttled: PforteSignInAdapter = {
      ...adapter,
      signIn: async (input, options) => {
        const result = await adapter.signIn(input, options);
        return result.status === 'secondFactor' ? { ...result, resendAvailableAt: result.now + 30_000, expiresAt: result.now } : result;
      },
    };
    const { element } = await mount(throttled, clock);
    await signIn(element, 'anna', password);
    await until(() => heading(element) === 'Confirm your sign-in', 'the second factor');
    expect(element.textContent).to.contain('A code was sent moments ago. Please request a new one when the countdown has run out.');
    expect(element.textContent).not.to.contain('We sent a code');
    const before = adapter.outbox.length;
    // The product's own gap (60 s) outlasts the backend's 30 s.
    await advanceClock(element, clock, 30_000);
    expect(unavailable(byButton(element, /New code in/))).to.equal(true);
    await advanceClock(element, clock, 30_000);
    byButton(element, 'Send new code').click();
    await until(() => adapter.outbox.length > before, 'the code sent');
    await until(() => element.textContent!.includes('We sent a code of 6 digits by SMS'), 'the code announced');
    await type(lastCode(adapter));
    await until(() => heading(element) === 'You are signed in', 'signed in');
  });

  it('Back from the code starts again with the username kept', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock, 'sms');
    const { element } = await mount(adapter, clock);
    await signIn(element, 'anna', password);
    await until(() => heading(element) === 'Confirm your sign-in', 'the second factor');
    byButton(element, 'Back').click();
    await until(() => heading(element) === 'Sign in', 'the form again');
    expect(byLabel(element, 'Username').value).to.equal('anna');
    expect(document.activeElement).to.equal(byLabel(element, 'Password'));
  });

  it('an account created for someone must replace its password, with the checklist, then sees the first-sign-in notice', async () => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock });
    const initial = 'Initial#Passwort2026';
    await adapter.createAccount({ username: 'kunde-4711', password: initial });
    const { element, stages, signedIn } = await mount(adapter, clock);
    await signIn(element, 'kunde-4711', initial);
    await until(() => heading(element) === 'Choose a new password', 'the forced change');
    const fresh = byLabel(element, 'New password');
    expect(document.activeElement).to.equal(fresh);
    expect(fresh.autocomplete).to.equal('new-password');
    expect(description(fresh)).to.contain('At least');
    await expect(element).to.be.accessible();

    await type(initial);
    await element.updateComplete;
    expect(description(fresh)).to.contain('(met)');
    await press('Enter');
    await element.updateComplete;
    expect(description(fresh)).to.contain('The new password must differ from the current one.');
    expect(document.activeElement).to.equal(fresh);
    await expect(element).to.be.accessible();

    fresh.select();
    await type('Neues#Kennwort2026');
    await press('Enter');
    await until(() => heading(element) === 'Welcome', 'the first-sign-in notice');
    expect(element.querySelector('.pf-notice')?.textContent?.trim()).to.equal(notice);
    expect(signedIn).to.have.length(0);
    expect(document.activeElement).to.equal(element.querySelector('h2'));
    await expect(element).to.be.accessible();
    await press('Tab');
    expect(focusedName()).to.equal('Continue');
    await press('Enter');
    await until(() => heading(element) === 'You are signed in', 'signed in');
    expect(signedIn).to.have.length(1);
    expect(stages).to.deep.equal(['password', 'passwordChange', 'firstSignInNotice', 'signedIn']);

    await byButton(element, 'Sign out').click();
    await until(() => heading(element) === 'Sign in', 'signed out');
    await signIn(element, 'kunde-4711', 'Neues#Kennwort2026');
    await until(() => heading(element) === 'You are signed in', 'the next sign-in goes straight in');
  });

  it('keeps everything typed when the backend cannot be reached, and the same Enter tries again', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    const { element, errors } = await mount(adapter, clock);
    adapter.failNext('signIn', 'offline');
    await signIn(element, 'anna', password);
    await until(() => alertText(element) !== '', 'the network error');
    expect(errors.map((error) => [error.code, error.step])).to.deep.equal([['network', 'password']]);
    expect(byLabel(element, 'Username').value).to.equal('anna');
    expect(byLabel(element, 'Password').value).to.equal(password);
    expect(document.activeElement).to.equal(byLabel(element, 'Password'));
    await expect(element).to.be.accessible();
    await press('Enter');
    await until(() => heading(element) === 'You are signed in', 'signed in on retry');
  });

  it('sends one sign-in however often Enter is pressed while it runs, and shows it is busy', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    let calls = 0;
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    // The backend answers only when the test says so: the busy state holds meanwhile.
    const counting: PforteSignInAdapter = {
      ...adapter,
      signIn: async (input, options) => {
        calls += 1;
        await held;
        return adapter.signIn(input, options);
      },
    };
    const { element } = await mount(counting, clock);
    await signIn(element, 'anna', password);
    await until(() => element.querySelector('form')?.getAttribute('aria-busy') === 'true', 'busy');
    expect(byButton(element, 'Please wait…').disabled).to.equal(true);
    await press('Enter');
    await press('Enter');
    answer();
    await until(() => heading(element) === 'You are signed in', 'signed in');
    expect(calls).to.equal(1);
  });

  it('shows the signed-in state for a session that exists, and signs out', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    await adapter.signIn({ identifier: 'anna', password, locale: 'en' });
    const element = await fixture<PforteSignin>(html`<pforte-signin .adapter=${adapter} .clock=${clock} locale="en"></pforte-signin>`);
    await until(() => heading(element) === 'You are signed in', 'the existing session');
    let signedOut = 0;
    element.addEventListener('pforte-signed-out', () => (signedOut += 1));
    byButton(element, 'Sign out').focus();
    await press('Enter');
    await until(() => heading(element) === 'Sign in', 'signed out');
    expect(signedOut).to.equal(1);
    expect(statusText(element)).to.equal('You are signed out.');
    expect((await adapter.getSession()).session).to.equal(null);
  });

  it('names an invalid config instead of rendering a blank widget', async () => {
    const clock = createManualClock();
    const element = await fixture<PforteSignin>(
      html`<pforte-signin .config=${{ signIn: { firstSignInNotice: '' } }} .adapter=${createMemoryAdapter({ clock })} locale="en"></pforte-signin>`,
    );
    await until(() => alertText(element).includes('configuration is invalid'), 'the config error');
    expect(alertText(element)).to.contain('signIn.firstSignInNotice');
  });

  it('passes axe in dark mode (colour contrast included) with a wrong password and on the forced change', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    await adapter.createAccount({ username: 'kunde-4711', password: 'Initial#Passwort2026' });
    const { element } = await mount(adapter, clock);
    element.style.colorScheme = 'dark';
    await signIn(element, 'anna', 'not the password');
    await until(() => alertText(element).includes('Attempts left'), 'the attempts left');
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await expect(element).to.be.accessible();
    await signIn(element, 'kunde-4711', 'Initial#Passwort2026');
    await until(() => heading(element) === 'Choose a new password', 'the forced change');
    await type('Neu#2');
    await press('Enter');
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('speaks German', async () => {
    const clock = createManualClock();
    const adapter = await backendWithAccount(clock);
    const element = await fixture<PforteSignin>(html`<pforte-signin .config=${baseConfig} .adapter=${adapter} .clock=${clock} locale="de"></pforte-signin>`);
    await until(() => heading(element) === 'Anmelden', 'the German form');
    expect(element.querySelector('a[href="/passwort-vergessen"]')?.textContent?.trim()).to.equal('Passwort vergessen?');
    expect(element.querySelector('a[href="/registrieren"]')?.textContent?.trim()).to.equal('Registrieren');
    byLabel(element, 'Benutzername').focus();
    await type('anna');
    await press('Tab');
    await type('falsch');
    await press('Enter');
    await until(() => alertText(element).includes('Versuche'), 'the German answer');
    await expect(element).to.be.accessible();
    await setLocale('en');
  });
});
