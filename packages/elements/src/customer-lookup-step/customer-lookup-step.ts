import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import type { FieldErrors } from '../internal/form-step-element.js';
import { defaultCaptchaProvider } from '../captcha/captcha-provider.js';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import type { PforteCaptcha } from '../captcha/captcha.js';
import { customerLookupStepStyles } from './customer-lookup-step.styles.js';
import '../define/captcha.js';
import { useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('captcha');
void useMessages('customerLookup');

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
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The customer was found; `detail.values` is `{ email, customerName? }` (never the captcha token).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - The lookup failed; `detail.code` is the stable error code (e.g. `customer.mismatch`, `captcha.invalid`).
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-border - Frames of the inputs and the captcha.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteCustomerLookupStep extends PforteFormStepElement<Field> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, customerLookupStepStyles];

  readonly step = 'customerLookup' as const;

  protected readonly fieldOrder = ['customerNumber', 'email', 'repeatEmail', 'captcha'] as const;

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

  private get captchaElement(): PforteCaptcha | null {
    return this.querySelector('pforte-captcha');
  }

  override render() {
    const email = {
      type: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      autocapitalize: 'none',
      required: true,
      dir: 'auto',
    } as const;
    return html`
      <h2 tabindex="-1">${msg('Register as a customer', { id: 'customerLookup.heading' })}</h2>
      <p class="pf-muted">
        ${msg('Please register with your customer number and the e-mail address we have on file for you.', {
          id: 'customerLookup.intro',
        })}
      </p>
      ${this.renderForm(html`
        ${this.renderTextField('customerNumber', {
          label: msg('Customer number', { id: 'customerLookup.customerNumber' }),
          name: 'customerNumber',
          autocomplete: 'off',
          inputmode: 'text',
          autocapitalize: 'none',
          required: true,
          value: this.customerNumber,
          onValue: (value) => (this.customerNumber = value),
        })}
        ${this.renderTextField('email', {
          ...email,
          label: msg('E-mail address', { id: 'credentials.email' }),
          name: 'email',
          value: this.email,
          onValue: (value) => (this.email = value),
        })}
        ${this.repeatEmail
          ? this.renderTextField('repeatEmail', {
              ...email,
              label: msg('Repeat e-mail address', { id: 'customerLookup.repeatEmail' }),
              name: 'emailRepeat',
              value: this.emailRepeat,
              onValue: (value) => (this.emailRepeat = value),
            })
          : nothing}
        ${this.captcha
          ? html`<pforte-captcha
                id=${this.idsOf('captcha').input}
                .provider=${this.captchaProvider ?? defaultCaptchaProvider()}
                @pforte-captcha-solved=${this.onCaptchaSolved}
              ></pforte-captcha>
              <p class="pf-error" id=${this.idsOf('captcha').error} role="alert">${this.fieldErrors.captcha ?? ''}</p>`
          : nothing}
        ${this.renderFooter()}
      `)}
    `;
  }

  private onCaptchaSolved(): void {
    this.clearFieldError('captcha');
  }

  /** The mismatch message is about both fields: editing either of them answers it, solving the captcha does not. */
  protected override editAnswers(error: PforteError, field: Field): boolean {
    const about = this.fieldOf(error);
    return about === field || (about === undefined && field !== 'captcha');
  }

  /** The field a backend error belongs to; `customer.mismatch` never names one. */
  protected override fieldOf(error: PforteError): Field | undefined {
    if (error.code === 'customer.mismatch') return undefined;
    if (error.code === 'captcha.invalid') return 'captcha';
    if (error.field === 'customerNumber' || error.field === 'email') return error.field;
    return undefined;
  }

  private localErrors(): FieldErrors<Field> {
    const errors: FieldErrors<Field> = {};
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

  protected override async onSubmit(): Promise<void> {
    const customerNumber = this.customerNumber.trim();
    const email = this.email.trim();
    const captcha = this.captcha ? this.captchaElement : null;
    await this.submitStep({
      check: () => this.localErrors(),
      call: (adapter, signal) => {
        const captchaToken = captcha?.token;
        return adapter.lookupCustomer(
          { flowId: this.flowId, customerNumber, email, ...(captchaToken === undefined ? {} : { captchaToken }) },
          { signal },
        );
      },
      // The token is used up whatever the answer: a fresh challenge for the next try.
      failed: () => captcha?.reset(),
      done: (result) => ({ email, ...(result.customerName ? { customerName: result.customerName } : {}) }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-customer-lookup-step': PforteCustomerLookupStep;
  }
}
