import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { isTrivialPin, PforteError, systemClock } from '@pforte/core';
import type { Clock } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage } from '../localization/error-messages.js';
import { getLocale } from '../localization/localization.js';
import { buildPrintDocument, groupPin, pinPdfContent } from './pin-sheet.js';
import type { PinSheet } from './pin-sheet.js';
import { pinStepStyles } from './pin-step.styles.js';
import '../localization/step-messages.js';

type PinField = 'pin' | 'repeat';

/**
 * @summary The service PIN, with which the person proves who they are to
 * support. `generated`: the backend issues a PIN, shown once, large and
 * grouped, to copy, print or save as PDF. `chosen`: the person types a PIN
 * twice; trivial PINs (000000, 123456…) are refused. Either way "Continue"
 * waits for the confirmation that the PIN is stored safely. The PIN is never
 * put into an event, storage, a log or the URL, and it is dropped from memory
 * when the step is left or removed.
 *
 * @event pforte-step-done - The PIN is set and its safe storage confirmed; `detail.values` is empty (never the PIN).
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-surface-raised - Background of the PIN box.
 * @cssproperty --pforte-color-border - Border of the PIN box and fields.
 * @cssproperty --pforte-color-success - The "Copied" confirmation.
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PfortePinStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, pinStepStyles];

  readonly step = 'pin' as const;

  /** `generated`: the backend issues the PIN; `chosen`: the person types one. */
  @property() mode: 'generated' | 'chosen' = 'generated';

  /** Digits of the PIN. */
  @property({ type: Number }) length = 6;

  /** The product's name, printed above the PIN on paper and in the PDF. */
  @property() product = '';

  /** Source of the date on the printout and the PDF. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private pin: string | undefined;
  @state() private chosenPin = '';
  @state() private repeatPin = '';
  @state() private pinVisible = false;
  @state() private stored = false;
  @state() private status = '';
  @state() private copyFallback = false;
  @state() private fieldErrors: Partial<Record<PinField, string>> = {};

  private issueStarted = false;
  /** Set once the step is done: the PIN is gone and must not be issued again. */
  private finished = false;
  private submitting = false;
  private printFrame: HTMLIFrameElement | undefined;
  private readonly issuing = new AdapterCallController(this);
  private readonly submission = new AdapterCallController(this);
  private readonly ids = {
    pin: uniqueId('pforte-pin'),
    repeat: uniqueId('pforte-pin-repeat'),
    pinError: uniqueId('pforte-pin-error'),
    repeatError: uniqueId('pforte-pin-repeat-error'),
    copy: uniqueId('pforte-pin-copy'),
    copyHint: uniqueId('pforte-pin-copy-hint'),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forgetPin();
    if (!this.finished) {
      this.stored = false;
      this.issueStarted = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode')) this.fieldErrors = {};
    const canIssue = this.mode === 'generated' && this.adapter !== undefined && this.isConnected;
    if (canIssue && !this.issueStarted && !this.finished && this.pin === undefined) void this.issue();
  }

  override render() {
    const generated = this.mode === 'generated';
    return html`
      <h2 tabindex="-1">
        ${generated
          ? msg('Your service PIN', { id: 'pin.heading' })
          : msg('Choose your service PIN', { id: 'pin.heading.chosen' })}
      </h2>
      <p class="pf-muted">
        ${msg(
          'With the service PIN you prove who you are when you contact our support, for example to change personal data.',
          { id: 'pin.intro' },
        )}
        ${generated
          ? msg('It is shown only this once: copy it, print it or save it as a PDF, and keep it safe.', {
              id: 'pin.intro.generated',
            })
          : msg('Keep it safe and do not share it with anyone.', { id: 'pin.intro.chosen' })}
      </p>
      ${generated ? this.renderGenerated() : nothing}
      <form method="post" action="" novalidate aria-busy=${this.submission.pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        ${generated ? nothing : this.renderChosenFields()}
        ${(generated && this.pin === undefined) || this.finished ? nothing : this.renderConfirmation()}
      </form>
    `;
  }

  private renderGenerated() {
    const pin = this.pin;
    if (this.finished) {
      return html`<p role="status">${msg('Your service PIN is set up.', { id: 'pin.finished' })}</p>`;
    }
    if (pin === undefined) {
      const error = this.issuing.error;
      if (error) {
        return html`
          <div class="pf-alert" role="alert">${errorMessage(error)}</div>
          <p class="pf-actions">
            <button type="button" class="pf-primary" @click=${this.retryIssue}>
              ${msg('Try again', { id: 'common.retry' })}
            </button>
          </p>
        `;
      }
      return html`<p role="status" aria-busy="true">${msg('Creating your service PIN…', { id: 'pin.loading' })}</p>`;
    }
    return html`
      <div class="pf-pin-box">
        <p>${msg('Your service PIN', { id: 'pin.heading' })}</p>
        <p class="pf-pin">
          <span aria-hidden="true">
            ${groupPin(pin).map((group) => html`<span class="pf-pin-group">${group}</span>`)}
          </span>
          <span class="pf-visually-hidden">${[...pin].join(' ')}</span>
        </p>
      </div>
      ${this.copyFallback
        ? html`<div class="pf-field">
            <label for=${this.ids.copy}>${msg('Service PIN to copy', { id: 'pin.copy.field' })}</label>
            <input
              id=${this.ids.copy}
              type="text"
              readonly
              autocomplete="off"
              .value=${pin}
              aria-describedby=${this.ids.copyHint}
            />
            <p class="pf-muted" id=${this.ids.copyHint}>
              ${msg('The PIN is selected. Press Ctrl+C (on a Mac: Cmd+C) to copy it.', { id: 'pin.copy.manual' })}
            </p>
          </div>`
        : nothing}
      <div class="pf-actions pf-pin-tools">
        <button type="button" @click=${this.onCopy}>${msg('Copy', { id: 'pin.copy' })}</button>
        <button type="button" @click=${this.onPrint}>${msg('Print', { id: 'pin.print' })}</button>
        <button type="button" @click=${this.onSavePdf}>${msg('Save as PDF', { id: 'pin.pdf' })}</button>
      </div>
      <p class="pf-status" role="status">${this.status}</p>
    `;
  }

  private renderChosenFields() {
    const type = this.pinVisible ? 'text' : 'password';
    return html`
      <div class="pf-field">
        <label for=${this.ids.pin}>${msg(str`Service PIN (${this.length} digits)`, { id: 'pin.chosen.label' })}</label>
        <div class="pf-input-row">
          <input
            id=${this.ids.pin}
            name="pin"
            type=${type}
            inputmode="numeric"
            autocomplete="off"
            maxlength=${this.length}
            pattern=${`[0-9]{${this.length}}`}
            .value=${live(this.chosenPin)}
            aria-invalid=${this.fieldErrors.pin ? 'true' : 'false'}
            aria-describedby=${this.ids.pinError}
            @input=${this.onPinInput}
          />
          <button
            type="button"
            class="pf-toggle"
            aria-controls="${this.ids.pin} ${this.ids.repeat}"
            aria-pressed=${this.pinVisible ? 'true' : 'false'}
            @click=${this.toggleVisibility}
          >
            ${msg('Show PIN', { id: 'pin.show' })}
          </button>
        </div>
        <p class="pf-error" id=${this.ids.pinError}>${this.fieldErrors.pin ?? ''}</p>
      </div>
      <div class="pf-field">
        <label for=${this.ids.repeat}>${msg('Repeat service PIN', { id: 'pin.repeat.label' })}</label>
        <input
          id=${this.ids.repeat}
          name="pin-repeat"
          type=${type}
          inputmode="numeric"
          autocomplete="off"
          maxlength=${this.length}
          pattern=${`[0-9]{${this.length}}`}
          .value=${live(this.repeatPin)}
          aria-invalid=${this.fieldErrors.repeat ? 'true' : 'false'}
          aria-describedby=${this.ids.repeatError}
          @input=${this.onRepeatInput}
        />
        <p class="pf-error" id=${this.ids.repeatError}>${this.fieldErrors.repeat ?? ''}</p>
      </div>
    `;
  }

  private renderConfirmation() {
    const pending = this.submission.pending;
    const error = this.submission.error && !this.isPinFieldError(this.submission.error) ? this.submission.error : undefined;
    return html`
      <label class="pf-check">
        <input type="checkbox" name="pin-stored" .checked=${live(this.stored)} @change=${this.onStoredChange} />
        <span>${msg('I have stored my service PIN safely.', { id: 'pin.stored' })}</span>
      </label>
      <div class="pf-alert" role="alert">${error ? errorMessage(error) : nothing}</div>
      <div class="pf-actions">
        <button type="submit" class="pf-primary" ?disabled=${!this.stored || pending}>
          ${pending ? msg('Please wait…', { id: 'common.pending' }) : msg('Continue', { id: 'common.continue' })}
        </button>
        ${this.canGoBack
          ? html`<button type="button" ?disabled=${pending} @click=${this.onBack}>${msg('Back', { id: 'common.back' })}</button>`
          : nothing}
      </div>
    `;
  }

  private async issue(): Promise<void> {
    this.issueStarted = true;
    const adapter = this.requireAdapter();
    const result = await this.issuing.run((signal) =>
      adapter.issuePin({ flowId: this.flowId, length: this.length }, { signal }),
    );
    if (result && this.isConnected) this.pin = result.pin;
    else if (this.issuing.error) this.reportError(this.issuing.error);
  }

  private retryIssue(): void {
    void this.issue();
  }

  /** The texts of the printout and the PDF. */
  private sheet(pin: string): PinSheet {
    const locale = getLocale();
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(this.clock.now());
    const product = this.product || msg('Your account', { id: 'pin.sheet.account' });
    return {
      lang: locale,
      title: msg(str`Service PIN – ${product}`, { id: 'pin.sheet.title' }),
      product,
      pinLabel: msg('Your service PIN', { id: 'pin.heading' }),
      pin,
      date: msg(str`Created on ${date}`, { id: 'pin.sheet.date' }),
      instruction: msg(
        'Keep this service PIN in a safe place and do not share it. You need it when you contact our support, for example to change personal data.',
        { id: 'pin.sheet.instruction' },
      ),
    };
  }

  private async onCopy(): Promise<void> {
    const pin = this.pin;
    if (pin === undefined) return;
    this.status = '';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(pin);
      this.copyFallback = false;
      this.status = msg('Copied', { id: 'pin.copied' });
    } catch {
      // No Clipboard API, or no permission: let the person copy it themselves.
      this.copyFallback = true;
      await this.updateComplete;
      const field = this.querySelector<HTMLInputElement>(`#${this.ids.copy}`);
      field?.focus();
      field?.select();
    }
  }

  private onPrint(): void {
    const pin = this.pin;
    if (pin === undefined) return;
    this.removePrintFrame();
    const frame = document.createElement('iframe');
    frame.className = 'pf-print-frame';
    frame.title = msg('Print layout of the service PIN', { id: 'pin.print.frame' });
    frame.tabIndex = -1;
    this.append(frame);
    this.printFrame = frame;
    const view = frame.contentWindow;
    if (!frame.contentDocument || !view) return;
    buildPrintDocument(frame.contentDocument, this.sheet(pin));
    // The PIN leaves the page as soon as the print dialog is done.
    view.addEventListener('afterprint', () => this.removePrintFrame(), { once: true });
    this.printWindow(view);
    this.status = msg('The print dialog has opened.', { id: 'pin.printed' });
  }

  /** Opens the print dialog of the prepared frame; a seam for tests. */
  protected printWindow(view: Window): void {
    view.focus();
    view.print();
  }

  private removePrintFrame(): void {
    this.printFrame?.remove();
    this.printFrame = undefined;
  }

  private async onSavePdf(): Promise<void> {
    const pin = this.pin;
    if (pin === undefined) return;
    // Loaded only now, so the PDF writer is not part of the first download.
    const { createPdf } = await import('@pforte/core/pdf');
    const bytes = createPdf(pinPdfContent(this.sheet(pin)));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = msg('service-pin.pdf', { id: 'pin.pdf.filename' });
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download, then drop the file.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.status = msg('The PDF was saved.', { id: 'pin.pdf.saved' });
  }

  private onPinInput(event: InputEvent): void {
    this.chosenPin = (event.target as HTMLInputElement).value;
    this.clearFieldError('pin');
  }

  private onRepeatInput(event: InputEvent): void {
    this.repeatPin = (event.target as HTMLInputElement).value;
    this.clearFieldError('repeat');
  }

  private clearFieldError(field: PinField): void {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    if (field === 'pin' && this.submission.error && this.isPinFieldError(this.submission.error)) {
      this.submission.clearError();
    }
  }

  private toggleVisibility(): void {
    this.pinVisible = !this.pinVisible;
  }

  private onStoredChange(event: Event): void {
    this.stored = (event.target as HTMLInputElement).checked;
  }

  private isPinFieldError(error: PforteError): boolean {
    return error.field === 'pin' || error.code === 'pin.invalid' || error.code === 'pin.trivial';
  }

  private localErrors(): Partial<Record<PinField, string>> {
    const pin = this.chosenPin;
    if (!new RegExp(`^\\d{${this.length}}$`).test(pin)) {
      return {
        pin: msg(str`Please enter exactly ${this.length} digits.`, { id: 'pin.chosen.format' }),
      };
    }
    if (isTrivialPin(pin)) return { pin: errorMessage(new PforteError('pin.trivial')) };
    if (this.repeatPin !== pin) {
      return { repeat: msg('The two PINs do not match.', { id: 'pin.chosen.mismatch' }) };
    }
    return {};
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting || this.submission.pending || !this.stored) return;
    const adapter = this.requireAdapter();
    this.submitting = true;
    try {
      if (this.mode === 'chosen') {
        const errors = this.localErrors();
        this.fieldErrors = errors;
        if (errors.pin || errors.repeat) {
          await this.updateComplete;
          this.focusField(errors.pin ? 'pin' : 'repeat');
          return;
        }
        const pin = this.chosenPin;
        await this.submission.run((signal) => adapter.setPin({ flowId: this.flowId, pin }, { signal }));
        if (this.failed()) return;
      } else if (this.pin === undefined) {
        return;
      }
      await this.submission.run((signal) => adapter.confirmPinSaved({ flowId: this.flowId }, { signal }));
      if (this.failed()) return;
      this.finished = true;
      this.forgetPin();
      this.finish();
    } finally {
      this.submitting = false;
    }
  }

  /** Reports the failure of the last call; PIN errors go to the PIN field. */
  private failed(): boolean {
    const error = this.submission.error;
    if (!error) return false;
    this.reportError(error);
    if (this.mode === 'chosen' && this.isPinFieldError(error)) {
      this.fieldErrors = { pin: errorMessage(error) };
      void this.updateComplete.then(() => this.focusField('pin'));
    }
    return true;
  }

  private focusField(field: PinField): void {
    this.querySelector<HTMLInputElement>(`#${this.ids[field]}`)?.focus();
  }


  /** Drops every copy of the PIN this element holds. */
  private forgetPin(): void {
    this.pin = undefined;
    this.chosenPin = '';
    this.repeatPin = '';
    this.copyFallback = false;
    this.status = '';
    this.removePrintFrame();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-pin-step': PfortePinStep;
  }
}
