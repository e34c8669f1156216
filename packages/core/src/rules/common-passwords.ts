/**
 * The common-password rule every product has, whatever its policy (OWASP
 * ASVS 5.0 V6.2.4, NIST SP 800-63B): not one of the common passwords, and
 * not a common word or name with only digits and symbols around it
 * ("Passwort1!", "Sommer2026!", "Hallo123!"). The lists are imported on first
 * use, so that they stay out of the widget's first bundle.
 */
import { commonPasswords } from '../policy.js';

interface CommonPasswordSets {
  /** Whole passwords, lower case. */
  exact: ReadonlySet<string>;
  /** Words that stay common with digits and symbols around them, lower case. */
  bases: ReadonlySet<string>;
}

let sets: Promise<CommonPasswordSets> | undefined;

function decodeFrontCoded(list: string): string[] {
  const words: string[] = [];
  let previous = '';
  for (const line of list.split('\n')) {
    previous = previous.slice(0, Number.parseInt(line[0]!, 36)) + line.slice(1);
    words.push(previous);
  }
  return words;
}

const germanSpellings: Array<[RegExp, string]> = [
  [/ä/gu, 'ae'],
  [/ö/gu, 'oe'],
  [/ü/gu, 'ue'],
  [/ß/gu, 'ss'],
];

async function loadSets(): Promise<CommonPasswordSets> {
  const data = await import('./generated/common-passwords.js');
  const exact = new Set([...decodeFrontCoded(data.commonPasswordList), ...commonPasswords]);
  const bases = new Set<string>();
  for (const word of [...decodeFrontCoded(data.germanBaseWords), ...exact]) {
    if (!/^\p{L}{4,}$/u.test(word)) continue;
    bases.add(word);
    // "Schön" is typed "Schoen" as often.
    bases.add(germanSpellings.reduce((spelled, [pattern, replacement]) => spelled.replace(pattern, replacement), word));
  }
  return { exact, bases };
}

const leetA: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '€': 'e', '0': 'o', '1': 'i', '!': 'i', '$': 's', '5': 's', '7': 't' };
const leetB: Record<string, string> = { ...leetA, '1': 'l', '!': 'l' };
const unleet = (text: string, table: Record<string, string>) => [...text].map((char) => table[char] ?? char).join('');
const padding = /^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu;
const shortTail = /[\p{N}\p{P}\p{S}\s]{1,4}$/u;
const shortHead = /^[\p{N}\p{P}\p{S}\s]{1,4}/u;

/** The text, and the text with one to four digits, symbols or spaces cut from its end or its start. */
function withoutShortPadding(text: string): string[] {
  const variants = [text];
  const tail = shortTail.exec(text)?.[0].length ?? 0;
  for (let cut = 1; cut <= tail; cut++) variants.push(text.slice(0, -cut));
  const head = shortHead.exec(text)?.[0].length ?? 0;
  for (let cut = 1; cut <= head; cut++) variants.push(text.slice(cut));
  return variants;
}

const spellingsOf = (text: string) => [text, unleet(text, leetA), unleet(text, leetB)];

/**
 * Whether `password` is a common password, compared without case: one of
 * the ranked common passwords of `@zxcvbn-ts/language-common` (the top
 * 10,000, of 8 or more characters the top 15,000, all of 10 or more) or of the policy's own list, also
 * with up to four digits or symbols added before or after it ("123456!1")
 * and spelled with digits for letters ("p@ssw0rd"); or a frequent German
 * word or first name, or a letters-only common password, with nothing but
 * digits, symbols and spaces around it ("Sommer2026!").
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const { exact, bases } = await (sets ??= loadSets());
  const lower = password.normalize('NFKC').toLowerCase();
  if (withoutShortPadding(lower).some((variant) => spellingsOf(variant).some((spelling) => exact.has(spelling)))) return true;
  return spellingsOf(lower.replace(padding, '')).some((spelling) => bases.has(spelling.replace(padding, '')));
}
