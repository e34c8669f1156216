import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { PforteError, systemClock } from '@pforte/core';
import type { Clock } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import { safeUrl } from '../internal/safe-url.js';
import { errorMessage } from '../localization/error-messages.js';
import { termsStepStyles } from './terms-step.styles.js';
import { useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('terms');

/**
 * @summary Terms of use and privacy policy: two links (opening in a new tab)
 * and one required checkbox naming both. Continue without the tick explains
 * it at the checkbox and moves focus there; with it, the acceptance is
 * recorded with the time (`clock`) and the terms' `version`.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The acceptance was recorded; `detail.values` is `{ accepted: true, acceptedAt, version? }`.
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Saving failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Links, buttons, the tick and focus.
 * @cssproperty --pforte-color-border - Frame of the checkbox.
 * @cssproperty --pforte-color-danger - The error at the checkbox.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PforteTermsStep extends PforteFormStepElement<'accepted'> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, termsStepStyles];

  readonly step = 'terms' as const;

  protected readonly fieldOrder = ['accepted'] as const;

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

  override render() {
    const ids = this.idsOf('accepted');
    const error = this.fieldErrors.accepted ?? '';
    return html`
      <h2 tabindex="-1">${msg('Terms of use and privacy', { id: 'terms.heading' })}</h2>
      <p>${msg('Please read the terms of use and the privacy policy before you continue.', { id: 'terms.intro' })}</p>
      <ul class="pf-terms-links">
        <li>${this.renderLink(this.termsUrl, msg('Terms of use', { id: 'terms.termsLink' }))}</li>
        <li>${this.renderLink(this.privacyUrl, msg('Privacy policy', { id: 'terms.privacyLink' }))}</li>
      </ul>
      ${this.renderForm(html`
        <div class="pf-field">
          <label class="pf-check" for=${ids.input}>
            <input
              id=${ids.input}
              type="checkbox"
              name="terms"
              required
              .checked=${live(this.accepted)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ids.error}
              @change=${this.onChange}
            />
            <span>${msg('I accept the terms of use and the privacy policy', { id: 'terms.accept' })}</span>
          </label>
          <p class="pf-error" id=${ids.error}>${error}</p>
        </div>
        ${this.renderFooter()}
      `)}
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
    this.clearFieldError('accepted');
  }

  protected override fieldOf(error: PforteError): 'accepted' | undefined {
    return error.code === 'terms.required' ? 'accepted' : undefined;
  }

  protected override async onSubmit(): Promise<void> {
    const acceptedAt = this.clock.now();
    const version = this.version || undefined;
    const versioned = version === undefined ? {} : { version };
    await this.submitStep({
      check: () => (this.accepted ? {} : { accepted: errorMessage(new PforteError('terms.required')) }),
      call: (adapter, signal) => adapter.acceptTerms({ flowId: this.flowId, acceptedAt, ...versioned }, { signal }),
      done: () => ({ accepted: true, acceptedAt, ...versioned }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-terms-step': PforteTermsStep;
  }
}
