import * as z from 'zod/mini';
import { ConfigError } from '../config-error.js';
import { defineStep } from './define.js';
import { distinctList, notOptional, secondFactorMethods, type SecondFactorMethod } from './types.js';

/** Choose the second factor; routes to the `sms` or `emailCode` step. */
export interface SecondFactorChoiceStep {
  id: 'secondFactorChoice';
  optional: false;
  choices: SecondFactorMethod[];
  /** One of `choices` (default: the first). */
  preselected: SecondFactorMethod;
}

const schema = z.strictObject({
  id: z.literal('secondFactorChoice'),
  optional: notOptional('secondFactorChoice'),
  choices: z._default(z.optional(distinctList(secondFactorMethods)), ['none', 'email', 'sms']),
  preselected: z.optional(z.enum(secondFactorMethods)),
});

const codeSteps = [
  ['email', 'emailCode'],
  ['sms', 'sms'],
] as const;

export const secondFactorChoiceStep = defineStep<SecondFactorChoiceStep>()({
  id: 'secondFactorChoice',
  summary: 'No TAN, e-mail TAN or mobile TAN; routes to the `emailCode` or `sms` step.',
  constraint: 'offers only methods whose code step (`sms`, `emailCode`) follows it; `preselected` is one of `choices`.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'secondFactorChoice',
    optional: false,
    choices: [...step.choices],
    preselected: step.preselected ?? step.choices[0]!,
  }),
  check: (step, index, steps) => {
    if (!step.choices.includes(step.preselected)) {
      return new ConfigError(`steps[${index}].preselected`, `expected one of ${step.choices.join(', ')}`);
    }
    for (const [method, needed] of codeSteps) {
      if (step.choices.includes(method) && !steps.some((other) => other.id === needed)) {
        return new ConfigError(`steps[${index}].choices`, `offers "${method}", which needs an "${needed}" step after it`);
      }
    }
    return undefined;
  },
  isDone: (view) => view.secondFactorChoice !== undefined,
  actions: ['chooseSecondFactor'],
});
