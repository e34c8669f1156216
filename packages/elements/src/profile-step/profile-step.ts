import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { PforteError, ProfileField, ProfileFieldMode, ProfileValues } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import type { FieldErrors } from '../internal/form-step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import type { PfortePhoneInput } from '../phone-input/phone-input.js';
import { profileStepStyles } from './profile-step.styles.js';
import '../define/phone-input.js';
import { useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('profile');
void useMessages('phone');

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
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The adapter accepted the details; `detail.values` holds them (`ProfileValues`; not secret, they prefill later steps).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Saving failed; `detail.code` is the stable error code (e.g. `profile.invalid`).
 *
 * @cssproperty --pforte-color-border - Borders of the inputs.
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Field errors.
 * @cssproperty --pforte-space - Base spacing.
 */
export class PforteProfileStep extends PforteFormStepElement<ProfileField> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, profileStepStyles];

  readonly step = 'profile' as const;

  protected readonly fieldOrder = fieldOrder;

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

  private readonly titleHintId = uniqueId('pforte-profile-title-hint');

  private modeOf(field: ProfileField): ProfileFieldMode {
    return this.fields[field] ?? (field === 'firstName' || field === 'lastName' ? 'required' : 'absent');
  }

  private get shown(): ProfileField[] {
    return fieldOrder.filter((field) => this.modeOf(field) !== 'absent');
  }

  override render() {
    const shown = new Set(this.shown);
    const names = (['firstName', 'lastName'] as const).filter((field) => shown.has(field));
    return html`
      <h2 tabindex="-1">${msg('Personal details', { id: 'profile.heading' })}</h2>
      ${this.renderForm(html`
        ${shown.has('salutation') ? this.renderSalutation() : nothing}
        ${shown.has('title') ? this.renderText('title') : nothing}
        ${names.length > 0 ? html`<div class="pf-name-row">${names.map((field) => this.renderText(field))}</div>` : nothing}
        ${shown.has('position') ? this.renderText('position') : nothing}
        ${shown.has('mobile') ? this.renderPhone('mobile') : nothing}
        ${shown.has('phone') ? this.renderPhone('phone') : nothing}
        ${shown.has('email') ? this.renderText('email') : nothing}
        ${this.renderFooter()}
      `)}
    `;
  }

  private label(field: ProfileField) {
    const text = fieldLabel(field);
    return this.modeOf(field) === 'optional' ? `${text} ${msg('(optional)', { id: 'profile.optional' })}` : text;
  }

  private renderSalutation() {
    const error = this.fieldErrors.salutation ?? '';
    const value = normalizeSalutation(this.values.salutation);
    const ids = this.idsOf('salutation');
    return html`
      <div class="pf-field">
        <label for=${ids.input}>${this.label('salutation')}</label>
        <select
          id=${ids.input}
          name="salutation"
          autocomplete="honorific-prefix"
          ?required=${this.modeOf('salutation') === 'required'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ids.error}
          @change=${this.onSalutationChange}
        >
          <option value="" ?selected=${value === ''}>${msg('Please choose', { id: 'profile.salutation.choose' })}</option>
          ${salutations.map(
            (salutation) =>
              html`<option value=${salutation} ?selected=${value === salutation}>${salutationLabel(salutation)}</option>`,
          )}
        </select>
        <p class="pf-error" id=${ids.error}>${error}</p>
      </div>
    `;
  }

  private renderText(field: TextField) {
    const email = field === 'email';
    return this.renderTextField(field, {
      label: this.label(field),
      name: field,
      type: email ? 'email' : 'text',
      autocomplete: autocompleteOf(field),
      inputmode: email ? 'email' : 'text',
      autocapitalize: email ? 'none' : 'words',
      required: this.modeOf(field) === 'required',
      value: this.values[field] ?? '',
      onValue: (value) => (this.values = { ...this.values, [field]: value }),
      ...(field === 'title'
        ? {
            describedBy: [this.titleHintId],
            after: html`<p class="pf-muted pf-hint" id=${this.titleHintId}>
              ${msg('e.g. Dr. or Prof. Dr.', { id: 'profile.title.hint' })}
            </p>`,
          }
        : {}),
    });
  }

  private renderPhone(field: PhoneField) {
    return html`
      <pforte-phone-input
        id=${this.idsOf(field).input}
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

  /** Any edit answers a rejection of the details, which may be about more than one field. */
  protected override editAnswers(): boolean {
    return true;
  }

  private phoneInput(field: PhoneField): PfortePhoneInput | null {
    return this.fieldControl(field) as PfortePhoneInput | null;
  }

  protected override fieldOf(error: PforteError): ProfileField | undefined {
    if (error.code !== 'profile.invalid' && error.code !== 'phone.invalid') return undefined;
    const shown = this.shown;
    const field = error.field as ProfileField | undefined;
    if (field && shown.includes(field)) return field;
    // A number the server rejected without naming it: the first number field.
    return error.code === 'phone.invalid' ? shown.find((candidate) => candidate === 'mobile' || candidate === 'phone') : undefined;
  }

  /**
   * Checks every shown field; resolves the messages by field and fills
   * `profile` with the details to send. A mobile number the phone input
   * rejected is invalid with an empty message here: the input shows its own reason.
   */
  private async check(profile: ProfileValues): Promise<FieldErrors<ProfileField>> {
    const errors: FieldErrors<ProfileField> = {};
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
        else errors.mobile = '';
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
    return errors;
  }

  protected override async onSubmit(): Promise<void> {
    const profile: ProfileValues = {};
    await this.submitStep({
      check: () => this.check(profile),
      call: (adapter, signal) => adapter.submitProfile({ flowId: this.flowId, profile }, { signal }),
      done: () => {
        this.values = { ...this.values, ...profile };
        return { ...profile };
      },
    });
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
