/**
 * The rules of a registration flow, decided once for every backend: the
 * memory adapter and the reference server load a flow into a {@link FlowView},
 * let these functions decide (they throw a PforteError or change the view),
 * and store the result. Pure and free of I/O, apart from the lazily loaded
 * phone metadata of {@link classifyPhoneNumber}.
 */
export { backendDefaults, type BackendLimits } from './defaults.js';
export { attemptLimits, checkAttempts, windowStart, type AttemptLimit, type RecentAttempts } from './attempts.js';
export { checkResend, issueCode, rateLimited, verifyCode } from './codes.js';
export { isEmailAddress } from './email.js';
export { checkSmsPhone, classifyPhoneNumber, e164Pattern, type PhoneKind } from './phone.js';
export {
  createProductCatalog,
  defineProduct,
  openProduct,
  type OpenProductOptions,
  productStep,
  type Product,
  type ProductCatalog,
  type ProductCatalogOptions,
} from './product.js';
export {
  acceptCredentials,
  acceptUsername,
  checkCaptchaToken,
  checkChosenPin,
  checkFlowOpen,
  checkOrganizationInput,
  checkOrganizationRoom,
  organizationSettings,
  personName,
  checkPinRequest,
  checkSecondFactorChoice,
  checkTermsAcceptance,
  cleanProfile,
  completedSteps,
  completeResult,
  completionProblem,
  isActive,
  isDone,
  isTestCaptchaToken,
  lookupNeedsCaptcha,
  normalizePostalCode,
  passwordProblem,
  requireEmail,
  requireStep,
  secondFactorOf,
  skipStep,
  unskip,
  verificationLink,
} from './rules.js';
export {
  createRangeBreachChecker,
  type BreachedPasswordChecker,
  type RangeBreachChecker,
  type RangeBreachCheckerOptions,
} from './breached-passwords.js';
export { isCommonPassword } from './common-passwords.js';
export { hasRefusedUsernameCharacters, isMixedScriptUsername, prepareUsername, usernameKey } from './username.js';
export { checkInputText, checkLocale, hasForbiddenCharacters } from './text.js';
export { newFlowView, type CodeView, type FlowOrganization, type FlowView } from './view.js';
export {
  messageLocale,
  messageLocales,
  messageTables,
  messageTexts,
  webOtpHost,
  type EmailText,
  type MessageContext,
  type MessageLocale,
  type MessageTable,
} from './messages.js';
export {
  createFlowActions,
  type BackendRandom,
  type CodeChannel,
  type FlowActionOptions,
  type FlowActions,
  type FlowStore,
  type NewAccount,
  type OutgoingMessage,
  type RequestContext,
  type StoredFlow,
  type StoredInvitation,
} from './actions.js';
export type { CustomerSeed, InvitationSeed, OrganizationSeed, SeedData } from './seed.js';
export {
  createPasswordVerifier,
  createSignInActions,
  fragmentLink,
  resetLink,
  signInLimits,
  signInSettings,
  type AccountInvitationInput,
  type AccountStore,
  type NewAccountInput,
  type NewStoredAccount,
  type LockedResult,
  type PasswordHasher,
  type ReauthVerdict,
  type SignInActions,
  type SignInOutcome,
  type SignInView,
  type StoredAccount,
  type StoredSession,
} from './sign-in.js';
export {
  createGuestActions,
  guestInvitationFragment,
  guestSessionInfo,
  guestSettings,
  type GuestActions,
  type GuestInvitationInput,
  type GuestInvitationView,
} from './guest.js';
export {
  createAccountSettingsActions,
  secondFactorChoices,
  servicePinChecksPerHour,
  type AccountSettingsActions,
  type AccountSettingsStore,
  type PhoneChangeView,
} from './account-settings.js';
export {
  canManageOrganization,
  createOrganizationActions,
  isRecentSignIn,
  reauthDeadline,
  type AuditEvent,
  type MembershipEntry,
  type OrganizationActions,
  type OrganizationStore,
} from './organization-admin.js';
