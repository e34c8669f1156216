import type { StepId } from '@pforte/core';

/**
 * Every step but credentials and done is loaded on demand, so the first
 * step's bundle does not carry the code of steps a product may never use.
 * `<pforte-signup>` imports a step when the person reaches the step before it
 * (see `loadUpcomingSteps`). Each module in `./steps/` defines the step's
 * element and adds its template (step-templates.ts). In the script-tag build
 * each one is a file of its own, `steps/<name>.js` (build/cdn-files.ts).
 */
export const lazyStepLoaders: Partial<Record<StepId, () => Promise<unknown>>> = {
  invitation: () => import('./steps/invitation-step.js'),
  customerLookup: () => import('./steps/customer-lookup-step.js'),
  captcha: () => import('./steps/captcha-step.js'),
  profile: () => import('./steps/profile-step.js'),
  terms: () => import('./steps/terms-step.js'),
  emailVerification: () => import('./steps/email-verification-step.js'),
  organization: () => import('./steps/organization-step.js'),
  secondFactorChoice: () => import('./steps/second-factor-choice-step.js'),
  pin: () => import('./steps/pin-step.js'),
  sms: () => import('./steps/sms-step.js'),
  emailCode: () => import('./steps/email-code-step.js'),
  visibility: () => import('./steps/visibility-step.js'),
};
