import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { PforteError } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { PforteAdapter } from '@pforte/core';
import '../src/define/captcha-step.js';
import '../src/define/credentials-step.js';
import '../src/define/customer-lookup-step.js';
import '../src/define/organization-step.js';
import '../src/define/pin-step.js';
import '../src/define/profile-step.js';
import '../src/define/second-factor-choice-step.js';
import '../src/define/terms-step.js';
import '../src/define/visibility-step.js';
import type { PforteStepElement } from '../src/internal/step-element.js';
import { setLocale } from '../src/localization/localization.js';
import { byButton, byLabel, description, focusedName, press, type, until } from './helpers.js';

/**
 * What every form step does the same way, run for each of them: one
 * submission at a time, a busy form while it runs, "Back", backend errors
 * next to their field or in the alert, and focus on the first invalid field.
 * What only one step does stays in that step's own tests.
 */
interface FormStepCase {
  tag: keyof HTMLElementTagNameMap;
  /** Properties besides `adapter`, `flowId` and `canGoBack`. */
  properties?: Record<string, unknown>;
  /** The account the step needs on the backend before it is shown. */
  needsAccount: boolean;
  /** The adapter method the submission calls last. */
  method: keyof PforteAdapter;
  submitLabel: string;
  /** Makes the entries valid, as a person would by keyboard. */
  fill: (step: HTMLElement) => Promise<void>;
  /** Label of the field focused when the step is submitted with nothing entered; absent where nothing can be missing. */
  firstInvalid?: string;
  /** The first invalid field is a whole widget (the captcha), whose message is announced as an alert rather than described by its input. */
  invalidWidget?: boolean;
  /** Done before submitting with nothing entered (e.g. a confirmation the submit button waits for). */
  prepareEmpty?: (step: HTMLElement) => Promise<void>;
  /** A backend error about one field, and that field's label. */
  fieldError?: { error: PforteError; label: string; message: string };
}

const customer = { customerNumber: '46075', email: 'm.muster@optadata-gruppe.de', name: 'Praxis Muster' };

async function typeInto(step: HTMLElement, label: string, text: string): Promise<void> {
  byLabel(step, label).focus();
  await type(text);
}

async function tick(step: HTMLElement, label: string): Promise<void> {
  byLabel(step, label).focus();
  await press('Space');
}

