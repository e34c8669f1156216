import * as z from 'zod/mini';
import { policyPresets, type PasswordPolicy, type PasswordRule } from './policy.js';

/** Every step the flow engine knows, in the default order. */
export const stepIds = [
  'invitation',
  'customerLookup',
  'captcha',
  'credentials',
  'profile',
  'terms',
  'emailVerification',
  'organization',
  'secondFactorChoice',
  'pin',
  'sms',
  'emailCode',
  'visibility',
  'done',
] as const;
/** Id of a flow step. */
export type StepId = (typeof stepIds)[number];

const wholeNumber = { error: 'expected a whole number' };
/** Integer in [min, max]; the message names the whole range, e.g. "expected 4–10". */
function intBetween(min: number, max: number) {
  const range = { error: `expected ${min}–${max}` };
  return z.int(wholeNumber).check(z.minimum(min, range), z.maximum(max, range));
}

/** `optional` for steps that may not be optional: only `false` passes. */
function notOptional(id: StepId) {
  return z._default(
    z.optional(z.boolean().check(z.refine((value) => !value, { error: `"${id}" cannot be optional` }))),
    false,
  );
}
const optionalFlag = z._default(z.optional(z.boolean()), false);

const countryCode = z.string().check(
  z.regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in upper case, e.g. "DE"' }),
);
const credentialsStepSchema = z.strictObject({ id: z.literal('credentials'), optional: notOptional('credentials') });
const pinStepSchema = z.strictObject({
  id: z.literal('pin'),
  optional: notOptional('pin'),
  mode: z._default(z.optional(z.enum(['generated', 'chosen'])), 'generated'),
  length: z._default(z.optional(intBetween(4, 12)), 6),
});
const smsStepSchema = z.strictObject({
  id: z.literal('sms'),
  optional: optionalFlag,
  codeLength: z._default(z.optional(intBetween(4, 10)), 8),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
  defaultCountry: z._default(z.optional(countryCode), 'DE'),
  mobileOnly: z._default(z.optional(z.boolean()), true),
});
const visibilityStepSchema = z.strictObject({ id: z.literal('visibility'), optional: optionalFlag });
const doneStepSchema = z.strictObject({ id: z.literal('done'), optional: notOptional('done') });

/** An absolute http(s) URL or a path on the same site ("/agb"). */
const linkUrl = z.string().check(
  z.regex(/^(https?:\/\/[^\s/?#]+[^\s]*|\/[^\s]*)$/, {
    error: 'expected an http(s) URL or a path starting with "/"',
  }),
);

/** Fields of the profile step. */
export const profileFields = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'position',
  'mobile',
  'phone',
  'email',
] as const;
/** A field of the profile step. */
export type ProfileField = (typeof profileFields)[number];
/** Whether a profile field is asked for, and whether it must be filled in. */
export type ProfileFieldMode = 'required' | 'optional' | 'absent';
const profileFieldModes = ['required', 'optional', 'absent'] as const;
const defaultProfileFields: Record<ProfileField, ProfileFieldMode> = {
  salutation: 'absent',
  title: 'absent',
  firstName: 'required',
  lastName: 'required',
  position: 'absent',
  mobile: 'absent',
  phone: 'absent',
  email: 'absent',
};

/** A second factor a person may choose. */
export type SecondFactorMethod = 'none' | 'email' | 'sms';
const secondFactorMethods = ['none', 'email', 'sms'] as const;
const organizationModes = ['register', 'join'] as const;

/** A non-empty list of distinct values of `values`. */
function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).check(
    z.minLength(1, { error: 'expected at least one entry' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'expected each entry only once' }),
  );
}

