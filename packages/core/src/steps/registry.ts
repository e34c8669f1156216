import { captchaStep } from './captcha.js';
import { credentialsStep } from './credentials.js';
import { customerLookupStep } from './customer-lookup.js';
import { doneStep } from './done.js';
import { emailCodeStep } from './email-code.js';
import { emailVerificationStep } from './email-verification.js';
import { invitationStep } from './invitation.js';
import { organizationStep } from './organization.js';
import { pinStep } from './pin.js';
import { profileStep } from './profile.js';
import { secondFactorChoiceStep } from './second-factor-choice.js';
import { smsStep } from './sms.js';
import type { AdapterAction, BaseStep, StepDescriptor } from './types.js';
import { termsStep } from './terms.js';
import { visibilityStep } from './visibility.js';
import { stepIds } from './ids.js';

/** The built-in steps, in the default order. */
export const builtinSteps = [
  invitationStep,
  customerLookupStep,
  captchaStep,
  credentialsStep,
  profileStep,
  termsStep,
  emailVerificationStep,
  organizationStep,
  secondFactorChoiceStep,
  pinStep,
  smsStep,
  emailCodeStep,
  visibilityStep,
  doneStep,
] as const;

export { stepIds, type StepId } from './ids.js';

/** The object-form schemas of the built-in steps, typed one by one. */
export const builtinStepSchemas = builtinSteps.map((descriptor) => descriptor.schema) as unknown as SchemasOf<typeof builtinSteps>;

/** The schemas of a tuple of descriptors, as a tuple. */
type SchemasOf<Descriptors extends readonly unknown[]> = {
  -readonly [Index in keyof Descriptors]: Descriptors[Index] extends { schema: infer Schema } ? Schema : never;
};

// steps/ids.ts names the same steps without loading their schemas; the two must agree.
if (builtinSteps.some((descriptor, index) => descriptor.id !== stepIds[index]) || builtinSteps.length !== stepIds.length) {
  throw new Error('steps/ids.ts does not list the built-in steps in their order');
}

/** The steps a config may use, by id. */
export interface StepRegistry {
  readonly descriptors: readonly StepDescriptor[];
  readonly ids: readonly [string, ...string[]];
  get(id: string): StepDescriptor | undefined;
  /** The step whose actions include `action`, for actions that belong to one step. */
  stepOfAction(action: AdapterAction): string | undefined;
}

/**
 * A registry over `descriptors`. The built-in one is {@link defaultRegistry};
 * a product that brings its own steps passes `[...builtinSteps, itsStep]`.
 */
export function createStepRegistry(descriptors: readonly StepDescriptor[]): StepRegistry {
  const list = descriptors;
  const byId = new Map(list.map((descriptor) => [descriptor.id, descriptor]));
  if (byId.size !== list.length) throw new Error('two step descriptors share an id');
  const byAction = new Map<AdapterAction, string>();
  for (const descriptor of list) {
    for (const action of descriptor.actions) {
      if (action !== 'complete') byAction.set(action, descriptor.id);
    }
  }
  return {
    descriptors: list,
    ids: list.map((descriptor) => descriptor.id) as unknown as readonly [string, ...string[]],
    get: (id) => byId.get(id),
    stepOfAction: (action) => byAction.get(action),
  };
}

/** The registry of the built-in steps. */
export const defaultRegistry = createStepRegistry(builtinSteps);

/** The descriptor of a step, typed by the step. */
export function descriptorOf<Step extends BaseStep>(registry: StepRegistry, step: Step): StepDescriptor<Step> {
  const descriptor = registry.get(step.id);
  if (!descriptor) throw new Error(`no descriptor for step "${step.id}"`);
  return descriptor as unknown as StepDescriptor<Step>;
}
