/**
 * The browser's way to the common-password rule (`rules/common-passwords.ts`,
 * the one rule the checklist and every backend run): the rule and its lists
 * load on first use, both at once, so that neither is part of the first step.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const [rule] = await Promise.all([import('./rules/common-passwords.js'), import('./rules/generated/common-passwords.js')]);
  return rule.isCommonPassword(password);
}
