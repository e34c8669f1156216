import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@pforte/elements';
import type { PfortePhoneInput } from '@pforte/elements';
import { find, typeInto, until } from './support/drive.js';

interface Args {
  defaultCountry: string;
  mobileOnly: boolean;
  label: string;
  error: string;
}

/**
 * A mobile number: country select plus a `tel` input that formats as you
 * type. Phone support (libphonenumber-js) loads lazily when the element connects.
 */
const meta: Meta<Args> = {
  title: 'Building blocks/Phone input',
  component: 'pforte-phone-input',
  tags: ['autodocs'],
  args: { defaultCountry: 'DE', mobileOnly: true, label: '', error: '' },
  render: (args) => html`<pforte-phone-input
    default-country=${args.defaultCountry}
    .mobileOnly=${args.mobileOnly}
    label=${args.label}
    error=${args.error}
  ></pforte-phone-input>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing entered, Germany preselected. */
export const Empty: Story = {};

/** A German mobile number, formatted while typed. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    const phone = await find<PfortePhoneInput>(canvasElement, 'pforte-phone-input');
    await typeInto(canvasElement, 'input[type="tel"]', '015112345678');
    await until('a valid number', () => phone.value === '+4915112345678');
  },
};

/** Austria as the product's default country. */
export const Austria: Story = { args: { defaultCountry: 'AT' } };

/** Too short to be a number: the field says so when it is checked. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const phone = await find<PfortePhoneInput>(canvasElement, 'pforte-phone-input');
    await typeInto(canvasElement, 'input[type="tel"]', '0151');
    await phone.validate();
    await until('the error', () => (canvasElement.querySelector('.pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** A landline where SMS must reach: refused while `mobileOnly`. */
export const NotMobile: Story = {
  play: async ({ canvasElement }) => {
    const phone = await find<PfortePhoneInput>(canvasElement, 'pforte-phone-input');
    await typeInto(canvasElement, 'input[type="tel"]', '030 12345678');
    await phone.validate();
    await until('the error', () => (canvasElement.querySelector('.pf-error')?.textContent ?? '').trim() !== '');
  },
};

/** An error from the server (`phone.invalid`), passed in through `error`. */
export const ServerError: Story = { args: { error: 'Bitte geben Sie eine gültige Mobilnummer ein.' } };
