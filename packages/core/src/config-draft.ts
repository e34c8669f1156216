import type { PforteConfig, ResolvedStep } from './config.js';
import { configDefaults } from './config-defaults.js';
import { policyPresets, type PasswordPolicy } from './policy.js';
import { pforteLocales, type PforteLocale } from './locales.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isLocale = (value: unknown): value is PforteLocale => pforteLocales.includes(value as PforteLocale);
const textOr = (value: unknown, fallback?: string) => (typeof value === 'string' ? value : fallback);

/**
 * The configuration as far as the first step needs it, read without the
 * config schema (and so without zod): the defaults filled in where options
 * are missing, the steps by id with their options as given. It is a draft for
 * rendering the first step while the schema loads; it is not validated, and
 * only {@link parseConfig}'s answer may let anything the person enters be
 * submitted (see `<pforte-signup>`). The `signIn` section is left out: only
 * backends read it. `undefined` when the input is not even
 * an object (then only the full validation's message can say why).
 */
export function draftConfig(input: unknown): PforteConfig | undefined {
  let raw: unknown = input ?? {};
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!isRecord(raw)) return undefined;
  const entries = raw['steps'] ?? configDefaults.steps;
  if (!Array.isArray(entries)) return undefined;
  const steps = entries.map((entry: unknown) =>
    typeof entry === 'string' ? { id: entry, optional: false } : isRecord(entry) ? { optional: false, ...entry } : { id: '', optional: false },
  ) as unknown as ResolvedStep[];
  if (!steps.some((step) => step.id === 'done')) steps.push({ id: 'done', optional: false });
  const username = isRecord(raw['username']) ? raw['username'] : {};
  const strings = isRecord(raw['strings']) ? raw['strings'] : {};
  const config: PforteConfig = {
    product: textOr(raw['product'], configDefaults.product)!,
    steps,
    username: {
      kind: username['kind'] === 'username' ? 'username' : username['kind'] === 'email' ? 'email' : configDefaults.username.kind,
      minLength: typeof username['minLength'] === 'number' ? username['minLength'] : configDefaults.username.minLength,
      maxLength: typeof username['maxLength'] === 'number' ? username['maxLength'] : configDefaults.username.maxLength,
    },
    passwordPolicy: draftPolicy(raw['passwordPolicy']),
    strings: Object.fromEntries(
      pforteLocales.filter((locale) => isRecord(strings[locale])).map((locale) => [locale, { ...(strings[locale] as Record<string, string>) }]),
    ),
    requestTimeoutMs: typeof raw['requestTimeoutMs'] === 'number' ? raw['requestTimeoutMs'] : configDefaults.requestTimeoutMs,
  };
  const id = textOr(raw['id']);
  if (id !== undefined) config.id = id;
  if (isLocale(raw['locale'])) config.locale = raw['locale'];
  if (Array.isArray(raw['locales'])) {
    const offered = raw['locales'].filter(isLocale);
    if (offered.length > 0) config.locales = offered;
  }
  const signInUrl = textOr(raw['signInUrl']);
  if (signInUrl !== undefined) config.signInUrl = signInUrl;
  return config;
}

function draftPolicy(policy: unknown): PasswordPolicy {
  const presets: Record<string, PasswordPolicy> = policyPresets;
  if (typeof policy === 'string' && presets[policy]) return presets[policy];
  if (isRecord(policy) && Array.isArray(policy['rules'])) return { rules: policy['rules'] as PasswordPolicy['rules'] };
  return policyPresets[configDefaults.passwordPolicy];
}
