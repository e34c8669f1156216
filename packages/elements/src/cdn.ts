/**
 * The CDN bundle's entry (`dist/cdn/pforte.js` and `dist/cdn/pforte.iife.js`,
 * global `Pforte`), with Lit and a private @lit/localize bundled in.
 *
 * It defines `<pforte-signup>` and the elements of the first step at once and
 * starts loading every other element in the same breath, as chunks next to
 * pforte.js: the first step renders without waiting for the PIN, SMS and
 * visibility code, and shortly after import every element is defined. The
 * classes of those later elements are therefore not exported here; use
 * `customElements.get('pforte-sms-step')`, or the npm package.
 * Phone metadata and the PDF writer are lazy chunks too. The in-browser demo
 * backend is its own file, `pforte-memory.js`.
 */
import './define/signup.js';
import './define/credentials-step.js';
import './define/password-checklist.js';
import './define/done-step.js';

export { PforteSignup } from './signup/signup.js';
export { PforteCredentialsStep } from './credentials-step/credentials-step.js';
export { PfortePasswordChecklist } from './password-checklist/password-checklist.js';
export { PforteDoneStep } from './done-step/done-step.js';
export { getLocale, matchLocale, resolveLocale, setLocale, setStringOverrides, supportedLocales } from './localization/localization.js';
export type { PforteLocale, StringOverrides } from './localization/localization.js';
export { version } from './internal/define.js';
export type * from './events.js';
// The browser-facing part of @pforte/core; server-side pieces (HTTP route
// schemas, the problem format) stay out of the script-tag bundle.
export {
  ConfigError,
  createHttpAdapter,
  createManualClock,
  evaluatePassword,
  guardAdapter,
  isPforteError,
  parseConfig,
  passwordRulesAttribute,
  PforteError,
  policyPresets,
  safeParseConfig,
  stepIds,
  systemClock,
} from '@pforte/core';
export type {
  Clock,
  CompleteResult,
  HttpAdapterOptions,
  ManualClock,
  PasswordPolicy,
  PasswordRule,
  PforteAdapter,
  PforteConfig,
  PforteConfigInput,
  PforteErrorCode,
  StepId,
} from '@pforte/core';

/** Resolves once every Pforte element is defined (they load right after this module). */
export const allElementsDefined: Promise<unknown> = Promise.all([
  import('./define/pin-step.js'),
  import('./define/sms-step.js'),
  import('./define/visibility-step.js'),
  import('./define/profile-step.js'),
  import('./define/organization-step.js'),
  import('./define/second-factor-choice-step.js'),
  import('./define/email-code-step.js'),
  import('./define/invitation-step.js'),
  import('./define/terms-step.js'),
  import('./define/email-verification-step.js'),
  import('./define/customer-lookup-step.js'),
  import('./define/captcha-step.js'),
  import('./define/captcha.js'),
  import('./define/code-input.js'),
  import('./define/phone-input.js'),
]);
