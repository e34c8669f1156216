// Type only: erased at build time, so nothing of libphonenumber-js is loaded up front.
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/** Result of {@link PhoneSupport.parse}. */
export type PhoneParseResult =
  | { ok: true; e164: string; national: string }
  | { ok: false; reason: 'invalid' | 'not_mobile' | 'too_short' };

/**
 * Phone number helpers backed by libphonenumber-js, loaded on demand with the
 * metadata of the countries a number needs.
 */
export interface PhoneSupport {
  /**
   * Loads the metadata `parse` and `format` need for `input` with `country`
   * selected: that country's, or, for an international number (`+33…`,
   * `0033…`), that of the countries of its calling code. Resolves `true` when
   * something new arrived (then format and parse again).
   */
  prepare(input: string, country: string): Promise<boolean>;
  /** Whether what `input` needs with `country` is loaded (see {@link prepare}). */
  isPrepared(input: string, country: string): boolean;
  /**
   * Formats an input as the user types once it is a valid mobile number, in
   * the form it was typed in: '015112345678' → '01511 2345678' for 'DE',
   * '+4915112345678' → '+49 1511 2345678'. Anything else (a number typed
   * halfway, one whose metadata is not prepared) stays as typed.
   */
  format(input: string, country: string): string;
  /** Parses an input (national or international) into E.164 for the adapter; needs {@link prepare} first. */
  parse(input: string, country: string, options?: { mobileOnly?: boolean }): PhoneParseResult;
  /** ISO 3166 alpha-2 codes of every supported country (all selectable before their metadata loads). */
  countries: string[];
  /** Calling code without '+', e.g. '49' for 'DE'; '' for an unknown country. */
  callingCode(country: string): string;
}

let loading: Promise<PhoneSupport> | undefined;

/** The calling code an international input starts with (`+33…`, `0033…`), if any. */
function callingCodeOf(input: string, callingCodes: Record<string, string[]>): string | undefined {
  const digits = /^\s*(?:\+|00)([\d\s()./-]*)/.exec(input)?.[1]?.replace(/\D/g, '');
  if (!digits) return undefined;
  // Calling codes are prefix-free: at most one of the first one to three digits is one.
  return [1, 2, 3].map((length) => digits.slice(0, length)).find((prefix) => prefix in callingCodes);
}

/**
 * Loads phone support: libphonenumber-js's functions and the calling-code
 * map (one lazy chunk), with each country's metadata a chunk of its own that
 * {@link PhoneSupport.prepare} fetches when a number needs it, so a German
 * number costs the German metadata, not every country's. Repeated calls share
 * one load; a failed load can be retried.
 *
 * Why the 'mobile' metadata (generated from libphonenumber-js's by
 * scripts/phone-metadata.mjs): with the 'min' metadata `getType()` returns
 * undefined (min has no per-type patterns), so it cannot tell a mobile number
 * from a landline. The 'mobile' metadata is min plus the mobile patterns.
 * With it, `isValid()` means "a valid mobile number". Whether a number is
 * valid at all comes from the country's general number pattern, which the
 * mobile metadata also carries: valid but not mobile is 'not_mobile' (or
 * accepted when `mobileOnly` is false).
 */
export function loadPhoneSupport(): Promise<PhoneSupport> {
  loading ??= Promise.all([import('./phone-library.js'), import('./generated/phone/index.js')]).then(
    ([lib, data]): PhoneSupport => {
      const countries: Record<string, unknown> = {};
      const metadata = {
        version: data.metadataVersion,
        country_calling_codes: data.countryCallingCodes,
        countries,
      } as unknown as MetadataJson;
      const callingCodeOfCountry = new Map<string, string>();
      for (const [code, list] of Object.entries(data.countryCallingCodes)) {
        for (const country of list) callingCodeOfCountry.set(country, code);
      }
      const countryLoads = new Map<string, Promise<void>>();
      const loadCountry = (country: string): Promise<void> => {
        const load = data.countryMetadata[country];
        if (!load) return Promise.resolve();
        let pending = countryLoads.get(country);
        if (!pending) {
          pending = load().then(
            (module) => {
              countries[country] = module.default;
            },
            (error: unknown) => {
              countryLoads.delete(country);
              throw error;
            },
          );
          countryLoads.set(country, pending);
        }
        return pending;
      };
      const asCountry = (country: string) => (country in countries ? (country as CountryCode) : undefined);
      const generalPatterns = new Map<CountryCode, RegExp | undefined>();
      /**
       * The country's pattern of all valid numbers. `nationalNumberPattern()` is
       * missing from the typings but present in every build; should a future
       * version drop it, parsing falls back to the length check.
       */
      const generalPatternOf = (country: CountryCode) => {
        if (!generalPatterns.has(country)) {
          const plans = new lib.Metadata(metadata);
          plans.selectNumberingPlan(country);
          const plan = plans.numberingPlan as { nationalNumberPattern?: () => string } | undefined;
          const source = plan?.nationalNumberPattern?.();
          generalPatterns.set(country, source === undefined ? undefined : new RegExp(`^(?:${source})$`));
        }
        return generalPatterns.get(country);
      };
      /** Whether everything `input` needs with `country` is loaded. */
      const neededFor = (input: string, country: string): string[] => {
        const code = callingCodeOf(input, data.countryCallingCodes);
        return code ? data.countryCallingCodes[code]! : [country];
      };
      const ready = (input: string, country: string) => neededFor(input, country).every((needed) => needed in countries || !data.countryMetadata[needed]);
      /** Whether one or two more digits would make a valid mobile number: a number typed a digit short, not a landline. */
      const startsMobileNumber = (number: { number: string }) =>
        ['0', '00'].some((more) => lib.parsePhoneNumberFromString(`${number.number}${more}`, {}, metadata)?.isValid() ?? false);
      return {
        isPrepared: ready,
        async prepare(input, country) {
          if (ready(input, country)) return false;
          await Promise.all(neededFor(input, country).map(loadCountry));
          return true;
        },
        format(input, country) {
          const number = ready(input, country) ? lib.parsePhoneNumberFromString(input, asCountry(country) ?? {}, metadata) : undefined;
          if (!number?.isValid()) return input;
          return /^\s*(?:\+|00)/.test(input) ? number.formatInternational() : number.formatNational();
        },
        parse(input, country, { mobileOnly = true } = {}) {
          const number = ready(input, country) ? lib.parsePhoneNumberFromString(input, asCountry(country) ?? {}, metadata) : undefined;
          if (!number || !number.isPossible()) return { ok: false, reason: 'invalid' };
          // With mobile metadata, isValid() means "a valid mobile number".
          if (!number.isValid()) {
            const generalPattern = number.country && generalPatternOf(number.country);
            if (generalPattern && !generalPattern.test(number.nationalNumber)) return { ok: false, reason: 'invalid' };
            if (mobileOnly) return { ok: false, reason: startsMobileNumber(number) ? 'too_short' : 'not_mobile' };
          }
          return { ok: true, e164: number.number, national: number.formatNational() };
        },
        countries: [...callingCodeOfCountry.keys()].filter((country) => country in data.countryMetadata).sort(),
        callingCode(country) {
          return (country in data.countryMetadata && callingCodeOfCountry.get(country)) || '';
        },
      };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
