import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { PforteError, ProfileField, ProfileFieldMode, ProfileValues } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import type { PfortePhoneInput } from '../phone-input/phone-input.js';
import { profileStepStyles } from './profile-step.styles.js';
import '../define/phone-input.js';
import '../localization/step-messages.js';

/** Which fields the step asks for; a field not named keeps its default (first and last name required, the rest absent), as in the config. */
export type ProfileFields = Partial<Record<ProfileField, ProfileFieldMode>>;

/** Values of the salutation select, sent as they are (the labels are translated). */
export type Salutation = 'ms' | 'mr' | 'diverse' | 'none';

/** The order of the fields on the page. */
const fieldOrder: readonly ProfileField[] = ['salutation', 'title', 'firstName', 'lastName', 'position', 'mobile', 'phone', 'email'];

const salutations: readonly Salutation[] = ['ms', 'mr', 'diverse', 'none'];

type TextField = 'title' | 'firstName' | 'lastName' | 'position' | 'email';
type PhoneField = 'mobile' | 'phone';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @summary Personal details: salutation, title, names, position, mobile and
 * phone number, e-mail — each asked for, optional or left out per product
 * (`fields`). Prefilled from an invitation or a customer lookup (`values`).
 * Every input has a label and the autocomplete token browsers and password
 * managers fill from; optional fields say so in their label; errors are tied
 * to their field. Numbers go to the adapter in E.164.
 *
 * @event pforte-step-done - The adapter accepted the details; `detail.values` holds them (`ProfileValues`; not secret, they prefill later steps).
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - Saving failed; `detail.code` is the stable error code (e.g. `profile.invalid`).
 *
 * @cssproperty --pforte-color-border - Borders of the inputs.
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Field errors.
 */
