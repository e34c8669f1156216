import * as z from 'zod/mini';
import { accountSectionDescriptors, accountSectionIds, hasSectionSteps, type AccountConfig } from './account-sections.js';
import { ConfigError } from './config-error.js';
import { configDefaults } from './config-defaults.js';
import { policyPresets, type PasswordPolicy, type PasswordRule } from './policy.js';
import { pforteLocales, type PforteLocale } from './locales.js';
import type { CaptchaStep } from './steps/captcha.js';
import type { CredentialsStep } from './steps/credentials.js';
import type { CustomerLookupStep } from './steps/customer-lookup.js';
import type { DoneStep } from './steps/done.js';
import type { EmailCodeStep } from './steps/email-code.js';
import type { EmailVerificationStep } from './steps/email-verification.js';
import type { InvitationStep } from './steps/invitation.js';
import type { OrganizationStep } from './steps/organization.js';
import type { PinStep } from './steps/pin.js';
import type { ProfileStep } from './steps/profile.js';
import { builtinStepSchemas, defaultRegistry, stepIds, type StepRegistry } from './steps/registry.js';
import type { SecondFactorChoiceStep } from './steps/second-factor-choice.js';
import type { SmsStep } from './steps/sms.js';
import type { TermsStep } from './steps/terms.js';
import { intBetween, linkUrl, webOrigin, type BaseStep, type ConfigContext } from './steps/types.js';
import type { VisibilityStep } from './steps/visibility.js';

export { ConfigError } from './config-error.js';
export { stepIds, type StepId } from './steps/registry.js';
export type { SecondFactorMethod } from './steps/types.js';
export { profileFields, type ProfileField, type ProfileFieldMode } from './steps/profile.js';
export type {
  CaptchaStep,
  CredentialsStep,
  CustomerLookupStep,
  DoneStep,
  EmailCodeStep,
  EmailVerificationStep,
  InvitationStep,
  OrganizationStep,
  PinStep,
  ProfileStep,
  SecondFactorChoiceStep,
  SmsStep,
  TermsStep,
  VisibilityStep,
};

/** Schema of one entry of `steps` over a registry: a bare id or an object with options. */
function stepEntrySchemaOf(registry: StepRegistry) {
  const objects = registry.descriptors.map((descriptor) => descriptor.schema) as unknown as [
    z.ZodMiniObject<{ id: z.ZodMiniLiteral<string> }>,
    ...z.ZodMiniObject<{ id: z.ZodMiniLiteral<string> }>[],
  ];
  return z.union([z.enum(registry.ids), z.discriminatedUnion('id', objects)]);
}

/** Schema of one entry of `steps`: a bare id or an object with options. */
export const stepEntrySchema = z.union([z.enum(stepIds), z.discriminatedUnion('id', builtinStepSchemas)]);

/** Schema of one password rule. */
export const passwordRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('minLength'), value: intBetween(1, 4096) }),
  // Passwords of 64 characters must always be allowed (NIST SP 800-63B, OWASP ASVS).
  z.strictObject({ kind: z.literal('maxLength'), value: intBetween(64, 4096) }),
  z.strictObject({ kind: z.literal('lowercase') }),
  z.strictObject({ kind: z.literal('uppercase') }),
  z.strictObject({ kind: z.literal('digit') }),
  z.strictObject({ kind: z.literal('symbol') }),
  z.strictObject({ kind: z.literal('notIdentifier') }),
  z.strictObject({ kind: z.literal('notBlocklisted'), words: z.optional(z.array(z.string())) }),
]);

const presetNames = ['nist', 'strict10', 'min8'] as const;

const noticeTextSchema = z.string().check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(2000));

/**
 * Schema of the `signIn` section: how people sign in to the product, how long
 * an account locks after wrong passwords, the second-factor codes, the reset
 * link and the sessions. The account's second factor is the one it chose at
 * registration.
 */
