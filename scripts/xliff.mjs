/**
 * Reading the elements' XLIFF files (`packages/elements/xliff/<locale>.xlf`,
 * the format lit-localize writes), shared by translate.mjs and the
 * translations check.
 */
import { readFileSync } from 'node:fs';

export const xliffDir = 'packages/elements/xliff';

/** The XLIFF file of a locale. */
export const xliffPath = (locale) => `${xliffDir}/${locale}.xlf`;

/**
 * The trans-units of an XLIFF text, in file order: id → { source, target }
 * (XML as written; target undefined when the unit has none).
 */
export function parseUnits(xliff) {
  const units = new Map();
  for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    if (units.has(id)) throw new Error(`trans-unit ${id} appears twice`);
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1];
    if (source === undefined) throw new Error(`trans-unit ${id} has no source`);
    units.set(id, { source, target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] });
  }
  return units;
}

/** The trans-units of an XLIFF file. */
export const readUnits = (path) => parseUnits(readFileSync(path, 'utf8'));

/**
 * Messages whose translation may equal the English, per locale: the word is
 * the same in that language (docs/glossary.md, "Kept as in English").
 */
export const sameAsEnglish = {
  de: ['code.label', 'guest.code.label', 'invitation.name', 'profile.optional', 'profile.position'],
  fr: ['code.label', 'guest.code.label'],
  it: ['credentials.password'],
};

/** The placeholder ids of an XLIFF text, in order of appearance. */
const placeholderIds = (xml) => [...xml.matchAll(/<x id="([^"]+)"/g)].map(([, id]) => id);

/**
 * What is wrong with a locale's XLIFF against the extracted English messages
 * (`english`: id → { source }): a message missing or left over, a source that
 * changed since it was translated, no translation, a placeholder lost, added
 * or doubled, or a translation that is still the English.
 */
export function localeProblems(locale, english, units) {
  const problems = [];
  const allowed = new Set(sameAsEnglish[locale] ?? []);
  for (const [id, { source }] of english) {
    const unit = units.get(id);
    if (!unit) {
      problems.push(`${id}: missing`);
      continue;
    }
    if (unit.source !== source) problems.push(`${id}: the English changed since it was translated`);
    if (unit.target === undefined || unit.target.trim() === '') {
      problems.push(`${id}: no translation`);
      continue;
    }
    const expected = placeholderIds(source).sort().join(',');
    const found = placeholderIds(unit.target);
    if (found.sort().join(',') !== expected) {
      problems.push(`${id}: placeholders ${found.join(',') || 'none'} instead of ${expected || 'none'} (each exactly once)`);
    }
    if (/<(?!x id="[^"]+"[^>]*\/>)/.test(unit.target)) problems.push(`${id}: markup other than placeholders`);
    if (unit.target === source && !allowed.has(id)) problems.push(`${id}: still the English text`);
  }
  for (const id of units.keys()) if (!english.has(id)) problems.push(`${id}: not a message of the elements (left over)`);
  for (const id of allowed) if (!english.has(id)) problems.push(`${id}: allowed to stay English but not a message`);
  return problems.map((problem) => `${xliffPath(locale)}: ${problem}`);
}
