import type { InvitationSeed, OrganizationSeed, CustomerSeed } from '../rules/seed.js';
import type { ContractMethod, PforteAdapter, ProfileValues } from '../adapter.js';
import type { Clock } from '../clock.js';
import type { PforteConfigInput } from '../config.js';
import type { PforteError } from '../errors.js';
import type { AccountInvitationInput, NewAccountInput, PasswordHasher } from '../rules/sign-in.js';
import type { GuestInvitationInput } from '../rules/guest.js';
import type { PforteSignInAdapter, SessionOrganization } from '../sign-in-adapter.js';
import type { PforteAccountAdapter } from '../account-adapter.js';
import type { AuditEvent } from '../rules/organization-admin.js';
import type { PasswordPolicy } from '../policy.js';
import type { StepId, StepRegistry } from '../steps/registry.js';
import type { SecondFactorMethod } from '../steps/types.js';

/** A message the memory adapter "sent"; inspect it in tests and demos. */
export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  text: string;
  /** The code in the message, for test helpers. */
  code?: string;
  /** The confirmation link in an e-mail (`…#pforte-email-token=…`), for test helpers. */
  link?: string;
  sentAt: number;
  flowId: string;
}

/** A registration link (invitation) the memory adapter knows. */
export type MemoryInvitation = InvitationSeed;
/** A customer on file, for `lookupCustomer`. */
export type MemoryCustomer = CustomerSeed;
/** An organization (practice) people can join. */
export type MemoryOrganization = OrganizationSeed;

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Source of time for every deadline (default: the system clock). */
  clock?: Clock;
  /** Simulated latency per call via setTimeout (default 0: no timer, answers on the next microtask). */
  latencyMs?: number;
  /** Integers in [0, max) for codes, PINs and ids (default: crypto.getRandomValues). */
  random?: (max: number) => number;
  /** Usernames already registered. */
  takenUsernames?: string[];
  /**
   * The products this backend enforces, by id (the id a flow starts with).
   * Without products it serves the open product: every step, only
   * credentials required (component tests and demos).
   */
  products?: Record<string, PforteConfigInput | string>;
  /** The product of flows that start without an id (default: the only product). */
  defaultProduct?: string;
  /** Steps of the products' own besides the built-in ones. */
  registry?: StepRegistry;
  /** Origin of the page the requests come from, for e-mail links and the WebOTP line of SMS (default: `location.origin`). */
  origin?: string;
  /**
   * The language the person uses now, asked per message (e.g. the widget's
   * `getLocale`): a flow's SMS and e-mails are in it. Default: the language
   * the flow started in.
   */
  locale?: () => string | undefined;
  /** Registration links (invitations) that exist. */
  invitations?: MemoryInvitation[];
  /** Customers on file, for `lookupCustomer`. */
  customers?: MemoryCustomer[];
  /** Organizations people can join. */
  organizations?: MemoryOrganization[];
  /** Seconds a code stays valid (default 600, never more). */
  codeTtlSeconds?: number;
  /** Wrong tries per code before it dies (default 5). */
  maxCodeAttempts?: number;
  /** Seconds a flow (registration link) stays valid (default 14 days). */
  flowTtlSeconds?: number;
  /** Hours an e-mail confirmation link stays valid (default 24). */
  emailLinkValidityHours?: number;
  /** Wrong customer lookups in a row before the lookup locks for 15 minutes (default 5). */
  maxLookupAttempts?: number;
  /** Open product only: the policy enforced (default: the nist preset). */
  passwordPolicy?: PasswordPolicy;
  /** Open product only: digits per SMS code (default 8). */
  smsCodeLength?: number;
  /** Open product only: seconds between two codes per flow (default 60). */
  resendSeconds?: number;
  /** Open product only: digits per e-mail code (default 6). */
  emailCodeLength?: number;
  /** Open product only: whether `lookupCustomer` insists on a captcha (default false: checked when given). */
  customerLookupCaptcha?: boolean;
  /** Open product only: the version of the terms in force. */
  termsVersion?: string;
  /** Open product only: members plus pending join requests per organization (default 5). */
  maxOrganizationMembers?: number;
  /** Open product only: steps `complete` insists on (default ['credentials']). */
  requiredSteps?: StepId[];
  /** Open product only: steps `skipStep` accepts (default sms, visibility, emailCode). */
  optionalSteps?: StepId[];
  /** How passwords are hashed for sign-in (default: PBKDF2-SHA-256 over WebCrypto, see `createPbkdf2Hasher`). */
  passwordHasher?: PasswordHasher;
}

/** A registered account, without any secret. */
export interface MemoryAccount {
  accountId: string;
  username: string;
  visible: boolean;
  secondFactor: SecondFactorMethod;
  phone?: string;
  email?: string;
  emailVerified: boolean;
  /** The organization it belongs to or asked to join, as it stands. */
  organization?: SessionOrganization;
  profile?: ProfileValues;
  termsAcceptedAt?: number;
  termsVersion?: string;
}

/** A complete in-browser backend with real server semantics, for docs, tests and demos. */
export interface MemoryAdapter extends PforteAdapter, PforteSignInAdapter, PforteAccountAdapter {
  /** Every SMS/e-mail "sent", oldest first. */
  readonly outbox: readonly OutboxMessage[];
  /**
   * The code of the latest SMS (to `phone`, if given); `'email'`: of the
   * latest e-mail code, `'sms'`: of the latest SMS.
   */
  lastCode(channelOrPhone?: string): string | undefined;
  /** The confirmation link of the latest verification e-mail. */
  lastEmailLink(): string | undefined;
  /** Adds a registration link; returns its token. */
  createInvitation(details?: Omit<MemoryInvitation, 'token'> & { token?: string }): string;
  /** Adds a customer on file (for `lookupCustomer`). */
  addCustomer(customer: MemoryCustomer): void;
  /** Adds an organization people can join; returns its id. */
  addOrganization(organization: MemoryOrganization): string;
  /**
   * Makes the next call of `method` fail once: with the given error, with
   * 'network' ('offline'), or by never answering until aborted ('hang').
   */
  failNext(method: ContractMethod, error: PforteError | 'offline' | 'hang'): void;
  /** While offline, every call rejects with 'network'. */
  setOffline(offline: boolean): void;
  /** Accounts created by `complete` or `createAccount`; no password, no PIN, no code. */
  readonly accounts: ReadonlyArray<MemoryAccount>;
  /**
   * Creates an account for someone, as a practice or an admin does, with an
   * initial password that the first sign-in must replace.
   */
  createAccount(input: NewAccountInput): Promise<{ accountId: string; username: string }>;
  /** How many sessions the account has. */
  sessionCount(accountId: string): number;
  /**
   * Creates an account without a password, as a practice does by invitation,
   * and e-mails a link (to `returnUrl`, `#pforte-reset-token=…`) with which
   * the person sets their own.
   */
  inviteAccount(input: AccountInvitationInput): Promise<{ accountId: string; username: string }>;
  /** Invites a guest (access by TAN): e-mails the link and the one-time code (see the outbox). */
  inviteGuest(input: GuestInvitationInput): Promise<{ invitationId: string; expiresAt: number; maxUses: number }>;
  /** The audit log (who approved, denied or removed whom, who changed which setting of their account, when), oldest first. */
  auditLog(): AuditEvent[];
  /**
   * The support's check of a service PIN the person names on the phone:
   * whether it is the account's PIN. At most five checks per account and
   * hour ('rate_limited' beyond).
   */
  checkServicePin(input: { product?: string; username: string; pin: string }): Promise<boolean>;
}

