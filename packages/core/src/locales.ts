/**
 * The languages Pforte speaks: every element's text, every error and the
 * messages the backends send. docs/glossary.md holds each one's terms and
 * register. The elements' translations (lit-localize.json) cover exactly
 * these; a test in the elements holds both lists together.
 */
export const pforteLocales = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'pl', 'fr', 'it', 'es'] as const;
export type PforteLocale = (typeof pforteLocales)[number];

/** Languages written right to left. */
const rightToLeft: ReadonlySet<PforteLocale> = new Set(['ar']);

/** The writing direction of a locale's text. */
export function localeDirection(locale: PforteLocale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/**
 * Narrows a BCP 47 tag (`de-AT`, `en_GB`, `AR`) to one of `offered` by its
 * language, or undefined (`pt`).
 */
export function matchLocale(
  tag: string | null | undefined,
  offered: readonly PforteLocale[] = pforteLocales,
): PforteLocale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return offered.find((locale) => locale === language);
}

/**
 * The first of `candidates` (most wanted first: an explicit choice, the
 * page's language, the browser's) that `offered` has; else English when
 * offered, else the first offered.
 */
export function bestLocale(
  candidates: ReadonlyArray<string | null | undefined>,
  offered: readonly PforteLocale[] = pforteLocales,
): PforteLocale {
  for (const candidate of candidates) {
    const match = matchLocale(candidate, offered);
    if (match) return match;
  }
  return offered.includes('en') || offered.length === 0 ? 'en' : offered[0]!;
}

/**
 * The tag to hand to `Intl` for `locale`: its digits are ASCII in every
 * language (Arabic too), as in the PINs, codes and numbers beside them.
 */
export function intlLocale(locale: PforteLocale): string {
  return `${locale}-u-nu-latn`;
}

/** A unit of {@link formatDuration}. */
export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

/**
 * Languages whose sentences put a duration in a case other than the
 * nominative `Intl` writes out ("через 1 секунду", "za 1 sekundę"): there the
 * abbreviated unit ("1 сек.", "1 s") reads right in every sentence.
 */
const abbreviatedUnits: ReadonlySet<PforteLocale> = new Set(['ru', 'uk', 'pl']);

/**
 * A count with its unit in `locale`'s words and plural form, through `Intl`:
 * `formatDuration('de', 1, 'second')` is "1 Sekunde", `('ar', 3, 'day')`
 * "3 أيام", `('ru', 5, 'minute')` "5 мин.". Digits are ASCII in every
 * language, as in the codes the texts carry.
 */
export function formatDuration(locale: PforteLocale, count: number, unit: DurationUnit): string {
  const format = new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit,
    unitDisplay: abbreviatedUnits.has(locale) ? 'short' : 'long',
  });
  return format.format(count);
}
