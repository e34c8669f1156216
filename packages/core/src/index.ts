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
export {
  ConfigError,
  configSchema,
  formatConfigPath,
  parseConfig,
  passwordRuleSchema,
  safeParseConfig,
  stepEntrySchema,
  stepIds,
  type CredentialsStep,
  type DoneStep,
  type PforteConfig,
  type PforteConfigInput,
  type PinStep,
  type ResolvedStep,
  type SmsStep,
  type StepEntry,
  type StepId,
  type VisibilityStep,
} from './config.js';
export {
  advance,
  canGoBack,
  createFlowState,
  currentStep,
  goBack,
  isFinished,
  skip,
  stepValues,
  type FlowState,
} from './flow.js';
export { formatCountdown, laterDeadline, secondsUntil, toClientDeadline, type ResendDeadline } from './throttle.js';
export { loadPhoneSupport, type PhoneParseResult, type PhoneSupport } from './phone.js';
export { cryptoRandom, generatePin, isTrivialPin } from './pin.js';
export {
  completeResultSchema,
  credentialsResultSchema,
  guardAdapter,
  issuePinResultSchema,
  smsSentResultSchema,
  startResultSchema,
  type CallOptions,
  type CompleteResult,
  type GuardOptions,
  type PforteAdapter,
  type SmsSentResult,
  type StartResult,
} from './adapter.js';
export {
  createMemoryAdapter,
  type MemoryAccount,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type OutboxMessage,
} from './memory-adapter.js';
export {
  commonErrorCodes,
  credentialsRequestSchema,
  emptyRequestSchema,
  httpRoutes,
  isPforteErrorCode,
  issuePinRequestSchema,
  problemMediaType,
  problemSchema,
  problemStatus,
  routeOf,
  sendSmsRequestSchema,
  setPinRequestSchema,
  skipRequestSchema,
  startRequestSchema,
  verifySmsRequestSchema,
  visibilityRequestSchema,
  type HttpRoute,
  type Problem,
} from './http-contract.js';
export { createHttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export { parseRetryAfter } from './http-client.js';