export class PforteProfileStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, profileStepStyles];

  readonly step = 'profile' as const;

  /**
   * Which fields are asked for: `required`, `optional` or `absent`. A field
   * not named keeps its default, as in the config: first and last name
   * required, the rest absent.
   */
  @property({ attribute: false }) fields: ProfileFields = { firstName: 'required', lastName: 'required' };

  /** ISO 3166 alpha-2 country preselected for the mobile and phone number, e.g. `DE`. */
  @property({ attribute: 'default-country' }) defaultCountry = 'DE';

  /**
   * The details: prefilled (e.g. from an invitation; numbers in E.164, the
   * salutation as `ms`, `mr`, `diverse` or `none`, or as Frau/Herr/Divers),
   * and kept when the person comes back.
   */
  @property({ attribute: false }) values: ProfileValues = {};

  @state() private fieldErrors: Partial<Record<ProfileField, string>> = {};

  private readonly submission = new AdapterCallController(this);
  private readonly ids = Object.fromEntries(
    fieldOrder.flatMap((field) => [
      [field, uniqueId(`pforte-profile-${field}`)],
      [`${field}Error`, uniqueId(`pforte-profile-${field}-error`)],
    ]),
  ) as Record<ProfileField | `${ProfileField}Error`, string>;

  private readonly titleHintId = uniqueId('pforte-profile-title-hint');

  private modeOf(field: ProfileField): ProfileFieldMode {
    return this.fields[field] ?? (field === 'firstName' || field === 'lastName' ? 'required' : 'absent');
  }

  private get shown(): ProfileField[] {
    return fieldOrder.filter((field) => this.modeOf(field) !== 'absent');
  }

  override render() {
    const pending = this.submission.pending;
    const error = this.submission.error;
    const alert = error && !this.fieldOf(error) ? error : undefined;
    const shown = new Set(this.shown);
    const names = (['firstName', 'lastName'] as const).filter((field) => shown.has(field));
    return html`
      <h2 tabindex="-1">${msg('Personal details', { id: 'profile.heading' })}</h2>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        ${shown.has('salutation') ? this.renderSalutation() : nothing}
        ${shown.has('title') ? this.renderText('title') : nothing}
        ${names.length > 0 ? html`<div class="pf-name-row">${names.map((field) => this.renderText(field))}</div>` : nothing}
        ${shown.has('position') ? this.renderText('position') : nothing}
        ${shown.has('mobile') ? this.renderPhone('mobile') : nothing}
        ${shown.has('phone') ? this.renderPhone('phone') : nothing}
        ${shown.has('email') ? this.renderText('email') : nothing}
        <div class="pf-alert" role="alert">${alert ? renderAlert(alert) : nothing}</div>
        <div class="pf-actions">
          <button type="submit" class="pf-primary" ?disabled=${pending}>
            ${pending ? msg('Please wait…', { id: 'common.pending' }) : msg('Continue', { id: 'common.continue' })}
          </button>
          ${this.canGoBack
            ? html`<button type="button" ?disabled=${pending} @click=${this.onBack}>${msg('Back', { id: 'common.back' })}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private label(field: ProfileField) {
    const text = fieldLabel(field);
    return this.modeOf(field) === 'optional' ? `${text} ${msg('(optional)', { id: 'profile.optional' })}` : text;
  }

  private renderSalutation() {
    const error = this.fieldErrors.salutation ?? '';
    const value = normalizeSalutation(this.values.salutation);
    return html`
      <div class="pf-field">
        <label for=${this.ids.salutation}>${this.label('salutation')}</label>
        <select
          id=${this.ids.salutation}
          name="salutation"
          autocomplete="honorific-prefix"
          ?required=${this.modeOf('salutation') === 'required'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${this.ids.salutationError}
          @change=${this.onSalutationChange}
        >
          <option value="" ?selected=${value === ''}>${msg('Please choose', { id: 'profile.salutation.choose' })}</option>
          ${salutations.map(
            (salutation) =>
              html`<option value=${salutation} ?selected=${value === salutation}>${salutationLabel(salutation)}</option>`,
          )}
        </select>
        <p class="pf-error" id=${this.ids.salutationError}>${error}</p>
      </div>
    `;
  }

  private renderText(field: TextField) {
    const error = this.fieldErrors[field] ?? '';
    const email = field === 'email';
    const hintId = field === 'title' ? this.titleHintId : undefined;
    return html`
      <div class="pf-field">
        <label for=${this.ids[field]}>${this.label(field)}</label>
        <input
          id=${this.ids[field]}
          name=${field}
          type=${email ? 'email' : 'text'}
          autocomplete=${autocompleteOf(field)}
          inputmode=${email ? 'email' : 'text'}
          autocapitalize=${email ? 'none' : 'words'}
          spellcheck="false"
          ?required=${this.modeOf(field) === 'required'}
          .value=${live(this.values[field] ?? '')}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${hintId ? `${this.ids[`${field}Error`]} ${hintId}` : this.ids[`${field}Error`]}
          @input=${this.onTextInput}
        />
        <p class="pf-error" id=${this.ids[`${field}Error`]}>${error}</p>
        ${hintId ? html`<p class="pf-muted pf-hint" id=${hintId}>${msg('e.g. Dr. or Prof. Dr.', { id: 'profile.title.hint' })}</p>` : nothing}
      </div>
    `;
  }

  private renderPhone(field: PhoneField) {
    return html`
      <pforte-phone-input
        id=${this.ids[field]}
        name=${field}
        label=${this.label(field)}
        default-country=${this.defaultCountry}
        .mobileOnly=${field === 'mobile'}
        .value=${this.values[field] ?? ''}
        .error=${this.fieldErrors[field] ?? ''}
        @input=${() => this.clearFieldError(field)}
      ></pforte-phone-input>
    `;
  }

  private onSalutationChange(event: Event): void {
    this.values = { ...this.values, salutation: (event.target as HTMLSelectElement).value };
    this.clearFieldError('salutation');
  }

  private onTextInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as TextField;
    this.values = { ...this.values, [field]: input.value };
    this.clearFieldError(field);
  }

  private clearFieldError(field: ProfileField): void {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    if (this.submission.error) this.submission.clearError();
  }

  private phoneInput(field: PhoneField): PfortePhoneInput | null {
    return this.querySelector<PfortePhoneInput>(`#${this.ids[field]}`);
  }

  private fieldOf(error: PforteError): ProfileField | undefined {
    if (error.code !== 'profile.invalid' && error.code !== 'phone.invalid') return undefined;
    const shown = this.shown;
    const field = error.field as ProfileField | undefined;
    if (field && shown.includes(field)) return field;
    // A number the server rejected without naming it: the first number field.
    return error.code === 'phone.invalid' ? shown.find((candidate) => candidate === 'mobile' || candidate === 'phone') : undefined;
  }

  /**
   * Checks every shown field; resolves the details to send, the messages by
   * field, and the invalid fields in page order (a mobile number the phone
   * input rejected shows the input's own reason, so it has no message here).
   */
  private async check(): Promise<{
    profile: ProfileValues;
    errors: Partial<Record<ProfileField, string>>;
    invalid: ProfileField[];
  }> {
    const profile: ProfileValues = {};
    const errors: Partial<Record<ProfileField, string>> = {};
    const rejectedMobile: ProfileField[] = [];
    for (const field of this.shown) {
      const required = this.modeOf(field) === 'required';
      if (field === 'mobile' || field === 'phone') {
        const input = this.phoneInput(field);
        const typed = input?.querySelector<HTMLInputElement>('input[type="tel"]')?.value.trim() ?? '';
        if (typed === '') {
          if (required) errors[field] = missingMessage(field);
          continue;
        }
        const e164 = await input?.validate();
        if (e164) profile[field] = e164;
        // The phone input shows why a mobile number is not valid; for any number say "phone number".
        else if (field === 'phone') errors.phone = msg('Please enter a valid phone number.', { id: 'profile.phone.invalid' });
        else rejectedMobile.push(field);
        continue;
      }
      const value = field === 'salutation' ? normalizeSalutation(this.values.salutation) : (this.values[field]?.trim() ?? '');
      if (value === '') {
        if (required) errors[field] = missingMessage(field);
        continue;
      }
      if (field === 'email' && !emailPattern.test(value)) {
        errors.email = msg('Please enter a valid e-mail address, e.g. name@example.com.', {
          id: 'credentials.email.invalid',
        });
        continue;
      }
      profile[field] = value;
    }
    const invalid = this.shown.filter((field) => errors[field] !== undefined || rejectedMobile.includes(field));
    return { profile, errors, invalid };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    const { profile, errors, invalid } = await this.check();
    this.fieldErrors = errors;
    const firstInvalid = invalid[0];
    if (firstInvalid) {
      await this.updateComplete;
      this.focusField(firstInvalid);
      return;
    }
    const adapter = this.requireAdapter();
    await this.submission.run((signal) => adapter.submitProfile({ flowId: this.flowId, profile }, { signal }));
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      const field = this.fieldOf(error);
      if (field) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
      await this.updateComplete;
      if (field) this.focusField(field);
      return;
    }
    this.values = { ...this.values, ...profile };
    this.finish({ ...profile });
  }

  private focusField(field: ProfileField): void {
    if (field === 'mobile' || field === 'phone') this.phoneInput(field)?.focus();
    else this.querySelector<HTMLElement>(`#${this.ids[field]}`)?.focus();
  }

}

