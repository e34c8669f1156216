import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { CallOptions, PforteAdapter } from '@pforte/core';
import { PforteCodeStepElement } from '../internal/code-step-element.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { isolated, useMessages } from '../localization/localization.js';
import { codeStepSecondary, renderCodeEntryForm } from '../internal/code-entry-form.js';
import { renderActions } from '../internal/form-controls.js';
import '../localization/step-error-messages.js';

void useMessages('emailCode');
void useMessages('sms');

/**
 * @summary E-mail TAN: a one-time code goes to the e-mail address the flow
 * already knows (from the credentials, the profile or the customer lookup),
 * and the person enters it. "Send code" sends the first one; a new code can
 * be requested only after the resend deadline (at least `resendSeconds`, or
 * later if the server says so). Screen readers hear when a code was sent and
 * when a new one may be requested, not every second.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The code was verified; `detail.values` is empty (never the code).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-skip - The person chose "Activate later" (only when `optional`); the flow host calls `adapter.skipStep`.
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors of the code.
 * @cssproperty --pforte-color-surface-raised - Fill of the code boxes.
 */
export class PforteEmailCodeStep extends PforteCodeStepElement {
  readonly step = 'emailCode' as const;

  /** Digits of the e-mail code (the server's `codeLength` wins once a code was sent). */
  override codeLength = 6;

  /** The address the code goes to, only to name it in the text (the adapter knows it from the flow). */
  @property() email = '';

  /** A code was sent to this element at least once: the code entry is shown. */
  private get sent(): boolean {
    return this.entry.sentCodeLength !== undefined;
  }

  override render() {
    return html`
      <h2 tabindex="-1">
        ${this.optional
          ? msg('Confirm with an e-mail TAN (optional)', { id: 'emailCode.heading.optional' })
          : msg('Confirm with an e-mail TAN', { id: 'emailCode.heading' })}
      </h2>
      ${this.sent ? this.renderCode() : this.renderStart()}
      <p class="pf-visually-hidden" role="status">${this.entry.announcement}</p>
    `;
  }

  private renderStart() {
    const pending = this.sending.pending;
    return html`
      <p class="pf-muted">
        ${this.email
          ? msg(str`We will send a code of ${this.codeLength} digits to ${isolated(this.email)}.`, { id: 'emailCode.intro.address' })
          : msg(str`We will send a code of ${this.codeLength} digits to your e-mail address.`, { id: 'emailCode.intro' })}
        ${this.optional
          ? msg('You can also activate it later in your profile settings.', { id: 'sms.intro.optional' })
          : nothing}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSendSubmit}>
        <div class="pf-alert" role="alert">${this.sendError ? renderAlert(this.sendError) : nothing}</div>
        ${renderActions({
          pending,
          primary: this.sendCodeButton(),
          secondary: codeStepSecondary({ optional: this.optional, onSkip: this.onSkip }),
          ...(this.canGoBack ? { onBack: this.onBack } : {}),
        })}
      </form>
    `;
  }

  private renderCode() {
    const length = this.entry.length;
    return html`
      <p>
        ${this.email
          ? msg(str`We sent a code of ${length} digits to ${isolated(this.email)}.`, { id: 'emailCode.sent.address' })
          : msg(str`We sent a code of ${length} digits to your e-mail address.`, { id: 'emailCode.sent' })}
        ${msg('If it does not arrive within a few minutes, please also check your spam folder.', {
          id: 'emailCode.spam',
        })}
      </p>
      ${renderCodeEntryForm(this.codeFormOptions(msg('Code from the e-mail', { id: 'emailCode.code.label' })))}
    `;
  }

  private async onSendSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.send();
  }

  protected override async onResend(): Promise<void> {
    await this.send();
  }

  private async send(): Promise<void> {
    if (this.pending || this.resend.waiting) return;
    const adapter = this.requireAdapter();
    const resending = this.sent;
    this.sendError = undefined;
    this.entry.setError('');
    const result = await this.sending.run((signal) => adapter.sendEmailCode({ flowId: this.flowId }, { signal }));
    const error = this.sending.error;
    if (error) {
      this.reportError(error);
      this.resend.startFromError(error);
      if (resending) {
        this.entry.setError(errorMessage(error));
        await this.updateComplete;
        this.codeInput?.focus();
      } else {
        this.sendError = error;
        await this.updateComplete;
        // A rate limit disables "Send code": keep focus in the step, near the message.
        if (this.resend.waiting) this.focusHeading();
      }
      return;
    }
    if (!result) return;
    await this.entry.codeSent(result, resending);
  }

  protected override verifyCode(adapter: PforteAdapter, code: string, options: CallOptions): Promise<void> {
    return adapter.verifyEmailCode({ flowId: this.flowId, code }, options);
  }

  protected override doneValues(): Record<string, unknown> {
    return {};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-email-code-step': PforteEmailCodeStep;
  }
}
