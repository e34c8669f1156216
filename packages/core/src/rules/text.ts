import { PforteError } from '../errors.js';

/** C0 and C1 control characters (NUL, line breaks, escape…) and lone UTF-16 surrogates. */
const forbidden = /[\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Whether a string holds a control character or a lone surrogate, which no field of the contract may hold. */
export function hasForbiddenCharacters(value: string): boolean {
  return forbidden.test(value);
}

/**
 * Refuses control characters and lone surrogates in every string of an
 * action's input, nested objects included: 'input.invalid' with `field` the
 * key that holds it. A backend runs this on each input before anything else,
 * so that such a string never reaches storage (where it would fail as a 500).
 */
export function checkInputText(input: unknown, field?: string): void {
  if (typeof input === 'string') {
    if (hasForbiddenCharacters(input)) throw new PforteError('input.invalid', field === undefined ? {} : { field });
    return;
  }
  if (typeof input !== 'object' || input === null) return;
  for (const [key, value] of Object.entries(input)) checkInputText(value, field ?? key);
}

/** A locale tag as the widget sends it (`de`, `en-GB`); anything else is 'input.invalid'. */
export function checkLocale(locale: string): string {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(locale)) throw new PforteError('input.invalid', { field: 'locale' });
  return locale;
}
