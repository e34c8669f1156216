/**
 * @pforte/elements: registration widgets as Lit web components. Importing
 * this module defines every element; per-element modules live under
 * `@pforte/elements/define/*` for teams that want only some of them. The
 * in-browser demo backend is `@pforte/core/memory`.
 */
import './define/signup.js';
import './define/credentials-step.js';
import './define/password-checklist.js';
import './define/done-step.js';
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
import './define/account-visibility.js';
import './define/account-second-factor.js';
import './define/account-pin.js';
import './define/account-password.js';
import './define/account.js';
import './define/organization-admin.js';

export { PforteSignup } from './signup/signup.js';
export { PforteCredentialsStep } from './credentials-step/credentials-step.js';
export { PfortePasswordChecklist } from './password-checklist/password-checklist.js';
export { PforteDoneStep } from './done-step/done-step.js';
export { PfortePinStep } from './pin-step/pin-step.js';
export { PforteSmsStep } from './sms-step/sms-step.js';
export { PforteVisibilityStep } from './visibility-step/visibility-step.js';
export { PforteProfileStep } from './profile-step/profile-step.js';
export type { ProfileFields, Salutation } from './profile-step/profile-step.js';
export { PforteOrganizationStep } from './organization-step/organization-step.js';
export type { OrganizationMode, OrganizationValues } from './organization-step/organization-step.js';
export { PforteSecondFactorChoiceStep } from './second-factor-choice-step/second-factor-choice-step.js';
export { PforteEmailCodeStep } from './email-code-step/email-code-step.js';
export { PforteInvitationStep } from './invitation-step/invitation-step.js';
export { PforteTermsStep } from './terms-step/terms-step.js';
export { PforteEmailVerificationStep } from './email-verification-step/email-verification-step.js';
export { PforteCustomerLookupStep } from './customer-lookup-step/customer-lookup-step.js';
export { PforteCaptchaStep } from './captcha-step/captcha-step.js';
export { PforteCaptcha } from './captcha/captcha.js';
export { createTestCaptchaProvider, defaultCaptchaProvider, testCaptchaTokenPrefix } from './captcha/captcha-provider.js';
export type { CaptchaProvider, TestCaptchaProviderOptions } from './captcha/captcha-provider.js';
export type { DoneOrganization } from './done-step/done-step.js';
export { PforteCodeInput } from './code-input/code-input.js';
export { PfortePhoneInput } from './phone-input/phone-input.js';
export { PfortePasswordReset, resetTokenFragment } from './password-reset/password-reset.js';
export type { PasswordResetStage } from './password-reset/password-reset.js';
export { PforteGuestAccess, guestInvitationFragment } from './guest-access/guest-access.js';
export type { GuestAccessStage } from './guest-access/guest-access.js';
export { PforteSignin } from './signin/signin.js';
export { PforteAccountVisibility } from './account-visibility/account-visibility.js';
export { PforteAccountSecondFactor } from './account-second-factor/account-second-factor.js';
export { PforteAccountPin } from './account-pin/account-pin.js';
export { PforteAccountPassword } from './account-password/account-password.js';
export { PforteAccount } from './account/account.js';
export { PforteOrganizationAdmin } from './organization-admin/organization-admin.js';
export { getLocale, matchLocale, resolveLocale, setLocale, setStringOverrides, supportedLocales } from './localization/localization.js';
export type { PforteLocale, StringOverrides } from './localization/localization.js';
export { version } from './internal/define.js';
export type * from './events.js';
export * from '@pforte/core';
