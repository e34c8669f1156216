import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { WebOtpController } from '../controllers/web-otp-controller.js';
import { emit } from '../events.js';
import { codeInputStyles } from './code-input.styles.js';
import { useMessages } from '../localization/localization.js';

void useMessages('code');

/**
 * @summary Entry of a one-time code (e.g. from an SMS): one real, labelled
 * input (`autocomplete="one-time-code"`, `inputmode="numeric"`) drawn as a
 * row of boxes. Accepts typing and pasting the whole code, also with spaces
 * or dashes (everything but digits is dropped), and fills itself through
 * WebOTP where the browser supports it. Read the code from `value`.
 *
 * @event {CustomEvent<PforteCodeCompleteDetail>} pforte-code-complete - The input holds `length` digits. `detail` is empty: the code is never put into an event; read `value`.
 *
 * @cssproperty --pforte-color-surface - Background; the digit boxes are a tint of the border colour on it.
 * @cssproperty --pforte-color-border - Border of the input.
 * @cssproperty --pforte-color-danger - Border when `invalid`.
 */
export class PforteCodeInput extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, codeInputStyles];

  /** Number of digits of the code. */
  @property({ type: Number }) length = 6;

  /** Visible label of the input. */
  @property() label = '';

  /** The digits entered so far. A property only: never reflected to an attribute. */
  @property({ attribute: false }) value = '';

  /** The input's form field name. */
  @property() name = 'code';

  /** Ids of elements describing the input (e.g. an error message), added to its `aria-describedby`. */
  @property({ attribute: 'described-by' }) describedBy = '';

  /** Marks the input invalid (`aria-invalid`), e.g. after a wrong code. */
  @property({ type: Boolean }) invalid = false;

  /** Disables the input. */
  @property({ type: Boolean }) disabled = false;

  private readonly ids = { input: uniqueId('pforte-code'), hint: uniqueId('pforte-code-hint') };

  constructor() {
    super();
    new WebOtpController(this, (code) => this.accept(code));
  }

  /** Focuses the input. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Selects the digits, so typing replaces them (e.g. after a wrong code). */
  select(): void {
    this.input?.select();
  }

  private get input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('length')) this.style.setProperty('--pf-code-length', String(this.length));
  }

  override render() {
    const describedBy = [this.ids.hint, this.describedBy].filter(Boolean).join(' ');
    return html`
      <div class="pf-field">
        <label for=${this.ids.input}>${this.label || msg('Code', { id: 'code.label' })}</label>
        <input
          id=${this.ids.input}
          class="pf-code"
          dir="ltr"
          name=${this.name}
          type="text"
          autocomplete=${oneTimeCode}
          inputmode="numeric"
          pattern=${`[0-9]{${this.length}}`}
          maxlength=${this.length}
          autocapitalize="off"
          spellcheck="false"
          .value=${live(this.value)}
          ?disabled=${this.disabled}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @input=${this.onInput}
          @paste=${this.onPaste}
        />
        <p class="pf-muted pf-code-hint" id=${this.ids.hint}>
          ${msg(str`${this.length} digits`, { id: 'code.hint' })}
        </p>
      </div>
    `;
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const digits = onlyDigits(input.value).slice(0, this.length);
    if (digits !== input.value) {
      const caret = onlyDigits(input.value.slice(0, input.selectionStart ?? input.value.length)).length;
      input.value = digits;
      input.setSelectionRange(caret, caret);
    }
    this.setValue(digits);
  }

  private onPaste(event: ClipboardEvent): void {
    const pasted = onlyDigits(event.clipboardData?.getData('text') ?? '');
    const input = event.target as HTMLInputElement;
    event.preventDefault();
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    // A whole code replaces what is there; a part is inserted at the caret.
    const next =
      pasted.length >= this.length
        ? pasted.slice(0, this.length)
        : onlyDigits(input.value.slice(0, start) + pasted + input.value.slice(end)).slice(0, this.length);
    input.value = next;
    const caret = Math.min(next.length, pasted.length >= this.length ? next.length : start + pasted.length);
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  }

  private accept(code: string): void {
    const digits = onlyDigits(code).slice(0, this.length);
    const input = this.input;
    if (input) input.value = digits;
    this.setValue(digits);
  }

  private setValue(digits: string): void {
    const previous = this.value;
    this.value = digits;
    if (digits.length === this.length && digits !== previous) emit(this, 'pforte-code-complete', {});
  }
}

/**
 * `autocomplete="one-time-code"`, bound through a value: lit-analyzer's list
 * of autocomplete tokens predates `one-time-code` (HTML Living Standard).
 */
const oneTimeCode = 'one-time-code' as string as 'on';

function onlyDigits(text: string): string {
  // Also digits of other scripts (e.g. Arabic-Indic), as some keyboards type them.
  return [...text.normalize('NFKC')]
    .map((char) => {
      if (char >= '0' && char <= '9') return char;
      const arabic = '٠١٢٣٤٥٦٧٨٩'.indexOf(char);
      if (arabic >= 0) return String(arabic);
      const persian = '۰۱۲۳۴۵۶۷۸۹'.indexOf(char);
      return persian >= 0 ? String(persian) : '';
    })
    .join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-code-input': PforteCodeInput;
  }
}
