import * as z from 'zod/mini';
import { ConfigError } from '../config-error.js';
import type { FlowView } from '../rules/view.js';
import { defineStep } from './define.js';
import { intBetween, notOptional, webOrigin } from './types.js';

/** Confirm the e-mail address by a link. */
export interface EmailVerificationStep {
  id: 'emailVerification';
  optional: false;
  resendSeconds: number;
  /**
   * Origins the link in the e-mail may point to. Empty (the default): only
   * the origin of the page that asked for the e-mail.
   */
  returnUrlOrigins: string[];
}

const schema = z.strictObject({
  id: z.literal('emailVerification'),
  optional: notOptional('emailVerification'),
  resendSeconds: z._default(z.optional(intBetween(10, 600)), 60),
  returnUrlOrigins: z._default(z.optional(z.array(webOrigin)), []),
});

/** Whether the flow's current address is the one a link confirmed (compared case-insensitively). */
export function isEmailVerified(view: FlowView): boolean {
  return (
    view.email !== undefined && view.verifiedEmail !== undefined && view.email.toLowerCase() === view.verifiedEmail.toLowerCase()
  );
}

export const emailVerificationStep = defineStep<EmailVerificationStep>()({
  id: 'emailVerification',
  summary: 'Confirm the e-mail address by the link in an e-mail, with a throttled resend; the link points only to the listed origins, or to the page that asked.',
  constraint: 'needs an e-mail address from an earlier step: `credentials` with `username.kind: "email"`, `customerLookup`, `invitation`, or `profile` with its `email` field.',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'emailVerification',
    optional: false,
    resendSeconds: step.resendSeconds,
    returnUrlOrigins: [...step.returnUrlOrigins],
  }),
  check: (_step, index, steps, context) => {
    if (steps.slice(0, index).some((step) => context.providesEmail(step))) return undefined;
    return new ConfigError(
      `steps[${index}]`,
      '"emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field',
    );
  },
  isDone: isEmailVerified,
  actions: ['sendVerificationEmail', 'confirmEmail'],
});
