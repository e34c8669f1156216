export {
  PforteError,
  isPforteError,
  pforteErrorCodes,
  toPforteError,
  type PforteErrorCode,
  type PforteErrorInit,
} from './errors.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.js';
export {
  commonPasswords,
  evaluatePassword,
  passwordRulesAttribute,
  policyPresets,
  type PasswordEvaluation,
  type PasswordPolicy,
  type PasswordRule,
  type RuleResult,
} from './policy.js';
export { ConfigError } from './config-error.js';
export { configDefaults } from './config-defaults.js';
export { draftConfig } from './config-draft.js';
export { stepIds, type StepId } from './steps/ids.js';
export {
  accountSectionDescriptors,
  accountSectionIds,
  accountSectionsFor,
  defaultAccountSections,
  type AccountConfig,
  type AccountSectionDescriptor,
  type AccountSectionId,
} from './account-sections.js';
export {
  accountSchema,
  configSchema,
  formatConfigPath,
  parseConfig,
  passwordRuleSchema,
  resolveSignIn,
  safeParseConfig,
  signInSchema,
  type SignInConfig,
  type GuestAccessConfig,
  stepEntrySchema,
  profileFields,
  type CaptchaStep,
  type CredentialsStep,
  type CustomerLookupStep,
  type DoneStep,
  type EmailCodeStep,
  type EmailVerificationStep,
  type InvitationStep,
  type OrganizationStep,
  type PforteConfig,
  type PforteConfigInput,
  type PinStep,
  type ProfileField,
  type ProfileFieldMode,
  type ProfileStep,
  type ResolvedStep,
  type SecondFactorChoiceStep,
  type SecondFactorMethod,
  type SmsStep,
  type StepEntry,
  type TermsStep,
  type VisibilityStep,
} from './config.js';
export {
  activeSteps,
  flowProgress,
  advance,
  canGoBack,
  createFlowState,
  currentStep,
  goBack,
  isFinished,
  isStepActive,
  skip,
  stepValues,
  type FlowProgress,
  type FlowState,
} from './flow.js';
export { formatCountdown, laterDeadline, secondsUntil, toClientDeadline, type ResendDeadline } from './throttle.js';
export { countText, pluralCategories, pluralCategory, selectPlural, type PluralForms } from './plural.js';
export { loadPhoneSupport, type PhoneParseResult, type PhoneSupport } from './phone.js';
export { cryptoRandom, generatePin, isTrivialPin } from './pin.js';
export {
  createGuard,
  guardAdapter,
  type CallOptions,
  type CodeSentResult,
  type CompleteResult,
  type EmailConfirmedResult,
  type EmailSentResult,
  type GuardOptions,
  type InvitationDetails,
  type OrganizationMembership,
  type OrganizationResult,
  type ContractMethod,
  type PforteAdapter,
  type ProfileValues,
  type SmsSentResult,
  type StartResult,
} from './adapter.js';
export {
  guardSignInAdapter,
  type GuestInvitationInfo,
  type PforteSignInAdapter,
  type ResetRequestedResult,
  type SessionInfo,
  type SessionOrganization,
  type SignInResult,
} from './sign-in-adapter.js';
export {
  guardAccountAdapter,
  type JoinRequest,
  type OrganizationMember,
  type OrganizationOverview,
  type OrganizationRole,
  type PforteAccountAdapter,
} from './account-adapter.js';
export {
  codeSentResultSchema,
  completeResultSchema,
  credentialsResultSchema,
  customerLookupResultSchema,
  emailConfirmedResultSchema,
  emailSentResultSchema,
  invitationDetailsSchema,
  issuePinResultSchema,
  joinOrganizationResultSchema,
  organizationResultSchema,
  resetRequestedResultSchema,
  guestInvitationInfoSchema,
  guestSessionResultSchema,
  sessionInfoSchema,
  sessionResultSchema,
  organizationAnswerSchema,
  organizationChangedSchema,
  organizationOverviewSchema,
  signInResultSchema,
  smsSentResultSchema,
  startResultSchema,
  parseResult,
  resultSchemas,
} from './adapter-schemas.js';
export { loadValidation } from './load-validation.js';
export {
  captchaRequestSchema,
  commonErrorCodes,
  confirmEmailRequestSchema,
  credentialsRequestSchema,
  customerLookupRequestSchema,
  emptyRequestSchema,
  httpRoutes,
  invitationRequestSchema,
  isPforteErrorCode,
  issuePinRequestSchema,
  joinOrganizationRequestSchema,
  problemMediaType,
  problemSchema,
  problemStatus,
  profileRequestSchema,
  registerOrganizationRequestSchema,
  routeOf,
  secondFactorRequestSchema,
  sendSmsRequestSchema,
  setPinRequestSchema,
  skipRequestSchema,
  startRequestSchema,
  termsRequestSchema,
  verificationEmailRequestSchema,
  verifyEmailCodeRequestSchema,
  verifySmsRequestSchema,
  visibilityRequestSchema,
  type HttpRoute,
  type Problem,
} from './http-contract.js';
export { createHttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export { parseRetryAfter } from './http-client.js';
export {
  builtinSteps,
  createStepRegistry,
  defaultRegistry,
  descriptorOf,
  type StepRegistry,
} from './steps/registry.js';
export { defineStep } from './steps/define.js';
export type { AdapterAction, BaseStep, ConfigContext, StepDescriptor } from './steps/types.js';
export { isEmailAddress } from './rules/email.js';
export { isCommonPassword } from './common-password-check.js';
