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
