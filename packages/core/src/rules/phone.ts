import { PforteError } from '../errors.js';
import type { SmsStep } from '../steps/sms.js';

/** What kind of number a phone number is, as libphonenumber-js tells it. */
export type PhoneKind = 'mobile' | 'fixedOrMobile' | 'fixedLine' | 'voip' | 'other' | 'invalid';

let loading: Promise<(e164: string) => PhoneKind> | undefined;

/**
 * Classifies an E.164 number with libphonenumber-js and its full metadata,
 * loaded on first use (so neither the widget's first step nor a backend that
 * never sends an SMS pays for it).
 */
export async function classifyPhoneNumber(e164: string): Promise<PhoneKind> {
  loading ??= import('libphonenumber-js/max').then((lib) => (number: string): PhoneKind => {
    const parsed = lib.parsePhoneNumberFromString(number);
    if (!parsed?.isValid() || parsed.number !== number) return 'invalid';
    switch (parsed.getType()) {
      case 'MOBILE':
        return 'mobile';
      case 'FIXED_LINE_OR_MOBILE':
        return 'fixedOrMobile';
      case 'FIXED_LINE':
        return 'fixedLine';
      case 'VOIP':
        return 'voip';
      default:
        // Premium rate, toll free, shared cost, pagers, personal and UAN numbers: never an SMS target.
        return 'other';
    }
  });
  return (await loading)(e164);
}

/**
 * Whether a number may receive the SMS code of `step`: mobile numbers (and
 * those that may be mobile, as in the US); fixed lines and VoIP only where
 * the product turns `mobileOnly` off; premium-rate, short and invalid numbers
 * never (SMS pumping). 'phone.invalid' otherwise.
 */
export function checkSmsPhone(step: SmsStep, kind: PhoneKind): void {
  const allowed = kind === 'mobile' || kind === 'fixedOrMobile' || (!step.mobileOnly && (kind === 'fixedLine' || kind === 'voip'));
  if (!allowed) throw new PforteError('phone.invalid', { field: 'phone' });
}

/** E.164: `+`, a country code and at most 15 digits. */
export const e164Pattern = /^\+[1-9]\d{6,14}$/;
