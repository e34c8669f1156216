import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { guardAdapter, PforteError, policyPresets } from '@pforte/core';
import type { PforteAdapter } from '@pforte/core';
import '../define/credentials-step.js';
import type { PforteCredentialsStep } from './credentials-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, paste, press, startedFlow, type, until } from '../../test/helpers.js';

async function credentialsStep(adapter: PforteAdapter, flowId: string, kind: 'email' | 'username' = 'email') {
  return fixture<PforteCredentialsStep>(html`
    <pforte-credentials-step
      .adapter=${adapter}
      flow-id=${flowId}
      username-kind=${kind}
      .policy=${policyPresets.strict10}
    ></pforte-credentials-step>
  `);
}

const goodPassword = 'Zahnarzt#Praxis2026';

describe('<pforte-credentials-step>', () => {
  before(async () => {
    await setLocale('en');
  });

  it('is accessible when empty, typed and with errors', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    await expect(step).to.be.accessible();
    byLabel(step, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Tab');
    await type('abc');
    await expect(step).to.be.accessible();
    await press('Enter');
    await step.updateComplete;
    await expect(step).to.be.accessible();
  });

  it('renders light-DOM inputs in a real form that password managers understand', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    expect(step.shadowRoot).to.equal(null);
    const username = byLabel(step, 'E-mail address');
    const password = byLabel(step, 'Password');
    expect(username.form).to.be.instanceOf(HTMLFormElement);
    expect(password.form).to.equal(username.form);
    expect(username.name).to.equal('username');
    expect(username.autocomplete).to.equal('username');
    expect(username.type).to.equal('email');
    expect(password.name).to.equal('password');
    expect(password.autocomplete).to.equal('new-password');
    expect(password.getAttribute('passwordrules')).to.equal(
      'minlength: 10; maxlength: 128; required: lower; required: upper; required: digit; required: special;',
    );
    expect(password.maxLength).to.equal(-1);
  });

  it('moves through the form by Tab in reading order', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId, 'username');
    byLabel(step, 'Username').focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Password'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Show password'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Confirm & continue'));
  });

  it('updates the checklist live while typing, and accepts a pasted password', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    const password = byLabel(step, 'Password');
    password.focus();
    await type('a');
    await step.updateComplete;
    expect(description(password)).to.contain('A lowercase letter (met)');
    expect(description(password)).to.contain('An uppercase letter (not met)');
    password.select();
    await paste(password, goodPassword);
    await step.updateComplete;
    expect(password.value).to.equal(goodPassword);
    // Everything to achieve is ticked; the limits (length, username) are kept, neither ticked nor broken.
    expect(step.querySelectorAll('li.pf-met').length + step.querySelectorAll('li:not(.pf-met):not(.pf-broken)').length).to.equal(step.querySelectorAll('li').length);
    expect(step.querySelectorAll('li.pf-broken').length).to.equal(0);
    expect(description(password)).not.to.contain('(not met)');
  });

  it('shows and hides the password with a toggle button', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    const toggle = byButton(step, 'Show password');
    expect(byLabel(step, 'Password').type).to.equal('password');
    toggle.focus();
    await press('Space');
    await step.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(byLabel(step, 'Password').type).to.equal('text');
    await press('Enter');
    await step.updateComplete;
    expect(byLabel(step, 'Password').type).to.equal('password');
  });

  it('keeps long Unicode passwords whole', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    const long = `Ä1!${'ß😀'.repeat(40)}Zz`;
    const password = byLabel(step, 'Password');
    await paste(password, long);
    await step.updateComplete;
    expect(password.value).to.equal(long);
  });

  it('blocks submission until the policy is met, and says why next to the field', async () => {
    const { adapter, flowId } = await startedFlow();
    let calls = 0;
    const counting: PforteAdapter = {
      ...adapter,
      submitCredentials: (...args) => {
        calls += 1;
        return adapter.submitCredentials(...args);
      },
    };
    const step = await credentialsStep(counting, flowId);
    byLabel(step, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Tab');
    await type('short');
    await press('Enter');
    await step.updateComplete;
    const password = byLabel(step, 'Password');
    expect(calls).to.equal(0);
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(description(password)).to.contain('The password does not meet all requirements yet.');
    expect(document.activeElement).to.equal(password);
  });

  it('submits with Enter and reports the username only', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await credentialsStep(adapter, flowId);
    byLabel(step, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Tab');
    await type(goodPassword);
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    const { detail } = await done;
    expect(detail).to.deep.equal({ step: 'credentials', values: { username: 'anna@example.com' } });
    expect(JSON.stringify(detail)).not.to.contain(goodPassword);
  });

  it('shows a taken username next to the username field and keeps everything typed', async () => {
    const { adapter, flowId } = await startedFlow({ takenUsernames: ['anna@example.com'] });
    const step = await credentialsStep(adapter, flowId);
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    const username = byLabel(step, 'E-mail address');
    username.focus();
    await type('anna@example.com');
    await press('Tab');
    await type(goodPassword);
    await press('Enter');
    await until(() => username.getAttribute('aria-invalid') === 'true', 'username error');
    expect(description(username)).to.equal('This username cannot be used. Please choose another one.');
    expect(document.activeElement).to.equal(username);
    expect(username.value).to.equal('anna@example.com');
    expect(byLabel(step, 'Password').value).to.equal(goodPassword);
    expect(errors).to.deep.equal(['identifier.unavailable']);
    await type('x');
    await step.updateComplete;
    expect(username.getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows a server-side password rejection next to the password field', async () => {
    const { adapter, flowId } = await startedFlow();
    adapter.failNext('submitCredentials', new PforteError('password.rejected', { field: 'password' }));
    const step = await credentialsStep(adapter, flowId);
    byLabel(step, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Tab');
    await type(goodPassword);
    await press('Enter');
    const password = byLabel(step, 'Password');
    await until(() => password.getAttribute('aria-invalid') === 'true', 'password error');
    expect(description(password)).to.contain('This password was not accepted. Please choose another one.');
  });

  it('reports a timeout when the backend hangs', async () => {
    const { adapter, flowId } = await startedFlow();
    adapter.failNext('submitCredentials', 'hang');
    const step = await credentialsStep(guardAdapter(adapter, { timeoutMs: 50 }), flowId);
    byLabel(step, 'E-mail address').focus();
    await type('anna@example.com');
    await press('Tab');
    await type(goodPassword);
    await press('Enter');
    const alert = step.querySelector('[role="alert"]')!;
    await until(() => alert.textContent!.includes('took too long'), 'timeout alert');
    expect(byButton(step, 'Confirm & continue').disabled).to.be.false;
  });

  it('speaks German with the seed wording', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await startedFlow();
      const step = await credentialsStep(adapter, flowId, 'username');
      expect(step.querySelector('h2')!.textContent).to.equal('Benutzername und Passwort festlegen');
      expect(byButton(step, 'Bestätigen & Fortfahren')).to.exist;
      expect(byLabel(step, 'Benutzername')).to.exist;
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
