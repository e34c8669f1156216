import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { userEvent } from 'storybook/test';
import { PforteError } from '@pforte/elements';
import type { ProfileFields, ProfileValues } from '@pforte/elements';
import '@pforte/elements';
import { alertShown, click, find, invalid, startedFlow, typeInto, until, type StartedFlow } from './support/drive.js';

interface Args {
  fields: ProfileFields;
  values: ProfileValues;
  defaultCountry: string;
  canGoBack: boolean;
}

const submit = 'form > .pf-actions button[type="submit"]';
const mobileInput = 'pforte-phone-input[name="mobile"] input[type="tel"]';
const phoneInput = 'pforte-phone-input[name="phone"] input[type="tel"]';

/** Every field the step knows, as the B2B service portal (seed 002) asks for them. */
const allFields: ProfileFields = {
  salutation: 'required',
  title: 'optional',
  firstName: 'required',
  lastName: 'required',
  position: 'optional',
  mobile: 'required',
  phone: 'optional',
  email: 'required',
};

/**
 * Personal details; which fields appear, and which are optional, is set per
 * product (`fields`). Prefilled from an invitation or a customer lookup
 * (`values`). Every input has a label and an autocomplete token.
 */
const meta: Meta<Args> = {
  title: 'Steps/Profile',
  component: 'pforte-profile-step',
  tags: ['autodocs'],
  args: { fields: { firstName: 'required', lastName: 'required' }, values: {}, defaultCountry: 'DE', canGoBack: false },
  argTypes: { fields: { control: 'object' }, values: { control: 'object' } },
  loaders: [startedFlow()],
  render: (args, { loaded }) => {
    const { adapter, flowId } = loaded as StartedFlow;
    return html`<pforte-profile-step
      .adapter=${adapter}
      flow-id=${flowId}
      .fields=${args.fields}
      .values=${args.values}
      default-country=${args.defaultCountry}
      ?can-go-back=${args.canGoBack}
    ></pforte-profile-step>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Few fields: first and last name (the default). */
export const FewFields: Story = {};

/** Every field: salutation, title, names, position, mobile, phone, e-mail; optional ones say so. */
export const AllFields: Story = { args: { fields: allFields, canGoBack: true } };

/** Prefilled from an invitation (salutation "Frau" is recognised); the rest is left to the person. */
export const Prefilled: Story = {
  args: {
    fields: allFields,
    values: {
      salutation: 'Frau',
      title: 'Dr.',
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna.schmidt@example.com',
      mobile: '+4915112345678',
    },
  },
};

/** Submitted empty: each required field names what is missing, and focus moves to the first. */
export const MissingInput: Story = {
  args: { fields: allFields },
  play: async ({ canvasElement }) => {
    await click(canvasElement, submit);
    await until('the field errors', invalid(canvasElement, 'select[name="salutation"]'));
  },
};

/** Entries that cannot be right: a landline as the mobile number, a short phone number, an address without a domain. */
export const InvalidEntries: Story = {
  args: { fields: allFields },
  play: async ({ canvasElement }) => {
    await userEvent.selectOptions(await find<HTMLSelectElement>(canvasElement, 'select[name="salutation"]'), 'ms');
    await typeInto(canvasElement, 'input[name="firstName"]', 'Anna');
    await typeInto(canvasElement, 'input[name="lastName"]', 'Schmidt');
    await typeInto(canvasElement, mobileInput, '0228 123456');
    await typeInto(canvasElement, phoneInput, '0228');
    await typeInto(canvasElement, 'input[name="email"]', 'anna.schmidt@example');
    await click(canvasElement, submit);
    await until('the address error', invalid(canvasElement, 'input[name="email"]'));
  },
};

/** `profile.invalid` from the backend, naming the mobile number: the error sits at that field. */
export const RejectedByBackend: Story = {
  args: { fields: { ...allFields, salutation: 'optional', email: 'absent' }, values: { firstName: 'Anna', lastName: 'Schmidt', mobile: '+4915112345678' } },
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitProfile', new PforteError('profile.invalid', { field: 'mobile' }));
    await click(canvasElement, submit);
    await until('the mobile error', () => canvasElement.querySelector(`${mobileInput}[aria-invalid="true"]`) !== null);
  },
};

/** Saving: the backend has not answered yet. */
export const Saving: Story = {
  args: { values: { firstName: 'Anna', lastName: 'Schmidt' } },
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitProfile', 'hang');
    await click(canvasElement, submit);
    await until('busy', () => canvasElement.querySelector('form')?.getAttribute('aria-busy') === 'true');
  },
};

/** `network` while saving: the alert says so, the entries stay. */
export const NetworkError: Story = {
  args: { values: { firstName: 'Anna', lastName: 'Schmidt' } },
  play: async ({ canvasElement, loaded }) => {
    (loaded as StartedFlow).adapter.failNext('submitProfile', 'offline');
    await click(canvasElement, submit);
    await until('the alert', alertShown(canvasElement));
  },
};
