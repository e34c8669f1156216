import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { loadPhoneSupport, PforteError } from '@pforte/core';
import type { PhoneSupport } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { getLocale, useMessages } from '../localization/localization.js';
import { errorMessage } from '../localization/error-messages.js';
import { phoneInputStyles } from './phone-input.styles.js';
import '../localization/step-error-messages.js';

void useMessages('phone');

interface CountryOption {
  code: string;
  label: string;
}

const booleanWithFalse = { fromAttribute: (value: string | null) => value !== null && value !== 'false' };

/**
 * @summary A mobile number: a country select (with calling codes, names in the
 * current language) and a labelled `tel` input that formats the number as it
 * is typed. `value` is the number in E.164 (`+4915112345678`) once it is
 * valid, else `''`. Phone support (libphonenumber-js) loads lazily when the
 * element connects, with the selected country's metadata; another country's
 * metadata loads when it is chosen or typed (`+33…`). The input works before
 * that.
 *
 * @cssproperty --pforte-color-border - Borders of select and input.
 * @cssproperty --pforte-color-danger - The error message and invalid border.
 */
export class PfortePhoneInput extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, phoneInputStyles];

  /** ISO 3166 alpha-2 country preselected in the select, e.g. `DE`. */
  @property({ attribute: 'default-country' }) defaultCountry = 'DE';

  /** Accept only mobile numbers (SMS must reach them). `mobile-only="false"` or the property turns it off. */
  @property({ attribute: 'mobile-only', converter: booleanWithFalse }) mobileOnly = true;

  /** Visible label of the number input. */
  @property() label = '';

  /** The input's form field name. */
  @property() name = 'phone';

  /** An error to show with the field (e.g. the server's `phone.invalid`), tied to it by `aria-describedby`. */
  @property() error = '';

  @state() private country: string | undefined;
  @state() private text = '';
  @state() private localError = '';
  @state() private support: PhoneSupport | undefined;

  private e164 = '';
  private countryOptions: { locale: string; options: CountryOption[] } | undefined;
  private readonly ids = {
    country: uniqueId('pforte-country'),
    phone: uniqueId('pforte-phone'),
    error: uniqueId('pforte-phone-error'),
  };

  /** The number in E.164 when the entry is a valid number, else `''`. Set it to prefill the field. */
  get value(): string {
    return this.e164;
  }

  set value(value: string) {
    this.e164 = value;
    this.text = this.support ? this.displayOf(value, this.support) : value;
    this.requestUpdate('value');
  }

  /** The selected country (ISO 3166 alpha-2). */
  get selectedCountry(): string {
    return this.country ?? this.defaultCountry.toUpperCase();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.support) void this.load();
  }

  /** Focuses the number input. */
  override focus(options?: FocusOptions): void {
    this.querySelector<HTMLInputElement>('input')?.focus(options);
  }

  /**
   * Checks the entry (waiting for phone support and the metadata of its
   * country if needed), shows what is wrong, and resolves the E.164 number,
   * or `undefined` when it is not valid.
   */
  async validate(): Promise<string | undefined> {
    const support = await this.load();
    const text = this.text.trim();
    if (!support.isPrepared(text, this.selectedCountry)) await support.prepare(text, this.selectedCountry);
    if (text === '') {
      this.localError = msg('Please enter your mobile number.', { id: 'phone.missing' });
      return undefined;
    }
    const result = support.parse(text, this.selectedCountry, { mobileOnly: this.mobileOnly });
    if (result.ok) {
      this.e164 = result.e164;
      this.localError = '';
      return result.e164;
    }
    this.e164 = '';
    this.localError =
      result.reason === 'too_short'
        ? msg('This number is too short for a mobile number. Please check it.', { id: 'phone.tooShort' })
        : result.reason === 'not_mobile'
          ? msg('This is not a mobile number. Please enter a number that can receive SMS.', { id: 'phone.notMobile' })
          : errorMessage(new PforteError('phone.invalid'));
    return undefined;
  }

  private async load(): Promise<PhoneSupport> {
    if (this.support) return this.support;
    const support = await loadPhoneSupport();
    // The selected country's metadata (or that of a prefilled international number) comes with it.
    if (!support.isPrepared(this.e164 || this.text, this.selectedCountry)) await support.prepare(this.e164 || this.text, this.selectedCountry);
    if (!this.support) {
      this.support = support;
      if (this.e164 && this.text === this.e164) this.text = this.displayOf(this.e164, support);
      else this.reparse(support);
    }
    return support;
  }

  /** How an E.164 number is shown: national when it belongs to the selected country, else international. */
  private displayOf(e164: string, support: PhoneSupport): string {
    if (!e164.startsWith('+')) return e164;
    const parsed = support.parse(e164, this.selectedCountry, { mobileOnly: false });
    const calling = support.callingCode(this.selectedCountry);
    if (parsed.ok && calling && e164.startsWith(`+${calling}`)) return parsed.national;
    return support.format(e164, this.selectedCountry);
  }

  private reparse(support = this.support): void {
    if (!support) return;
    const result = support.parse(this.text, this.selectedCountry, { mobileOnly: this.mobileOnly });
    this.e164 = result.ok ? result.e164 : '';
  }

  private options(support: PhoneSupport | undefined): CountryOption[] {
    const locale = getLocale();
    const names = regionNames(locale);
    if (!support) return [{ code: this.selectedCountry, label: names(this.selectedCountry) }];
    if (this.countryOptions?.locale === locale) return this.countryOptions.options;
    const collator = new Intl.Collator(locale);
    const options = support.countries
      .map((code) => ({ code, name: names(code), calling: support.callingCode(code) }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ code, name, calling }) => ({ code, label: `${name} (+${calling})` }));
    this.countryOptions = { locale, options };
    return options;
  }

  override render() {
    const error = this.error || this.localError;
    const selected = this.selectedCountry;
    return html`
      <div class="pf-phone-row">
        <div class="pf-field">
          <label for=${this.ids.country}>${msg('Country', { id: 'phone.country' })}</label>
          <select
            id=${this.ids.country}
            name="country"
            autocomplete="tel-country-code"
            @change=${this.onCountryChange}
          >
            ${this.options(this.support).map(
              (option) => html`<option value=${option.code} ?selected=${option.code === selected}>${option.label}</option>`,
            )}
          </select>
        </div>
        <div class="pf-field">
          <label for=${this.ids.phone}>${this.label || msg('Mobile number', { id: 'phone.label' })}</label>
          <input
            id=${this.ids.phone}
            name=${this.name}
            type="tel"
            dir="ltr"
            autocomplete="tel"
            inputmode="tel"
            .value=${live(this.text)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${this.ids.error}
            @input=${this.onInput}
          />
        </div>
      </div>
      <p class="pf-error" id=${this.ids.error}>${error || nothing}</p>
    `;
  }

  private onCountryChange(event: Event): void {
    this.country = (event.target as HTMLSelectElement).value;
    this.refresh();
    this.localError = '';
    // Another country's metadata loads when it is chosen.
    void this.support?.prepare(this.text, this.country).then((loaded) => loaded && this.refresh());
  }

  /** Formats and parses the entry again, e.g. once its country's metadata arrived. */
  private refresh(): void {
    if (this.support && this.text) this.text = this.support.format(this.text, this.selectedCountry);
    this.reparse();
  }

  private onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    let text = input.value;
    const caretAtEnd = input.selectionStart === text.length;
    // Format only while typing at the end: never while deleting (so a
    // separator can be removed) and never in the middle (the caret stays put).
    if (this.support && caretAtEnd && !event.inputType?.startsWith('delete')) {
      const formatted = this.support.format(text, this.selectedCountry);
      if (formatted !== text) {
        text = formatted;
        input.value = formatted;
        input.setSelectionRange(formatted.length, formatted.length);
      }
    }
    this.text = text;
    this.reparse();
    this.localError = '';
    // An international number (`+33…`) brings its country's metadata.
    void this.support?.prepare(text, this.selectedCountry).then((loaded) => loaded && this.reparse());
  }
}

const regionNameCache = new Map<string, (code: string) => string>();

function regionNames(locale: string): (code: string) => string {
  let names = regionNameCache.get(locale);
  if (!names) {
    let displayNames: Intl.DisplayNames | undefined;
    try {
      displayNames = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      displayNames = undefined;
    }
    names = (code) => displayNames?.of(code) ?? code;
    regionNameCache.set(locale, names);
  }
  return names;
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-phone-input': PfortePhoneInput;
  }
}