const cases: FormStepCase[] = [
  {
    tag: 'pforte-credentials-step',
    needsAccount: false,
    method: 'submitCredentials',
    submitLabel: 'Confirm & continue',
    fill: async (step) => {
      await typeInto(step, 'E-mail address', 'anna@example.com');
      await typeInto(step, 'Password', 'Zahnarzt#Praxis2026');
    },
    firstInvalid: 'E-mail address',
    fieldError: {
      error: new PforteError('identifier.unavailable', { field: 'username' }),
      label: 'E-mail address',
      message: 'This username cannot be used. Please choose another one.',
    },
  },
  {
    tag: 'pforte-customer-lookup-step',
    properties: { captcha: false, repeatEmail: false },
    needsAccount: false,
    method: 'lookupCustomer',
    submitLabel: 'Continue',
    fill: async (step) => {
      await typeInto(step, 'Customer number', customer.customerNumber);
      await typeInto(step, 'E-mail address', customer.email);
    },
    firstInvalid: 'Customer number',
    fieldError: {
      error: new PforteError('identifier.invalid', { field: 'email' }),
      label: 'E-mail address',
      message: 'Please check this entry.',
    },
  },
  {
    tag: 'pforte-profile-step',
    needsAccount: true,
    method: 'submitProfile',
    submitLabel: 'Continue',
    fill: async (step) => {
      await typeInto(step, 'First name', 'Anna');
      await typeInto(step, 'Last name', 'Berger');
    },
    firstInvalid: 'First name',
    fieldError: {
      error: new PforteError('profile.invalid', { field: 'lastName' }),
      label: 'Last name',
      message: 'Please check this entry.',
    },
  },
  {
    tag: 'pforte-organization-step',
    needsAccount: true,
    method: 'registerOrganization',
    submitLabel: 'Register practice',
    fill: async (step) => {
      await typeInto(step, 'Name of the practice', 'Zahnarztpraxis Berger');
      await typeInto(step, 'Postal code', '53227');
    },
    firstInvalid: 'Name of the practice',
    fieldError: {
      error: new PforteError('organization.invalid', { field: 'postalCode' }),
      label: 'Postal code',
      message: 'Please enter a valid postal code.',
    },
  },
  {
    tag: 'pforte-pin-step',
    properties: { mode: 'chosen' },
    needsAccount: true,
    method: 'confirmPinSaved',
    submitLabel: 'Continue',
    fill: async (step) => {
      await typeInto(step, 'Service PIN (6 digits)', '493817');
      await typeInto(step, 'Repeat service PIN', '493817');
      await tick(step, 'I have stored my service PIN safely.');
    },
    firstInvalid: 'Service PIN (6 digits)',
    prepareEmpty: (step) => tick(step, 'I have stored my service PIN safely.'),
    fieldError: {
      error: new PforteError('pin.trivial', { field: 'pin' }),
      label: 'Service PIN (6 digits)',
      message: 'This PIN is too easy to guess. Avoid repeated digits and sequences.',
    },
  },
  {
    tag: 'pforte-terms-step',
    properties: { termsUrl: 'https://example.com/agb', privacyUrl: 'https://example.com/datenschutz' },
    needsAccount: false,
    method: 'acceptTerms',
    submitLabel: 'Continue',
    fill: (step) => tick(step, 'I accept the terms of use and the privacy policy'),
    firstInvalid: 'I accept the terms of use and the privacy policy',
    fieldError: {
      error: new PforteError('terms.required'),
      label: 'I accept the terms of use and the privacy policy',
      message: 'Please accept the terms of use and the privacy policy to continue.',
    },
  },
  {
    tag: 'pforte-captcha-step',
    needsAccount: false,
    method: 'verifyCaptcha',
    submitLabel: 'Continue',
    fill: async (step) => {
      const digits = step.querySelector('.pf-captcha-digits')!.textContent!.replace(/\s/g, '');
      await typeInto(step, 'Digits shown above', digits);
      await press('Enter');
      await until(() => step.querySelector('pforte-captcha')!.solved, 'captcha solved');
    },
    firstInvalid: 'Digits shown above',
    invalidWidget: true,
  },
  {
    tag: 'pforte-second-factor-choice-step',
    needsAccount: true,
    method: 'chooseSecondFactor',
    submitLabel: 'Continue',
    fill: async () => {},
  },
  {
    tag: 'pforte-visibility-step',
    needsAccount: true,
    method: 'setVisibility',
    submitLabel: 'Continue',
    fill: (step) => tick(step, 'Show me in the contact search'),
  },
];

interface Mounted {
  step: PforteStepElement;
  backend: ReturnType<typeof createMemoryAdapter>;
  /** How often the case's method was called. */
  calls: () => number;
}

async function mount(formCase: FormStepCase, canGoBack = false): Promise<Mounted> {
  const backend = createMemoryAdapter({ customers: [customer] });
  const { flowId } = await backend.startRegistration({ locale: 'en' });
  if (formCase.needsAccount) {
    await backend.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  }
  let calls = 0;
  const method = formCase.method;
  const counting = {
    ...backend,
    [method]: (...args: unknown[]) => {
      calls += 1;
      return (backend[method] as (...args: unknown[]) => unknown)(...args);
    },
  } as PforteAdapter;
  const step = document.createElement(formCase.tag) as unknown as PforteStepElement;
  Object.assign(step, formCase.properties, { adapter: counting, flowId, canGoBack });
  await fixture(html`${step}`);
  await step.updateComplete;
  return { step, backend, calls: () => calls };
}

function submitButton(step: HTMLElement, formCase: FormStepCase): HTMLButtonElement {
  return step.querySelector<HTMLButtonElement>('form button[type="submit"]') ?? byButton(step, formCase.submitLabel);
}