const invitationStepSchema = z.strictObject({ id: z.literal('invitation'), optional: notOptional('invitation') });
const profileStepSchema = z.strictObject({
  id: z.literal('profile'),
  optional: notOptional('profile'),
  fields: z._default(z.optional(z.partialRecord(z.enum(profileFields), z.enum(profileFieldModes))), {}),
  defaultCountry: z._default(z.optional(countryCode), 'DE'),
});
const termsStepSchema = z.strictObject({
  id: z.literal('terms'),
  optional: notOptional('terms'),
  termsUrl: linkUrl,
  privacyUrl: linkUrl,
  version: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(100))),
});
const emailVerificationStepSchema = z.strictObject({
  id: z.literal('emailVerification'),
  optional: notOptional('emailVerification'),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
});
const customerLookupStepSchema = z.strictObject({
  id: z.literal('customerLookup'),
  optional: notOptional('customerLookup'),
  captcha: z._default(z.optional(z.boolean()), true),
  repeatEmail: z._default(z.optional(z.boolean()), true),
});
const captchaStepSchema = z.strictObject({ id: z.literal('captcha'), optional: notOptional('captcha') });
const organizationStepSchema = z.strictObject({
  id: z.literal('organization'),
  optional: notOptional('organization'),
  modes: z._default(z.optional(distinctList(organizationModes)), ['register', 'join']),
  maxMembers: z._default(z.optional(intBetween(1, 10000)), 5),
});
const secondFactorChoiceStepSchema = z.strictObject({
  id: z.literal('secondFactorChoice'),
  optional: notOptional('secondFactorChoice'),
  choices: z._default(z.optional(distinctList(secondFactorMethods)), ['none', 'email', 'sms']),
  preselected: z.optional(z.enum(secondFactorMethods)),
});
const emailCodeStepSchema = z.strictObject({
  id: z.literal('emailCode'),
  optional: optionalFlag,
  codeLength: z._default(z.optional(intBetween(4, 10)), 6),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
});

/** Schema of one entry of `steps`: a bare id or an object with options. */
export const stepEntrySchema = z.union([
  z.enum(stepIds),
  z.discriminatedUnion('id', [
    credentialsStepSchema,
    pinStepSchema,
    smsStepSchema,
    visibilityStepSchema,
    doneStepSchema,
    invitationStepSchema,
    profileStepSchema,
    termsStepSchema,
    emailVerificationStepSchema,
    customerLookupStepSchema,
    captchaStepSchema,
    organizationStepSchema,
    secondFactorChoiceStepSchema,
    emailCodeStepSchema,
  ]),
]);

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
const localeSchema = z.enum(['de', 'en']);

/** Schema of the whole configuration: the single source of truth for types, validation and docs. */
export const configSchema = z.strictObject({
  product: z._default(z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }))), 'Pforte'),
  steps: z._default(z.optional(z.array(stepEntrySchema)), ['credentials', 'done']),
  username: z._default(
    z.optional(
      z.strictObject({
        kind: z._default(z.optional(z.enum(['email', 'username'])), 'email'),
        minLength: z._default(z.optional(intBetween(1, 320)), 3),
        maxLength: z._default(z.optional(intBetween(1, 320)), 64),
      }),
    ),
    { kind: 'email', minLength: 3, maxLength: 64 },
  ),
  passwordPolicy: z._default(
    z.optional(z.union([z.enum(presetNames), z.strictObject({ rules: z.array(passwordRuleSchema) })])),
    'nist',
  ),
  locale: z.optional(localeSchema),
  strings: z._default(z.optional(z.partialRecord(localeSchema, z.record(z.string(), z.string()))), {}),
  requestTimeoutMs: z._default(z.optional(intBetween(1000, 120000)), 15000),
  signInUrl: z.optional(linkUrl),
});

/** One entry of `steps` as users write it. */
export type StepEntry = z.input<typeof stepEntrySchema>;
/** The configuration as users write it (all fields optional). */
export type PforteConfigInput = z.input<typeof configSchema>;

