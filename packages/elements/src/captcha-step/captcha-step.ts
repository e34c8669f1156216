import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { defaultCaptchaProvider } from '../captcha/captcha-provider.js';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import type { PforteCaptcha } from '../captcha/captcha.js';
import { captchaStepStyles } from './captcha-step.styles.js';
import '../define/captcha.js';
import '../localization/step-messages.js';

/**
 * @summary A security check on its own page: the person solves the captcha
 * of the `captchaProvider` (default: the built-in test challenge) and the
 * backend verifies its token (`adapter.verifyCaptcha`). A rejected token
 * brings a fresh challenge.
 *
 * @event pforte-step-done - The backend accepted the captcha; `detail.values` is empty (never the token).
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - Verification failed; `detail.code` is the stable error code (e.g. `captcha.invalid`).
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-border - Frame of the challenge.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteCaptchaStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, captchaStepStyles];

  readonly step = 'captcha' as const;

  /** The captcha service; `undefined` uses the built-in test challenge. */
  @property({ attribute: false }) captchaProvider: CaptchaProvider | undefined;

  @state() private captchaError = '';

  private readonly submission = new AdapterCallController(this);
  private readonly ids = { captchaError: uniqueId('pforte-captcha-error') };

  private get captcha(): PforteCaptcha | null {
    return this.querySelector('pforte-captcha');
  }

  override render() {
    const pending = this.submission.pending;
    const error = this.submission.error;
    const generalError = error && error.code !== 'captcha.invalid' ? error : undefined;
    return html`
      <h2 tabindex="-1">${msg('Security check', { id: 'captcha.label' })}</h2>
      <p class="pf-muted">
        ${msg('Please confirm that you are a person and not an automated program.', { id: 'captchaStep.intro' })}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <pforte-captcha
          .provider=${this.captchaProvider ?? defaultCaptchaProvider()}
          @pforte-captcha-solved=${this.onSolved}
        ></pforte-captcha>
        <p class="pf-error" id=${this.ids.captchaError} role="alert">${this.captchaError}</p>
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

  private onSolved(): void {
    this.captchaError = '';
    this.submission.clearError();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    const captcha = this.captcha;
    const token = captcha?.token;
    if (!captcha || token === undefined) {
      this.captchaError = msg('Please complete the security check first.', { id: 'captcha.unsolved' });
      captcha?.focus();
      return;
    }
    const adapter = this.requireAdapter();
    await this.submission.run((signal) => adapter.verifyCaptcha({ flowId: this.flowId, token }, { signal }));
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      // Tokens are single use: whatever went wrong, the next try needs a fresh challenge.
      captcha.reset();
      if (error.code === 'captcha.invalid') this.captchaError = errorMessage(error);
      await this.updateComplete;
      captcha.focus();
      return;
    }
    this.finish({});
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-captcha-step': PforteCaptchaStep;
  }
}
