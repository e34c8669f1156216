import * as z from 'zod/mini';
import type { PforteAdapter } from '../adapter.js';
import type { ConfigError } from '../config-error.js';
import type { FlowView } from '../rules/view.js';

export type { StepId } from './registry.js';

/** A second factor a person may choose. */
export type SecondFactorMethod = 'none' | 'email' | 'sms';
/** Every second-factor method. */
export const secondFactorMethods = ['none', 'email', 'sms'] as const;

/** What every resolved step has. */
export interface BaseStep {
  id: string;
  /** Whether the person may put the step off ("activate later"). */
  optional: boolean;
}

/** An adapter method, i.e. an action a backend performs. */
export type AdapterAction = keyof PforteAdapter;

/** What config-time checks know besides the step list. */
export interface ConfigContext {
  usernameKind: 'email' | 'username';
  /** Whether a step of the list makes an e-mail address known (its descriptor's answer). */
  providesEmail(step: BaseStep): boolean;
}

/**
 * Everything Pforte knows about one step id, in one place: how it is
 * configured, where it may stand, what it contributes, when it is done and
 * which adapter actions belong to it. The config schema, the config
 * checks, the flow engine's routing, the rules the backends run, the config
 * reference and the HTTP contract are all derived from the descriptors; adding
 * a step is adding a descriptor (see docs/architecture.md).
 */
export interface StepDescriptor<Step extends BaseStep = BaseStep, Schema extends z.ZodMiniType = z.ZodMiniType> {
  readonly id: Step['id'];
  /** What the step is for, one line for the config reference. */
  readonly summary: string;
  /** The rule its `check` enforces, in words, for the config reference ("needs an e-mail address from…"). */
  readonly constraint?: string;
  /** Schema of the object form (`{ "id": …, … }`), defaults included; a bare id is parsed as `{ "id": id }`. */
  readonly schema: Schema;
  /** The step with every default filled in, from the parsed object form. */
  resolve(parsed: never): Step;
  /** Where it must stand in the list. */
  readonly position?: 'first' | 'last';
  /**
   * Steps that must come earlier in the list and be done before any of this
   * step's actions runs (`credentials`: the account's username exists).
   */
  readonly after?: readonly string[];
  /** Whether the step makes an e-mail address known to the backend. */
  providesEmail?(step: Step, context: ConfigContext): boolean;
  /** Checks over the whole list that the schema cannot express. */
  check?(step: Step, index: number, steps: readonly BaseStep[], context: ConfigContext): ConfigError | undefined;
  /** Whether the step counts as done in a flow. */
  isDone(view: FlowView, step: Step): boolean;
  /**
   * Whether the flow runs the step as it stands: a routed step runs only when
   * the second factor chosen so far leads to it. Default: always.
   */
  isActive?(choice: SecondFactorMethod | undefined): boolean;
  /** The adapter methods that act on this step; they are refused where the product has no such step. */
  readonly actions: readonly AdapterAction[];
}

const wholeNumber = { error: 'expected a whole number' };
/** Integer in [min, max]; the message names the whole range, e.g. "expected 4–10". */
export function intBetween(min: number, max: number) {
  const range = { error: `expected ${min}–${max}` };
  return z.int(wholeNumber).check(z.minimum(min, range), z.maximum(max, range));
}

/** `optional` for steps that may not be optional: only `false` passes. */
export function notOptional(id: string) {
  return z._default(
    z.optional(z.boolean().check(z.refine((value) => !value, { error: `"${id}" cannot be optional` }))),
    false,
  );
}
/** `optional` for steps a person may put off. */
export const optionalFlag = z._default(z.optional(z.boolean()), false);

/** ISO 3166 alpha-2, upper case. */
export const countryCode = z.string().check(
  z.regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in upper case, e.g. "DE"' }),
);

/** An absolute http(s) URL or a path on the same site ("/agb"). */
export const linkUrl = z.string().check(
  z.regex(/^(https?:\/\/[^\s/?#]+[^\s]*|\/[^\s]*)$/, {
    error: 'expected an http(s) URL or a path starting with "/"',
  }),
);

/** A web origin such as `https://praxis.example` (scheme, host and port only). */
export const webOrigin = z.string().check(
  z.regex(/^https?:\/\/[^\s/?#@]+$/, { error: 'expected an origin such as "https://praxis.example"' }),
);

/** A non-empty list of distinct values of `values`. */
export function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).check(
    z.minLength(1, { error: 'expected at least one entry' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'expected each entry only once' }),
  );
}

/** A step with no options but `optional: false`. */
export function plainStepSchema<const Id extends string>(id: Id) {
  return z.strictObject({ id: z.literal(id), optional: notOptional(id) });
}

