import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** Final confirmation; the flow cannot leave it. */
export interface DoneStep {
  id: 'done';
  optional: false;
}

export const doneStep = defineStep<DoneStep>()({
  id: 'done',
  summary: 'The closing page; always last, added when missing.',
  schema: plainStepSchema('done'),
  resolve: () => ({ id: 'done', optional: false }),
  position: 'last',
  isDone: () => true,
  actions: ['complete'],
});
