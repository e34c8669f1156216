import type {
  CallOptions,
  CodeSentResult,
  CompleteResult,
  EmailConfirmedResult,
  EmailSentResult,
  InvitationDetails,
  OrganizationMembership,
  PforteAdapter,
  ProfileValues,
  SmsSentResult,
  StartResult,
} from './adapter.js';
import { systemClock, type Clock } from './clock.js';
import { stepIds, type SecondFactorMethod, type StepId } from './config.js';
import { PforteError } from './errors.js';
import { cryptoRandom, generatePin, isTrivialPin } from './pin.js';
import { evaluatePassword, policyPresets, type PasswordPolicy } from './policy.js';

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
export interface MemoryInvitation {
  token: string;
  email?: string;
  salutation?: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  organization?: string;
  invitedBy?: string;
  /** ms epoch (default: when the adapter was created, or `createInvitation` called). */
  createdAt?: number;
  /** Days the link is valid from `createdAt` (default 14). */
  validityDays?: number;
  /** Already used by a completed registration. */
  used?: boolean;
}

/** A customer on file, for `lookupCustomer`. */
export interface MemoryCustomer {
  customerNumber: string;
  email: string;
  name?: string;
}

/** An organization (practice) people can join. */
export interface MemoryOrganization {
  organizationId?: string;
  name: string;
  customerNumber: string;
  postalCode: string;
  /** Members so far (default 1). */
  members?: number;
}

/** Options of {@link createMemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** Source of time for every deadline (default: the system clock). */
  clock?: Clock;
  /** Simulated latency per call via setTimeout (default 0: no timer, answers on the next microtask). */
  latencyMs?: number;
  /** Usernames already registered (compared case-insensitively). */
  takenUsernames?: string[];
  /** Policy the "server" enforces (default: the nist preset). */
  passwordPolicy?: PasswordPolicy;
  /** Digits per SMS code (default 8). */
  smsCodeLength?: number;
  /** Seconds between two SMS sends per flow (default 60). */
  resendSeconds?: number;
  /** Seconds an SMS code stays valid (default 600). */
  codeTtlSeconds?: number;
  /** Wrong tries per code before it dies (default 5). */
  maxCodeAttempts?: number;
  /** Seconds a flow (registration link) stays valid (default 14 days). */
  flowTtlSeconds?: number;
  /** Steps `complete` insists on (default ['credentials']). */
  requiredSteps?: StepId[];
  /** Steps `skipStep` accepts (default ['sms', 'visibility']). */
  optionalSteps?: StepId[];
  /** Integers in [0, max) for codes, PINs and ids (default: crypto.getRandomValues). */
  random?: (max: number) => number;
  /** Registration links (invitations) that exist. */
  invitations?: MemoryInvitation[];
  /** Customers on file, for `lookupCustomer`. */
  customers?: MemoryCustomer[];
  /** Organizations people can join. */
  organizations?: MemoryOrganization[];
  /** Members plus pending join requests per organization (default 5). */
  maxOrganizationMembers?: number;
  /** Hours an e-mail confirmation link stays valid (default 24). */
  emailLinkValidityHours?: number;
  /** Digits per e-mail code (default 6). */
  emailCodeLength?: number;
  /** Whether `lookupCustomer` insists on a captcha token (default false: checked only when given). */
  customerLookupCaptcha?: boolean;
  /** Version of the terms in force; `acceptTerms` with another version fails with 'terms.required'. */
  termsVersion?: string;
  /** Wrong customer lookups per flow before it is locked for 15 minutes (default 5). */
  maxLookupAttempts?: number;
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
  organization?: OrganizationMembership;
  profile?: ProfileValues;
  termsAcceptedAt?: number;
  termsVersion?: string;
}

/** A complete in-browser backend with real server semantics, for docs, tests and demos. */
export interface MemoryAdapter extends PforteAdapter {
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
  failNext(method: keyof PforteAdapter, error: PforteError | 'offline' | 'hang'): void;
  /** While offline, every call rejects with 'network'. */
  setOffline(offline: boolean): void;
  /** Accounts created by `complete`; no password, no PIN, no code. */
  readonly accounts: ReadonlyArray<MemoryAccount>;
}

