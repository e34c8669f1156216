import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { PforteElement } from '../internal/pforte-element.js';
import { emit } from '../events.js';
import { getLocale, useMessages } from '../localization/localization.js';
import { defaultCaptchaProvider } from './captcha-provider.js';
import type { CaptchaProvider } from './captcha-provider.js';
import { captchaStyles } from './captcha.styles.js';
import '../localization/step-error-messages.js';

void useMessages('captcha');

/**
 * @summary A captcha challenge from a pluggable `CaptchaProvider`
 * (default: the built-in test challenge). The provider renders into a
 * container in the light DOM; once solved, the element holds the token in
 * `token` and says so with `pforte-captcha-solved`. `reset()` asks for a
 * fresh challenge (tokens are single use). Leaving the page aborts the
 * challenge.
 *
 * @event {CustomEvent<PforteCaptchaSolvedDetail>} pforte-captcha-solved - The challenge was solved. `detail` is empty: read the token from `token`.
 *
 * @cssproperty --pforte-color-border - Frame of the challenge.
 * @cssproperty --pforte-color-success - The tick of a solved test challenge.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PforteCaptcha extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, captchaStyles];

  /** The captcha service (default: the built-in test challenge). Changing it starts a fresh challenge. */
  @property({ attribute: false }) provider: CaptchaProvider = defaultCaptchaProvider();

  @state() private failed = false;
  @state() private currentToken: string | undefined;

  private abortController: AbortController | undefined;

  /** The token of the solved challenge, `undefined` until then. Single use: `reset()` after sending it. */
  get token(): string | undefined {
    return this.currentToken;
  }

  /** True once the challenge is solved. */
  get solved(): boolean {
    return this.currentToken !== undefined;
  }

  /** Drops the token and shows a fresh challenge. */
  reset(): void {
    this.start();
  }

  /** Focuses the challenge's first control (or its result, once solved). */
  override focus(options?: FocusOptions): void {
    const target = this.querySelector<HTMLElement>(
      '.pf-captcha-container :is(input, button, select, textarea, iframe, [tabindex]), .pf-captcha-retry',
    );
    target?.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: the old challenge was aborted when it left.
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortController?.abort();
    this.abortController = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('provider')) this.start();
  }

  override render() {
    return html`
      <div class="pf-captcha" role="group" aria-label=${msg('Security check', { id: 'captcha.label' })}>
        <div class="pf-captcha-container"></div>
        ${this.failed
          ? html`
              <div class="pf-alert" role="alert">
                ${msg('The security check could not be loaded.', { id: 'captcha.failed' })}
              </div>
              <div class="pf-actions">
                <button type="button" class="pf-captcha-retry" @click=${this.onRetry}>
                  ${msg('Try again', { id: 'common.retry' })}
                </button>
              </div>
            `
          : nothing}
      </div>
    `;
  }

  private start(): void {
    this.abortController?.abort();
    this.abortController = undefined;
    this.currentToken = undefined;
    this.failed = false;
    const container = this.querySelector<HTMLElement>('.pf-captcha-container');
    if (!container || !this.isConnected) return;
    // Whatever a provider left behind goes, so a fresh challenge starts clean.
    container.replaceChildren();
    const controller = new AbortController();
    this.abortController = controller;
    this.provider.render(container, { locale: getLocale(), signal: controller.signal }).then(
      (token) => {
        if (controller.signal.aborted) return;
        this.currentToken = token;
        emit(this, 'pforte-captcha-solved', {});
      },
      () => {
        if (!controller.signal.aborted) this.failed = true;
      },
    );
  }

  private async onRetry(): Promise<void> {
    this.start();
    await this.updateComplete;
    this.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-captcha': PforteCaptcha;
  }
}