export const signInSchema = z.strictObject({
  lockout: z._default(
    z.optional(
      z.strictObject({
        /** Wrong passwords in a row before the account locks. */
        maxAttempts: z._default(z.optional(intBetween(1, 100)), 5),
        /** How long a lock lasts. */
        lockSeconds: z._default(z.optional(intBetween(10, 24 * 60 * 60)), 300),
      }),
    ),
    { maxAttempts: 5, lockSeconds: 300 },
  ),
  /** Digits of a second-factor code (SMS or e-mail TAN). */
  codeLength: z._default(z.optional(intBetween(4, 10)), 6),
  /** Seconds before another code may be sent. */
  resendSeconds: z._default(z.optional(intBetween(10, 3600)), 60),
  /** Minutes a password-reset link works. */
  resetLinkMinutes: z._default(z.optional(intBetween(5, 24 * 60)), 60),
  /** Origins a reset link may lead to (default: the origin of the page that asked). */
  resetUrlOrigins: z._default(z.optional(z.array(webOrigin)), []),
  /** Minutes a session lives without use. */
  sessionIdleMinutes: z._default(z.optional(intBetween(1, 7 * 24 * 60)), 30),
  /** Hours a session lives at most. */
  sessionAbsoluteHours: z._default(z.optional(intBetween(1, 30 * 24)), 12),
  /** Minutes after a sign-in in which security-relevant changes (removing a member, …) need no new sign-in. */
  reauthMinutes: z._default(z.optional(intBetween(1, 24 * 60)), 10),
  /** The "Forgot your password?" link. */
  forgotPasswordUrl: z.optional(linkUrl),
  /** The "Register" link. */
  registerUrl: z.optional(linkUrl),
  /** Hours the link of an account invitation works (the admin API: the person sets a first password). */
  invitationLinkHours: z._default(z.optional(intBetween(1, 30 * 24)), 72),
  /** Guest access by TAN (an e-mailed invitation link and a one-time code, no account); absent: the product has none. */
  guestAccess: z.optional(
    z.strictObject({
      /** Digits of the guest's one-time code. */
      codeLength: z._default(z.optional(intBetween(4, 10)), 6),
      /** Hours an invitation works (its guest sessions end then too). */
      validityHours: z._default(z.optional(intBetween(1, 30 * 24)), 24),
      /** How often the invitation lets the guest in (1: single use). */
      maxUses: z._default(z.optional(intBetween(1, 100)), 1),
      /** Wrong codes before the invitation stops taking codes. */
      maxAttempts: z._default(z.optional(intBetween(1, 20)), 5),
      /** `withLink`: the code is in the invitation e-mail; `separately`: a message of its own (an SMS where the invitation has a phone number, else a second e-mail). */
      code: z._default(z.optional(z.enum(['withLink', 'separately'])), 'withLink'),
    }),
  ),
  /**
   * A notice shown once, at the first sign-in of an account someone else
   * created (an admin, a practice, an automatic registration), as plain text:
   * one text, or one per locale (see {@link noticeText}).
   */
  firstSignInNotice: z.optional(z.union([noticeTextSchema, z.partialRecord(z.enum(pforteLocales), noticeTextSchema)])),
});

/** The resolved `guestAccess` part of the `signIn` section. */
export interface GuestAccessConfig {
  codeLength: number;
  validityHours: number;
  maxUses: number;
  maxAttempts: number;
  code: 'withLink' | 'separately';
}

