import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** A captcha on its own. */
export interface CaptchaStep {
  id: 'captcha';
  optional: false;
}

export const captchaStep = defineStep<CaptchaStep>()({
  id: 'captcha',
  summary: 'A captcha on its own (the provider is set on the element).',
  schema: plainStepSchema('captcha'),
  resolve: () => ({ id: 'captcha', optional: false }),
  isDone: (view) => view.captchaVerified,
  actions: ['verifyCaptcha'],
});
