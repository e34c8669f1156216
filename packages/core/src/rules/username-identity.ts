/**
 * The data-heavy half of the username rules, loaded on first use by
 * `username.ts` (a chunk of its own in the widget's bundles): full Unicode
 * case folding, the Unicode TR 39 confusable skeleton and the mixed-script
 * and mixed-digit checks.
 */
import { confusablePrototypes, digitZeros, fullFoldings, scriptNames, simpleFoldings } from './generated/username-data.js';

const foldings = new Map<number, string>();
{
  let previous = 0;
  for (const run of simpleFoldings.split(';')) {
    const [gap, count, step, shift] = run.split(',').map((part) => Number.parseInt(part, 36)) as [number, number, number, number];
    const from = previous + gap;
    for (let index = 0; index < count; index++) {
      const code = from + index * step;
      foldings.set(code, String.fromCodePoint(code + shift));
    }
    previous = from + (count - 1) * step;
  }
  for (const entry of fullFoldings) {
    const [first, ...rest] = entry;
    foldings.set(first!.codePointAt(0)!, rest.join(''));
  }
}

const prototypes = new Map<string, string>();
for (const [prototype, sources] of confusablePrototypes) {
  for (const source of sources) prototypes.set(source, prototype);
}

/** Full Unicode case folding (CaseFolding.txt, status C and F): "ß" and "ẞ" fold to "ss", "ς" to "σ", "ﬁ" to "fi". */
export function caseFold(text: string): string {
  let folded = '';
  for (const char of text) folded += foldings.get(char.codePointAt(0)!) ?? char;
  return folded;
}

/** The TR 39 skeleton: NFD, every character replaced by its confusable prototype, NFD again. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const char of text.normalize('NFD')) mapped += prototypes.get(char) ?? char;
  return mapped.normalize('NFD');
}

/**
 * The key two usernames are the same by: the skeleton of the NFKC case-folded
 * name, folded once more because some prototypes are capitals ("0" → "O").
 * Names that only a careful reader could tell apart (Cyrillic "а" for Latin
 * "a", "rn" for "m", "0" for "o", "ß" for "ss", fullwidth for ASCII) get one key.
 */
export function identityKey(name: string): string {
  return caseFold(skeleton(caseFold(name.normalize('NFKC')).normalize('NFKC'))).normalize('NFD');
}

const neutral = /^[\p{scx=Zyyy}\p{scx=Zinh}]$/u;
let scriptPatterns: Array<readonly [string, RegExp]> | undefined;

/** The scripts of a character (its Script_Extensions), or none for Common and Inherited ones. */
function scriptsOf(char: string): Set<string> | undefined {
  if (neutral.test(char)) return undefined;
  scriptPatterns ??= scriptNames.flatMap((name) => {
    try {
      return [[name, new RegExp(`^\\p{scx=${name}}$`, 'u')] as const];
    } catch {
      // A script newer than this JavaScript engine: its characters count as Unknown.
      return [];
    }
  });
  const scripts = new Set(scriptPatterns.filter(([, pattern]) => pattern.test(char)).map(([name]) => name));
  if (scripts.size === 0) scripts.add('Unknown');
  // TR 39 § 5.1: the writing systems that combine scripts count as one of each.
  if (scripts.has('Han')) scripts.add('Japanese').add('Korean').add('Han_With_Bopomofo');
  if (scripts.has('Hiragana') || scripts.has('Katakana')) scripts.add('Japanese');
  if (scripts.has('Hangul')) scripts.add('Korean');
  if (scripts.has('Bopomofo')) scripts.add('Han_With_Bopomofo');
  return scripts;
}

/** Scripts a name may mix, as TR 39's "Highly Restrictive" level allows: Latin with the scripts of Japanese, Chinese or Korean. */
const allowedMixes = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
].map((mix) => new Set(mix));

function zeroOf(code: number): number {
  let zero = 0;
  for (const candidate of digitZeros) if (candidate <= code) zero = candidate;
  return zero;
}

/**
 * Whether `part` mixes scripts beyond TR 39's "Highly Restrictive" level
 * (Cyrillic "а" inside Latin "paul") or digits of different number systems
 * ("1" beside "١").
 */
export function isMixedScript(part: string): boolean {
  const sets: Array<Set<string>> = [];
  const zeros = new Set<number>();
  for (const char of part) {
    const scripts = scriptsOf(char);
    if (scripts) sets.push(scripts);
    if (/\p{Nd}/u.test(char)) zeros.add(zeroOf(char.codePointAt(0)!));
  }
  if (zeros.size > 1) return true;
  if (sets.length === 0) return false;
  const common = sets.reduce((left, right) => new Set([...left].filter((script) => right.has(script))));
  if (common.size > 0) return false;
  return !allowedMixes.some((mix) => sets.every((scripts) => [...scripts].some((script) => mix.has(script))));
}