/** The resolved `signIn` section: every default filled in. */
export interface SignInConfig {
  lockout: { maxAttempts: number; lockSeconds: number };
  codeLength: number;
  resendSeconds: number;
  resetLinkMinutes: number;
  resetUrlOrigins: string[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  reauthMinutes: number;
  forgotPasswordUrl?: string;
  registerUrl?: string;
  invitationLinkHours: number;
  guestAccess?: GuestAccessConfig;
  firstSignInNotice?: string | Partial<Record<PforteLocale, string>>;
}

/**
 * A product text given once or per locale, in `locale`: its own text, else
 * the first one given (the product's language, as its config lists it).
 */
export function noticeText(text: string | Partial<Record<PforteLocale, string>>, locale: PforteLocale): string {
  return typeof text === 'string' ? text : (text[locale] ?? Object.values(text)[0] ?? '');
}

/** The `signIn` section of a product that gives none. */
export function resolveSignIn(input: z.input<typeof signInSchema> = {}): SignInConfig {
  const parsed = z.parse(signInSchema, input);
  const resolved: SignInConfig = { ...parsed, lockout: { ...parsed.lockout }, resetUrlOrigins: [...parsed.resetUrlOrigins] };
  if (parsed.forgotPasswordUrl === undefined) delete resolved.forgotPasswordUrl;
  if (parsed.registerUrl === undefined) delete resolved.registerUrl;
  if (parsed.guestAccess === undefined) delete resolved.guestAccess;
  else resolved.guestAccess = { ...parsed.guestAccess };
  if (parsed.firstSignInNotice === undefined) delete resolved.firstSignInNotice;
  return resolved;
}
const localeSchema = z.enum(pforteLocales);

/**
 * Schema of the `account` section: what `<pforte-account>` shows, in this
 * order. A section left out is not shown; without the section a product
 * gets every section whose registration step it has.
 */
export const accountSchema = z.strictObject({
  /** The sections of the account area, e.g. `["organization"]`. */
  sections: z.array(z.enum(accountSectionIds)).check(z.minLength(1, { error: 'expected at least one section' })),
});

/** Schema of the whole configuration over a registry. */
function configSchemaOf<Entry extends z.ZodMiniType>(entry: Entry) {
  return z.strictObject({
    product: z._default(z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))), configDefaults.product),
    id: z.optional(
      z.string().check(
        z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected lower-case letters, digits and "-" (at most 64), e.g. "video-consultation"' }),
      ),
    ),
    steps: z._default(z.optional(z.array(entry)), [...configDefaults.steps] as z.output<Entry>[]),
    username: z._default(
      z.optional(
        z.strictObject({
          kind: z._default(z.optional(z.enum(['email', 'username'])), configDefaults.username.kind),
          minLength: z._default(z.optional(intBetween(1, 320)), configDefaults.username.minLength),
          maxLength: z._default(z.optional(intBetween(1, 320)), configDefaults.username.maxLength),
        }),
      ),
      { ...configDefaults.username },
    ),
    passwordPolicy: z._default(
      z.optional(z.union([z.enum(presetNames), z.strictObject({ rules: z.array(passwordRuleSchema) })])),
      configDefaults.passwordPolicy,
    ),
    locale: z.optional(localeSchema),
    locales: z.optional(z.array(localeSchema).check(z.minLength(1, { error: 'must name at least one locale' }))),
    strings: z._default(z.optional(z.partialRecord(localeSchema, z.record(z.string(), z.string()))), {}),
    requestTimeoutMs: z._default(z.optional(intBetween(1000, 120000)), configDefaults.requestTimeoutMs),
    signInUrl: z.optional(linkUrl),
    signIn: z.optional(signInSchema),
    account: z.optional(accountSchema),
  });
}

/** Schema of the whole configuration: the single source of truth for types, validation and docs. */
export const configSchema = configSchemaOf(stepEntrySchema);

/** One entry of `steps` as users write it. */
export type StepEntry = z.input<typeof stepEntrySchema>;
/** The configuration as users write it (all fields optional). */
export type PforteConfigInput = z.input<typeof configSchema>;

/** A step with every default filled in. */
export type ResolvedStep =
  | InvitationStep
  | CustomerLookupStep
  | CaptchaStep
  | CredentialsStep
  | ProfileStep
  | TermsStep
  | EmailVerificationStep
  | OrganizationStep
  | SecondFactorChoiceStep
  | PinStep
  | SmsStep
  | EmailCodeStep
  | VisibilityStep
  | DoneStep;

