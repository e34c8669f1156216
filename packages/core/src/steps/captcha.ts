import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** A captcha on its own. */
export interface CaptchaStep {
  id: 'captcha';
  optional: false;
}

export const captchaStep = defineStep<CaptchaStep>()({
  id: 'captcha',
  summary: "A captcha challenge from the page's captcha provider.",
  schema: plainStepSchema('captcha'),
  resolve: () => ({ id: 'captcha', optional: false }),
  isDone: (view) => view.captchaVerified,
  actions: ['verifyCaptcha'],
});
