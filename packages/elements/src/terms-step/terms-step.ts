import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { PforteError, systemClock } from '@pforte/core';
import type { Clock } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { safeUrl } from '../internal/safe-url.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { termsStepStyles } from './terms-step.styles.js';
import '../localization/step-messages.js';

/**
 * @summary Terms of use and privacy policy: two links (opening in a new tab)
 * and one required checkbox naming both. Continue without the tick explains
 * it at the checkbox and moves focus there; with it, the acceptance is
 * recorded with the time (`clock`) and the terms' `version`.
 *
 * @event pforte-step-done - The acceptance was recorded; `detail.values` is `{ accepted: true, acceptedAt, version? }`.
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - Saving failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Links, buttons, the tick and focus.
 * @cssproperty --pforte-color-border - Frame of the checkbox.
 * @cssproperty --pforte-color-danger - The error at the checkbox.
 */
export class PforteTermsStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, termsStepStyles];

  readonly step = 'terms' as const;

  /** Address of the terms of use (http or https). */
  @property({ attribute: 'terms-url' }) termsUrl = '';

  /** Address of the privacy policy (http or https). */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /** Version of the terms the person accepts, sent to the backend with the acceptance. */
  @property() version: string | undefined;

  /** Source of the acceptance time; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** Whether the box is ticked: unticked unless set, and kept when the person comes back. */
  @property({ type: Boolean }) accepted = false;

  @state() private checkboxError = '';

  private readonly submission = new AdapterCallController(this);
  private readonly ids = {
    checkbox: uniqueId('pforte-terms-accept'),
    error: uniqueId('pforte-terms-error'),
  };

  override render() {
    const pending = this.submission.pending;
    const error = this.submission.error;
    const generalError = error && error.code !== 'terms.required' ? error : undefined;
    return html`
      <h2 tabindex="-1">${msg('Terms of use and privacy', { id: 'terms.heading' })}</h2>
      <p>${msg('Please read the terms of use and the privacy policy before you continue.', { id: 'terms.intro' })}</p>
      <ul class="pf-terms-links">
        <li>${this.renderLink(this.termsUrl, msg('Terms of use', { id: 'terms.termsLink' }))}</li>
        <li>${this.renderLink(this.privacyUrl, msg('Privacy policy', { id: 'terms.privacyLink' }))}</li>
      </ul>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <div class="pf-field">
          <label class="pf-check" for=${this.ids.checkbox}>
            <input
              id=${this.ids.checkbox}
              type="checkbox"
              name="terms"
              required
              .checked=${live(this.accepted)}
              aria-invalid=${this.checkboxError ? 'true' : 'false'}
              aria-describedby=${this.ids.error}
              @change=${this.onChange}
            />
            <span>${msg('I accept the terms of use and the privacy policy', { id: 'terms.accept' })}</span>
          </label>
          <p class="pf-error" id=${this.ids.error}>${this.checkboxError}</p>
        </div>
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

  private renderLink(url: string, text: string) {
    const href = safeUrl(url);
    if (!href) return text;
    return html`<a href=${href} target="_blank" rel="noopener"
      >${text}<span class="pf-visually-hidden"> ${msg('(opens in a new tab)', { id: 'common.newTab' })}</span></a
    >`;
  }

  private onChange(event: Event): void {
    this.accepted = (event.target as HTMLInputElement).checked;
    if (this.accepted) this.checkboxError = '';
    this.submission.clearError();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    if (!this.accepted) {
      await this.showCheckboxError(errorMessage(new PforteError('terms.required')));
      return;
    }
    const adapter = this.requireAdapter();
    const acceptedAt = this.clock.now();
    const version = this.version || undefined;
    await this.submission.run((signal) =>
      adapter.acceptTerms({ flowId: this.flowId, acceptedAt, ...(version === undefined ? {} : { version }) }, { signal }),
    );
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      if (error.code === 'terms.required') await this.showCheckboxError(errorMessage(error));
      return;
    }
    this.finish({ accepted: true, acceptedAt, ...(version === undefined ? {} : { version }) });
  }

  private async showCheckboxError(message: string): Promise<void> {
    this.checkboxError = message;
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#${this.ids.checkbox}`)?.focus();
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-terms-step': PforteTermsStep;
  }
}
