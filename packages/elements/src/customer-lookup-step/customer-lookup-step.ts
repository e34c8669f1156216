import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { defaultCaptchaProvider } from '../captcha/captcha-provider.js';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import type { PforteCaptcha } from '../captcha/captcha.js';
import { customerLookupStepStyles } from './customer-lookup-step.styles.js';
import '../define/captcha.js';
import '../localization/step-messages.js';

type Field = 'customerNumber' | 'email' | 'repeatEmail' | 'captcha';

const booleanWithFalse = { fromAttribute: (value: string | null) => value !== null && value !== 'false' };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @summary Registration of an existing customer: customer number, the e-mail
 * address on file (typed twice, if `repeat-email`) and a captcha. The backend
 * looks the customer up; when number and address do not belong together,
 * one message says so without telling which of the two was wrong, a fresh
 * captcha appears, and everything typed stays.
 *
 * @event pforte-step-done - The customer was found; `detail.values` is `{ email, customerName? }` (never the captcha token).
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - The lookup failed; `detail.code` is the stable error code (e.g. `customer.mismatch`, `captcha.invalid`).
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-border - Frames of the inputs and the captcha.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteCustomerLookupStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, customerLookupStepStyles];

  readonly step = 'customerLookup' as const;

  /** Asks for a captcha. `captcha="false"` or the property turns it off. */
  @property({ converter: booleanWithFalse }) captcha = true;

  /** Asks for the e-mail address twice. `repeat-email="false"` or the property turns it off. */
  @property({ attribute: 'repeat-email', converter: booleanWithFalse }) repeatEmail = true;

  /** The captcha service; `undefined` uses the built-in test challenge. */
  @property({ attribute: false }) captchaProvider: CaptchaProvider | undefined;

  /** The customer number: prefilled, and kept when the person comes back. */
  @property({ attribute: 'customer-number' }) customerNumber = '';

  /** The e-mail address: prefilled, and kept when the person comes back. */
  @property() email = '';

  @state() private emailRepeat = '';
  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  private readonly submission = new AdapterCallController(this);
  private readonly ids = {
    customerNumber: uniqueId('pforte-customer-number'),
    email: uniqueId('pforte-customer-email'),
    repeatEmail: uniqueId('pforte-customer-email-repeat'),
    customerNumberError: uniqueId('pforte-customer-number-error'),
    emailError: uniqueId('pforte-customer-email-error'),
    repeatEmailError: uniqueId('pforte-customer-email-repeat-error'),
    captchaError: uniqueId('pforte-customer-captcha-error'),
  };

  private get captchaElement(): PforteCaptcha | null {
    return this.querySelector('pforte-captcha');
  }

  override render() {
    const pending = this.submission.pending;
    const error = this.submission.error;
    const generalError = error && !this.fieldOf(error) ? error : undefined;
    return html`
      <h2 tabindex="-1">${msg('Register as a customer', { id: 'customerLookup.heading' })}</h2>
      <p class="pf-muted">
        ${msg('Please register with your customer number and the e-mail address we have on file for you.', {
          id: 'customerLookup.intro',
        })}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <div class="pf-field">
          <label for=${this.ids.customerNumber}>${msg('Customer number', { id: 'customerLookup.customerNumber' })}</label>
          <input
            id=${this.ids.customerNumber}
            name="customerNumber"
            type="text"
            autocomplete="off"
            inputmode="text"
            autocapitalize="none"
            spellcheck="false"
            required
            .value=${live(this.customerNumber)}
            aria-invalid=${this.fieldErrors.customerNumber ? 'true' : 'false'}
            aria-describedby=${this.ids.customerNumberError}
            @input=${this.onCustomerNumberInput}
          />
          <p class="pf-error" id=${this.ids.customerNumberError}>${this.fieldErrors.customerNumber ?? ''}</p>
        </div>
        <div class="pf-field">
          <label for=${this.ids.email}>${msg('E-mail address', { id: 'credentials.email' })}</label>
          <input
            id=${this.ids.email}
            name="email"
            type="email"
            autocomplete="email"
            inputmode="email"
            autocapitalize="none"
            spellcheck="false"
            required
            .value=${live(this.email)}
            aria-invalid=${this.fieldErrors.email ? 'true' : 'false'}
            aria-describedby=${this.ids.emailError}
            @input=${this.onEmailInput}
          />
          <p class="pf-error" id=${this.ids.emailError}>${this.fieldErrors.email ?? ''}</p>
        </div>
        ${this.repeatEmail
          ? html`<div class="pf-field">
              <label for=${this.ids.repeatEmail}>${msg('Repeat e-mail address', { id: 'customerLookup.repeatEmail' })}</label>
              <input
                id=${this.ids.repeatEmail}
                name="emailRepeat"
                type="email"
                autocomplete="email"
                inputmode="email"
                autocapitalize="none"
                spellcheck="false"
                required
                .value=${live(this.emailRepeat)}
                aria-invalid=${this.fieldErrors.repeatEmail ? 'true' : 'false'}
                aria-describedby=${this.ids.repeatEmailError}
                @input=${this.onRepeatEmailInput}
              />
              <p class="pf-error" id=${this.ids.repeatEmailError}>${this.fieldErrors.repeatEmail ?? ''}</p>
            </div>`
          : nothing}
        ${this.captcha
          ? html`<pforte-captcha
                .provider=${this.captchaProvider ?? defaultCaptchaProvider()}
                @pforte-captcha-solved=${this.onCaptchaSolved}
              ></pforte-captcha>
              <p class="pf-error" id=${this.ids.captchaError} role="alert">${this.fieldErrors.captcha ?? ''}</p>`
          : nothing}
        <div class="pf-alert" role="alert">${generalError ? renderAlert(generalError) : nothing}</div>
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

  private onCustomerNumberInput(event: InputEvent): void {
    this.customerNumber = (event.target as HTMLInputElement).value;
    this.clearFieldError('customerNumber');
  }

  private onEmailInput(event: InputEvent): void {
    this.email = (event.target as HTMLInputElement).value;
    this.clearFieldError('email');
  }

  private onRepeatEmailInput(event: InputEvent): void {
    this.emailRepeat = (event.target as HTMLInputElement).value;
    this.clearFieldError('repeatEmail');
  }

  private onCaptchaSolved(): void {
    this.clearFieldError('captcha');
  }

  private clearFieldError(field: Field): void {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    // The mismatch message is about both fields: editing either of them answers it.
    const error = this.submission.error;
    if (error && (this.fieldOf(error) === field || (error.code === 'customer.mismatch' && field !== 'captcha'))) {
      this.submission.clearError();
    }
  }

  /** The field a backend error belongs to; `customer.mismatch` never names one. */
  private fieldOf(error: PforteError): Field | undefined {
    if (error.code === 'customer.mismatch') return undefined;
    if (error.code === 'captcha.invalid') return 'captcha';
    if (error.field === 'customerNumber' || error.field === 'email') return error.field;
    return undefined;
  }

  private localErrors(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const email = this.email.trim();
    if (this.customerNumber.trim() === '') {
      errors.customerNumber = msg('Please enter your customer number.', { id: 'customerLookup.customerNumber.missing' });
    }
    if (email === '') {
      errors.email = msg('Please enter your e-mail address.', { id: 'credentials.email.missing' });
    } else if (!emailPattern.test(email)) {
      errors.email = msg('Please enter a valid e-mail address, e.g. name@example.com.', { id: 'credentials.email.invalid' });
    }
    if (this.repeatEmail && !errors.email) {
      const repeat = this.emailRepeat.trim();
      if (repeat === '') {
        errors.repeatEmail = msg('Please enter your e-mail address again.', { id: 'customerLookup.repeatEmail.missing' });
      } else if (repeat.toLowerCase() !== email.toLowerCase()) {
        errors.repeatEmail = msg('The two e-mail addresses do not match.', { id: 'customerLookup.repeatEmail.mismatch' });
      }
    }
    if (this.captcha && !this.captchaElement?.solved) {
      errors.captcha = msg('Please complete the security check first.', { id: 'captcha.unsolved' });
    }
    return errors;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    this.submission.clearError();
    const errors = this.localErrors();
    this.fieldErrors = errors;
    const firstInvalid = (['customerNumber', 'email', 'repeatEmail', 'captcha'] as const).find((field) => errors[field]);
    if (firstInvalid) {
      await this.updateComplete;
      this.focusField(firstInvalid);
      return;
    }
    const adapter = this.requireAdapter();
    const customerNumber = this.customerNumber.trim();
    const email = this.email.trim();
    const captcha = this.captcha ? this.captchaElement : null;
    const captchaToken = captcha?.token;
    const result = await this.submission.run((signal) =>
      adapter.lookupCustomer(
        { flowId: this.flowId, customerNumber, email, ...(captchaToken === undefined ? {} : { captchaToken }) },
        { signal },
      ),
    );
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      // The token is used up whatever the answer: a fresh challenge for the next try.
      captcha?.reset();
      const field = this.fieldOf(error);
      if (field) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
      await this.updateComplete;
      if (field) this.focusField(field);
      return;
    }
    if (!result) return;
    this.finish({ email, ...(result.customerName ? { customerName: result.customerName } : {}) });
  }

  private focusField(field: Field): void {
    if (field === 'captcha') {
      this.captchaElement?.focus();
      return;
    }
    this.querySelector<HTMLInputElement>(`#${this.ids[field]}`)?.focus();
  }

  private onBack(): void {
    this.goBack();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-customer-lookup-step': PforteCustomerLookupStep;
  }
}
