import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { CallOptions, PforteAdapter } from '@pforte/core';
import { PforteCodeStepElement } from '../internal/code-step-element.js';
import { errorMessage } from '../localization/error-messages.js';
import type { PfortePhoneInput } from '../phone-input/phone-input.js';
import { smsStepStyles } from './sms-step.styles.js';
import '../define/phone-input.js';
import { isolated, useMessages } from '../localization/localization.js';
import { codeStepSecondary, renderCodeEntryForm } from '../internal/code-entry-form.js';
import { renderActions } from '../internal/form-controls.js';
import '../localization/step-error-messages.js';

void useMessages('sms');

type Phase = 'phone' | 'code';

const booleanWithFalse = { fromAttribute: (value: string | null) => value !== null && value !== 'false' };

/**
 * @summary SMS second factor: the person enters a mobile number, receives a
 * code by SMS and enters it. A new code can be requested only after the
 * resend deadline (at least `resendSeconds`, or later if the server says so);
 * the button counts down and screen readers hear when the wait starts and
 * when it is over, not every second. "Wrong number?" goes back to the number
 * (kept for editing) without resetting the countdown.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The code was verified; `detail.values.phone` holds the number in E.164 (never the code).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-skip - The person chose "Activate later" (only when `optional`); the flow host calls `adapter.skipStep`.
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors of the number and the code.
 * @cssproperty --pforte-color-border - Tint of the code boxes.
 */
export class PforteSmsStep extends PforteCodeStepElement {
  static override pforteStyles = [...PforteCodeStepElement.pforteStyles, smsStepStyles];

  readonly step = 'sms' as const;

  /** ISO 3166 alpha-2 country preselected for the number, e.g. `DE`. */
  @property({ attribute: 'default-country' }) defaultCountry = 'DE';

  /** Accept only mobile numbers. `mobile-only="false"` or the property turns it off. */
  @property({ attribute: 'mobile-only', converter: booleanWithFalse }) mobileOnly = true;

  /** The mobile number in E.164: prefilled, and kept when the person goes back to fix it. */
  @property() phone = '';

  @state() private phase: Phase = 'phone';
  @state() private phoneError = '';

  private get phoneInput(): PfortePhoneInput | null {
    return this.querySelector('pforte-phone-input');
  }

  override render() {
    return html`
      <h2 tabindex="-1">
        ${this.optional
          ? msg('Two-factor authentication (optional)', { id: 'sms.heading.optional' })
          : msg('Two-factor authentication', { id: 'sms.heading' })}
      </h2>
      ${this.phase === 'phone' ? this.renderPhone() : this.renderCode()}
      <p class="pf-visually-hidden" role="status">${this.entry.announcement}</p>
    `;
  }

  private renderPhone() {
    const pending = this.sending.pending;
    return html`
      <p class="pf-muted">
        ${msg(
          str`Protect your account with a second factor: enter your mobile number and we will send you an SMS with a code of ${this.codeLength} digits.`,
          { id: 'sms.intro' },
        )}
        ${this.optional
          ? msg('You can also activate it later in your profile settings.', { id: 'sms.intro.optional' })
          : nothing}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSendSubmit}>
        <pforte-phone-input
          default-country=${this.defaultCountry}
          .mobileOnly=${this.mobileOnly}
          .value=${this.phone}
          .error=${this.phoneError}
          @input=${this.onPhoneInput}
        ></pforte-phone-input>
        <div class="pf-alert" role="alert">${this.sendError ? errorMessage(this.sendError) : nothing}</div>
        ${renderActions({
          pending,
          primary: this.sendCodeButton(),
          // A code went out (in this visit, or before Back and forth: the deadline survives both).
          secondary: [
            ...(this.entry.sentCodeLength === undefined && this.resend.deadline === undefined
              ? []
              : [
                  {
                    label: msg('Enter the code already sent', { id: 'sms.backToCode' }),
                    className: 'pf-link',
                    onClick: () => void this.backToCode(),
                  },
                ]),
            ...codeStepSecondary({ optional: this.optional, onSkip: this.onSkip }),
          ],
          ...(this.canGoBack ? { onBack: this.onBack } : {}),
        })}
      </form>
    `;
  }

  private renderCode() {
    const length = this.entry.length;
    const pending = this.pending;
    return html`
      <div class="pf-sent">
        <p>${msg(str`We sent a code of ${length} digits by SMS to ${isolated(this.phone)}.`, { id: 'sms.sent' })}</p>
        <button type="button" class="pf-link" ?disabled=${pending} @click=${this.wrongNumber}>
          ${msg('Wrong number?', { id: 'sms.wrongNumber' })}
        </button>
      </div>
      ${renderCodeEntryForm(this.codeFormOptions(msg('Code from the SMS', { id: 'sms.code.label' })))}
    `;
  }

  private onPhoneInput(): void {
    this.phoneError = '';
    this.sendError = undefined;
  }

  private async onSendSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending || this.resend.waiting) return;
    const phone = await this.phoneInput?.validate();
    if (!phone) {
      this.phoneInput?.focus();
      return;
    }
    await this.send(phone);
  }

  protected override async onResend(): Promise<void> {
    if (this.pending || this.resend.waiting || !this.phone) return;
    await this.send(this.phone);
  }

  private async send(phone: string): Promise<void> {
    const adapter = this.requireAdapter();
    this.sendError = undefined;
    this.entry.setError('');
    const result = await this.sending.run((signal) => adapter.sendSmsCode({ flowId: this.flowId, phone }, { signal }));
    const error = this.sending.error;
    if (error) {
      this.reportError(error);
      this.resend.startFromError(error);
      if (this.phase === 'phone') {
        if (error.code === 'phone.invalid') this.phoneError = errorMessage(error);
        else this.sendError = error;
        await this.updateComplete;
        this.phoneInput?.focus();
      } else {
        this.entry.setError(errorMessage(error));
      }
      return;
    }
    if (!result) return;
    const resending = this.phase === 'code' && this.phone === phone;
    this.phone = phone;
    this.phase = 'code';
    await this.entry.codeSent(result, resending);
  }

  protected override verifyCode(adapter: PforteAdapter, code: string, options: CallOptions): Promise<void> {
    return adapter.verifySmsCode({ flowId: this.flowId, code }, options);
  }

  protected override doneValues(): Record<string, unknown> {
    return { phone: this.phone };
  }

  private async wrongNumber(): Promise<void> {
    this.phase = 'phone';
    this.entry.setError('');
    this.phoneError = '';
    this.sendError = undefined;
    await this.updateComplete;
    this.phoneInput?.focus();
  }

  private async backToCode(): Promise<void> {
    this.phase = 'code';
    await this.updateComplete;
    this.codeInput?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-sms-step': PforteSmsStep;
  }
}
