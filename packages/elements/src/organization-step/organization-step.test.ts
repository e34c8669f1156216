import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteAdapter } from '@pforte/core';
import type { MemoryAdapterOptions } from '@pforte/core/memory';
import '../define/organization-step.js';
import type { PforteOrganizationStep } from './organization-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, type, until } from '../../test/helpers.js';

const practice = { name: 'Zahnarztpraxis Berger', customerNumber: '40711', postalCode: '53227' };

/** A flow with an account (the organization step acts on it), on a memory backend with one practice. */
async function accountFlow(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter({ organizations: [{ ...practice, members: 1 }], ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId };
}

async function organizationStep(adapter: PforteAdapter, flowId: string, extra: Partial<PforteOrganizationStep> = {}) {
  const step = await fixture<PforteOrganizationStep>(html`
    <pforte-organization-step .adapter=${adapter} flow-id=${flowId}></pforte-organization-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

function alertText(step: HTMLElement): string {
  return step.querySelector('.pf-alert')!.textContent!.trim();
}

async function fill(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await type(text);
}

describe('<pforte-organization-step>', () => {
  before(() => setLocale('en'));

  it('is accessible in both modes and with errors', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId, { canGoBack: true });
    await expect(step).to.be.accessible();
    byButton(step, 'Register practice').click();
    await until(() => description(byLabel(step, 'Name of the practice')).includes('Please enter'), 'local errors');
    await expect(step).to.be.accessible();
    byLabel(step, 'Join an existing practice').click();
    await step.updateComplete;
    await expect(step).to.be.accessible();
    await fill(byLabel(step, 'Customer number'), '99999');
    await fill(byLabel(step, 'Postal code of the practice'), '53227');
    await press('Enter');
    await until(() => alertText(step) !== '', 'not found');
    await expect(step).to.be.accessible();
  });

  it('offers "register" and "join" as a radio group with the right fields and autocomplete tokens', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId);
    expect(step.querySelector('fieldset legend')!.textContent!.trim()).to.equal('What would you like to do?');
    expect(byLabel(step, 'Register a new practice').checked).to.be.true;
    expect(description(byLabel(step, 'Join an existing practice'))).to.include('A practice can have up to 5 users.');
    expect(byLabel(step, 'Name of the practice').autocomplete).to.equal('organization');
    expect(byLabel(step, 'Customer number (optional)').required).to.be.false;
    const postal = byLabel(step, 'Postal code');
    expect(postal.autocomplete).to.equal('postal-code');
    expect(postal.inputMode).to.equal('numeric');
    byLabel(step, 'Join an existing practice').click();
    await step.updateComplete;
    expect(() => byLabel(step, 'Name of the practice')).to.throw();
    expect(byLabel(step, 'Customer number').required).to.be.true;
    expect(byLabel(step, 'Postal code of the practice').autocomplete).to.equal('postal-code');
    expect(byButton(step, 'Request access')).to.exist;
  });

  it('has no radio group when only one mode is offered', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId, { modes: ['join'], maxMembers: 3 });
    expect(step.querySelector('fieldset')).to.be.null;
    expect(step.querySelector('input[type="radio"]')).to.be.null;
    expect(step.textContent).to.include('A practice can have up to 3 users.');
    byLabel(step, 'Customer number');
    await expect(step).to.be.accessible();
  });

  it('works by keyboard: arrow keys switch the mode, Tab through the fields, Enter submits', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId, { canGoBack: true });
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Register a new practice'));
    await press('ArrowDown');
    await step.updateComplete;
    expect(document.activeElement).to.equal(byLabel(step, 'Join an existing practice'));
    expect(byLabel(step, 'Join an existing practice').checked).to.be.true;
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Customer number'));
    await type(practice.customerNumber);
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Postal code of the practice'));
    await type(practice.postalCode);
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Request access'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    byLabel(step, 'Postal code of the practice').focus();
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    const { detail } = await done;
    expect(detail.step).to.equal('organization');
    const organization = (detail.values as { organization: Record<string, unknown> }).organization;
    expect(organization).to.include({ name: practice.name, status: 'pending' });
    expect(organization.organizationId).to.be.a('string');
  });

  it('registers a new practice, without a customer number when none was given', async () => {
    const { adapter, flowId } = await accountFlow();
    const calls: unknown[] = [];
    const spy: PforteAdapter = {
      ...adapter,
      registerOrganization: (input, options) => (calls.push(input), adapter.registerOrganization(input, options)),
    };
    const step = await organizationStep(spy, flowId);
    await fill(byLabel(step, 'Name of the practice'), 'Praxis Dr. Weiß');
    await fill(byLabel(step, 'Postal code'), '10115');
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    const { detail } = await done;
    expect(calls).to.deep.equal([{ flowId, name: 'Praxis Dr. Weiß', postalCode: '10115' }]);
    expect((detail.values as { organization: object }).organization).to.include({ name: 'Praxis Dr. Weiß', status: 'member' });
  });

  it('checks the fields locally, ties each message to its field and focuses the first', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId);
    await fill(byLabel(step, 'Postal code'), '5322');
    byButton(step, 'Register practice').click();
    const name = byLabel(step, 'Name of the practice');
    await until(() => document.activeElement === name, 'focus on the first invalid field');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(description(name)).to.equal('Please enter the name of your practice.');
    const postal = byLabel(step, 'Postal code');
    expect(postal.getAttribute('aria-invalid')).to.equal('true');
    expect(description(postal)).to.equal('Please enter a postal code of 5 digits, e.g. 53227.');
    expect(adapter.accounts).to.have.length(0);
    await fill(postal, '53227');
    expect(postal.getAttribute('aria-invalid'), 'typing clears the error').to.equal('false');
  });

  it('shows "not found" as one alert, not tied to a field', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId, { modes: ['join'] });
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    await fill(byLabel(step, 'Customer number'), '40711');
    await fill(byLabel(step, 'Postal code of the practice'), '10115');
    await press('Enter');
    await until(() => errors.length === 1, 'error');
    expect(errors).to.deep.equal(['organization.not_found']);
    await step.updateComplete;
    expect(step.querySelector('.pf-alert')!.getAttribute('role')).to.equal('alert');
    expect(alertText(step)).not.to.equal('');
    expect(byLabel(step, 'Customer number').getAttribute('aria-invalid')).to.equal('false');
    expect(byLabel(step, 'Postal code of the practice').getAttribute('aria-invalid')).to.equal('false');
  });

  it('says when the practice is full, naming the maximum', async () => {
    const { adapter, flowId } = await accountFlow({ organizations: [{ ...practice, members: 5 }] });
    const step = await organizationStep(adapter, flowId, { modes: ['join'] });
    await fill(byLabel(step, 'Customer number'), practice.customerNumber);
    await fill(byLabel(step, 'Postal code of the practice'), practice.postalCode);
    await press('Enter');
    await until(() => alertText(step) !== '', 'full');
    expect(alertText(step)).to.include('This practice already has the maximum of 5 users.');
  });

  it('keeps the entries when the mode changes and takes prefilled values', async () => {
    const { adapter, flowId } = await accountFlow();
    const step = await organizationStep(adapter, flowId, { values: { customerNumber: '40711' }, mode: 'join' });
    expect(byLabel(step, 'Customer number').value).to.equal('40711');
    await fill(byLabel(step, 'Postal code of the practice'), '53227');
    byLabel(step, 'Register a new practice').click();
    await step.updateComplete;
    expect(byLabel(step, 'Customer number (optional)').value).to.equal('40711');
    expect(byLabel(step, 'Postal code').value).to.equal('53227');
  });

  it('speaks German with the wording of the seed', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await accountFlow();
      const step = await organizationStep(adapter, flowId);
      byLabel(step, 'Neue Praxis registrieren');
      byLabel(step, 'Account einer bestehenden Praxis zuweisen');
      byLabel(step, 'Postleitzahl');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
