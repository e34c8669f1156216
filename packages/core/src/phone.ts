/** Result of {@link PhoneSupport.parse}. */
export type PhoneParseResult =
  | { ok: true; e164: string; national: string }
  | { ok: false; reason: 'invalid' | 'not_mobile' };

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
 * mobile number"; a number of plausible length that is not one is reported as
 * 'not_mobile' (or accepted when `mobileOnly` is false, leaving the final word
 * to the server, which sends the SMS anyway).
 */
export function loadPhoneSupport(): Promise<PhoneSupport> {
  loading ??= import('libphonenumber-js/mobile').then(
    (lib): PhoneSupport => {
      const supported = (country: string) => lib.isSupportedCountry(country);
      const asCountry = (country: string) => (supported(country) ? (country as Parameters<typeof lib.getCountryCallingCode>[0]) : undefined);
      return {
        format(input, country) {
          return new lib.AsYouType(asCountry(country)).input(input);
        },
        parse(input, country, { mobileOnly = true } = {}) {
          const number = lib.parsePhoneNumberFromString(input, asCountry(country));
          if (!number) return { ok: false, reason: 'invalid' };
          const mobile = number.isValid();
          if (!mobile) {
            if (!number.isPossible()) return { ok: false, reason: 'invalid' };
            if (mobileOnly) return { ok: false, reason: 'not_mobile' };
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
