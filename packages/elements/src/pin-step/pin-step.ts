import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { intlLocale, isTrivialPin, PforteError, systemClock } from '@pforte/core';
import type { Clock, PforteAdapter } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import type { FieldErrors } from '../internal/form-step-element.js';
import { renderActions, renderVisibilityToggle } from '../internal/form-controls.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { getLocale, useMessages } from '../localization/localization.js';
import { buildPrintDocument, groupPin, pinPdfContent } from './pin-sheet.js';
import type { PinSheet } from './pin-sheet.js';
import { pinStepStyles } from './pin-step.styles.js';
import '../localization/step-error-messages.js';

void useMessages('pin');

type PinField = 'pin' | 'repeat';

/**
 * Flows (per backend) whose generated PIN this page has shown. A PIN is shown
 * once: when the person comes back to the step (Back and Continue re-create
 * it), a new PIN is issued only on request, because it makes the first one,
 * perhaps already printed, worthless. Holds flow ids only, never a PIN.
 */
const shownFlows = new WeakMap<PforteAdapter, Set<string>>();

/**
 * @summary The service PIN, with which the person proves who they are to
 * support. `generated`: the backend issues a PIN, shown once, large and
 * grouped, to copy, print or save as PDF. `chosen`: the person types a PIN
 * twice; trivial PINs (000000, 123456…) are refused. Either way "Continue"
 * waits for the confirmation that the PIN is stored safely. The PIN is never
 * put into an event, storage, a log or the URL, and it is dropped from memory
 * when the step is left or removed. The PDF is written in the standard PDF
 * fonts; for text they cannot show (Arabic, Cyrillic, Turkish, Polish) "Save
 * as PDF" opens the print dialog instead, whose "Save as PDF" printer keeps
 * the same sheet with the system's fonts, right to left where the language is.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The PIN is set and its safe storage confirmed; `detail.values` is empty (never the PIN).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-surface-raised - Background of the PIN box.
 * @cssproperty --pforte-color-surface - Background of the PIN box's buttons.
 * @cssproperty --pforte-color-border - Border of the PIN box and fields.
 * @cssproperty --pforte-color-success - The "Copied" confirmation.
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-space - Base spacing.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PfortePinStep extends PforteFormStepElement<PinField> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, pinStepStyles];

  readonly step = 'pin' as const;

  protected readonly fieldOrder = ['pin', 'repeat'] as const;

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
  /** The confirmation box was not ticked on "Continue". */
  @state() private storedError = '';
  /** A PIN was re-issued on request: the previous one no longer works. */
  @state() private reissued = false;

  private issueStarted = false;
  /** Set once the step is done: the PIN is gone and must not be issued again. */
  private finished = false;
  private printFrame: HTMLIFrameElement | undefined;
  private readonly issuing = new AdapterCallController(this);
  private readonly ids = {
    copy: uniqueId('pforte-pin-copy'),
    copyHint: uniqueId('pforte-pin-copy-hint'),
    storedError: uniqueId('pforte-pin-stored-error'),
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
    const shownBefore = this.shownBefore;
    if (canIssue && !shownBefore && !this.issueStarted && !this.finished && this.pin === undefined) void this.issue();
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
      ${this.renderForm(html`
        ${generated ? nothing : this.renderChosenFields()}
        ${(generated && this.pin === undefined && !this.awaitingReissue) || this.finished ? nothing : this.renderConfirmation()}
      `)}
    `;
  }

  private renderGenerated() {
    const pin = this.pin;
    if (this.finished) {
      return html`<p role="status">${msg('Your service PIN is set up.', { id: 'pin.finished' })}</p>`;
    }
    if (this.awaitingReissue) {
      return html`
        <div class="pf-notice" role="note">
          <p>
            ${msg('Your service PIN was already shown and cannot be shown again.', { id: 'pin.shownBefore' })}
            ${msg(
              'If you stored it, continue. If not, create a new PIN: the previous one then stops working, also on a printout or PDF.',
              { id: 'pin.shownBefore.hint' },
            )}
          </p>
          ${renderActions({
            pending: this.pending,
            secondary: [{ label: msg('Create a new PIN', { id: 'pin.reissue' }), onClick: this.onReissue }],
          })}
        </div>
      `;
    }
    if (pin === undefined) {
      const error = this.issuing.error;
      if (error) {
        return html`
          <div class="pf-alert" role="alert">${renderAlert(error)}</div>
          ${renderActions({ pending: false, primary: { label: msg('Try again', { id: 'common.retry' }), onClick: this.retryIssue } })}
        `;
      }
      return html`<p role="status" aria-busy="true">${msg('Creating your service PIN…', { id: 'pin.loading' })}</p>`;
    }
    return html`
      <div class="pf-pin-box">
        <p>${msg('Your service PIN', { id: 'pin.heading' })}</p>
        <p class="pf-pin">
          <span aria-hidden="true" dir="ltr">
            ${groupPin(pin).map((group) => html`<span class="pf-pin-group">${group}</span>`)}
          </span>
          <span class="pf-visually-hidden">${[...pin].join(' ')}</span>
        </p>
        <div class="pf-pin-tools">
          <button type="button" @click=${this.onCopy}>${msg('Copy', { id: 'pin.copy' })}</button>
          <button type="button" @click=${this.onPrint}>${msg('Print', { id: 'pin.print' })}</button>
          <button type="button" @click=${this.onSavePdf}>${msg('Save as PDF', { id: 'pin.pdf' })}</button>
        </div>
      </div>
      ${this.copyFallback
        ? html`<div class="pf-field">
            <label for=${this.ids.copy}>${msg('Service PIN to copy', { id: 'pin.copy.field' })}</label>
            <input
              id=${this.ids.copy}
              type="text"
              readonly
              dir="ltr"
              autocomplete="off"
              .value=${pin}
              aria-describedby=${this.ids.copyHint}
            />
            <p class="pf-muted" id=${this.ids.copyHint}>
              ${msg('The PIN is selected. Press Ctrl+C (on a Mac: Cmd+C) to copy it.', { id: 'pin.copy.manual' })}
            </p>
          </div>`
        : nothing}
      ${this.reissued
        ? html`<p class="pf-notice" role="status">
            ${msg('This is your new service PIN. The previous one no longer works.', { id: 'pin.reissued' })}
          </p>`
        : nothing}
      <p class="pf-status" role="status">${this.status}</p>
    `;
  }

  private renderChosenFields() {
    const pin = {
      type: this.pinVisible ? 'text' : 'password',
      inputmode: 'numeric',
      autocomplete: 'off',
      dir: 'ltr',
      maxlength: this.length,
      pattern: `[0-9]{${this.length}}`,
    } as const;
    return html`
      ${this.renderTextField('pin', {
        ...pin,
        label: msg(str`Service PIN (${this.length} digits)`, { id: 'pin.chosen.label' }),
        name: 'pin',
        value: this.chosenPin,
        onValue: (value) => (this.chosenPin = value),
        inside: renderVisibilityToggle({
          label: msg('Show PIN', { id: 'pin.show' }),
          controls: `${this.idsOf('pin').input} ${this.idsOf('repeat').input}`,
          visible: this.pinVisible,
          onToggle: () => this.toggleVisibility(),
        }),
      })}
      ${this.renderTextField('repeat', {
        ...pin,
        label: msg('Repeat service PIN', { id: 'pin.repeat.label' }),
        name: 'pin-repeat',
        value: this.repeatPin,
        onValue: (value) => (this.repeatPin = value),
      })}
    `;
  }

  private renderConfirmation() {
    return html`
      <div class="pf-field">
        <label class="pf-check">
          <input
            type="checkbox"
            name="pin-stored"
            .checked=${live(this.stored)}
            aria-invalid=${this.storedError ? 'true' : 'false'}
            aria-describedby=${this.ids.storedError}
            @change=${this.onStoredChange}
          />
          <span>${msg('I have stored my service PIN safely.', { id: 'pin.stored' })}</span>
        </label>
        <p class="pf-error" id=${this.ids.storedError}>${this.storedError}</p>
      </div>
      ${this.renderFooter()}
    `;
  }

  /** The PIN was shown on an earlier visit and none is issued now: offer a new one explicitly. */
  private get awaitingReissue(): boolean {
    return this.mode === 'generated' && this.shownBefore && this.pin === undefined && !this.issuing.pending && !this.finished;
  }

  /** Whether this page showed a PIN of this flow before. */
  private get shownBefore(): boolean {
    return this.adapter !== undefined && (shownFlows.get(this.adapter)?.has(this.flowId) ?? false);
  }

  private onReissue(): void {
    this.stored = false;
    this.storedError = '';
    void this.issue().then(() => {
      if (this.pin !== undefined) this.reissued = true;
    });
  }

  private async issue(): Promise<void> {
    this.issueStarted = true;
    const adapter = this.requireAdapter();
    const result = await this.issuing.run((signal) =>
      adapter.issuePin({ flowId: this.flowId, length: this.length }, { signal }),
    );
    if (result) shownFlows.set(adapter, (shownFlows.get(adapter) ?? new Set<string>()).add(this.flowId));
    if (result && this.isConnected) this.pin = result.pin;
    else if (this.issuing.error) this.reportError(this.issuing.error);
  }

  private retryIssue(): void {
    void this.issue();
  }

  /** The texts of the printout and the PDF. */
  private sheet(pin: string): PinSheet {
    const locale = getLocale();
    const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long' }).format(this.clock.now());
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
    const { canWrite, createPdf } = await import('@pforte/core/pdf');
    const content = pinPdfContent(this.sheet(pin));
    if (!content.lines.every((line) => canWrite(line.text))) {
      // The writer's standard fonts cannot show this language (Arabic, Cyrillic, Turkish, Polish): the browser's
      // print dialog saves the same sheet as a PDF with the system's fonts, right to left where the language is.
      this.onPrint();
      this.status = msg('The print dialog has opened: choose "Save as PDF" as the printer.', { id: 'pin.pdf.viaPrint' });
      return;
    }
    const bytes = createPdf(content);
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

  private toggleVisibility(): void {
    this.pinVisible = !this.pinVisible;
  }

  private onStoredChange(event: Event): void {
    this.stored = (event.target as HTMLInputElement).checked;
    if (this.stored) this.storedError = '';
  }

  /** PIN errors of the backend belong to the typed PIN. */
  protected override fieldOf(error: PforteError): PinField | undefined {
    const aboutPin = error.field === 'pin' || error.code === 'pin.invalid' || error.code === 'pin.trivial';
    return this.mode === 'chosen' && aboutPin ? 'pin' : undefined;
  }

  private localErrors(): FieldErrors<PinField> {
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

  protected override async onSubmit(): Promise<void> {
    const chosen = this.mode === 'chosen';
    if (!this.stored) {
      // "Continue" stays usable and says why it cannot go on yet.
      this.storedError = msg('Please confirm that you have stored your service PIN safely.', { id: 'pin.stored.missing' });
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('input[name="pin-stored"]')?.focus();
      return;
    }
    if (!chosen && this.pin === undefined && !this.shownBefore) return;
    const pin = this.chosenPin;
    await this.submitStep({
      check: () => (chosen ? this.localErrors() : {}),
      call: async (adapter, signal) => {
        if (chosen) await adapter.setPin({ flowId: this.flowId, pin }, { signal });
        await adapter.confirmPinSaved({ flowId: this.flowId }, { signal });
      },
      done: () => {
        this.finished = true;
        this.forgetPin();
        return {};
      },
    });
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
