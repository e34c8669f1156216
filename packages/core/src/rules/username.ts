/**
 * Usernames after RFC 8265 (PRECIS UsernameCaseMapped) and Unicode TR 39:
 * one person, one account, whatever width, case, composition or look-alike
 * letters they type. The light checks are here; the Unicode data (case
 * folding, confusables, scripts) is in `username-identity.ts`, imported on
 * first use so that it stays out of the widget's first bundle.
 */

// Fullwidth and halfwidth forms and the ideographic space: PRECIS width mapping.
const widthForms = /[\u3000\uFF01-\uFFEE]/gu;

/**
 * What no username may hold: white space, control and format characters
 * (zero-width space and joiners, soft hyphen, bidi controls, BOM), every other
 * default-ignorable code point (variation selectors, fillers), private-use,
 * unassigned and non-characters, and surrogates.
 */
const refusedCharacters = /[\s\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]/u;

/**
 * The username as stored and shown: trimmed, fullwidth and halfwidth forms
 * mapped to their usual width ("ａdmin" is "admin"), NFC. The case stays as
 * typed; comparisons go by {@link usernameKey}.
 */
export function prepareUsername(raw: string): string {
  return raw
    .trim()
    .replace(widthForms, (char) => char.normalize('NFKC'))
    .normalize('NFC');
}

/** Whether a prepared username holds only characters a username may hold (see {@link prepareUsername}). */
export function hasRefusedUsernameCharacters(name: string): boolean {
  return refusedCharacters.test(name);
}

let identity: Promise<typeof import('./username-identity.js')> | undefined;
const loadIdentity = () => (identity ??= import('./username-identity.js'));

/**
 * Whether a username mixes scripts the way look-alike names do: in any part
 * between `@` and `.`, letters of scripts that do not belong together (Latin
 * with Cyrillic or Greek; Latin with Han, Kana, Hangul and Bopomofo is
 * fine) or digits of two number systems. Each domain label of an e-mail
 * address is judged on its own, so "ivan@пример.рф" passes.
 */
export async function isMixedScriptUsername(name: string): Promise<boolean> {
  const { isMixedScript } = await loadIdentity();
  return name.split(/[@.]/u).some(isMixedScript);
}

/**
 * The key usernames are compared by when one is checked for being taken:
 * the Unicode TR 39 skeleton of the name after NFKC and full case folding.
 * "Straße" and "STRASSE", "paul" and "pаul" (Cyrillic а), "admin" and
 * "ａdmin" have one key. It is for comparing only, never for showing.
 */
export async function usernameKey(name: string): Promise<string> {
  const { identityKey } = await loadIdentity();
  return identityKey(prepareUsername(name));
}
