import type { StepId } from '@pforte/core';

/**
 * Steps after the first are loaded on demand, so the first step's bundle does
 * not carry the PIN, SMS and visibility code. `<pforte-signup>` starts these
 * imports as soon as it knows its config, long before the person gets there.
 */
export const lazyStepLoaders: Partial<Record<StepId, () => Promise<unknown>>> = {
  pin: () => import('../define/pin-step.js'),
  sms: () => import('../define/sms-step.js'),
  visibility: () => import('../define/visibility-step.js'),
};
