import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PforteError } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, answerTestCaptcha, click, invalid, startedFlow, textOf, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  captcha: boolean;
  repeatEmail: boolean;
  customerNumber: string;
  email: string;
  canGoBack: boolean;
}

const customerNumberInput = 'input[name="customerNumber"]';
const emailInput = 'input[name="email"]';
const repeatInput = 'input[name="emailRepeat"]';
const submit = 'form > .pf-actions button[type="submit"]';

/** The customer on file in the memory backend (seed 003, the billing customer centre). */
const customer = { customerNumber: '4711-0815', email: 'rechnung@example.com', name: 'Praxis Dr. Weber' };

/**
 * Registration of an existing customer: customer number, the e-mail address
 * on file (typed twice) and a captcha (the built-in test provider; its digits
 * differ on every visit). The memory backend knows one customer,
 * 4711-0815 / rechnung@example.com, and insists on a captcha token.
 */
const meta: Meta<Args> = {
  title: 'Steps/Customer lookup',
  component: 'pforte-customer-lookup-step',
  tags: ['autodocs'],
  args: { captcha: true, repeatEmail: true, customerNumber: '', email: '', canGoBack: false },
  loaders: [startedFlow({ customers: [customer], customerLookupCaptcha: true })],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-customer-lookup-step
      .adapter=${adapter}
      flow-id=${flowId}
      .captcha=${args.captcha}
      .repeatEmail=${args.repeatEmail}
      .customerNumber=${args.customerNumber}
      .email=${args.email}
      ?can-go-back=${args.canGoBack}
    ></pforte-customer-lookup-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Types number and address (twice), and solves the captcha unless told not to. */
async function fillIn(root: HTMLElement, { email = customer.email, repeat, solve = true }: { email?: string; repeat?: string; solve?: boolean } = {}): Promise<void> {
  await typeInto(root, customerNumberInput, customer.customerNumber);
  await typeInto(root, emailInput, email);
  await typeInto(root, repeatInput, repeat ?? email);
  if (solve) await answerTestCaptcha(root);
}

/** Nothing entered yet. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await until('the captcha', () => canvasElement.querySelector('.pf-captcha-digits') !== null);
  },
};

/** Without captcha and without the repeated address (both can be switched off per product). */
export const NumberAndAddressOnly: Story = { args: { captcha: false, repeatEmail: false } };

/** Submitted empty: every field names what is missing, and focus moves to the first. */
export const MissingInput: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('the field errors', invalid(canvasElement, customerNumberInput));
  },
};

/** Checked before asking the backend: an address that cannot be one, and a repeat that differs. */
export const LocalErrors: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, customerNumberInput, customer.customerNumber);
    await typeInto(canvasElement, emailInput, 'rechnung@example');
    await click(canvasElement, submit);
    await until('the address error', invalid(canvasElement, emailInput));
  },
};

/** The two addresses differ. */
export const RepeatDiffers: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, { repeat: 'rechnungen@example.com' });
    await click(canvasElement, submit);
    await until('the repeat error', invalid(canvasElement, repeatInput));
  },
};

/** Looking the customer up: the backend has not answered yet. */
export const Searching: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('lookupCustomer', 'hang');
    await fillIn(canvasElement);
    await click(canvasElement, submit);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/**
 * `customer.mismatch`: number and address do not belong together. One
 * message, never saying which of the two was wrong; no field is marked, the
 * entries stay, and a fresh captcha appears.
 */
export const Mismatch: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, { email: 'praxis@example.com' });
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};

/** `captcha.invalid`: the backend rejected the captcha token; a fresh challenge, with the reason below it. */
export const CaptchaRejected: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('lookupCustomer', new PforteError('captcha.invalid', { field: 'captcha' }));
    await fillIn(canvasElement);
    await click(canvasElement, submit);
    await until('the captcha error', () => textOf(canvasElement, 'form > .pf-error') !== '');
  },
};

/** Everything typed, but the captcha not solved. */
export const CaptchaNotSolved: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, { solve: false });
    await click(canvasElement, submit);
    await until('the captcha error', () => textOf(canvasElement, 'form > .pf-error') !== '');
  },
};

/** `rate_limited`: after too many wrong lookups (here: one) the lookup is locked for 15 minutes. */
export const TooManyLookups: Story = {
  loaders: [startedFlow({ customers: [customer], maxLookupAttempts: 1 })],
  args: { captcha: false },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, customerNumberInput, customer.customerNumber);
    await typeInto(canvasElement, emailInput, 'praxis@example.com');
    await typeInto(canvasElement, repeatInput, 'praxis@example.com');
    await click(canvasElement, submit);
    await until('the mismatch', alertShown(canvasElement));
    await click(canvasElement, submit);
    await until('the lock', () => /900/.test(textOf(canvasElement, '.pf-alert')));
  },
};

/** `network` during the lookup. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('lookupCustomer', 'offline');
    await fillIn(canvasElement);
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