/** Username and password step. */
export interface CredentialsStep {
  id: 'credentials';
  optional: false;
}
/** Service PIN step: generated by the server and shown once, or chosen by the user. */
export interface PinStep {
  id: 'pin';
  optional: false;
  mode: 'generated' | 'chosen';
  length: number;
}
/** SMS second factor. */
export interface SmsStep {
  id: 'sms';
  optional: boolean;
  codeLength: number;
  resendSeconds: number;
  /** ISO 3166 alpha-2, upper case. */
  defaultCountry: string;
  mobileOnly: boolean;
}
/** Opt-in to the contact search. */
export interface VisibilityStep {
  id: 'visibility';
  optional: boolean;
}
/** Final confirmation; the flow cannot leave it. */
export interface DoneStep {
  id: 'done';
  optional: false;
}
/** The flow starts from a registration link (invitation token). Always the first step. */
export interface InvitationStep {
  id: 'invitation';
  optional: false;
}
/** Personal data; every field is required, optional or absent. */
export interface ProfileStep {
  id: 'profile';
  optional: false;
  fields: Record<ProfileField, ProfileFieldMode>;
  /** ISO 3166 alpha-2, upper case; for the mobile and phone fields. */
  defaultCountry: string;
}
/** Accept the terms and the privacy notice. */
export interface TermsStep {
  id: 'terms';
  optional: false;
  termsUrl: string;
  privacyUrl: string;
  /** Version of the terms, recorded with the acceptance. */
  version?: string;
}
/** Confirm the e-mail address by a link. */
export interface EmailVerificationStep {
  id: 'emailVerification';
  optional: false;
  resendSeconds: number;
}
/** Customer number plus the e-mail address on file (seed 003). */
export interface CustomerLookupStep {
  id: 'customerLookup';
  optional: false;
  /** Whether the lookup carries a captcha. */
  captcha: boolean;
  /** Whether the e-mail address is entered twice. */
  repeatEmail: boolean;
}
/** A captcha on its own. */
export interface CaptchaStep {
  id: 'captcha';
  optional: false;
}
/** Register a new organization (practice) or join an existing one. */
export interface OrganizationStep {
  id: 'organization';
  optional: false;
  modes: Array<'register' | 'join'>;
  /** Members per organization; shown only, the adapter enforces it. */
  maxMembers: number;
}
/** Choose the second factor; routes to the `sms` or `emailCode` step. */
export interface SecondFactorChoiceStep {
  id: 'secondFactorChoice';
  optional: false;
  choices: SecondFactorMethod[];
  /** One of `choices` (default: the first). */
  preselected: SecondFactorMethod;
}
/** A one-time code by e-mail. */
export interface EmailCodeStep {
  id: 'emailCode';
  optional: boolean;
  codeLength: number;
  resendSeconds: number;
}
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
  product: string;
  steps: ResolvedStep[];
  username: { kind: 'email' | 'username'; minLength: number; maxLength: number };
  passwordPolicy: PasswordPolicy;
  locale?: 'de' | 'en';
  /** Per-product string overrides by locale. */
  strings: { de: Record<string, string>; en: Record<string, string> };
  requestTimeoutMs: number;
  /** Where people sign in; linked when a registration link was already used. */
  signInUrl?: string;
}

/** A bad configuration. `path` names the place (`steps[2].codeLength`); `issue` says what is wrong. */
export class ConfigError extends Error {
  readonly path: string;
  readonly issue: string;

  constructor(path: string, issue: string) {
    super(path === '' ? issue : `${path}: ${issue}`);
    this.name = 'ConfigError';
    this.path = path;
    this.issue = issue;
  }
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

const isStepIdList = (values: readonly unknown[]) =>
  values.length === stepIds.length && stepIds.every((id) => values.includes(id));

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
function issueToConfigError(issue: Issue, input: unknown, basePath: readonly PathSegment[] = []): ConfigError {
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
      if (isStepIdList(values)) return new ConfigError(at, `unknown step ${describeValue(value)}`);
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
        if (isStepIdList(options)) {
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
      if (chosen) return issueToConfigError(chosen[0]!, input, path);
      const enumBranch = branches.find((branch) => branch[0]!.code === 'invalid_value');
      const names = enumBranch ? `one of ${listOf(enumBranch[0]!.values ?? [])} or an object` : 'text or an object';
      return new ConfigError(at, `expected ${names}, got ${describeValue(value)}`);
    }
    default:
      // too_small, too_big, invalid_format and custom come from checks that carry our own messages.
      return new ConfigError(at, issue.message);
  }
}

