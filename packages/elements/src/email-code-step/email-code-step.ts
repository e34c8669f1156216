import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatCountdown, systemClock } from '@pforte/core';
import type { Clock, PforteError } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { CodeEntryController } from '../controllers/code-entry-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import { emailCodeStepStyles } from './email-code-step.styles.js';
import '../define/code-input.js';
import '../localization/step-messages.js';
import { renderCodeEntryForm, renderCodeStepNavigation } from '../internal/code-entry-form.js';
import type { CodeEntryFormOptions } from '../internal/code-entry-form.js';

/**
 * @summary E-mail TAN: a one-time code goes to the e-mail address the flow
 * already knows (from the credentials, the profile or the customer lookup),
 * and the person enters it. "Send code" sends the first one; a new code can
 * be requested only after the resend deadline (at least `resendSeconds`, or
 * later if the server says so). Screen readers hear when a code was sent and
 * when a new one may be requested, not every second.
 *
 * @event pforte-step-done - The code was verified; `detail.values` is empty (never the code).
 * @event pforte-step-skip - The person chose "Activate later" (only when `optional`); the flow host calls `adapter.skipStep`.
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors of the code.
 * @cssproperty --pforte-color-surface-raised - Fill of the code boxes.
 */
export class PforteEmailCodeStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, emailCodeStepStyles];

  readonly step = 'emailCode' as const;

  /** Digits of the code (the server's `codeLength` wins once a code was sent). */
  @property({ type: Number, attribute: 'code-length' }) codeLength = 6;

  /** Minimum seconds between two codes; the server's `resendAvailableAt` wins when it is later. */
  @property({ type: Number, attribute: 'resend-seconds' }) resendSeconds = 60;

  /** Offers "Activate later", which sends `pforte-step-skip`. */
  @property({ type: Boolean }) optional = false;

  /** The address the code goes to, only to name it in the text (the adapter knows it from the flow). */
  @property() email = '';

  /** Source of time for the resend countdown; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private sendError: PforteError | undefined;

  private readonly sending = new AdapterCallController(this);
  private readonly entry = new CodeEntryController(this, {
    clock: () => this.clock,
    resendSeconds: () => this.resendSeconds,
    codeLength: () => this.codeLength,
    input: () => this.codeInput,
    onError: (error) => this.reportError(error),
  });
  private readonly resend = this.entry.resend;
  private readonly ids = { codeError: uniqueId('pforte-email-code-error') };

  /**
   * When a new code may be requested, in client-clock ms since the epoch
   * (`undefined` before the first code). Keep it if you re-create the step,
   * e.g. `step.resendDeadline = old.resendDeadline`.
   */
  get resendDeadline(): number | undefined {
    return this.resend.deadline;
  }

  set resendDeadline(deadline: number | undefined) {
    this.resend.setDeadline(deadline);
  }

  /** Re-reads the clock and re-renders the countdown now (the element also does this about once a second). */
  refreshCountdown(): void {
    this.resend.refresh();
  }

  private get codeInput(): PforteCodeInput | null {
    return this.querySelector('pforte-code-input');
  }

  private get pending(): boolean {
    return this.sending.pending || this.entry.verifying.pending;
  }

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
    const waiting = this.resend.waiting;
    return html`
      <p class="pf-muted">
        ${this.email
          ? msg(str`We will send a code of ${this.codeLength} digits to ${this.email}.`, { id: 'emailCode.intro.address' })
          : msg(str`We will send a code of ${this.codeLength} digits to your e-mail address.`, { id: 'emailCode.intro' })}
        ${this.optional
          ? msg('You can also activate it later in your profile settings.', { id: 'sms.intro.optional' })
          : nothing}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSendSubmit}>
        <div class="pf-alert" role="alert">${this.sendError ? renderAlert(this.sendError) : nothing}</div>
        <div class="pf-actions">
          <button type="submit" class="pf-primary pf-resend" ?disabled=${pending || waiting}>
            ${pending
              ? msg('Please wait…', { id: 'common.pending' })
              : waiting
                ? msg(str`Send code in ${formatCountdown(this.resend.secondsLeft)}`, { id: 'sms.send.wait' })
                : msg('Send code', { id: 'sms.send' })}
          </button>
        </div>
        ${renderCodeStepNavigation(this.codeFormOptions(''))}
      </form>
    `;
  }

  private renderCode() {
    const length = this.entry.length;
    return html`
      <p>
        ${this.email
          ? msg(str`We sent a code of ${length} digits to ${this.email}.`, { id: 'emailCode.sent.address' })
          : msg(str`We sent a code of ${length} digits to your e-mail address.`, { id: 'emailCode.sent' })}
        ${msg('If it does not arrive within a few minutes, please also check your spam folder.', {
          id: 'emailCode.spam',
        })}
      </p>
      ${renderCodeEntryForm(this.codeFormOptions(msg('Code from the e-mail', { id: 'emailCode.code.label' })))}
    `;
  }

  private codeFormOptions(label: string): CodeEntryFormOptions {
    return {
      entry: this.entry,
      label,
      errorId: this.ids.codeError,
      pending: this.pending,
      canGoBack: this.canGoBack,
      optional: this.optional,
      onSubmit: this.onVerifySubmit,
      onComplete: this.onCodeComplete,
      onInput: this.onCodeInput,
      onResend: this.onResend,
      onBack: this.onBack,
      onSkip: this.onSkip,
    };
  }

  private onCodeInput(): void {
    this.entry.onInput();
  }

  private async onSendSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.send();
  }

  private async onResend(): Promise<void> {
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

  private onCodeComplete(): void {
    if (!this.entry.dead) void this.verify();
  }

  private onVerifySubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.verify();
  }

  private async verify(): Promise<void> {
    if (this.pending) return;
    const adapter = this.requireAdapter();
    const verified = await this.entry.verify((code, signal) =>
      adapter.verifyEmailCode({ flowId: this.flowId, code }, { signal }),
    );
    if (verified) this.finish({});
  }

  private onBack(): void {
    this.goBack();
  }

  private onSkip(): void {
    this.skipStep();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-email-code-step': PforteEmailCodeStep;
  }
}
