import type * as z from 'zod/mini';
import type { BaseStep, StepDescriptor } from './types.js';

/**
 * Types a descriptor by its resolved step and keeps its schema's own type
 * (so the config's types stay precise): `defineStep<PinStep>()({ … })`.
 */
export function defineStep<Step extends BaseStep>() {
  return <Schema extends z.ZodMiniType>(descriptor: StepDescriptor<Step, Schema>): StepDescriptor<Step, Schema> => descriptor;
}