/** The resolved configuration: every default filled in, the policy a {@link PasswordPolicy}. */
export interface PforteConfig {
  /** The product's id: the backend binds each flow to it (see `startRegistration`). */
  id?: string;
  product: string;
  steps: ResolvedStep[];
  username: { kind: 'email' | 'username'; minLength: number; maxLength: number };
  passwordPolicy: PasswordPolicy;
  /** The language the product always uses, whatever the page or browser says. */
  locale?: PforteLocale;
  /** The languages the product offers; the page's and browser's language is matched among these. All when unset. */
  locales?: PforteLocale[];
  /** Per-product string overrides by locale. */
  strings: Partial<Record<PforteLocale, Record<string, string>>>;
  requestTimeoutMs: number;
  /** Where people sign in; linked when a registration link was already used. */
  signInUrl?: string;
  /** How people sign in, when the config has a `signIn` section (backends use {@link resolveSignIn}'s defaults otherwise). */
  signIn?: SignInConfig;
  /** What the account area shows, when the config has an `account` section (`accountSectionsFor` gives the product's default otherwise). */
  account?: AccountConfig;
}

type PathSegment = PropertyKey;

/** Formats a path as users write it: `['steps', 2, 'codeLength']` → `steps[2].codeLength`. */
export function formatConfigPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      const plain = /^[A-Za-z_$][\w$]*$/.test(key);
      text += plain ? (text === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return text;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const typeNames: Record<string, string> = {
  string: 'text',
  // Every number in the config is a whole number.
  number: 'a whole number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

/** Whether a list of allowed values is the list of step ids (then the value is an unknown step). */
const isStepIdList = (values: readonly unknown[], ids: readonly string[]) =>
  values.length === ids.length && ids.every((id) => values.includes(id));

function listOf(values: readonly unknown[]): string {
  return values.map(String).join(', ');
}

/** Zod issue as far as this formatter needs it (zod/mini ships no messages, so we write our own). */
interface Issue {
  code: string;
  path: PathSegment[];
  message: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: string[];
  errors?: Issue[][];
  options?: readonly unknown[];
  note?: string;
  discriminator?: string;
}

/** Turns the first zod issue into a {@link ConfigError} with a human message. */
function issueToConfigError(
  issue: Issue,
  input: unknown,
  ids: readonly string[],
  basePath: readonly PathSegment[] = [],
): ConfigError {
  const path = [...basePath, ...issue.path];
  const value = valueAt(input, path);
  const at = formatConfigPath(path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return new ConfigError(at, 'is required');
      if (issue.expected === 'int' && typeof value === 'number') return new ConfigError(at, 'expected a whole number');
      if (issue.expected === 'int') return new ConfigError(at, `expected a whole number, got ${describeValue(value)}`);
      return new ConfigError(at, `expected ${typeNames[issue.expected ?? ''] ?? issue.expected}, got ${describeValue(value)}`);
    case 'invalid_value': {
      const values = issue.values ?? [];
      if (isStepIdList(values, ids)) return new ConfigError(at, `unknown step ${describeValue(value)}`);
      if (isStepIdList(values, accountSectionIds)) {
        return new ConfigError(at, `unknown section ${describeValue(value)}, expected one of ${listOf(values)}`);
      }
      if (values.length === 1) return new ConfigError(at, `expected ${describeValue(values[0])}`);
      return new ConfigError(at, `expected one of ${listOf(values)}`);
    }
    case 'unrecognized_keys': {
      const key = issue.keys?.[0] ?? '';
      return new ConfigError(at, `unknown option ${JSON.stringify(key)}`);
    }
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        const options = issue.options ?? [];
        if (isStepIdList(options, ids)) {
          // `{ id: 'foo' }` reads like the bare 'foo': name the entry, not its id.
          const entryPath = path.slice(0, -1);
          return value === undefined
            ? new ConfigError(formatConfigPath(entryPath), 'a step needs an "id"')
            : new ConfigError(formatConfigPath(entryPath), `unknown step ${describeValue(value)}`);
        }
        return value === undefined
          ? new ConfigError(at, 'is required')
          : new ConfigError(at, `expected one of ${listOf(options)}`);
      }
      // Pick the branch that matches the shape of the value: an object goes to the object branch, text to the enum.
      const branches = (issue.errors ?? []).filter((branch) => branch.length > 0);
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      const chosen = branches.find((branch) => {
        const first = branch[0]!;
        const rejectsShape = first.path.length === 0 && (first.code === 'invalid_type' || first.code === 'invalid_value');
        if (isObject) return !rejectsShape;
        return typeof value === 'string' && first.code === 'invalid_value';
      });
      if (chosen) return issueToConfigError(chosen[0]!, input, ids, path);
      const enumBranch = branches.find((branch) => branch[0]!.code === 'invalid_value');
      const names = enumBranch ? `one of ${listOf(enumBranch[0]!.values ?? [])} or an object` : 'text or an object';
      return new ConfigError(at, `expected ${names}, got ${describeValue(value)}`);
    }
    default:
      // too_small, too_big, invalid_format and custom come from checks that carry our own messages.
      return new ConfigError(at, issue.message);
  }
}