function fieldLabel(field: ProfileField): string {
  switch (field) {
    case 'salutation':
      return msg('Salutation', { id: 'profile.salutation' });
    case 'title':
      return msg('Title', { id: 'profile.title' });
    case 'firstName':
      return msg('First name', { id: 'profile.firstName' });
    case 'lastName':
      return msg('Last name', { id: 'profile.lastName' });
    case 'position':
      return msg('Position', { id: 'profile.position' });
    case 'mobile':
      return msg('Mobile number', { id: 'phone.label' });
    case 'phone':
      return msg('Phone number', { id: 'profile.phone' });
    case 'email':
      return msg('E-mail address', { id: 'credentials.email' });
  }
}

function missingMessage(field: ProfileField): string {
  switch (field) {
    case 'salutation':
      return msg('Please choose a salutation.', { id: 'profile.salutation.missing' });
    case 'title':
      return msg('Please enter your title.', { id: 'profile.title.missing' });
    case 'firstName':
      return msg('Please enter your first name.', { id: 'profile.firstName.missing' });
    case 'lastName':
      return msg('Please enter your last name.', { id: 'profile.lastName.missing' });
    case 'position':
      return msg('Please enter your position.', { id: 'profile.position.missing' });
    case 'mobile':
      return msg('Please enter your mobile number.', { id: 'phone.missing' });
    case 'phone':
      return msg('Please enter your phone number.', { id: 'profile.phone.missing' });
    case 'email':
      return msg('Please enter your e-mail address.', { id: 'credentials.email.missing' });
  }
}

function salutationLabel(salutation: Salutation): string {
  switch (salutation) {
    case 'ms':
      return msg('Ms', { id: 'profile.salutation.ms' });
    case 'mr':
      return msg('Mr', { id: 'profile.salutation.mr' });
    case 'diverse':
      return msg('Diverse', { id: 'profile.salutation.diverse' });
    case 'none':
      return msg('Not specified', { id: 'profile.salutation.none' });
  }
}

/** A prefilled salutation as a select value: the codes, or the German and English words for them. */
function normalizeSalutation(value: string | undefined): Salutation | '' {
  const key = (value ?? '').trim().toLowerCase().replace(/\.$/, '');
  if ((salutations as readonly string[]).includes(key)) return key as Salutation;
  if (['frau', 'mrs', 'miss'].includes(key)) return 'ms';
  if (key === 'herr') return 'mr';
  if (['divers', 'd'].includes(key)) return 'diverse';
  if (['keine angabe', 'not specified'].includes(key)) return 'none';
  return '';
}

function autocompleteOf(field: TextField) {
  switch (field) {
    case 'title':
      return 'honorific-prefix' as const;
    case 'firstName':
      return 'given-name' as const;
    case 'lastName':
      return 'family-name' as const;
    case 'position':
      return 'organization-title' as const;
    case 'email':
      return 'email' as const;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-profile-step': PforteProfileStep;
  }
}
