import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { checkRoutedStep } from './routing.js';
import { isRoutedTo } from './routes.js';
import { countryCode, intBetween, optionalFlag } from './types.js';

/** SMS second factor. */
export interface SmsStep {
  id: 'sms';
  optional: boolean;
  codeLength: number;
  resendSeconds: number;
  /** ISO 3166 alpha-2, upper case. */
  defaultCountry: string;
  /** Only mobile numbers (default); `false` also takes numbers that may be fixed lines. */
  mobileOnly: boolean;
}

const schema = z.strictObject({
  id: z.literal('sms'),
  optional: optionalFlag,
  codeLength: z._default(z.optional(intBetween(4, 10)), 8),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
  defaultCountry: z._default(z.optional(countryCode), 'DE'),
  mobileOnly: z._default(z.optional(z.boolean()), true),
});

export const smsStep = defineStep<SmsStep>()({
  id: 'sms',
  summary: 'SMS second factor: mobile number, code entry, resend after the throttle; never to premium-rate or short numbers, to landlines only with `mobileOnly: false`.',
  constraint: 'comes after `secondFactorChoice` when it is present, whose `choices` must offer `sms`.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({ ...step, id: 'sms' }),
  after: ['credentials'],
  check: (_step, index, steps) => checkRoutedStep('sms', 'sms', index, steps),
  isActive: (choice) => isRoutedTo('sms', choice),
  isDone: (view) => view.smsVerified,
  actions: ['sendSmsCode', 'verifySmsCode'],
});
