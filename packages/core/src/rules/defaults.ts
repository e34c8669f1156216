/**
 * What every backend enforces besides the product's config, in one place:
 * the memory adapter and the reference server take their defaults from here,
 * the conformance kit holds backends to them.
 */
export const backendDefaults = {
  /** Seconds a code lives; never more than 10 minutes (NIST SP 800-63B). */
  codeTtlSeconds: 600,
  /** Wrong tries per code before it dies. */
  maxCodeAttempts: 5,
  /** Seconds a registration flow lives. */
  flowTtlSeconds: 14 * 24 * 60 * 60,
  /** Days a registration link (invitation) is valid unless it says otherwise. */
  invitationValidityDays: 14,
  /** Hours an e-mail confirmation link is valid. */
  emailLinkValidityHours: 24,
  /**
   * Wrong customer lookups or organisation joins before they lock: counted per
   * flow and per customer number (or organisation), so a fresh flow does not
   * reset the count.
   */
  maxLookupAttempts: 5,
  /** The window of `maxLookupAttempts`: a lock lifts when the oldest wrong try in it is this old. */
  lookupLockSeconds: 15 * 60,
  /** Customer lookups and organisation joins per client IP per hour. */
  lookupsPerIpPerHour: 30,
  /** Registrations started per client IP per hour. */
  flowStartsPerIpPerHour: 60,
  /** Requests that run a slow hash (credentials, PIN) per client IP per hour. */
  hashesPerIpPerHour: 60,
  /** Requests that run a slow hash per flow per hour. */
  hashesPerFlowPerHour: 20,
  /** How long an idle open flow keeps its username from others; each action of the flow renews it. */
  usernameHoldSeconds: 30 * 60,
  /** SMS per phone number per hour, over all flows. */
  smsPerPhonePerHour: 5,
  /** SMS per client IP per hour, over all flows. */
  smsPerIpPerHour: 30,
  /** E-mails per address per hour, over all flows. */
  emailsPerAddressPerHour: 10,
  /** Sign-in attempts per client IP per hour, so that one address cannot lock many accounts cheaply. */
  signInsPerIpPerHour: 100,
  /** Seconds a sign-in waits for its second factor or a new password. */
  signInTtlSeconds: 15 * 60,
  /** Password-reset requests per identifier per hour (known or not). */
  resetRequestsPerIdentifierPerHour: 3,
  /** Password-reset requests per client IP per hour. */
  resetRequestsPerIpPerHour: 20,
  /** Longest captcha token a backend passes to its verifier. */
  maxCaptchaTokenLength: 5000,
} as const;

/** The shape of {@link backendDefaults}, for backends that override some of them. */
export type BackendLimits = { -readonly [Key in keyof typeof backendDefaults]: number };