const stepSchemas = {
  credentials: credentialsStepSchema,
  pin: pinStepSchema,
  sms: smsStepSchema,
  visibility: visibilityStepSchema,
  done: doneStepSchema,
  invitation: invitationStepSchema,
  profile: profileStepSchema,
  terms: termsStepSchema,
  emailVerification: emailVerificationStepSchema,
  customerLookup: customerLookupStepSchema,
  captcha: captchaStepSchema,
  organization: organizationStepSchema,
  secondFactorChoice: secondFactorChoiceStepSchema,
  emailCode: emailCodeStepSchema,
} as const;
type StepObject = z.output<(typeof stepSchemas)[StepId]>;

function resolveStep(entry: z.output<typeof stepEntrySchema>, index: number): ResolvedStep {
  // A bare id gets its defaults from the same schema as the object form.
  if (typeof entry === 'string') {
    const parsed = z.safeParse(stepSchemas[entry], { id: entry });
    // Only steps with a required option (terms) fail here.
    if (!parsed.success) {
      const root = { steps: { [index]: { id: entry } } };
      throw issueToConfigError(parsed.error.issues[0] as Issue, root, ['steps', index]);
    }
    entry = parsed.data as StepObject;
  }
  const step: StepObject = entry;
  switch (step.id) {
    case 'credentials':
    case 'done':
    case 'invitation':
    case 'captcha':
      return { id: step.id, optional: false };
    case 'profile':
      return {
        id: 'profile',
        optional: false,
        fields: { ...defaultProfileFields, ...step.fields },
        defaultCountry: step.defaultCountry,
      };
    case 'terms': {
      const terms: TermsStep = { id: 'terms', optional: false, termsUrl: step.termsUrl, privacyUrl: step.privacyUrl };
      if (step.version !== undefined) terms.version = step.version;
      return terms;
    }
    case 'emailVerification':
      return { id: 'emailVerification', optional: false, resendSeconds: step.resendSeconds };
    case 'customerLookup':
      return { id: 'customerLookup', optional: false, captcha: step.captcha, repeatEmail: step.repeatEmail };
    case 'organization':
      return { id: 'organization', optional: false, modes: [...step.modes], maxMembers: step.maxMembers };
    case 'secondFactorChoice':
      return {
        id: 'secondFactorChoice',
        optional: false,
        choices: [...step.choices],
        preselected: step.preselected ?? step.choices[0]!,
      };
    case 'emailCode':
      return {
        id: 'emailCode',
        optional: step.optional,
        codeLength: step.codeLength,
        resendSeconds: step.resendSeconds,
      };
    case 'pin':
      return { id: 'pin', optional: false, mode: step.mode, length: step.length };
    case 'sms':
      return {
        id: 'sms',
        optional: step.optional,
        codeLength: step.codeLength,
        resendSeconds: step.resendSeconds,
        defaultCountry: step.defaultCountry,
        mobileOnly: step.mobileOnly,
      };
    case 'visibility':
      return { id: 'visibility', optional: step.optional };
  }
}

/** Steps that act on the account, which the credentials step creates. */
const needsCredentials: ReadonlySet<StepId> = new Set<StepId>(['pin', 'sms', 'visibility', 'emailCode', 'organization']);

/** Whether `step` makes an e-mail address known to the backend. */
function providesEmail(step: ResolvedStep, usernameKind: 'email' | 'username'): boolean {
  switch (step.id) {
    case 'credentials':
      return usernameKind === 'email';
    case 'customerLookup':
    case 'invitation':
      return true;
    case 'profile':
      return step.fields.email !== 'absent';
    default:
      return false;
  }
}

