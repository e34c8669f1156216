import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';

/** The autofill tokens of the steps' text fields (`off` where autofill would only guess). */
export type FieldAutocomplete =
  | 'off'
  | 'username'
  | 'new-password'
  | 'email'
  | 'honorific-prefix'
  | 'given-name'
  | 'family-name'
  | 'organization-title'
  | 'organization'
  | 'postal-code'
  | 'current-password';

/** One labelled text input of a step, with its error tied to it. */
export interface TextFieldOptions {
  /** Id of the input, for its `<label for>`. */
  id: string;
  /** Id of the error message, always in the input's `aria-describedby`. */
  errorId: string;
  label: string;
  /** The form field name password managers and autofill key on. */
  name: string;
  value: string;
  /** The message shown under the input; empty or `undefined` while it is valid. */
  error: string | undefined;
  type?: 'text' | 'email' | 'password';
  autocomplete: FieldAutocomplete;
  inputmode?: 'text' | 'email' | 'numeric';
  autocapitalize?: 'none' | 'words';
  required?: boolean;
  maxlength?: number;
  pattern?: string;
  passwordrules?: string;
  /**
   * The text's direction inside right-to-left pages: `ltr` for digits (a PIN),
   * `auto` for what is usually Latin (an e-mail address, a username); unset,
   * the page's.
   */
  dir?: 'ltr' | 'auto';
  className?: string;
  /** Further ids describing the input (a hint, a rule list), read after the error. */
  describedBy?: string[];
  /** Inside the field, at its end (the show-password toggle: {@link renderVisibilityToggle}). */
  inside?: TemplateResult;
  /** Below the error (e.g. a hint or a checklist). */
  after?: TemplateResult;
  onValue: (value: string) => void;
}

/**
 * The username field as registration, sign-in and password reset show it: an
 * e-mail address or a username, per the product, with the name, type and
 * keyboard password managers and phones expect.
 */
export function usernameFieldOptions(
  isEmail: boolean,
): Pick<TextFieldOptions, 'label' | 'name' | 'type' | 'autocomplete' | 'inputmode' | 'autocapitalize' | 'required' | 'dir'> {
  return {
    label: isEmail ? msg('E-mail address', { id: 'credentials.email' }) : msg('Username', { id: 'credentials.username' }),
    name: 'username',
    type: isEmail ? 'email' : 'text',
    autocomplete: 'username',
    inputmode: isEmail ? 'email' : 'text',
    autocapitalize: 'none',
    required: true,
    dir: 'auto',
  };
}

/**
 * A `.pf-field`: label, light-DOM input (so password managers see it) and
 * its error message, which the input names in `aria-describedby` and marks
 * with `aria-invalid`.
 */
export function renderTextField(options: TextFieldOptions): TemplateResult {
  const error = options.error ?? '';
  const input = html`<input
    id=${options.id}
    class=${ifDefined(options.className)}
    name=${options.name}
    type=${options.type ?? 'text'}
    autocomplete=${options.autocomplete}
    inputmode=${ifDefined(options.inputmode)}
    autocapitalize=${ifDefined(options.autocapitalize)}
    spellcheck="false"
    ?required=${options.required ?? false}
    maxlength=${ifDefined(options.maxlength)}
    pattern=${ifDefined(options.pattern)}
    passwordrules=${ifDefined(options.passwordrules)}
    dir=${ifDefined(options.dir)}
    .value=${live(options.value)}
    aria-invalid=${error ? 'true' : 'false'}
    aria-describedby=${[options.errorId, ...(options.describedBy ?? [])].join(' ')}
    @input=${(event: InputEvent) => options.onValue((event.target as HTMLInputElement).value)}
  />`;
  return html`
    <div class="pf-field">
      <label for=${options.id}>${options.label}</label>
      ${options.inside ? html`<div class="pf-input-wrap">${input}${options.inside}</div>` : input}
      <p class="pf-error" id=${options.errorId}>${error}</p>
      ${options.after ?? nothing}
    </div>
  `;
}

/** Options of {@link renderVisibilityToggle}. */
export interface VisibilityToggleOptions {
  /** The accessible name, the same in both states ("Show password"); `aria-pressed` says which state. */
  label: string;
  /** Ids of the inputs it shows and hides. */
  controls: string;
  visible: boolean;
  onToggle: () => void;
}

const eye = svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" /><circle cx="12" cy="12" r="3" />`;
const eyeOff = svg`<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" /><circle cx="12" cy="12" r="3" /><path d="M4 20 20 4" />`;

/**
 * The show/hide toggle of a secret field: an icon button inside the field
 * (`inside` of {@link renderTextField}), named by `label` and pressed while
 * the secret is shown. The field keeps its full width on a phone.
 */
export function renderVisibilityToggle(options: VisibilityToggleOptions): TemplateResult {
  return html`<button
    type="button"
    class="pf-reveal"
    aria-label=${options.label}
    title=${options.label}
    aria-controls=${options.controls}
    aria-pressed=${options.visible ? 'true' : 'false'}
    @click=${options.onToggle}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      ${options.visible ? eyeOff : eye}
    </svg>
  </button>`;
}

/** A button of an action row; without `onClick` it submits the form. */
export interface ActionButton {
  label: string;
  onClick?: (event: Event) => void;
  disabled?: boolean;
  /**
   * Not yet (a resend countdown runs): the button stays focusable with
   * `aria-disabled`, so keyboard and screen-reader users reach it and hear
   * its label, which says how long to wait. Its handler must ignore the press.
   */
  waiting?: boolean;
  /** This button's call runs: it reads "Please wait…". */
  busy?: boolean;
  /** `pf-primary` for the main action, `pf-link` for a quiet one, `pf-resend` for a throttled one. */
  className?: string;
}

export interface ActionsOptions {
  /** A call of the step runs: every button of the row is disabled. */
  pending: boolean;
  primary?: ActionButton;
  secondary?: ActionButton[];
  /** Offers "Back", last in the row. */
  onBack?: () => void;
}

/** The action row of a step: the main action first, then the others, "Back" last. */
export function renderActions(options: ActionsOptions): TemplateResult {
  const { pending, primary } = options;
  return html`
    <div class="pf-actions">
      ${primary ? renderButton({ ...primary, className: ['pf-primary', primary.className].filter(Boolean).join(' ') }, pending) : nothing}
      ${(options.secondary ?? []).map((button) => renderButton(button, pending))}
      ${options.onBack ? renderButton({ label: msg('Back', { id: 'common.back' }), className: 'pf-back', onClick: options.onBack }, pending) : nothing}
    </div>
  `;
}

function renderButton(button: ActionButton, pending: boolean) {
  return html`<button
    type=${button.onClick ? 'button' : 'submit'}
    class=${ifDefined(button.className || undefined)}
    ?disabled=${pending || (button.disabled ?? false)}
    aria-disabled=${ifDefined(button.waiting ? 'true' : undefined)}
    @click=${button.onClick}
  >
    ${button.busy ? msg('Please wait…', { id: 'common.pending' }) : button.label}
  </button>`;
}
