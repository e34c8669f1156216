import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { notOptional } from './types.js';

/** Customer number plus the e-mail address on file (seed 003). */
export interface CustomerLookupStep {
  id: 'customerLookup';
  optional: false;
  /** Whether the lookup carries a captcha. */
  captcha: boolean;
  /** Whether the e-mail address is entered twice. */
  repeatEmail: boolean;
}

const schema = z.strictObject({
  id: z.literal('customerLookup'),
  optional: notOptional('customerLookup'),
  captcha: z._default(z.optional(z.boolean()), true),
  repeatEmail: z._default(z.optional(z.boolean()), true),
});

export const customerLookupStep = defineStep<CustomerLookupStep>()({
  id: 'customerLookup',
  summary: 'Customer number and the e-mail address on file, with a captcha; a mismatch never says which of the two was wrong.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'customerLookup',
    optional: false,
    captcha: step.captcha,
    repeatEmail: step.repeatEmail,
  }),
  providesEmail: () => true,
  isDone: (view) => view.customerNumber !== undefined,
  actions: ['lookupCustomer'],
});
