import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import { defaultCaptchaProvider } from '../captcha/captcha-provider.js';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import type { PforteCaptcha } from '../captcha/captcha.js';
import { captchaStepStyles } from './captcha-step.styles.js';
import '../define/captcha.js';
import { useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('captcha');
void useMessages('captchaStep');

/**
 * @summary A security check on its own page: the person solves the captcha
 * of the `captchaProvider` (default: the built-in test challenge) and the
 * backend verifies its token (`adapter.verifyCaptcha`). A rejected token
 * brings a fresh challenge.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The backend accepted the captcha; `detail.values` is empty (never the token).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Verification failed; `detail.code` is the stable error code (e.g. `captcha.invalid`).
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-border - Frame of the challenge.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteCaptchaStep extends PforteFormStepElement<'captcha'> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, captchaStepStyles];

  readonly step = 'captcha' as const;

  protected readonly fieldOrder = ['captcha'] as const;

  /** The captcha service; `undefined` uses the built-in test challenge. */
  @property({ attribute: false }) captchaProvider: CaptchaProvider | undefined;

  private get captcha(): PforteCaptcha | null {
    return this.querySelector('pforte-captcha');
  }

  override render() {
    const ids = this.idsOf('captcha');
    return html`
      <h2 tabindex="-1">${msg('Security check', { id: 'captcha.label' })}</h2>
      <p class="pf-muted">
        ${msg('Please confirm that you are a person and not an automated program.', { id: 'captchaStep.intro' })}
      </p>
      ${this.renderForm(html`
        <pforte-captcha
          id=${ids.input}
          .provider=${this.captchaProvider ?? defaultCaptchaProvider()}
          @pforte-captcha-solved=${this.onSolved}
        ></pforte-captcha>
        <p class="pf-error" id=${ids.error} role="alert">${this.fieldErrors.captcha ?? ''}</p>
        ${this.renderFooter()}
      `)}
    `;
  }

  private onSolved(): void {
    this.clearFieldError('captcha');
  }

  protected override fieldOf(error: PforteError): 'captcha' | undefined {
    return error.code === 'captcha.invalid' ? 'captcha' : undefined;
  }

  protected override async onSubmit(): Promise<void> {
    const captcha = this.captcha;
    await this.submitStep({
      check: () =>
        captcha?.token === undefined
          ? { captcha: msg('Please complete the security check first.', { id: 'captcha.unsolved' }) }
          : {},
      call: (adapter, signal) => adapter.verifyCaptcha({ flowId: this.flowId, token: captcha?.token ?? '' }, { signal }),
      failed: async (error) => {
        // Tokens are single use: whatever went wrong, the next try needs a fresh challenge, and focus goes there.
        captcha?.reset();
        if (this.fieldOf(error) === undefined) {
          await this.updateComplete;
          this.focusField('captcha');
        }
      },
      done: () => ({}),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-captcha-step': PforteCaptchaStep;
  }
}