/** Order and prerequisite checks the schema cannot express. */
function checkSteps(steps: readonly ResolvedStep[], usernameKind: 'email' | 'username'): ConfigError | undefined {
  if (steps.length === 0) return new ConfigError('steps', 'expected at least one step');
  const firstIndex = new Map<StepId, number>();
  for (const [index, step] of steps.entries()) {
    if (firstIndex.has(step.id)) return new ConfigError('steps', `"${step.id}" appears twice`);
    firstIndex.set(step.id, index);
  }
  const credentialsIndex = firstIndex.get('credentials');
  const choiceIndex = firstIndex.get('secondFactorChoice');
  for (const [index, step] of steps.entries()) {
    if (step.id === 'invitation' && index !== 0) {
      return new ConfigError(`steps[${index}]`, '"invitation" must be the first step');
    }
    if (needsCredentials.has(step.id) && (credentialsIndex === undefined || credentialsIndex > index)) {
      return new ConfigError(`steps[${index}]`, `"${step.id}" needs "credentials" before it`);
    }
    if (step.id === 'emailVerification' && !steps.slice(0, index).some((earlier) => providesEmail(earlier, usernameKind))) {
      return new ConfigError(
        `steps[${index}]`,
        '"emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field',
      );
    }
    if ((step.id === 'sms' || step.id === 'emailCode') && choiceIndex !== undefined) {
      if (choiceIndex > index) return new ConfigError(`steps[${index}]`, `"${step.id}" must come after "secondFactorChoice"`);
      const choice = steps[choiceIndex] as SecondFactorChoiceStep;
      const method = step.id === 'sms' ? 'sms' : 'email';
      if (!choice.choices.includes(method)) {
        return new ConfigError(
          `steps[${choiceIndex}].choices`,
          `must offer "${method}": the "${step.id}" step runs only when it is chosen`,
        );
      }
    }
    if (step.id === 'secondFactorChoice') {
      if (!step.choices.includes(step.preselected)) {
        return new ConfigError(`steps[${index}].preselected`, `expected one of ${listOf(step.choices)}`);
      }
      for (const [method, needed] of [
        ['email', 'emailCode'],
        ['sms', 'sms'],
      ] as const) {
        if (step.choices.includes(method) && firstIndex.get(needed) === undefined) {
          return new ConfigError(`steps[${index}].choices`, `offers "${method}", which needs an "${needed}" step after it`);
        }
      }
    }
    if (step.id === 'profile' && Object.values(step.fields).every((mode) => mode === 'absent')) {
      return new ConfigError(`steps[${index}].fields`, 'expected at least one field that is not "absent"');
    }
  }
  if (credentialsIndex === undefined) return new ConfigError('steps', 'expected a "credentials" step');
  const doneIndex = firstIndex.get('done');
  if (doneIndex !== undefined && doneIndex !== steps.length - 1) {
    return new ConfigError(`steps[${doneIndex}]`, '"done" must be the last step');
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

/**
 * Validates and resolves a configuration, filling in every default.
 * Accepts an object or a JSON string (the `config` attribute of script-tag users);
 * `undefined` or `null` (no config given) means "all defaults". `done` is appended when missing.
 *
 * @throws ConfigError naming the first problem, e.g. `steps[2].codeLength: expected 4–10`
 */
export function parseConfig(input: unknown): PforteConfig {
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
  const parsed = z.safeParse(configSchema, raw);
  if (!parsed.success) throw issueToConfigError(parsed.error.issues[0] as Issue, raw);
  const config = parsed.data;
  const steps = config.steps.map(resolveStep);
  const problem = checkSteps(steps, config.username.kind) ?? checkLengths(config);
  if (problem) throw problem;
  if (steps[steps.length - 1]?.id !== 'done') steps.push({ id: 'done', optional: false });
  const resolved: PforteConfig = {
    product: config.product,
    steps,
    username: { ...config.username },
    passwordPolicy: resolvePolicy(config.passwordPolicy),
    strings: { de: { ...config.strings.de }, en: { ...config.strings.en } },
    requestTimeoutMs: config.requestTimeoutMs,
  };
  if (config.locale !== undefined) resolved.locale = config.locale;
  if (config.signInUrl !== undefined) resolved.signInUrl = config.signInUrl;
  return resolved;
}

/** Like {@link parseConfig}, but returns the error instead of throwing it. */
export function safeParseConfig(input: unknown): { ok: true; config: PforteConfig } | { ok: false; error: ConfigError } {
  try {
    return { ok: true, config: parseConfig(input) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error };
    throw error;
  }
}