function resolveStep(registry: StepRegistry, entry: string | { id: string }, index: number): BaseStep {
  // A bare id gets its defaults from the same schema as the object form.
  const descriptor = registry.get(typeof entry === 'string' ? entry : entry.id)!;
  let parsed: unknown = entry;
  if (typeof entry === 'string') {
    const result = z.safeParse(descriptor.schema, { id: entry });
    // Only steps with a required option (terms) fail here.
    if (!result.success) {
      const root = { steps: { [index]: { id: entry } } };
      throw issueToConfigError(result.error.issues[0] as Issue, root, registry.ids, ['steps', index]);
    }
    parsed = result.data;
  }
  return descriptor.resolve(parsed as never);
}

/** Order and prerequisite checks the schema cannot express, each from the step's descriptor. */
function checkSteps(
  registry: StepRegistry,
  steps: readonly BaseStep[],
  usernameKind: 'email' | 'username',
): ConfigError | undefined {
  if (steps.length === 0) return new ConfigError('steps', 'expected at least one step');
  const firstIndex = new Map<string, number>();
  for (const [index, step] of steps.entries()) {
    if (firstIndex.has(step.id)) return new ConfigError('steps', `"${step.id}" appears twice`);
    firstIndex.set(step.id, index);
  }
  const context: ConfigContext = {
    usernameKind,
    providesEmail: (step) => registry.get(step.id)?.providesEmail?.(step as never, context) ?? false,
  };
  for (const [index, step] of steps.entries()) {
    const descriptor = registry.get(step.id)!;
    if (descriptor.position === 'first' && index !== 0) {
      return new ConfigError(`steps[${index}]`, `"${step.id}" must be the first step`);
    }
    if (descriptor.position === 'last' && index !== steps.length - 1) {
      return new ConfigError(`steps[${index}]`, `"${step.id}" must be the last step`);
    }
    for (const needed of descriptor.after ?? []) {
      const neededIndex = firstIndex.get(needed);
      if (neededIndex === undefined || neededIndex > index) {
        return new ConfigError(`steps[${index}]`, `"${step.id}" needs "${needed}" before it`);
      }
    }
    const problem = descriptor.check?.(step as never, index, steps, context);
    if (problem) return problem;
  }
  if (!firstIndex.has('credentials')) return new ConfigError('steps', 'expected a "credentials" step');
  return undefined;
}

function checkLocales(config: z.output<typeof configSchema>): ConfigError | undefined {
  if (config.locale !== undefined && config.locales !== undefined && !config.locales.includes(config.locale)) {
    return new ConfigError('locale', `must be one of the offered locales (${config.locales.join(', ')})`);
  }
  return undefined;
}

/** Each section once, and only where the product has the step it changes later. */
function checkAccount(account: AccountConfig | undefined, steps: readonly BaseStep[]): ConfigError | undefined {
  const seen = new Set<string>();
  for (const [index, id] of (account?.sections ?? []).entries()) {
    if (seen.has(id)) return new ConfigError('account.sections', `"${id}" appears twice`);
    seen.add(id);
    if (!hasSectionSteps(id, steps)) {
      const needed = (accountSectionDescriptors[id].steps ?? []).map((step) => `"${step}"`).join(' or ');
      return new ConfigError(`account.sections[${index}]`, `"${id}" needs the ${needed} step`);
    }
  }
  return undefined;
}

