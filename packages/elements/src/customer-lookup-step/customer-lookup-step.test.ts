import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteAdapter } from '@pforte/core';
import type { MemoryAdapterOptions } from '@pforte/core/memory';
import '../define/customer-lookup-step.js';
import type { PforteCustomerLookupStep } from './customer-lookup-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, type, until } from '../../test/helpers.js';

const customer = { customerNumber: '46075', email: 'm.muster@optadata-gruppe.de', name: 'Praxis Muster' };

async function setup(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter({ customers: [customer], customerLookupCaptcha: true, ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  return { adapter, flowId };
}

async function lookupStep(adapter: PforteAdapter, flowId: string, extra: Partial<PforteCustomerLookupStep> = {}) {
  const step = await fixture<PforteCustomerLookupStep>(html`
    <pforte-customer-lookup-step .adapter=${adapter} flow-id=${flowId}></pforte-customer-lookup-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

const fields = {
  number: (step: ParentNode) => byLabel(step, 'Customer number'),
  email: (step: ParentNode) => byLabel(step, 'E-mail address'),
  repeat: (step: ParentNode) => byLabel(step, 'Repeat e-mail address'),
  captcha: (step: ParentNode) => byLabel(step, 'Digits shown above'),
};

function digits(root: ParentNode): string {
  return root.querySelector('.pf-captcha-digits')!.textContent!.replace(/\s/g, '');
}

async function solveCaptcha(step: PforteCustomerLookupStep) {
  fields.captcha(step).focus();
  await type(digits(step));
  await press('Enter');
  await until(() => step.querySelector('pforte-captcha')!.solved, 'captcha solved');
}

async function fill(step: PforteCustomerLookupStep, number: string, email: string, repeat = email) {
  fields.number(step).focus();
  await type(number);
  fields.email(step).focus();
  await type(email);
  fields.repeat(step).focus();
  await type(repeat);
}

function alertText(step: PforteCustomerLookupStep): string {
  return step.querySelector('form > .pf-alert')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('<pforte-customer-lookup-step>', () => {
  before(() => setLocale('en'));

  it('is accessible empty, with local errors, and after a mismatch', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId, { canGoBack: true });
    await expect(step).to.be.accessible();
    byButton(step, 'Continue').click();
    await until(() => description(fields.number(step)).includes('customer number'), 'local errors');
    await expect(step).to.be.accessible();
    await fill(step, '46075', 'someone.else@example.com');
    await solveCaptcha(step);
    byButton(step, 'Continue').click();
    await until(() => alertText(step).includes('do not match'), 'mismatch');
    await expect(step).to.be.accessible();
  });

  it('labels the fields with the right input types and autocomplete', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId);
    const number = fields.number(step);
    expect(number.autocomplete).to.equal('off');
    expect(number.inputMode).to.equal('text');
    expect(number.name).to.equal('customerNumber');
    for (const email of [fields.email(step), fields.repeat(step)]) {
      expect(email.type).to.equal('email');
      expect(email.autocomplete).to.equal('email');
    }
  });

  it('works by keyboard: Tab order through fields and captcha, Enter submits; no token or secret in events', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId, { canGoBack: true });
    const events: CustomEvent[] = [];
    for (const name of ['pforte-step-done', 'pforte-error', 'pforte-captcha-solved']) {
      step.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(fields.number(step));
    await type(customer.customerNumber);
    await press('Tab');
    expect(document.activeElement).to.equal(fields.email(step));
    await type(customer.email);
    await press('Tab');
    expect(document.activeElement).to.equal(fields.repeat(step));
    await type(customer.email);
    await press('Tab');
    expect(document.activeElement).to.equal(fields.captcha(step));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Check'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    await solveCaptcha(step);
    const token = step.querySelector('pforte-captcha')!.token!;
    fields.number(step).focus();
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail).to.deep.equal({
      step: 'customerLookup',
      values: { email: customer.email, customerName: customer.name },
    });
    expect(events.map((event) => event.type)).to.deep.equal(['pforte-captcha-solved', 'pforte-step-done']);
    expect(JSON.stringify(events.map((event) => event.detail))).not.to.include(token);
  });

  it('checks the fields locally and focuses the first problem', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId);
    byButton(step, 'Continue').click();
    await until(() => document.activeElement === fields.number(step), 'focus on the customer number');
    expect(description(fields.number(step))).to.equal('Please enter your customer number.');
    expect(description(fields.email(step))).to.equal('Please enter your e-mail address.');
    expect(fields.number(step).getAttribute('aria-invalid')).to.equal('true');
    expect(step.textContent).to.include('Please complete the security check first.');
    await fill(step, '46075', customer.email, 'm.muster@optadata.de');
    byButton(step, 'Continue').click();
    await until(() => document.activeElement === fields.repeat(step), 'focus on the repeat');
    expect(description(fields.repeat(step))).to.equal('The two e-mail addresses do not match.');
    fields.repeat(step).select();
    await type(customer.email.toUpperCase());
    expect(description(fields.repeat(step)), 'editing clears the error').to.equal('');
    byButton(step, 'Continue').click();
    await until(() => document.activeElement === fields.captcha(step), 'focus on the captcha');
    expect(description(fields.repeat(step)), 'the repeat matches, ignoring case').to.equal('');
  });

  it('answers a mismatch with one message about both fields, a fresh captcha, and nothing typed lost', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId);
    const errors: string[] = [];
    step.addEventListener('pforte-error', (event) => errors.push(event.detail.code));
    await fill(step, '46075', 'wrong@example.com');
    await solveCaptcha(step);
    byButton(step, 'Continue').click();
    await until(() => errors.length === 1, 'first mismatch');
    await step.updateComplete;
    const wrongEmail = alertText(step);
    expect(wrongEmail).to.equal('The customer number and e-mail address do not match our records. Please check both.');
    expect(step.querySelector('form > .pf-alert')!.getAttribute('role')).to.equal('alert');
    for (const field of [fields.number(step), fields.email(step), fields.repeat(step)]) {
      expect(field.getAttribute('aria-invalid'), field.name).to.equal('false');
      expect(description(field), field.name).to.equal('');
    }
    expect(fields.number(step).value).to.equal('46075');
    expect(fields.email(step).value).to.equal('wrong@example.com');
    expect(fields.repeat(step).value).to.equal('wrong@example.com');
    expect(step.querySelector('pforte-captcha')!.solved, 'a fresh captcha').to.be.false;

    // A wrong number with the right address reads exactly the same.
    fields.number(step).select();
    await type('99999');
    expect(alertText(step), 'editing a field answers the message').to.equal('');
    fields.email(step).select();
    await type(customer.email);
    fields.repeat(step).select();
    await type(customer.email);
    await solveCaptcha(step);
    byButton(step, 'Continue').click();
    await until(() => errors.length === 2, 'second mismatch');
    await step.updateComplete;
    expect(alertText(step)).to.equal(wrongEmail);
    expect(errors).to.deep.equal(['customer.mismatch', 'customer.mismatch']);

    fields.number(step).select();
    await type(customer.customerNumber);
    await solveCaptcha(step);
    const done = oneEvent(step, 'pforte-step-done');
    byButton(step, 'Continue').click();
    await done;
  });

  it('ties a rejected captcha to the captcha and shows a fresh one', async () => {
    const { adapter, flowId } = await setup();
    const step = await lookupStep(adapter, flowId);
    await fill(step, customer.customerNumber, customer.email);
    await solveCaptcha(step);
    await adapter.verifyCaptcha({ flowId, token: step.querySelector('pforte-captcha')!.token! });
    byButton(step, 'Continue').click();
    await until(() => document.activeElement === step.querySelector('pforte-captcha input'), 'focus on the fresh captcha');
    expect(step.querySelector('form > .pf-error[role="alert"]')!.textContent).to.include('The security check was not passed');
    expect(alertText(step)).to.equal('');
    await expect(step).to.be.accessible();
    await solveCaptcha(step);
    expect(step.querySelector('form > .pf-error[role="alert"]')!.textContent!.trim()).to.equal('');
  });

  it('can do without captcha and without the repeated address', async () => {
    const { adapter, flowId } = await setup({ customerLookupCaptcha: false });
    const step = await lookupStep(adapter, flowId);
    // The attributes, as a script-tag page writes them ("false" turns a default-on option off).
    step.setAttribute('captcha', 'false');
    step.setAttribute('repeat-email', 'false');
    await step.updateComplete;
    expect(step.captcha).to.be.false;
    expect(step.repeatEmail).to.be.false;
    expect(step.querySelector('pforte-captcha')).to.equal(null);
    expect(() => fields.repeat(step)).to.throw();
    fields.number(step).focus();
    await type(customer.customerNumber);
    fields.email(step).focus();
    await type(customer.email);
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail.values).to.deep.equal({ email: customer.email, customerName: customer.name });
  });

  it('shows a lockout after too many tries as an alert', async () => {
    const { adapter, flowId } = await setup({ maxLookupAttempts: 1 });
    const step = await lookupStep(adapter, flowId);
    await fill(step, '1', 'a@example.com');
    await solveCaptcha(step);
    byButton(step, 'Continue').click();
    await until(() => alertText(step).includes('do not match'), 'mismatch');
    await solveCaptcha(step);
    byButton(step, 'Continue').click();
    await until(() => alertText(step).includes('Too many requests'), 'locked');
  });

  it('speaks German (seed 003 wording)', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await setup();
      const step = await lookupStep(adapter, flowId);
      byLabel(step, 'Kundennummer');
      byLabel(step, 'E-Mail-Adresse');
      byLabel(step, 'E-Mail-Adresse wiederholen');
      expect(step.textContent).to.include('Bitte registrieren Sie sich mit Ihrer Kundennummer und der in den Stammdaten hinterlegten E-Mail-Adresse.');
      byLabel(step, 'Kundennummer').focus();
      await type('46075');
      byLabel(step, 'E-Mail-Adresse').focus();
      await type('x@example.com');
      byLabel(step, 'E-Mail-Adresse wiederholen').focus();
      await type('x@example.com');
      byLabel(step, 'Angezeigte Ziffern').focus();
      await type(digits(step));
      await press('Enter');
      await until(() => step.querySelector('pforte-captcha')!.solved, 'solved');
      byButton(step, 'Fortfahren').click();
      await until(() => alertText(step).includes('Kundennummer und E-Mail-Adresse passen nicht'), 'German mismatch');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
