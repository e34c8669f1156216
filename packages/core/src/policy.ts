/** One password rule, as data. */
export type PasswordRule =
  | { kind: 'minLength'; value: number }
  | { kind: 'maxLength'; value: number }
  | { kind: 'lowercase' }
  | { kind: 'uppercase' }
  | { kind: 'digit' }
  | { kind: 'symbol' }
  /** Must not contain the username or the e-mail local part (case-insensitive; only when that has ≥ 3 characters). */
  | { kind: 'notIdentifier' }
  /** Not one of the common passwords (exact, case-insensitive) and not containing any of `words` (product words). */
  | { kind: 'notBlocklisted'; words?: string[] };

/** A password policy: all rules must be met. */
export interface PasswordPolicy {
  rules: PasswordRule[];
}

/** The outcome of one rule for one password. */
export interface RuleResult {
  /** Stable id for checklists and translations: the rule kind, with `-2`, `-3`… for repeated kinds. */
  id: string;
  rule: PasswordRule;
  met: boolean;
}

/** The outcome of a whole policy for one password. */
export interface PasswordEvaluation {
  results: RuleResult[];
  metCount: number;
  total: number;
  /** True when every rule is met. */
  ok: boolean;
}

/**
 * Common passwords (lower-case), including German favourites. Compared exactly
 * and case-insensitively; a real breach check belongs on the server.
 */
export const commonPasswords: readonly string[] = [
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'passwort', 'passwort1', 'passwort12', 'passwort123', 'passwort1234', 'passwort!', 'passwort01',
  '12345678', '123456789', '1234567890', '12345678910', '0123456789', '87654321', '987654321', '9876543210',
  '11111111', '00000000', '88888888', '12341234', '12121212', '11223344', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx',
  'qwertz', 'qwertz12', 'qwertz123', 'qwertz1234', 'qwertzui', 'qwertzuiop', 'qwerty', 'qwerty12', 'qwerty123',
  'qwerty1234', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'yxcvbnm', 'yxcvbnm123', 'zxcvbnm', 'zxcvbnm123',
  'hallo', 'hallo123', 'hallo1234', 'hallohallo', 'hallo12345', 'halloduda', 'willkommen', 'willkommen1',
  'willkommen123', 'welcome', 'welcome1', 'welcome123', 'letmein', 'letmein1', 'iloveyou', 'ichliebedich',
  'schatz', 'schatz123', 'schatzi', 'geheim', 'geheim123', 'geheim1234', 'sommer', 'sommer2024', 'sommer2025',
  'sommer2026', 'winter', 'winter2025', 'winter2026', 'fruehling', 'frühling', 'dragon', 'monkey', 'sunshine',
  'football', 'fussball', 'fußball', 'baseball', 'superman', 'batman', 'master', 'master123', 'admin', 'admin123',
  'administrator', 'changeme', 'abc12345', 'abcd1234', 'abcdefgh', 'aaaaaaaa', 'login', 'login123', 'test1234',
  'test12345', 'starwars', 'pokemon', 'schalke04', 'borussia', 'bayern', 'bayernmuenchen', 'deutschland',
  'berlin', 'berlin123', 'hamburg', 'muenchen', 'praxis', 'praxis123', 'zahnarzt', 'patient', 'sprechstunde',
];

const defaultPolicy = (minLength: number, extra: PasswordRule[]): PasswordPolicy => ({
  rules: [{ kind: 'minLength', value: minLength }, { kind: 'maxLength', value: 128 }, ...extra],
});

/**
 * Ready-made policies:
 * - `nist` (the default): length 8–128, not the username, not a common password (NIST SP 800-63B).
 * - `strict10`: ≥ 10 with lower, upper, digit and symbol, as seed 000 demands.
 * - `min8`: length 8–128 only, as seed 002.
 */
export const policyPresets: { nist: PasswordPolicy; strict10: PasswordPolicy; min8: PasswordPolicy } = {
  nist: defaultPolicy(8, [{ kind: 'notIdentifier' }, { kind: 'notBlocklisted' }]),
  strict10: defaultPolicy(10, [
    { kind: 'lowercase' },
    { kind: 'uppercase' },
    { kind: 'digit' },
    { kind: 'symbol' },
    { kind: 'notIdentifier' },
  ]),
  min8: defaultPolicy(8, []),
};

const lowercasePattern = /\p{Ll}/u;
const uppercasePattern = /\p{Lu}/u;
const digitPattern = /\p{Nd}/u;
// Anything that is neither letter nor number: space, punctuation, emoji, marks.
const symbolPattern = /[^\p{L}\p{N}]/u;
const commonPasswordSet: ReadonlySet<string> = new Set(commonPasswords);

