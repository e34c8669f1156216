// Type only: erased at build time, so nothing of libphonenumber-js is loaded up front.
import type { CountryCode } from 'libphonenumber-js/mobile';

/** Result of {@link PhoneSupport.parse}. */
export type PhoneParseResult =
  | { ok: true; e164: string; national: string }
  | { ok: false; reason: 'invalid' | 'not_mobile' | 'too_short' };

/** Phone number helpers backed by libphonenumber-js, loaded on demand. */
export interface PhoneSupport {
  /** Formats a partial input as the user types, e.g. '015112' → '01511 2' for 'DE'. */
  format(input: string, country: string): string;
  /** Parses an input (national or international) into E.164 for the adapter. */
  parse(input: string, country: string, options?: { mobileOnly?: boolean }): PhoneParseResult;
  /** ISO 3166 alpha-2 codes of every supported country. */
  countries: string[];
  /** Calling code without '+', e.g. '49' for 'DE'; '' for an unknown country. */
  callingCode(country: string): string;
}

let loading: Promise<PhoneSupport> | undefined;

/**
 * Loads phone support. The dynamic import lets bundlers put libphonenumber-js
 * and its metadata into a lazy chunk, so the first step does not pay for it.
 * Repeated calls share one load; a failed load can be retried.
 *
 * Why the 'mobile' build: with the 'min' metadata `getType()` returns
 * undefined (min has no per-type patterns), so it cannot tell a mobile number
 * from a landline. The 'mobile' metadata is min plus the mobile patterns
 * (≈ 25 KB instead of ≈ 20 KB gzip). With it, `isValid()` means "a valid
 * mobile number". Whether a number is valid at all comes from the country's
 * general number pattern, which the mobile metadata also carries: valid but not
 * mobile is 'not_mobile' (or accepted when `mobileOnly` is false).
 */
export function loadPhoneSupport(): Promise<PhoneSupport> {
  loading ??= import('libphonenumber-js/mobile').then(
    (lib): PhoneSupport => {
      const asCountry = (country: string) => (lib.isSupportedCountry(country) ? (country as CountryCode) : undefined);
      const generalPatterns = new Map<CountryCode, RegExp | undefined>();
      /**
       * The country's pattern of all valid numbers. `nationalNumberPattern()` is
       * missing from the typings but present in every build; should a future
       * version drop it, parsing falls back to the length check.
       */
      const generalPatternOf = (country: CountryCode) => {
        if (!generalPatterns.has(country)) {
          const metadata = new lib.Metadata();
          metadata.selectNumberingPlan(country);
          const plan = metadata.numberingPlan as { nationalNumberPattern?: () => string } | undefined;
          const source = plan?.nationalNumberPattern?.();
          generalPatterns.set(country, source === undefined ? undefined : new RegExp(`^(?:${source})$`));
        }
        return generalPatterns.get(country);
      };
      /** Whether one or two more digits would make a valid mobile number: a number typed a digit short, not a landline. */
      const startsMobileNumber = (number: { number: string }) =>
        ['0', '00'].some((more) => lib.parsePhoneNumberFromString(`${number.number}${more}`)?.isValid() ?? false);
      return {
        format(input, country) {
          return new lib.AsYouType(asCountry(country)).input(input);
        },
        parse(input, country, { mobileOnly = true } = {}) {
          const number = lib.parsePhoneNumberFromString(input, asCountry(country));
          if (!number || !number.isPossible()) return { ok: false, reason: 'invalid' };
          // With mobile metadata, isValid() means "a valid mobile number".
          if (!number.isValid()) {
            const generalPattern = number.country && generalPatternOf(number.country);
            if (generalPattern && !generalPattern.test(number.nationalNumber)) return { ok: false, reason: 'invalid' };
            if (mobileOnly) return { ok: false, reason: startsMobileNumber(number) ? 'too_short' : 'not_mobile' };
          }
          return { ok: true, e164: number.number, national: number.formatNational() };
        },
        countries: lib.getCountries(),
        callingCode(country) {
          const code = asCountry(country);
          return code ? lib.getCountryCallingCode(code) : '';
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
