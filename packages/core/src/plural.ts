/**
 * Plural forms by the CLDR rules of `Intl.PluralRules`: English and German
 * have `one` and `other`, Polish, Russian and Ukrainian add `few` and `many`,
 * Arabic has all six (`zero`, `one`, `two`, `few`, `many`, `other`).
 */

/** The forms of one counted text; `other` is required, a category left out falls back to it. */
export type PluralForms<T> = { other: T } & Partial<Record<Intl.LDMLPluralRule, T>>;

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      // Not a well-formed language tag: count as in English.
      rules = new Intl.PluralRules('en');
    }
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The plural category of `count` in `locale`: `pluralCategory('ru', 3)` is `few`, `pluralCategory('ar', 11)` is `many`. */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return rulesFor(locale).select(count);
}

/** The categories `locale` distinguishes, e.g. `['one', 'few', 'many', 'other']` for Polish. */
export function pluralCategories(locale: string): Intl.LDMLPluralRule[] {
  return rulesFor(locale).resolvedOptions().pluralCategories;
}

/**
 * The form for `count` in `locale`: `selectPlural('pl', 5, { one: 'minutę', few: 'minuty', many: 'minut', other: 'minuty' })`
 * is `minut`. A missing category falls back to `other`. The forms may be
 * strings or message functions (one per message id, so each is extracted).
 */
export function selectPlural<T>(locale: string, count: number, forms: PluralForms<T>): T {
  return forms[pluralCategory(locale, count)] ?? forms.other;
}

/**
 * The form for `count` in `locale` with `#` replaced by the count in ASCII
 * digits (the digits of every code the texts carry): `countText('ar', 2,
 * { two: 'دقيقتين', few: '# دقائق', other: '# دقيقة' })` is `دقيقتين`.
 */
export function countText(locale: string, count: number, forms: PluralForms<string>): string {
  return selectPlural(locale, count, forms).replaceAll('#', String(count));
}
