import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import type { FieldErrors } from '../internal/form-step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { renderChoices } from '../internal/choice-controls.js';
import { choiceStyles } from '../styles/choice.styles.js';
import { organizationStepStyles } from './organization-step.styles.js';
import { useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('organization');

/** Register a new organization (practice), or join one that uses the product already. */
export type OrganizationMode = 'register' | 'join';

/** What the person typed; prefill it (e.g. a customer number from an earlier step) and it is kept. */
export interface OrganizationValues {
  name?: string;
  customerNumber?: string;
  postalCode?: string;
}

type Field = keyof OrganizationValues;

const fields: readonly Field[] = ['name', 'customerNumber', 'postalCode'];

/** A German postal code (Postleitzahl): five digits. */
const postalCodePattern = /^\d{5}$/;

/**
 * @summary The practice (organization) the account belongs to (seed 000): the
 * person registers a new practice (name, customer number if known, postal
 * code) or joins an existing one (customer number and postal code). Joining
 * must be approved by a member of the practice, so the done step shows the
 * pending state afterwards. With one mode only, there is no choice to make.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The practice was registered or joined; `detail.values.organization` is `{organizationId, name, status}` with `status` `'member'` (registered) or `'pending'` (joined, awaiting approval).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code (e.g. `organization.not_found`).
 *
 * @cssproperty --pforte-color-border - Frame of each option and the inputs.
 * @cssproperty --pforte-color-primary - Buttons, the chosen option and focus.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PforteOrganizationStep extends PforteFormStepElement<Field> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, choiceStyles, organizationStepStyles];

  readonly step = 'organization' as const;

  protected readonly fieldOrder = fields;

  /** What may be done, in this order (attribute: a JSON array, e.g. `["join"]`). */
  @property({ type: Array }) modes: OrganizationMode[] = ['register', 'join'];

  /** Most users a practice may have; only shown (the adapter enforces it). */
  @property({ type: Number, attribute: 'max-members' }) maxMembers = 5;

  /** The chosen mode; the first of `modes` when unset or not offered. Kept when the person comes back. */
  @property() mode: OrganizationMode | undefined;

  /** The entries: prefilled, and kept when the person switches the mode or comes back. */
  @property({ attribute: false }) values: OrganizationValues = {};

  private readonly modeId = uniqueId('pforte-organization-mode');

  private get offered(): OrganizationMode[] {
    return this.modes.filter(
      (mode, index) => (mode === 'register' || mode === 'join') && this.modes.indexOf(mode) === index,
    );
  }

  /** The mode in effect. */
  private get activeMode(): OrganizationMode {
    const offered = this.offered;
    if (this.mode && offered.includes(this.mode)) return this.mode;
    return offered[0] ?? 'register';
  }

  override render() {
    const mode = this.activeMode;
    return html`
      <h2 tabindex="-1">${msg('Your practice', { id: 'organization.heading' })}</h2>
      ${this.renderForm(html`
        ${this.offered.length > 1 ? this.renderModes(mode) : this.renderSingleIntro(mode)}
        ${mode === 'register' ? this.renderRegister() : this.renderJoin()}
        ${this.renderFooter({
          submitLabel:
            mode === 'register'
              ? msg('Register practice', { id: 'organization.register.submit' })
              : msg('Request access', { id: 'organization.join.submit' }),
        })}
      `)}
    `;
  }

  private renderModes(selected: OrganizationMode) {
    return renderChoices({
      id: this.modeId,
      legend: msg('What would you like to do?', { id: 'organization.legend' }),
      name: 'organizationMode',
      choices: this.offered.map((mode) => ({
        value: mode,
        label:
          mode === 'register'
            ? msg('Register a new practice', { id: 'organization.register' })
            : msg('Join an existing practice', { id: 'organization.join' }),
        hint: this.modeHint(mode),
      })),
      selected,
      onChoose: (mode) => {
        this.mode = mode;
        this.fieldErrors = {};
        this.submission.clearError();
      },
    });
  }

  private renderSingleIntro(mode: OrganizationMode) {
    return html`<p class="pf-muted">${this.modeHint(mode)}</p>`;
  }

  private modeHint(mode: OrganizationMode): string {
    return mode === 'register'
      ? msg('Your practice does not use the portal yet.', { id: 'organization.register.hint' })
      : msg(
          str`You need the customer number and the postal code of the practice. A member of the practice must confirm your access. A practice can have up to ${this.maxMembers} users.`,
          { id: 'organization.join.hint' },
        );
  }

  private renderRegister() {
    return html`
      ${this.renderField('name', msg('Name of the practice', { id: 'organization.name' }), {
        autocomplete: 'organization',
        required: true,
      })}
      ${this.renderField('customerNumber', msg('Customer number (optional)', { id: 'organization.customerNumber.optional' }), {
        autocomplete: 'off',
        required: false,
      })}
      ${this.renderField('postalCode', msg('Postal code', { id: 'organization.postalCode' }), {
        autocomplete: 'postal-code',
        required: true,
      })}
    `;
  }

  private renderJoin() {
    return html`
      ${this.renderField('customerNumber', msg('Customer number', { id: 'organization.customerNumber' }), {
        autocomplete: 'off',
        required: true,
      })}
      ${this.renderField('postalCode', msg('Postal code of the practice', { id: 'organization.postalCode.join' }), {
        autocomplete: 'postal-code',
        required: true,
      })}
    `;
  }

  private renderField(
    field: Field,
    label: string,
    { autocomplete, required }: { autocomplete: 'organization' | 'postal-code' | 'off'; required: boolean },
  ) {
    const postal = field === 'postalCode';
    return this.renderTextField(field, {
      label,
      name: field,
      autocomplete,
      inputmode: postal ? 'numeric' : 'text',
      required,
      value: this.values[field] ?? '',
      onValue: (value) => (this.values = { ...this.values, [field]: value }),
      ...(postal ? { className: 'pf-postal-code', pattern: '[0-9]{5}' } : {}),
    });
  }

  protected override fieldOf(error: PforteError): Field | undefined {
    return error.code === 'organization.invalid' ? super.fieldOf(error) : undefined;
  }

  protected override alertContent(error: PforteError) {
    if (error.code === 'organization.full') {
      return msg(
        str`This practice already has the maximum of ${this.maxMembers} users. Please contact the practice or our support.`,
        { id: 'organization.full' },
      );
    }
    return super.alertContent(error);
  }

  private localErrors(mode: OrganizationMode): FieldErrors<Field> {
    const errors: FieldErrors<Field> = {};
    const name = this.values.name?.trim() ?? '';
    const customerNumber = this.values.customerNumber?.trim() ?? '';
    const postalCode = normalizePostalCode(this.values.postalCode ?? '');
    if (mode === 'register' && name === '') {
      errors.name = msg('Please enter the name of your practice.', { id: 'organization.name.missing' });
    }
    if (mode === 'join' && customerNumber === '') {
      errors.customerNumber = msg('Please enter the customer number of the practice.', {
        id: 'organization.customerNumber.missing',
      });
    }
    if (postalCode === '') {
      errors.postalCode = msg('Please enter the postal code.', { id: 'organization.postalCode.missing' });
    } else if (!postalCodePattern.test(postalCode)) {
      errors.postalCode = msg('Please enter a postal code of 5 digits, e.g. 53227.', {
        id: 'organization.postalCode.invalid',
      });
    }
    return errors;
  }

  protected override async onSubmit(): Promise<void> {
    const mode = this.activeMode;
    const postalCode = normalizePostalCode(this.values.postalCode ?? '');
    const customerNumber = this.values.customerNumber?.trim() ?? '';
    const name = this.values.name?.trim() ?? '';
    await this.submitStep({
      check: () => this.localErrors(mode),
      call: async (adapter, signal) => {
        if (mode === 'register') {
          const registered = await adapter.registerOrganization(
            { flowId: this.flowId, name, postalCode, ...(customerNumber ? { customerNumber } : {}) },
            { signal },
          );
          return { organizationId: registered.organizationId, name: registered.name, status: 'member' as const };
        }
        const joined = await adapter.joinOrganization({ flowId: this.flowId, customerNumber, postalCode }, { signal });
        return { organizationId: joined.organizationId, name: joined.name, status: joined.status };
      },
      done: (organization) => ({ organization }),
    });
  }
}

function normalizePostalCode(text: string): string {
  return text.replace(/\s+/g, '');
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-organization-step': PforteOrganizationStep;
  }
}
