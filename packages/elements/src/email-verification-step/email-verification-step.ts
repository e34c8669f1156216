import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatCountdown, systemClock } from '@pforte/core';
import type { Clock, PforteError } from '@pforte/core';
import { confirmationReturnUrl } from '../controllers/email-link-controller.js';
import { PforteStepElement } from '../internal/step-element.js';
import { renderActions } from '../internal/form-controls.js';
import type { ActionButton } from '../internal/form-controls.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { ResendController } from '../controllers/resend-controller.js';
import type { ResendTransition } from '../controllers/resend-controller.js';
import { renderAlert } from '../localization/error-messages.js';
import { emailVerificationStepStyles } from './email-verification-step.styles.js';
import { duration, isolated, useMessages } from '../localization/localization.js';

void useMessages('emailVerification');

/**
 * @summary "Check your inbox": sends an e-mail with a confirmation link to
 * the flow's address (on connect, unless `sent`), names the address, hints at
 * the spam folder and how long the link is valid, and offers to send the
 * e-mail again with the same deadline-based throttle as the SMS step.
 * Following the link completes the step: the page that receives it (usually
 * `<pforte-signup>`, which reads the URL fragment) calls `confirm(token)`.
 * An expired link says so and offers a new e-mail. This element never reads
 * the page URL's fragment itself.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The address was confirmed; `detail.values` is `{ emailVerified: true }` (never the token).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Sending or confirming failed; `detail.code` is the stable error code (e.g. `link.expired`, `rate_limited`).
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteEmailVerificationStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, emailVerificationStepStyles];

  readonly step = 'emailVerification' as const;

  /** The address the e-mail goes to, shown to the person (the backend's answer replaces it). */
  @property() email = '';

  /** Minimum seconds between two e-mails; the server's `resendAvailableAt` wins when it is later. */
  @property({ type: Number, attribute: 'resend-seconds' }) resendSeconds = 60;

  /** Source of time for the resend countdown; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /**
   * The page the link in the e-mail leads back to; default: this page's
   * address without its fragment, with `product-id` in its `pforte-product`
   * query parameter.
   */
  @property({ attribute: 'return-url' }) returnUrl = '';

  /** The product's id (`config.id`): carried in the link, so a new tab opens the right product's registration. */
  @property({ attribute: 'product-id' }) productId = '';

  /**
   * True once an e-mail went out: the element does not send one on connect.
   * Set it (with `resendDeadline` and `validityHours`) when you re-create the step.
   */
  @property({ type: Boolean }) sent = false;

  /** How many hours the link is valid (from the backend's answer). */
  @property({ type: Number, attribute: 'validity-hours' }) validityHours: number | undefined;

  @state() private announcement = '';
  @state() private sendError: PforteError | undefined;
  @state() private confirmError: PforteError | undefined;
  @state() private confirmed = false;

  /** Set once the element sent, or was asked to confirm: it then never sends by itself. */
  private sendStarted = false;
  private readonly sending = new AdapterCallController(this);
  private readonly confirming = new AdapterCallController(this);
  private readonly resend = new ResendController(this, {
    clock: () => this.clock,
    resendSeconds: () => this.resendSeconds,
    onTransition: (transition) => this.onResendTransition(transition),
  });

  /**
   * When another e-mail may be requested, in client-clock ms since the epoch
   * (`undefined` before the first e-mail). Keep it if you re-create the step,
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

  /**
   * Confirms the address with the token from the link in the e-mail (the
   * host reads it from the URL fragment). Resolves true once confirmed, after
   * `pforte-step-done`; false when the link was rejected (the step then says
   * why and offers a new e-mail).
   */
  async confirm(token: string): Promise<boolean> {
    this.sendStarted = true;
    const adapter = this.requireAdapter();
    this.confirmError = undefined;
    this.sendError = undefined;
    const result = await this.confirming.run((signal) => adapter.confirmEmail({ token }, { signal }));
    const error = this.confirming.error;
    if (error) {
      this.confirmError = error;
      this.resend.startFromError(error);
      this.reportError(error);
      return false;
    }
    if (!result) return false;
    this.confirmed = true;
    this.finish({ emailVerified: true });
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A first e-mail aborted by leaving the page is sent on return.
    if (this.hasUpdated && !this.sent && !this.sendStarted) this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.adapter !== undefined && this.isConnected && !this.sent && !this.sendStarted) void this.send();
  }

  private get pending(): boolean {
    return this.sending.pending || this.confirming.pending;
  }

  override render() {
    if (this.confirmed) {
      return html`
        <h2 tabindex="-1">${msg('E-mail address confirmed', { id: 'emailVerification.confirmed.heading' })}</h2>
        <p role="status">${msg('Thank you. Your e-mail address is confirmed.', { id: 'emailVerification.confirmed' })}</p>
      `;
    }
    return html`
      <h2 tabindex="-1">${msg('Check your inbox', { id: 'emailVerification.heading' })}</h2>
      ${this.renderExplanation()}
      <div class="pf-alert" role="alert">${this.renderError()}</div>
      ${renderActions({
        pending: this.pending,
        primary: this.resendButton(),
        ...(this.canGoBack ? { onBack: this.onBack } : {}),
      })}
      <p class="pf-visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderExplanation() {
    if (!this.sent) {
      if (this.sending.pending) {
        return html`<p aria-busy="true">${msg('Sending the e-mail…', { id: 'emailVerification.sending' })}</p>`;
      }
      return nothing;
    }
    const hours = this.validityHours;
    return html`
      <p>
        ${this.email
          ? msg(str`We sent an e-mail with a confirmation link to ${isolated(this.email)}.`, { id: 'emailVerification.sentTo' })
          : msg('We sent you an e-mail with a confirmation link.', { id: 'emailVerification.sent' })}
        ${msg('Open the link in the e-mail to confirm your address.', { id: 'emailVerification.instruction' })}
        ${hours === undefined
          ? nothing
          : msg(str`For security reasons the link is valid for ${duration(hours, 'hour')} only.`, {
              id: 'emailVerification.validity',
            })}
      </p>
      <p class="pf-muted">
        ${msg('No e-mail? Please also check your spam folder.', { id: 'emailVerification.spam' })}
      </p>
    `;
  }

  private renderError() {
    const confirmError = this.confirmError;
    if (confirmError) {
      switch (confirmError.code) {
        case 'link.expired':
          return confirmError.validityHours === undefined
            ? msg('This confirmation link has expired. Please request a new e-mail.', { id: 'emailVerification.link.expired' })
            : msg(
                str`This confirmation link was valid for ${confirmError.validityHours} hours and has expired. Please request a new e-mail.`,
                { id: 'emailVerification.link.expired.hours' },
              );
        case 'link.used':
          return msg('This confirmation link has already been used. Please use the link from the most recent e-mail.', {
            id: 'emailVerification.link.used',
          });
        case 'link.invalid':
          return msg('This confirmation link is not valid. Please use the link from the most recent e-mail, or request a new one.', {
            id: 'emailVerification.link.invalid',
          });
        default:
          return renderAlert(confirmError);
      }
    }
    return this.sendError ? renderAlert(this.sendError) : nothing;
  }

  private resendButton(): ActionButton {
    const waiting = this.resend.waiting;
    return {
      label: waiting
        ? msg(str`Resend e-mail in ${formatCountdown(this.resend.secondsLeft)}`, { id: 'emailVerification.resend.wait' })
        : this.sent
          ? msg('Resend e-mail', { id: 'emailVerification.resend' })
          : msg('Send e-mail', { id: 'emailVerification.send' }),
      className: 'pf-resend',
      busy: this.sending.pending,
      waiting,
      onClick: this.onResend,
    };
  }

  private onResendTransition(transition: ResendTransition): void {
    // The start of a wait is announced with the message that caused it; here only its end.
    if (transition === 'available' && this.sent) {
      void this.announce(msg('You can now request a new e-mail.', { id: 'emailVerification.resend.available' }));
    }
  }

  /** Sets the polite live region; an identical message is cleared first so it is read again. */
  private async announce(text: string): Promise<void> {
    if (this.announcement === text) {
      this.announcement = '';
      await this.updateComplete;
    }
    this.announcement = text;
  }

  private onResend(): void {
    if (this.pending || this.resend.waiting) return;
    void this.send();
  }

  private async send(): Promise<void> {
    this.sendStarted = true;
    const adapter = this.requireAdapter();
    const resending = this.sent;
    const returnUrl = this.returnUrl || confirmationReturnUrl(this.productId);
    this.sendError = undefined;
    const result = await this.sending.run((signal) =>
      adapter.sendVerificationEmail({ flowId: this.flowId, returnUrl }, { signal }),
    );
    const error = this.sending.error;
    if (error) {
      this.sendError = error;
      this.resend.startFromError(error);
      this.reportError(error);
      return;
    }
    if (!result) {
      // Aborted by leaving the page before anything was sent: try again on return.
      if (!this.sent) this.sendStarted = false;
      return;
    }
    this.confirmError = undefined;
    this.sent = true;
    this.email = result.email;
    this.validityHours = result.validityHours;
    this.resend.startFromSent(result);
    const wait = duration(this.resend.secondsLeft, 'second');
    void this.announce(
      resending
        ? msg(str`A new e-mail was sent. You can request another one in ${wait}.`, { id: 'emailVerification.resent' })
        : msg(str`E-mail sent. You can request another one in ${wait}.`, { id: 'emailVerification.sentStatus' }),
    );
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-email-verification-step': PforteEmailVerificationStep;
  }
}
