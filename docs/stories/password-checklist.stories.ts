import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { policyPresets } from '@pforte/elements';
import type { PasswordPolicy } from '@pforte/elements';
import '@pforte/elements';

interface Args {
  policy: PasswordPolicy;
  password: string;
  identifier: string;
}

/** Every rule kind once, so each can be seen met and unmet. */
const everyRule: PasswordPolicy = {
  rules: [
    { kind: 'minLength', value: 10 },
    { kind: 'maxLength', value: 64 },
    { kind: 'lowercase' },
    { kind: 'uppercase' },
    { kind: 'digit' },
    { kind: 'symbol' },
    { kind: 'notIdentifier' },
    { kind: 'notBlocklisted', words: ['praxis'] },
  ],
};

/**
 * The live checklist on its own. `password` is a property only (never an
 * attribute), so these stories set it the way `<pforte-credentials-step>` does.
 */
const meta: Meta<Args> = {
  title: 'Building blocks/Password checklist',
  component: 'pforte-password-checklist',
  tags: ['autodocs'],
  args: { policy: everyRule, password: '', identifier: 'anna.schmidt@example.com' },
  argTypes: { policy: { control: 'object' }, password: { control: 'text' }, identifier: { control: 'text' } },
  render: (args) => html`<pforte-password-checklist
    .policy=${args.policy}
    .password=${args.password}
    .identifier=${args.identifier}
  ></pforte-password-checklist>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Nothing typed: no rule is met yet. */
export const NothingTyped: Story = {};

/** Lower-case letters only: only "at most 64" and the lowercase rule are met. */
export const LowercaseOnly: Story = { args: { password: 'sonnig' } };

/** Long enough with upper, lower and digit; symbol still missing. */
export const SymbolMissing: Story = { args: { password: 'Sonnenblumenfeld2026' } };

/** Every rule met. */
export const AllMet: Story = { args: { password: 'Sonnen-Schein 2026' } };

/** Contains the e-mail's local part: "does not contain your username" is unmet. */
export const ContainsUsername: Story = { args: { password: 'Anna.Schmidt-2026!' } };

/** Contains a product word from the blocklist: "not a commonly used password" is unmet. */
export const ContainsProductWord: Story = { args: { password: 'Unsere-Praxis-2026' } };

/** Longer than the maximum: "at most 64 characters" is unmet. */
export const TooLong: Story = { args: { password: `Aa1!${'x'.repeat(70)}` } };

/** The default `nist` policy with a common German password: "not a commonly used password" stays unmet. */
export const NistCommonPassword: Story = { args: { policy: policyPresets.nist, password: 'passwort123' } };

/** The `strict10` preset (seed 000) part-way. */
export const Strict10PartlyMet: Story = { args: { policy: policyPresets.strict10, password: 'zahnbürste7' } };

/** The `min8` preset (seed 002) met. */
export const Min8Met: Story = { args: { policy: policyPresets.min8, password: 'kundenportal' } };
