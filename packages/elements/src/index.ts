/**
 * @pforte/elements: registration widgets as Lit web components. Importing
 * this module defines every element; per-element modules live under
 * `@pforte/elements/define/*` for teams that want only some of them.
 */
import './define/signup.js';
import './define/credentials-step.js';
import './define/password-checklist.js';
import './define/done-step.js';
import './define/pin-step.js';
import './define/sms-step.js';
import './define/visibility-step.js';
import './define/code-input.js';
import './define/phone-input.js';

export { PforteSignup } from './signup/signup.js';
export { PforteCredentialsStep } from './credentials-step/credentials-step.js';
export { PfortePasswordChecklist } from './password-checklist/password-checklist.js';
export { PforteDoneStep } from './done-step/done-step.js';
export { PfortePinStep } from './pin-step/pin-step.js';
export { PforteSmsStep } from './sms-step/sms-step.js';
export { PforteVisibilityStep } from './visibility-step/visibility-step.js';
export { PforteCodeInput } from './code-input/code-input.js';
export { PfortePhoneInput } from './phone-input/phone-input.js';
export { getLocale, matchLocale, resolveLocale, setLocale, setStringOverrides, supportedLocales } from './localization/localization.js';
export type { PforteLocale, StringOverrides } from './localization/localization.js';
export { version } from './internal/define.js';
export type * from './events.js';
export * from '@pforte/core';