function alertText(step: HTMLElement): string {
  return step.querySelector('.pf-alert[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('form steps', () => {
  before(() => setLocale('en'));

  for (const formCase of cases) {
    describe(`<${formCase.tag}>`, () => {
      it('submits once however often Continue is pressed, then finishes', async () => {
        const { step, calls } = await mount(formCase);
        await formCase.fill(step);
        const done = oneEvent(step, 'pforte-step-done');
        const button = byButton(step, formCase.submitLabel);
        button.click();
        button.click();
        button.click();
        expect((await done).detail.step).to.equal(step.step);
        expect(calls()).to.equal(1);
      });

      it('is busy while the call runs: "Please wait…", every button disabled', async () => {
        const { step, backend } = await mount(formCase, true);
        await formCase.fill(step);
        backend.failNext(formCase.method, 'hang');
        byButton(step, formCase.submitLabel).focus();
        await press('Enter');
        await until(() => submitButton(step, formCase).textContent!.trim() === 'Please wait…', 'busy button');
        expect(submitButton(step, formCase).disabled).to.be.true;
        expect(byButton(step, 'Back').disabled).to.be.true;
        expect(step.querySelector('form')!.getAttribute('aria-busy')).to.equal('true');
      });

      it('offers "Back" only when the flow can go back, and sends it to the flow host', async () => {
        const alone = await mount(formCase);
        expect(() => byButton(alone.step, 'Back')).to.throw();
        const { step } = await mount(formCase, true);
        const back = oneEvent(step, 'pforte-step-back');
        byButton(step, 'Back').click();
        expect((await back).detail).to.deep.equal({ step: step.step });
      });

      it('shows a failure about no field in the alert, reports its code, and succeeds on retry', async () => {
        const { step, backend } = await mount(formCase);
        await formCase.fill(step);
        backend.failNext(formCase.method, 'offline');
        const reported = oneEvent(step, 'pforte-error');
        byButton(step, formCase.submitLabel).click();
        expect((await reported).detail).to.deep.equal({ code: 'network', step: step.step });
        await until(() => alertText(step).includes('No connection'), 'network alert');
        if (formCase.tag === 'pforte-captcha-step') await formCase.fill(step);
        const done = oneEvent(step, 'pforte-step-done');
        byButton(step, formCase.submitLabel).click();
        await done;
      });

      const { firstInvalid, fieldError } = formCase;
      if (firstInvalid) {
        it('focuses the first invalid field, ties its message to it, and stays accessible', async () => {
          const { step, calls } = await mount(formCase);
          await formCase.prepareEmpty?.(step);
          byButton(step, formCase.submitLabel).click();
          await until(() => focusedName() === firstInvalid, `focus on ${firstInvalid}`);
          expect(calls()).to.equal(0);
          const control = document.activeElement!;
          if (formCase.invalidWidget) {
            expect(step.querySelector('form > .pf-error[role="alert"]')!.textContent!.trim()).not.to.equal('');
          } else {
            expect(control.getAttribute('aria-invalid')).to.equal('true');
            expect(description(control)).not.to.equal('');
          }
          await expect(step).to.be.accessible();
        });
      }

      if (fieldError) {
        it('shows a backend error next to the field it names, focuses it, and clears it on edit', async () => {
          const { step, backend } = await mount(formCase);
          await formCase.fill(step);
          backend.failNext(formCase.method === 'confirmPinSaved' ? 'setPin' : formCase.method, fieldError.error);
          byButton(step, formCase.submitLabel).click();
          const field = byLabel(step, fieldError.label);
          await until(() => field.getAttribute('aria-invalid') === 'true', `error at ${fieldError.label}`);
          expect(document.activeElement).to.equal(field);
          expect(description(field)).to.equal(fieldError.message);
          expect(alertText(step)).to.equal('');
          await press(field.type === 'checkbox' ? 'Space' : 'Backspace');
          await until(() => field.getAttribute('aria-invalid') === 'false', 'error cleared');
        });
      }
    });
  }
});
