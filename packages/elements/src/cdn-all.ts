/**
 * `dist/cdn/pforte-all.js`: `pforte.js` plus every other element, defined at
 * once, for pages that place step elements on their own (outside
 * `<pforte-signup>`, which loads the steps its product configures by itself)
 * or want everything up front. It re-exports the API of `pforte.js`; the
 * classes of the later elements are `customElements.get('pforte-sms-step')`
 * and so on (or the npm package's exports).
 */
import './define/pin-step.js';
import './define/sms-step.js';
import './define/visibility-step.js';
import './define/profile-step.js';
import './define/organization-step.js';
import './define/second-factor-choice-step.js';
import './define/email-code-step.js';
import './define/invitation-step.js';
import './define/terms-step.js';
import './define/email-verification-step.js';
import './define/customer-lookup-step.js';
import './define/captcha-step.js';
import './define/captcha.js';
import './define/code-input.js';
import './define/phone-input.js';
import './define/password-reset.js';
import './define/guest-access.js';
import './define/signin.js';

export * from './cdn.js';
// Config validation with zod, which pforte.js loads only on demand.
export { parseConfig, safeParseConfig } from '@pforte/core';
/** Resolves at once: every Pforte element is defined when this module has run. Kept for pages written against earlier versions. */
export const allElementsDefined: Promise<void> = Promise.resolve();