function checkLengths(config: z.output<typeof configSchema>): ConfigError | undefined {
  if (config.username.minLength > config.username.maxLength) {
    return new ConfigError('username.maxLength', `must be at least username.minLength (${config.username.minLength})`);
  }
  if (typeof config.passwordPolicy === 'object') {
    const rules = config.passwordPolicy.rules;
    if (rules.length === 0) return new ConfigError('passwordPolicy.rules', 'expected at least one rule');
    const min = Math.max(0, ...rules.map((rule) => (rule.kind === 'minLength' ? rule.value : 0)));
    for (const [index, rule] of rules.entries()) {
      if (rule.kind === 'maxLength' && rule.value < min) {
        return new ConfigError(`passwordPolicy.rules[${index}].value`, `must be at least the minimum length (${min})`);
      }
    }
  }
  return undefined;
}

function resolvePolicy(policy: z.output<typeof configSchema>['passwordPolicy']): PasswordPolicy {
  if (typeof policy === 'string') return policyPresets[policy];
  return { rules: policy.rules.map((rule): PasswordRule => ({ ...rule })) };
}

const schemas = new WeakMap<StepRegistry, z.ZodMiniType>();
function configSchemaFor(registry: StepRegistry): z.ZodMiniType {
  if (registry === defaultRegistry) return configSchema as z.ZodMiniType;
  let schema = schemas.get(registry);
  if (!schema) {
    schema = configSchemaOf(stepEntrySchemaOf(registry)) as z.ZodMiniType;
    schemas.set(registry, schema);
  }
  return schema;
}

/**
 * Validates and resolves a configuration, filling in every default.
 * Accepts an object or a JSON string (the `config` attribute of script-tag users);
 * `undefined` or `null` (no config given) means "all defaults". `done` is appended when missing.
 * `registry` adds a product's own steps to the built-in ones.
 *
 * @throws ConfigError naming the first problem, e.g. `steps[2].codeLength: expected 4–10`
 */
export function parseConfig(input: unknown, registry: StepRegistry = defaultRegistry): PforteConfig {
  let raw: unknown = input ?? {};
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch (error) {
      throw new ConfigError('', `config is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('', `config must be an object, got ${describeValue(raw)}`);
  }
  const parsed = z.safeParse(configSchemaFor(registry), raw);
  if (!parsed.success) throw issueToConfigError(parsed.error.issues[0] as Issue, raw, registry.ids);
  const config = parsed.data as z.output<typeof configSchema>;
  const steps = config.steps.map((entry, index) => resolveStep(registry, entry as string | { id: string }, index));
  if (steps.length > 0 && !steps.some((step) => step.id === 'done')) steps.push({ id: 'done', optional: false });
  const problem =
    checkSteps(registry, steps, config.username.kind) ?? checkLengths(config) ?? checkLocales(config) ?? checkAccount(config.account, steps);
  if (problem) throw problem;
  const resolved: PforteConfig = {
    product: config.product,
    steps: steps as ResolvedStep[],
    username: { ...config.username },
    passwordPolicy: resolvePolicy(config.passwordPolicy),
    strings: Object.fromEntries(Object.entries(config.strings).map(([locale, texts]) => [locale, { ...texts }])),
    requestTimeoutMs: config.requestTimeoutMs,
  };
  if (config.id !== undefined) resolved.id = config.id;
  if (config.locale !== undefined) resolved.locale = config.locale;
  if (config.locales !== undefined) resolved.locales = [...config.locales];
  if (config.signInUrl !== undefined) resolved.signInUrl = config.signInUrl;
  if (config.signIn !== undefined) resolved.signIn = resolveSignIn(config.signIn);
  if (config.account !== undefined) resolved.account = { sections: [...config.account.sections] };
  return resolved;
}

/** Like {@link parseConfig}, but returns the error instead of throwing it. */
export function safeParseConfig(
  input: unknown,
  registry: StepRegistry = defaultRegistry,
): { ok: true; config: PforteConfig } | { ok: false; error: ConfigError } {
  try {
    return { ok: true, config: parseConfig(input, registry) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error };
    throw error;
  }
}