/** Server-side state of one SMS or e-mail code. The code is kept only as long as it can be used. */
interface CodeState {
  code: string | undefined;
  expiresAt: number;
  attempts: number;
  /** Set when the code died of too many wrong tries. */
  dead: boolean;
}

interface FlowRecord {
  id: string;
  expiresAt: number;
  completed: boolean;
  /** Stored username once credentials were accepted; no password is kept. */
  username?: string;
  pin: 'none' | 'issued' | 'set';
  pinConfirmed: boolean;
  phone?: string;
  smsCode?: CodeState;
  resendAvailableAt?: number;
  smsVerified: boolean;
  visibilitySet: boolean;
  visible: boolean;
  skipped: Set<StepId>;
  /** The flow's e-mail address (credentials, invitation, customer lookup or profile; the latest wins). */
  email?: string;
  /** The address a link confirmed. */
  verifiedEmail?: string;
  emailLinkResendAt?: number;
  invitationToken?: string;
  profile?: ProfileValues;
  terms?: { acceptedAt: number; recordedAt: number; version?: string };
  customerNumber?: string;
  lookupFailures: number;
  lookupLockedUntil?: number;
  captchaVerified: boolean;
  organization?: { mode: 'register' | 'join'; organizationId: string; name: string; postalCode: string; customerNumber?: string };
  secondFactorChoice?: SecondFactorMethod;
  emailCode?: CodeState;
  emailCodeResendAt?: number;
  emailCodeVerified: boolean;
}

interface InvitationRecord {
  details: Omit<InvitationDetails, 'validUntil'>;
  validUntil: number;
  validityDays: number;
  used: boolean;
}

interface EmailTokenRecord {
  flowId: string;
  email: string;
  expiresAt: number;
  used: boolean;
}

interface OrganizationRecord {
  organizationId: string;
  name: string;
  customerNumber?: string;
  postalCode: string;
  members: number;
  pending: number;
}

const dayMs = 24 * 60 * 60 * 1000;
const lookupLockMs = 15 * 60 * 1000;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const captchaPattern = /^pforte-test-captcha:[\w-]{1,200}$/;
const postalCodePattern = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;
const profileKeys = ['salutation', 'title', 'firstName', 'lastName', 'position', 'mobile', 'phone', 'email'] as const;

const e164Pattern = /^\+[1-9]\d{6,14}$/;

