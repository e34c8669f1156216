import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { optionalFlag } from './types.js';

/** Opt-in to the contact search. */
export interface VisibilityStep {
  id: 'visibility';
  optional: boolean;
}

const schema = z.strictObject({ id: z.literal('visibility'), optional: optionalFlag });

export const visibilityStep = defineStep<VisibilityStep>()({
  id: 'visibility',
  summary: 'Opt-in to being found in the contact search (off by default).',
  schema,
  resolve: (step: z.output<typeof schema>) => ({ id: 'visibility', optional: step.optional }),
  after: ['credentials'],
  isDone: (view) => view.visibilitySet,
  actions: ['setVisibility'],
});