/** Identifier part a password must not contain: the e-mail local part, or the whole username. */
function identifierFragment(identifier: string | undefined): string | undefined {
  if (!identifier) return undefined;
  const at = identifier.lastIndexOf('@');
  const fragment = (at > 0 ? identifier.slice(0, at) : identifier).trim().toLowerCase();
  return [...fragment].length >= 3 ? fragment : undefined;
}

// Product words lower-cased once per rule object, not per keystroke.
const productWordCache = new WeakMap<PasswordRule, readonly string[]>();
function productWords(rule: Extract<PasswordRule, { kind: 'notBlocklisted' }>): readonly string[] {
  let words = productWordCache.get(rule);
  if (!words) {
    words = (rule.words ?? []).map((word) => word.trim().toLowerCase()).filter((word) => word.length > 0);
    productWordCache.set(rule, words);
  }
  return words;
}

interface PasswordFacts {
  password: string;
  length: number;
  /** Lower-cased copy for comparisons only; the password itself is never changed. */
  lower: string;
  identifier: string | undefined;
}

function isRuleMet(rule: PasswordRule, facts: PasswordFacts): boolean {
  switch (rule.kind) {
    case 'minLength':
      return facts.length >= rule.value;
    case 'maxLength':
      return facts.length <= rule.value;
    case 'lowercase':
      return lowercasePattern.test(facts.password);
    case 'uppercase':
      return uppercasePattern.test(facts.password);
    case 'digit':
      return digitPattern.test(facts.password);
    case 'symbol':
      return symbolPattern.test(facts.password);
    case 'notIdentifier':
      return facts.identifier === undefined || !facts.lower.includes(facts.identifier);
    case 'notBlocklisted':
      return !commonPasswordSet.has(facts.lower) && !productWords(rule).some((word) => facts.lower.includes(word));
  }
}

/** Counts code points, so an emoji or a CJK character counts as one character. */
function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * Evaluates a password against a policy. One evaluator feeds the live
 * checklist, the submit gate and the server check. Lengths are counted in
 * code points. An empty password meets no rule, so a checklist starts all unmet.
 *
 * @param context.identifier the username or e-mail, for the `notIdentifier` rule
 */
export function evaluatePassword(
  policy: PasswordPolicy,
  password: string,
  context: { identifier?: string } = {},
): PasswordEvaluation {
  const facts: PasswordFacts | undefined =
    password === ''
      ? undefined
      : {
          password,
          length: codePointLength(password),
          lower: password.toLowerCase(),
          identifier: identifierFragment(context.identifier),
        };
  const seen = new Map<string, number>();
  const results: RuleResult[] = [];
  let metCount = 0;
  for (const rule of policy.rules) {
    const occurrence = (seen.get(rule.kind) ?? 0) + 1;
    seen.set(rule.kind, occurrence);
    const met = facts !== undefined && isRuleMet(rule, facts);
    if (met) metCount++;
    results.push({ id: occurrence === 1 ? rule.kind : `${rule.kind}-${occurrence}`, rule, met });
  }
  return { results, metCount, total: results.length, ok: metCount === results.length };
}

/**
 * The policy in the `passwordrules` syntax of Apple and 1Password, so password
 * managers generate a password that passes, e.g.
 * `"minlength: 10; maxlength: 128; required: lower; required: upper; required: digit; required: special;"`.
 * Rules that password managers cannot express (identifier, blocklist) are left out.
 */
export function passwordRulesAttribute(policy: PasswordPolicy): string {
  const parts: string[] = [];
  const lengths = (kind: 'minLength' | 'maxLength') =>
    policy.rules.flatMap((rule) => (rule.kind === kind ? [rule.value] : []));
  const minLengths = lengths('minLength');
  const maxLengths = lengths('maxLength');
  // Several length rules: the strictest one decides.
  if (minLengths.length > 0) parts.push(`minlength: ${Math.max(...minLengths)};`);
  if (maxLengths.length > 0) parts.push(`maxlength: ${Math.min(...maxLengths)};`);
  const classes = { lowercase: 'lower', uppercase: 'upper', digit: 'digit', symbol: 'special' } as const;
  for (const [kind, name] of Object.entries(classes)) {
    if (policy.rules.some((rule) => rule.kind === kind)) parts.push(`required: ${name};`);
  }
  return parts.join(' ');
}