/**
 * Creates a {@link MemoryAdapter}. Semantics a real server must share:
 * case-insensitively unique usernames, the password policy enforced server
 * side, random single-use SMS and e-mail codes bound to the flow with expiry,
 * limited attempts and a per-flow resend throttle, flows that expire, and a
 * flow that is closed once completed ('link.used'). Invitations are valid
 * `validityDays` from their creation and single use; e-mail confirmation
 * links are random, single use, bound to the flow and valid
 * `emailLinkValidityHours`; customer lookups never say which input was wrong;
 * test captcha tokens work once; organizations cap members plus pending
 * join requests at `maxOrganizationMembers`.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const clock = options.clock ?? systemClock;
  const latencyMs = options.latencyMs ?? 0;
  const policy = options.passwordPolicy ?? policyPresets.nist;
  const smsCodeLength = options.smsCodeLength ?? 8;
  const emailCodeLength = options.emailCodeLength ?? 6;
  const resendMs = (options.resendSeconds ?? 60) * 1000;
  const codeTtlMs = (options.codeTtlSeconds ?? 600) * 1000;
  const maxCodeAttempts = options.maxCodeAttempts ?? 5;
  const flowTtlMs = (options.flowTtlSeconds ?? 14 * 24 * 60 * 60) * 1000;
  const emailLinkValidityHours = options.emailLinkValidityHours ?? 24;
  const maxOrganizationMembers = options.maxOrganizationMembers ?? 5;
  const maxLookupAttempts = options.maxLookupAttempts ?? 5;
  const requiredSteps = new Set<StepId>(options.requiredSteps ?? ['credentials']);
  const optionalSteps = new Set<StepId>(options.optionalSteps ?? ['sms', 'visibility', 'emailCode']);
  const random = options.random ?? cryptoRandom;
  const taken = new Set((options.takenUsernames ?? []).map((name) => name.trim().toLowerCase()));
  const createdAt = clock.now();

  const flows = new Map<string, FlowRecord>();
  const outbox: OutboxMessage[] = [];
  const accounts: MemoryAccount[] = [];
  const failures = new Map<keyof PforteAdapter, PforteError | 'offline' | 'hang'>();
  const invitations = new Map<string, InvitationRecord>();
  const emailTokens = new Map<string, EmailTokenRecord>();
  const usedCaptchas = new Set<string>();
  const customers = (options.customers ?? []).map((customer) => ({ ...customer }));
  const organizations = new Map<string, OrganizationRecord>();
  let offline = false;

  const randomDigits = (length: number) => Array.from({ length }, () => String(random(10))).join('');
  const randomHex = (length: number) => Array.from({ length }, () => random(16).toString(16)).join('');
  const randomId = (prefix: string) => `${prefix}_${randomHex(16)}`;

  function addInvitation({ token, createdAt: created, validityDays = 14, used = false, ...details }: MemoryInvitation) {
    const start = created ?? createdAt;
    invitations.set(token, { details, validUntil: start + validityDays * dayMs, validityDays, used });
  }
  for (const invitation of options.invitations ?? []) addInvitation(invitation);
  function addOrganization(organization: MemoryOrganization): string {
    const organizationId = organization.organizationId ?? randomId('org');
    organizations.set(organizationId, {
      organizationId,
      name: organization.name,
      customerNumber: organization.customerNumber,
      postalCode: organization.postalCode,
      members: organization.members ?? 1,
      pending: 0,
    });
    return organizationId;
  }
  for (const organization of options.organizations ?? []) addOrganization(organization);

  /** Simulated transport: scripted failures, offline mode, latency and abort. */
  async function call<T>(method: keyof PforteAdapter, callOptions: CallOptions | undefined, handle: () => T): Promise<T> {
    const signal = callOptions?.signal;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure === 'hang') return hang(signal);
    await delay(latencyMs, signal);
    if (offline || failure === 'offline') throw new PforteError('network');
    if (failure) throw failure;
    return handle();
  }

  function flow(flowId: string): FlowRecord {
    const record = flows.get(flowId);
    if (!record) throw new PforteError('flow.unknown');
    if (record.completed) throw new PforteError('link.used');
    if (clock.now() >= record.expiresAt) throw new PforteError('flow.expired');
    return record;
  }

  function withAccount(flowId: string): FlowRecord & { username: string } {
    const record = flow(flowId);
    if (record.username === undefined) throw new PforteError('step.required');
    return record as FlowRecord & { username: string };
  }

  function withEmail(record: FlowRecord): string {
    if (record.email === undefined) throw new PforteError('step.required');
    return record.email;
  }

  function isUsernameTaken(username: string, flowId: string): boolean {
    const key = username.toLowerCase();
    if (taken.has(key) || accounts.some((account) => account.username.toLowerCase() === key)) return true;
    // Open flows reserve their username until they complete or expire.
    const now = clock.now();
    for (const other of flows.values()) {
      if (other.id !== flowId && !other.completed && now < other.expiresAt && other.username?.toLowerCase() === key) {
        return true;
      }
    }
    return false;
  }

  function isEmailVerified(record: FlowRecord): boolean {
    return (
      record.email !== undefined &&
      record.verifiedEmail !== undefined &&
      record.email.toLowerCase() === record.verifiedEmail.toLowerCase()
    );
  }

  function isStepDone(record: FlowRecord, step: StepId): boolean {
    switch (step) {
      case 'credentials':
        return record.username !== undefined;
      case 'pin':
        return record.pin === 'set' || (record.pin === 'issued' && record.pinConfirmed);
      case 'sms':
        return record.smsVerified;
      case 'visibility':
        return record.visibilitySet;
      case 'invitation':
        return record.invitationToken !== undefined;
      case 'profile':
        return record.profile !== undefined;
      case 'terms':
        return record.terms !== undefined;
      case 'emailVerification':
        return isEmailVerified(record);
      case 'customerLookup':
        return record.customerNumber !== undefined;
      case 'captcha':
        return record.captchaVerified;
      case 'organization':
        return record.organization !== undefined;
      case 'secondFactorChoice':
        return record.secondFactorChoice !== undefined;
      case 'emailCode':
        return record.emailCodeVerified;
      case 'done':
        return true;
    }
  }

  function rateLimited(until: number, now: number): PforteError {
    return new PforteError('rate_limited', {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
      resendAvailableAt: until,
      now,
    });
  }

  /** Checks `code` against `state`: single use, expiry, limited attempts. */
  function checkCode(state: CodeState | undefined, code: string): void {
    if (!state) throw new PforteError('step.required');
    if (state.dead) throw new PforteError('code.max_attempts');
    if (state.code === undefined || clock.now() >= state.expiresAt) {
      state.code = undefined;
      throw new PforteError('code.expired');
    }
    if (!sameCode(state.code, code)) {
      state.attempts++;
      if (state.attempts >= maxCodeAttempts) {
        state.dead = true;
        state.code = undefined;
        throw new PforteError('code.max_attempts');
      }
      throw new PforteError('code.invalid', { field: 'code', attemptsRemaining: maxCodeAttempts - state.attempts });
    }
    // Single use: the code is gone once it worked.
    state.code = undefined;
  }

  function useCaptcha(token: string | undefined): void {
    if (token === undefined || !captchaPattern.test(token) || usedCaptchas.has(token)) {
      throw new PforteError('captcha.invalid', { field: 'captcha' });
    }
    usedCaptchas.add(token);
  }

  function findOrganization(customerNumber: string, postalCode: string): OrganizationRecord | undefined {
    const number = customerNumber.trim().toLowerCase();
    const postal = normalizePostalCode(postalCode);
    for (const organization of organizations.values()) {
      if (
        organization.customerNumber?.toLowerCase() === number &&
        normalizePostalCode(organization.postalCode) === postal
      ) {
        return organization;
      }
    }
    return undefined;
  }

  function checkOrganizationInput(input: { name?: string; postalCode: string; customerNumber?: string }) {
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (name.length === 0 || name.length > 200) throw new PforteError('organization.invalid', { field: 'name' });
    }
    if (input.customerNumber !== undefined) {
      const number = input.customerNumber.trim();
      if (number.length === 0 || number.length > 64) {
        throw new PforteError('organization.invalid', { field: 'customerNumber' });
      }
    }
    if (!postalCodePattern.test(input.postalCode.trim())) {
      throw new PforteError('organization.invalid', { field: 'postalCode' });
    }
  }

  const adapter: MemoryAdapter = {
    get outbox() {
      return outbox.slice();
    },
    get accounts() {
      return accounts.map((account) => ({ ...account }));
    },
    lastCode(channelOrPhone) {
      const channel = channelOrPhone === 'email' ? 'email' : 'sms';
      const phoneFilter = channelOrPhone === 'email' || channelOrPhone === 'sms' ? undefined : channelOrPhone;
      for (let i = outbox.length - 1; i >= 0; i--) {
        const message = outbox[i]!;
        if (message.channel !== channel || message.code === undefined) continue;
        if (phoneFilter === undefined || message.to === phoneFilter) return message.code;
      }
      return undefined;
    },
    lastEmailLink() {
      for (let i = outbox.length - 1; i >= 0; i--) {
        const message = outbox[i]!;
        if (message.channel === 'email' && message.link !== undefined) return message.link;
      }
      return undefined;
    },
    createInvitation(details = {}) {
      const token = details.token ?? randomHex(32);
      addInvitation({ createdAt: clock.now(), ...details, token });
      return token;
    },
    addCustomer(customer) {
      customers.push({ ...customer });
    },
    addOrganization,
    failNext(method, error) {
      failures.set(method, error);
    },
    setOffline(value) {
      offline = value;
    },

    startRegistration(input, callOptions) {
      return call('startRegistration', callOptions, (): StartResult => {
        const now = clock.now();
        const id = randomId('flow');
        flows.set(id, {
          id,
          expiresAt: now + flowTtlMs,
          completed: false,
          pin: 'none',
          pinConfirmed: false,
          smsVerified: false,
          visibilitySet: false,
          visible: false,
          skipped: new Set(),
          lookupFailures: 0,
          captchaVerified: false,
          emailCodeVerified: false,
        });
        // The invitation token is only noted here; openInvitation validates it.
        void input.invitation;
        return { flowId: id, expiresAt: now + flowTtlMs, now };
      });
    },

    submitCredentials({ flowId, username, password }, callOptions) {
      return call('submitCredentials', callOptions, () => {
        const record = flow(flowId);
        const name = username.trim();
        const nameLength = [...name].length;
        if (nameLength < 3 || nameLength > 254 || /\s/.test(name)) {
          throw new PforteError('identifier.invalid', { field: 'username' });
        }
        if (isUsernameTaken(name, flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
        const evaluation = evaluatePassword(policy, password, { identifier: name });
        if (!evaluation.ok) {
          const tooShort = evaluation.results.some((result) => result.rule.kind === 'minLength' && !result.met);
          throw new PforteError(tooShort ? 'password.too_short' : 'password.rejected', { field: 'password' });
        }
        // The password itself is not stored: a demo backend has no reason to keep it.
        record.username = name;
        if (emailPattern.test(name)) record.email = name;
        return { username: name };
      });
    },

    issuePin({ flowId, length }, callOptions) {
      return call('issuePin', callOptions, () => {
        const record = withAccount(flowId);
        if (!Number.isInteger(length) || length < 4 || length > 12) throw new PforteError('pin.invalid');
        // A fresh PIN replaces the old one, which is never shown again; the new one must be confirmed anew.
        record.pin = 'issued';
        record.pinConfirmed = false;
        return { pin: generatePin(length, random) };
      });
    },

    setPin({ flowId, pin }, callOptions) {
      return call('setPin', callOptions, () => {
        const record = withAccount(flowId);
        if (!/^\d{4,12}$/.test(pin)) throw new PforteError('pin.invalid', { field: 'pin' });
        if (isTrivialPin(pin)) throw new PforteError('pin.trivial', { field: 'pin' });
        record.pin = 'set';
        record.pinConfirmed = true;
      });
    },

    confirmPinSaved({ flowId }, callOptions) {
      return call('confirmPinSaved', callOptions, () => {
        const record = withAccount(flowId);
        if (record.pin === 'none') throw new PforteError('step.required');
        record.pinConfirmed = true;
      });
    },

    sendSmsCode({ flowId, phone }, callOptions) {
      return call('sendSmsCode', callOptions, (): SmsSentResult => {
        const record = withAccount(flowId);
        if (!e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
        const now = clock.now();
        if (record.resendAvailableAt !== undefined && now < record.resendAvailableAt) {
          throw rateLimited(record.resendAvailableAt, now);
        }
        const code = randomDigits(smsCodeLength);
        const expiresAt = now + codeTtlMs;
        record.phone = phone;
        record.smsVerified = false;
        record.smsCode = { code, expiresAt, attempts: 0, dead: false };
        record.resendAvailableAt = now + resendMs;
        outbox.push({
          channel: 'sms',
          to: phone,
          text: `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
          code,
          sentAt: now,
          flowId,
        });
        return { resendAvailableAt: record.resendAvailableAt, expiresAt, now, codeLength: smsCodeLength };
      });
    },

    verifySmsCode({ flowId, code }, callOptions) {
      return call('verifySmsCode', callOptions, () => {
        const record = withAccount(flowId);
        checkCode(record.smsCode, code);
        record.smsVerified = true;
        record.skipped.delete('sms');
      });
    },

    skipStep({ flowId, step }, callOptions) {
      return call('skipStep', callOptions, () => {
        const record = withAccount(flowId);
        if (!optionalSteps.has(step)) throw new PforteError('step.required');
        record.skipped.add(step);
        if (step === 'sms') record.smsVerified = false;
        if (step === 'emailCode') record.emailCodeVerified = false;
      });
    },

    setVisibility({ flowId, visible }, callOptions) {
      return call('setVisibility', callOptions, () => {
        const record = withAccount(flowId);
        record.visible = visible;
        record.visibilitySet = true;
        record.skipped.delete('visibility');
      });
    },

    openInvitation({ flowId, token }, callOptions) {
      return call('openInvitation', callOptions, (): InvitationDetails => {
        const record = flow(flowId);
        const invitation = invitations.get(token);
        if (!invitation) throw new PforteError('link.invalid');
        if (invitation.used) throw new PforteError('link.used');
        if (clock.now() >= invitation.validUntil) {
          throw new PforteError('link.expired', { validityDays: invitation.validityDays });
        }
        record.invitationToken = token;
        if (invitation.details.email !== undefined) record.email = invitation.details.email;
        return { ...invitation.details, validUntil: invitation.validUntil };
      });
    },

    submitProfile({ flowId, profile }, callOptions) {
      return call('submitProfile', callOptions, () => {
        const record = flow(flowId);
        const values: ProfileValues = {};
        for (const key of profileKeys) {
          const raw: unknown = profile[key];
          if (raw === undefined || raw === null) continue;
          if (typeof raw !== 'string') throw new PforteError('profile.invalid', { field: key });
          const value = raw.trim();
          if (value === '') continue;
          if (value.length > 200) throw new PforteError('profile.invalid', { field: key });
          if ((key === 'mobile' || key === 'phone') && !e164Pattern.test(value)) {
            throw new PforteError('profile.invalid', { field: key });
          }
          if (key === 'email' && (!emailPattern.test(value) || value.length > 254)) {
            throw new PforteError('profile.invalid', { field: key });
          }
          values[key] = value;
        }
        record.profile = values;
        if (values.email !== undefined) record.email = values.email;
      });
    },

    acceptTerms({ flowId, acceptedAt, version }, callOptions) {
      return call('acceptTerms', callOptions, () => {
        const record = flow(flowId);
        if (!Number.isFinite(acceptedAt)) throw new PforteError('terms.required');
        if (options.termsVersion !== undefined && version !== options.termsVersion) {
          throw new PforteError('terms.required');
        }
        record.terms = { acceptedAt, recordedAt: clock.now() };
        if (version !== undefined) record.terms.version = version;
      });
    },

    sendVerificationEmail({ flowId, returnUrl }, callOptions) {
      return call('sendVerificationEmail', callOptions, (): EmailSentResult => {
        const record = flow(flowId);
        const email = withEmail(record);
        const now = clock.now();
        if (record.emailLinkResendAt !== undefined && now < record.emailLinkResendAt) {
          throw rateLimited(record.emailLinkResendAt, now);
        }
        const token = randomHex(40);
        const expiresAt = now + emailLinkValidityHours * 60 * 60 * 1000;
        emailTokens.set(token, { flowId, email, expiresAt, used: false });
        record.emailLinkResendAt = now + resendMs;
        const link = `${returnUrl.split('#')[0]}#pforte-email-token=${token}`;
        outbox.push({
          channel: 'email',
          to: email,
          text: `Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address: ${link}`,
          link,
          sentAt: now,
          flowId,
        });
        return { email, resendAvailableAt: record.emailLinkResendAt, expiresAt, now, validityHours: emailLinkValidityHours };
      });
    },

    confirmEmail({ token }, callOptions) {
      return call('confirmEmail', callOptions, (): EmailConfirmedResult => {
        const entry = emailTokens.get(token);
        if (!entry) throw new PforteError('link.invalid');
        if (entry.used) throw new PforteError('link.used');
        const now = clock.now();
        if (now >= entry.expiresAt) throw new PforteError('link.expired', { validityHours: emailLinkValidityHours });
        const record = flow(entry.flowId);
        // Single use: this link and every other one sent to the flow are spent.
        for (const other of emailTokens.values()) if (other.flowId === entry.flowId) other.used = true;
        record.verifiedEmail = entry.email;
        return {
          flowId: record.id,
          expiresAt: record.expiresAt,
          now,
          completedSteps: stepIds.filter((step) => step !== 'done' && isStepDone(record, step)),
        };
      });
    },

    lookupCustomer({ flowId, customerNumber, email, captchaToken }, callOptions) {
      return call('lookupCustomer', callOptions, () => {
        const record = flow(flowId);
        const now = clock.now();
        if (record.lookupLockedUntil !== undefined && now < record.lookupLockedUntil) {
          throw new PforteError('rate_limited', {
            retryAfterSeconds: Math.ceil((record.lookupLockedUntil - now) / 1000),
            now,
          });
        }
        if (captchaToken !== undefined || options.customerLookupCaptcha) useCaptcha(captchaToken);
        const number = customerNumber.trim();
        const address = email.trim().toLowerCase();
        const customer = customers.find(
          (candidate) => candidate.customerNumber === number && candidate.email.toLowerCase() === address,
        );
        if (!customer) {
          record.lookupFailures++;
          if (record.lookupFailures >= maxLookupAttempts) {
            record.lookupFailures = 0;
            record.lookupLockedUntil = now + lookupLockMs;
          }
          // Never say which of the two was wrong.
          throw new PforteError('customer.mismatch');
        }
        record.lookupFailures = 0;
        record.customerNumber = customer.customerNumber;
        record.email = customer.email;
        return customer.name === undefined ? {} : { customerName: customer.name };
      });
    },

    verifyCaptcha({ flowId, token }, callOptions) {
      return call('verifyCaptcha', callOptions, () => {
        const record = flow(flowId);
        useCaptcha(token);
        record.captchaVerified = true;
      });
    },

    registerOrganization({ flowId, name, postalCode, customerNumber }, callOptions) {
      return call('registerOrganization', callOptions, () => {
        const record = withAccount(flowId);
        checkOrganizationInput({ name, postalCode, customerNumber });
        // Created with the account; going back and registering again replaces it.
        const organizationId = record.organization?.mode === 'register' ? record.organization.organizationId : randomId('org');
        record.organization = { mode: 'register', organizationId, name: name.trim(), postalCode: postalCode.trim() };
        if (customerNumber !== undefined) record.organization.customerNumber = customerNumber.trim();
        return { organizationId, name: name.trim() };
      });
    },

    joinOrganization({ flowId, customerNumber, postalCode }, callOptions) {
      return call('joinOrganization', callOptions, () => {
        const record = withAccount(flowId);
        checkOrganizationInput({ customerNumber, postalCode });
        const organization = findOrganization(customerNumber, postalCode);
        if (!organization) throw new PforteError('organization.not_found');
        if (organization.members + organization.pending >= maxOrganizationMembers) {
          throw new PforteError('organization.full');
        }
        record.organization = {
          mode: 'join',
          organizationId: organization.organizationId,
          name: organization.name,
          postalCode: organization.postalCode,
        };
        return { organizationId: organization.organizationId, name: organization.name, status: 'pending' as const };
      });
    },

    chooseSecondFactor({ flowId, method }, callOptions) {
      return call('chooseSecondFactor', callOptions, () => {
        const record = flow(flowId);
        if (method !== 'none' && method !== 'email' && method !== 'sms') throw new PforteError('step.required');
        record.secondFactorChoice = method;
      });
    },

    sendEmailCode({ flowId }, callOptions) {
      return call('sendEmailCode', callOptions, (): CodeSentResult => {
        const record = withAccount(flowId);
        const email = withEmail(record);
        const now = clock.now();
        if (record.emailCodeResendAt !== undefined && now < record.emailCodeResendAt) {
          throw rateLimited(record.emailCodeResendAt, now);
        }
        const code = randomDigits(emailCodeLength);
        const expiresAt = now + codeTtlMs;
        record.emailCodeVerified = false;
        record.emailCode = { code, expiresAt, attempts: 0, dead: false };
        record.emailCodeResendAt = now + resendMs;
        outbox.push({
          channel: 'email',
          to: email,
          text: `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
          code,
          sentAt: now,
          flowId,
        });
        return { resendAvailableAt: record.emailCodeResendAt, expiresAt, now, codeLength: emailCodeLength };
      });
    },

    verifyEmailCode({ flowId, code }, callOptions) {
      return call('verifyEmailCode', callOptions, () => {
        const record = withAccount(flowId);
        checkCode(record.emailCode, code);
        record.emailCodeVerified = true;
        record.skipped.delete('emailCode');
      });
    },

    complete({ flowId }, callOptions) {
      return call('complete', callOptions, (): CompleteResult => {
        const record = withAccount(flowId);
        // An issued PIN must be confirmed as stored, whether or not the step is demanded.
        const pinPending = record.pin === 'issued' && !record.pinConfirmed;
        if (requiredSteps.has('terms') && record.terms === undefined) throw new PforteError('terms.required');
        const choice = record.secondFactorChoice;
        // A code step the choice routed around is not required.
        const inactive = (step: StepId) =>
          choice !== undefined && ((step === 'sms' && choice !== 'sms') || (step === 'emailCode' && choice !== 'email'));
        const missing = [...requiredSteps].some(
          (step) => !inactive(step) && !isStepDone(record, step),
        );
        // A chosen second factor must be verified, unless its step was put off.
        const choiceOpen =
          (choice === 'sms' && !record.smsVerified && !record.skipped.has('sms')) ||
          (choice === 'email' && !record.emailCodeVerified && !record.skipped.has('emailCode'));
        if (pinPending || missing || choiceOpen) throw new PforteError('step.required');
        const invitation = record.invitationToken === undefined ? undefined : invitations.get(record.invitationToken);
        if (invitation?.used) throw new PforteError('link.used');
        let membership: OrganizationMembership | undefined;
        if (record.organization?.mode === 'join') {
          const organization = organizations.get(record.organization.organizationId);
          if (!organization) throw new PforteError('organization.not_found');
          if (organization.members + organization.pending >= maxOrganizationMembers) {
            throw new PforteError('organization.full');
          }
          organization.pending++;
          membership = { organizationId: organization.organizationId, name: organization.name, status: 'pending' };
        } else if (record.organization?.mode === 'register') {
          const { organizationId, name, postalCode, customerNumber } = record.organization;
          organizations.set(organizationId, { organizationId, name, postalCode, customerNumber, members: 1, pending: 0 });
          membership = { organizationId, name, status: 'member' };
        }
        if (invitation) invitation.used = true;
        const secondFactor: SecondFactorMethod =
          choice === undefined
            ? record.smsVerified
              ? 'sms'
              : record.emailCodeVerified
                ? 'email'
                : 'none'
            : (choice === 'sms' && record.smsVerified) || (choice === 'email' && record.emailCodeVerified)
              ? choice
              : 'none';
        const emailVerified = isEmailVerified(record);
        const account: MemoryAccount = {
          accountId: randomId('acc'),
          username: record.username,
          visible: record.visible,
          secondFactor,
          emailVerified,
        };
        if (secondFactor === 'sms' && record.phone !== undefined) account.phone = record.phone;
        if (record.email !== undefined) account.email = record.email;
        if (membership) account.organization = membership;
        if (record.profile) account.profile = { ...record.profile };
        if (record.terms) {
          account.termsAcceptedAt = record.terms.recordedAt;
          if (record.terms.version !== undefined) account.termsVersion = record.terms.version;
        }
        accounts.push(account);
        record.completed = true;
        const result: CompleteResult = {
          accountId: account.accountId,
          username: account.username,
          skipped: stepIds.filter((step) => record.skipped.has(step)),
          visible: account.visible,
          secondFactor,
          emailVerified,
        };
        if (membership) result.organization = membership;
        return result;
      });
    },
  };
  return adapter;
}

/** Postal codes compare without spaces and case ("10115" = "10 115"). */
function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Compares codes without an early exit, as a real server should. */
function sameCode(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return difference === 0;
}

function abortError(signal: AbortSignal): PforteError {
  return new PforteError('timeout', { cause: signal.reason });
}

/** Waits `ms` (no timer at all for 0), rejecting with 'timeout' when the signal aborts. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles, except with 'timeout' when the signal aborts. */
function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(abortError(signal));
    else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}
