import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage } from '../localization/error-messages.js';
import { choiceStyles } from '../styles/choice.styles.js';
import { organizationStepStyles } from './organization-step.styles.js';
import '../localization/step-messages.js';

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
 * @event pforte-step-done - The practice was registered or joined; `detail.values.organization` is `{organizationId, name, status}` with `status` `'member'` (registered) or `'pending'` (joined, awaiting approval).
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - A call failed; `detail.code` is the stable error code (e.g. `organization.not_found`).
 *
 * @cssproperty --pforte-color-border - Frame of each option and the inputs.
 * @cssproperty --pforte-color-primary - Buttons, the chosen option and focus.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteOrganizationStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, choiceStyles, organizationStepStyles];

  readonly step = 'organization' as const;

  /** What may be done, in this order (attribute: a JSON array, e.g. `["join"]`). */
  @property({ type: Array }) modes: OrganizationMode[] = ['register', 'join'];

  /** Most users a practice may have; only shown (the adapter enforces it). */
  @property({ type: Number, attribute: 'max-members' }) maxMembers = 5;

  /** The chosen mode; the first of `modes` when unset or not offered. Kept when the person comes back. */
  @property() mode: OrganizationMode | undefined;

  /** The entries: prefilled, and kept when the person switches the mode or comes back. */
  @property({ attribute: false }) values: OrganizationValues = {};

  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  private readonly submission = new AdapterCallController(this);
  private readonly ids = {
    mode: uniqueId('pforte-organization-mode'),
    name: uniqueId('pforte-organization-name'),
    customerNumber: uniqueId('pforte-customer-number'),
    postalCode: uniqueId('pforte-postal-code'),
    nameError: uniqueId('pforte-organization-name-error'),
    customerNumberError: uniqueId('pforte-customer-number-error'),
    postalCodeError: uniqueId('pforte-postal-code-error'),
  };

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
    const pending = this.submission.pending;
    const mode = this.activeMode;
    const error = this.submission.error;
    const alert = error && !this.fieldOf(error) ? this.alertText(error) : '';
    return html`
      <h2 tabindex="-1">${msg('Your practice', { id: 'organization.heading' })}</h2>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        ${this.offered.length > 1 ? this.renderModes(mode) : this.renderSingleIntro(mode)}
        ${mode === 'register' ? this.renderRegister() : this.renderJoin()}
        <div class="pf-alert" role="alert">${alert || nothing}</div>
        <div class="pf-actions">
          <button type="submit" class="pf-primary" ?disabled=${pending}>
            ${pending
              ? msg('Please wait…', { id: 'common.pending' })
              : mode === 'register'
                ? msg('Register practice', { id: 'organization.register.submit' })
                : msg('Request access', { id: 'organization.join.submit' })}
          </button>
          ${this.canGoBack
            ? html`<button type="button" ?disabled=${pending} @click=${this.onBack}>${msg('Back', { id: 'common.back' })}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private renderModes(selected: OrganizationMode) {
    return html`
      <fieldset class="pf-choices">
        <legend>${msg('What would you like to do?', { id: 'organization.legend' })}</legend>
        ${this.offered.map((mode) => {
          const id = `${this.ids.mode}-${mode}`;
          return html`
            <div class="pf-choice">
              <input
                type="radio"
                id=${id}
                name="organizationMode"
                value=${mode}
                .checked=${live(mode === selected)}
                aria-describedby="${id}-hint"
                @change=${this.onModeChange}
              />
              <label for=${id}>
                ${mode === 'register'
                  ? msg('Register a new practice', { id: 'organization.register' })
                  : msg('Join an existing practice', { id: 'organization.join' })}
              </label>
              <p class="pf-muted pf-choice-hint" id="${id}-hint">${this.modeHint(mode)}</p>
            </div>
          `;
        })}
      </fieldset>
    `;
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
    const error = this.fieldErrors[field] ?? '';
    const errorId = this.ids[`${field}Error`];
    const postal = field === 'postalCode';
    return html`
      <div class="pf-field">
        <label for=${this.ids[field]}>${label}</label>
        <input
          id=${this.ids[field]}
          class=${postal ? 'pf-postal-code' : ''}
          name=${field}
          type="text"
          autocomplete=${autocomplete}
          inputmode=${postal ? 'numeric' : 'text'}
          pattern=${ifDefined(postal ? '[0-9]{5}' : undefined)}
          ?required=${required}
          spellcheck="false"
          .value=${live(this.values[field] ?? '')}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${errorId}
          @input=${this.onInput}
        />
        <p class="pf-error" id=${errorId}>${error}</p>
      </div>
    `;
  }

  private onModeChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!input.checked) return;
    this.mode = input.value as OrganizationMode;
    this.fieldErrors = {};
    this.submission.clearError();
  }

  private onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as Field;
    this.values = { ...this.values, [field]: input.value };
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    if (this.submission.error) this.submission.clearError();
  }

  private fieldOf(error: PforteError): Field | undefined {
    if (error.code !== 'organization.invalid') return undefined;
    const field = error.field as Field | undefined;
    return field && fields.includes(field) && this.querySelector(`#${this.ids[field]}`) ? field : undefined;
  }

  private alertText(error: PforteError): string {
    if (error.code === 'organization.full') {
      return msg(
        str`This practice already has the maximum of ${this.maxMembers} users. Please contact the practice or our support.`,
        { id: 'organization.full' },
      );
    }
    return errorMessage(error);
  }

  private localErrors(mode: OrganizationMode): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
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

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    const mode = this.activeMode;
    const errors = this.localErrors(mode);
    this.fieldErrors = errors;
    const firstInvalid = fields.find((field) => errors[field]);
    if (firstInvalid) {
      await this.updateComplete;
      this.focusField(firstInvalid);
      return;
    }
    const adapter = this.requireAdapter();
    const postalCode = normalizePostalCode(this.values.postalCode ?? '');
    const customerNumber = this.values.customerNumber?.trim() ?? '';
    const result = await this.submission.run(async (signal) => {
      if (mode === 'register') {
        const registered = await adapter.registerOrganization(
          {
            flowId: this.flowId,
            name: this.values.name?.trim() ?? '',
            postalCode,
            ...(customerNumber ? { customerNumber } : {}),
          },
          { signal },
        );
        return { organizationId: registered.organizationId, name: registered.name, status: 'member' as const };
      }
      const joined = await adapter.joinOrganization({ flowId: this.flowId, customerNumber, postalCode }, { signal });
      return { organizationId: joined.organizationId, name: joined.name, status: joined.status };
    });
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      const field = this.fieldOf(error);
      if (field) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
      await this.updateComplete;
      if (field) this.focusField(field);
      return;
    }
    if (result) this.finish({ organization: result });
  }

  private focusField(field: Field): void {
    this.querySelector<HTMLInputElement>(`#${this.ids[field]}`)?.focus();
  }

  private onBack(): void {
    this.goBack();
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
