import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { userEvent } from 'storybook/test';
import '@pforte/elements';
import { find, typeInto, until } from './support/drive.js';

interface Args {
  length: number;
  label: string;
  invalid: boolean;
  disabled: boolean;
}

/**
 * One real input (`autocomplete="one-time-code"`, `inputmode="numeric"`)
 * drawn as boxes. Typing and pasting a whole code work; everything but
 * digits is dropped.
 */
const meta: Meta<Args> = {
  title: 'Building blocks/Code input',
  component: 'pforte-code-input',
  tags: ['autodocs'],
  args: { length: 8, label: '', invalid: false, disabled: false },
  render: (args) => html`<pforte-code-input
    length=${args.length}
    label=${args.label}
    ?invalid=${args.invalid}
    ?disabled=${args.disabled}
  ></pforte-code-input>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing entered. */
export const Empty: Story = {};

/** Six digits of an SMS code. */
export const SixDigits: Story = { args: { length: 6 } };

/** Three digits typed. */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, 'input', '482');
  },
};

/** A whole code pasted from the SMS, with the space the SMS app copied along. */
export const Pasted: Story = {
  play: async ({ canvasElement }) => {
    const input = await find<HTMLInputElement>(canvasElement, 'input');
    input.focus();
    await userEvent.paste('4821 7730');
    await until('all digits', () => input.value === '48217730');
  },
};

/** Marked invalid after a wrong code. */
export const Invalid: Story = {
  args: { invalid: true },
  play: async ({ canvasElement }) => {
    await typeInto(canvasElement, 'input', '11112222');
  },
};

/** Disabled while a code is being checked. */
export const Disabled: Story = { args: { disabled: true } };
