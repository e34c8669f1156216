import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { AccountSettings, PforteAdapter } from '@pforte/core';
import { PforteAccountSectionElement, stepAdapter } from '../internal/account-section-element.js';
import { renderActions } from '../internal/form-controls.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { renderAlert } from '../localization/error-messages.js';
import { useMessages } from '../localization/localization.js';
import { accountPinStyles } from './account-pin.styles.js';
import '../define/pin-step.js';

void useMessages('accountPin');

type View = 'overview' | 'pin' | 'done';

/**
 * @summary A new service PIN, for a person who lost theirs: after the current
 * password (when the sign-in is not recent), the backend issues a new PIN and
 * the old one stops working at once. The new PIN is shown once in the
 * registration's PIN step: large and grouped, to copy, print or save as PDF,
 * and the section is done only when the person confirms that it is stored
 * safely. The PIN never goes into an event, storage, a log or the URL, and
 * it is dropped from memory once confirmed or when the section is removed.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - A new PIN was issued and its safe storage confirmed; `detail.values` is empty (never the PIN).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code, `detail.section` is `'servicePin'`.
 *
 * @csspart status - The line that confirms the new PIN.
 *
 * @cssproperty --pforte-color-surface-raised - Background of the PIN box.
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-success - The confirmation.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteAccountPin extends PforteAccountSectionElement {
  static override pforteStyles = [...PforteAccountSectionElement.pforteStyles, accountPinStyles];

  readonly section = 'servicePin' as const;

  /** The product's name, printed above the PIN on paper and in the PDF. */
  @property() product = '';

  @state() private view: View = 'overview';

  /** The adapter of the PIN step showing the new PIN; a new one per PIN, so the step shows each PIN once. */
  @state() private pinStep: PforteAdapter | undefined;

  private readonly renewing = new AdapterCallController(this);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The PIN step drops its PIN when it is removed; without its adapter nothing here holds it either.
    this.pinStep = undefined;
    if (this.view === 'pin') this.view = 'overview';
  }

  protected heading(): string {
    return msg('Service PIN', { id: 'accountPin.heading' });
  }

  protected renderSection(settings: AccountSettings) {
    if (this.view === 'pin' && this.pinStep && settings.pinLength !== undefined) {
      return html`<pforte-pin-step
        .adapter=${this.pinStep}
        .clock=${this.clock}
        flow-id="account"
        mode="generated"
        length=${settings.pinLength}
        product=${this.product}
        @pforte-step-done=${this.onStored}
        @pforte-error=${this.onStepError}
      ></pforte-pin-step>`;
    }
    const error = this.renewing.error;
    return html`
      ${this.renderHeading()}
      ${settings.pinLength === undefined
        ? html`<p>${msg('This service does not give out service PINs.', { id: 'accountPin.unavailable' })}</p>`
        : html`
            <p class="pf-muted">
              ${msg(
                'With the service PIN you prove who you are when you contact our support. If you have lost it, create a new one: the previous one then stops working at once, also on a printout or PDF.',
                { id: 'accountPin.intro' },
              )}
            </p>
            <div class="pf-alert" role="alert">${error ? renderAlert(error) : nothing}</div>
            ${renderActions({
              pending: this.renewing.pending,
              primary: {
                label: msg('Create a new service PIN', { id: 'accountPin.create' }),
                busy: this.renewing.pending,
                onClick: () => void this.withReauth(() => this.renew()),
              },
            })}
          `}
      <p class="pf-status" part="status" role="status">
        ${this.view === 'done'
          ? msg('Your new service PIN is set up. The previous one no longer works.', { id: 'accountPin.done' })
          : nothing}
      </p>
    `;
  }

  private async renew(): Promise<void> {
    const guard = this.reauthGuard(() => this.renew());
    const result = await this.renewing.run((signal) => guard(() => this.account.renewServicePin({}, { signal })));
    const error = this.renewing.error;
    if (error) {
      this.reportError(error);
      // Asked for the password instead: the change runs again after it.
      if (error.code === 'reauth.required') this.renewing.clearError();
      return;
    }
    if (!result) return;
    let issued: string | undefined = result.pin;
    this.pinStep = stepAdapter({
      // The PIN already issued, once; a new one when the person asks the step for another.
      issuePin: async (_input, options) => {
        const pin = issued;
        issued = undefined;
        return pin === undefined ? this.account.renewServicePin({}, options) : { pin };
      },
      confirmPinSaved: () => Promise.resolve(),
    });
    this.view = 'pin';
    await this.updateComplete;
    const step = this.querySelector('pforte-pin-step');
    await step?.updateComplete;
    step?.focusHeading();
  }

  private async onStored(event: Event): Promise<void> {
    event.stopPropagation();
    this.pinStep = undefined;
    this.view = 'done';
    this.changed({});
    await this.updateComplete;
    this.querySelector<HTMLElement>('h2')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-account-pin': PforteAccountPin;
  }
}
