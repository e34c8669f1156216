import type { StepId } from '@pforte/core';

/**
 * Every step but credentials and done is loaded on demand, so the first
 * step's bundle does not carry the code of steps a product may never use.
 * `<pforte-signup>` imports a step when the person reaches the step before it
 * (see `loadUpcomingSteps`). In the script-tag build each one is a file of
 * its own, `steps/<name>.js` (build/cdn-files.ts).
 */
export const lazyStepLoaders: Partial<Record<StepId, () => Promise<unknown>>> = {
  invitation: () => import('../define/invitation-step.js'),
  customerLookup: () => import('../define/customer-lookup-step.js'),
  captcha: () => import('../define/captcha-step.js'),
  profile: () => import('../define/profile-step.js'),
  terms: () => import('../define/terms-step.js'),
  emailVerification: () => import('../define/email-verification-step.js'),
  organization: () => import('../define/organization-step.js'),
  secondFactorChoice: () => import('../define/second-factor-choice-step.js'),
  pin: () => import('../define/pin-step.js'),
  sms: () => import('../define/sms-step.js'),
  emailCode: () => import('../define/email-code-step.js'),
  visibility: () => import('../define/visibility-step.js'),
};
