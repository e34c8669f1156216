import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { checkRoutedStep } from './routing.js';
import { isRoutedTo } from './routes.js';
import { intBetween, optionalFlag } from './types.js';

/** A one-time code by e-mail. */
export interface EmailCodeStep {
  id: 'emailCode';
  optional: boolean;
  codeLength: number;
  resendSeconds: number;
}

const schema = z.strictObject({
  id: z.literal('emailCode'),
  optional: optionalFlag,
  codeLength: z._default(z.optional(intBetween(4, 10)), 6),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
});

export const emailCodeStep = defineStep<EmailCodeStep>()({
  id: 'emailCode',
  summary: 'E-mail TAN: a one-time code by e-mail.',
  constraint: 'comes after `secondFactorChoice` when it is present, whose `choices` must offer `email`.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'emailCode',
    optional: step.optional,
    codeLength: step.codeLength,
    resendSeconds: step.resendSeconds,
  }),
  after: ['credentials'],
  check: (_step, index, steps) => checkRoutedStep('emailCode', 'email', index, steps),
  isActive: (choice) => isRoutedTo('emailCode', choice),
  isDone: (view) => view.emailCodeVerified,
  actions: ['sendEmailCode', 'verifyEmailCode'],
});
