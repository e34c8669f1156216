import type {
  CallOptions,
  InvitationDetails,
  OrganizationMembership,
  PforteAdapter,
  ProfileValues,
} from '../adapter.js';
import { systemClock, type Clock } from '../clock.js';
import type { PforteConfigInput, ResolvedStep } from '../config.js';
import { PforteError } from '../errors.js';
import { cryptoRandom, generatePin } from '../pin.js';
import type { PasswordPolicy } from '../policy.js';
import * as rules from '../rules/index.js';
import type { CustomerLookupStep } from '../steps/customer-lookup.js';
import type { EmailCodeStep } from '../steps/email-code.js';
import type { EmailVerificationStep } from '../steps/email-verification.js';
import type { OrganizationStep } from '../steps/organization.js';
import type { PinStep } from '../steps/pin.js';
import type { ProfileStep } from '../steps/profile.js';
import type { StepId, StepRegistry } from '../steps/registry.js';
import type { SecondFactorChoiceStep } from '../steps/second-factor-choice.js';
import type { SmsStep } from '../steps/sms.js';
import type { TermsStep } from '../steps/terms.js';
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
  /** Origin of the page the requests come from, for e-mail links (default: `location.origin`). */
  origin?: string;
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

/** A flow: the rules' view plus the live codes, which only this backend sees. */
interface FlowRecord {
  view: rules.FlowView;
  smsCode?: string;
  emailCode?: string;
  invitationToken?: string;
}

interface InvitationRecord {
  details: Omit<InvitationDetails, 'validUntil'>;
  validUntil: number;
  validityDays: number;
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

/**
 * Creates a {@link MemoryAdapter}: the rules of `@pforte/core/rules` over
 * flows kept in memory, so it answers exactly as the reference server does —
 * products bound at start, every step and input checked, random single-use
 * codes with expiry, attempt limits and a resend throttle, invitations and
 * e-mail links that work once, customer lookups that never say which input
 * was wrong, organizations that cap members.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const clock = options.clock ?? systemClock;
  const latencyMs = options.latencyMs ?? 0;
  const random = options.random ?? cryptoRandom;
  const limits = {
    ...rules.backendDefaults,
    ...definedOnly({
      codeTtlSeconds: options.codeTtlSeconds,
      maxCodeAttempts: options.maxCodeAttempts,
      flowTtlSeconds: options.flowTtlSeconds,
      emailLinkValidityHours: options.emailLinkValidityHours,
      maxLookupAttempts: options.maxLookupAttempts,
    }),
  };
  const catalog = rules.createProductCatalog({
    ...definedOnly({ products: options.products, defaultProduct: options.defaultProduct, registry: options.registry }),
    open: openProductOptions(options),
  });
  const origin = options.origin ?? (globalThis as { location?: { origin?: string } }).location?.origin;
  const taken = new Set((options.takenUsernames ?? []).map((name) => rules.usernameKey(name.trim())));
  const createdAt = clock.now();

  const flows = new Map<string, FlowRecord>();
  const outbox: OutboxMessage[] = [];
  const accounts: MemoryAccount[] = [];
  const failures = new Map<keyof PforteAdapter, PforteError | 'offline' | 'hang'>();
  const invitations = new Map<string, InvitationRecord>();
  const emailTokens = new Map<string, { flowId: string; email: string; expiresAt: number; used: boolean }>();
  const usedCaptchas = new Set<string>();
  const customers = (options.customers ?? []).map((customer) => ({ ...customer }));
  const organizations = new Map<string, OrganizationRecord>();
  let offline = false;

  const randomDigits = (length: number) => Array.from({ length }, () => String(random(10))).join('');
  const randomHex = (length: number) => Array.from({ length }, () => random(16).toString(16)).join('');
  const randomId = (prefix: string) => `${prefix}_${randomHex(16)}`;

  function addInvitation({ token, createdAt: created, validityDays = limits.invitationValidityDays, used = false, ...details }: MemoryInvitation) {
    invitations.set(token, { details, validUntil: (created ?? createdAt) + validityDays * dayMs, validityDays, used });
  }
  for (const invitation of options.invitations ?? []) addInvitation(invitation);
  function addOrganization(organization: MemoryOrganization): string {
    const organizationId = organization.organizationId ?? randomId('org');
    const { name, customerNumber, postalCode, members = 1 } = organization;
    organizations.set(organizationId, { organizationId, name, customerNumber, postalCode, members, pending: 0 });
    return organizationId;
  }
  for (const organization of options.organizations ?? []) addOrganization(organization);

  /** Simulated transport (scripted failures, offline, latency, abort), then the rules on the input's text. */
  async function call<T>(method: keyof PforteAdapter, callOptions: CallOptions | undefined, input: unknown, handle: () => T | Promise<T>) {
    const signal = callOptions?.signal;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure === 'hang') return hang(signal);
    await delay(latencyMs, signal);
    if (offline || failure === 'offline') throw new PforteError('network');
    if (failure) throw failure;
    rules.checkInputText(input);
    return handle();
  }

  /** The open flow and its product. */
  function open(flowId: string) {
    const record = flows.get(flowId);
    const view = rules.checkFlowOpen(record?.view, clock.now());
    return { record: record!, view, product: catalog.get(view.product)! };
  }

  /** The open flow, after the rules allowed `action` on it; with the step it acts on. */
  function forAction<Step extends ResolvedStep = ResolvedStep>(flowId: string, action: keyof PforteAdapter) {
    const found = open(flowId);
    return { ...found, step: rules.requireStep<Step>(found.product, found.view, action) };
  }

  function latest(matches: (message: OutboxMessage) => boolean): OutboxMessage | undefined {
    return [...outbox].reverse().find(matches);
  }

  function isUsernameTaken(key: string, flowId: string): boolean {
    if (taken.has(key) || accounts.some((account) => rules.usernameKey(account.username) === key)) return true;
    // Open flows reserve their username until they complete or expire.
    const now = clock.now();
    return [...flows.values()].some(
      ({ view }) => view.id !== flowId && !view.completed && now < view.expiresAt && view.username !== undefined && rules.usernameKey(view.username) === key,
    );
  }

  function sendCode(record: FlowRecord, channel: 'sms' | 'email', to: string, step: SmsStep | EmailCodeStep) {
    const { view } = record;
    const now = clock.now();
    rules.checkResend(channel === 'sms' ? view.smsResendAt : view.emailCodeResendAt, now);
    const code = randomDigits(step.codeLength);
    const issued = rules.issueCode(now, step.resendSeconds, limits.codeTtlSeconds);
    if (channel === 'sms') {
      Object.assign(view, { phone: to, smsVerified: false, smsCode: issued.code, smsResendAt: issued.resendAvailableAt });
      record.smsCode = code;
    } else {
      Object.assign(view, { emailCodeVerified: false, emailCode: issued.code, emailCodeResendAt: issued.resendAvailableAt });
      record.emailCode = code;
    }
    const text = channel === 'sms' ? rules.messageTexts.smsCode(code) : rules.messageTexts.emailCode(code);
    outbox.push({ channel, to, text, code, sentAt: now, flowId: view.id });
    return { resendAvailableAt: issued.resendAvailableAt, expiresAt: issued.expiresAt, now, codeLength: step.codeLength };
  }

  function checkCode(record: FlowRecord, channel: 'sms' | 'email', entered: string): void {
    const { view } = record;
    const live = channel === 'sms' ? record.smsCode : record.emailCode;
    const verdict = rules.verifyCode(
      channel === 'sms' ? view.smsCode : view.emailCode,
      live !== undefined && sameCode(live, entered),
      clock.now(),
      limits.maxCodeAttempts,
    );
    if (channel === 'sms') view.smsCode = verdict.code;
    else view.emailCode = verdict.code;
    // The code itself is kept only as long as it can be used.
    if (verdict.code.state !== 'live') record[channel === 'sms' ? 'smsCode' : 'emailCode'] = undefined;
    if (verdict.error) throw verdict.error;
  }

  function useCaptcha(token: string | undefined): void {
    const checked = rules.checkCaptchaToken(token);
    if (!rules.isTestCaptchaToken(checked) || usedCaptchas.has(checked)) throw new PforteError('captcha.invalid', { field: 'captcha' });
    usedCaptchas.add(checked);
  }

  function findOrganization(customerNumber: string, postalCode: string): OrganizationRecord | undefined {
    const number = customerNumber.toLowerCase();
    const postal = rules.normalizePostalCode(postalCode);
    return [...organizations.values()].find(
      (organization) => organization.customerNumber?.toLowerCase() === number && rules.normalizePostalCode(organization.postalCode) === postal,
    );
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
      const phone = channelOrPhone === 'email' || channelOrPhone === 'sms' ? undefined : channelOrPhone;
      return latest((message) => message.channel === channel && message.code !== undefined && (phone === undefined || message.to === phone))?.code;
    },
    lastEmailLink() {
      return latest((message) => message.channel === 'email' && message.link !== undefined)?.link;
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
      return call('startRegistration', callOptions, input, () => {
        const locale = rules.checkLocale(input.locale);
        const product = catalog.resolve(input.product);
        const now = clock.now();
        const view = rules.newFlowView(randomId('flow'), product.id, locale, now + limits.flowTtlSeconds * 1000);
        flows.set(view.id, { view });
        return { flowId: view.id, expiresAt: view.expiresAt, now };
      });
    },

    submitCredentials({ flowId, username, password }, callOptions) {
      return call('submitCredentials', callOptions, { flowId, username, password }, () => {
        const { product, view } = forAction(flowId, 'submitCredentials');
        const name = rules.acceptUsername(product, username);
        if (isUsernameTaken(rules.usernameKey(name), flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
        const problem = rules.passwordProblem(product, password, name);
        if (problem) throw problem;
        // The password itself is not kept: a demo backend has no reason to.
        rules.acceptCredentials(product, view, name);
        return { username: name };
      });
    },

    issuePin({ flowId, length }, callOptions) {
      return call('issuePin', callOptions, { flowId }, () => {
        const { product, view, step } = forAction<PinStep>(flowId, 'issuePin');
        rules.checkPinRequest(product, step, length);
        // A fresh PIN replaces the old one, which is never shown again; the new one must be confirmed anew.
        Object.assign(view, { pin: 'issued', pinConfirmed: false });
        return { pin: generatePin(length, random) };
      });
    },

    setPin({ flowId, pin }, callOptions) {
      return call('setPin', callOptions, { flowId, pin }, () => {
        const { product, view, step } = forAction<PinStep>(flowId, 'setPin');
        rules.checkChosenPin(product, step, pin);
        Object.assign(view, { pin: 'set', pinConfirmed: true });
      });
    },

    confirmPinSaved({ flowId }, callOptions) {
      return call('confirmPinSaved', callOptions, { flowId }, () => {
        const { view } = forAction(flowId, 'confirmPinSaved');
        if (view.pin === 'none') throw new PforteError('step.required');
        view.pinConfirmed = true;
      });
    },

    sendSmsCode({ flowId, phone }, callOptions) {
      return call('sendSmsCode', callOptions, { flowId, phone }, async () => {
        const { record, step } = forAction<SmsStep>(flowId, 'sendSmsCode');
        if (!rules.e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
        rules.checkSmsPhone(step, await rules.classifyPhoneNumber(phone));
        return sendCode(record, 'sms', phone, step);
      });
    },

    verifySmsCode({ flowId, code }, callOptions) {
      return call('verifySmsCode', callOptions, { flowId, code }, () => {
        const { record, view } = forAction(flowId, 'verifySmsCode');
        checkCode(record, 'sms', code);
        view.smsVerified = true;
        rules.unskip(view, 'sms');
      });
    },

    skipStep({ flowId, step }, callOptions) {
      return call('skipStep', callOptions, { flowId, step }, () => {
        const { product, view } = open(flowId);
        rules.skipStep(product, view, step);
      });
    },

    setVisibility({ flowId, visible }, callOptions) {
      return call('setVisibility', callOptions, { flowId }, () => {
        const { view } = forAction(flowId, 'setVisibility');
        Object.assign(view, { visible: visible === true, visibilitySet: true });
        rules.unskip(view, 'visibility');
      });
    },

    openInvitation({ flowId, token }, callOptions) {
      return call('openInvitation', callOptions, { flowId, token }, () => {
        const { record, view } = forAction(flowId, 'openInvitation');
        const invitation = invitations.get(token);
        if (!invitation) throw new PforteError('link.invalid');
        if (invitation.used) throw new PforteError('link.used');
        if (clock.now() >= invitation.validUntil) throw new PforteError('link.expired', { validityDays: invitation.validityDays });
        record.invitationToken = token;
        view.invitationOpened = true;
        if (invitation.details.email !== undefined) view.email = invitation.details.email;
        return { ...invitation.details, validUntil: invitation.validUntil };
      });
    },

    submitProfile({ flowId, profile }, callOptions) {
      return call('submitProfile', callOptions, { flowId, profile }, () => {
        const { product, view, step } = forAction<ProfileStep>(flowId, 'submitProfile');
        const values = rules.cleanProfile(product, step, profile as Record<string, unknown>);
        view.profile = values;
        if (values.email !== undefined) view.email = values.email;
      });
    },

    acceptTerms({ flowId, acceptedAt, version }, callOptions) {
      return call('acceptTerms', callOptions, { flowId, version }, () => {
        const { view, step } = forAction<TermsStep>(flowId, 'acceptTerms');
        const now = clock.now();
        rules.checkTermsAcceptance(step, { acceptedAt, version }, now);
        view.terms = { acceptedAt, recordedAt: now, ...(version === undefined ? {} : { version }) };
      });
    },

    sendVerificationEmail({ flowId, returnUrl }, callOptions) {
      return call('sendVerificationEmail', callOptions, { flowId, returnUrl }, () => {
        const { view, step } = forAction<EmailVerificationStep>(flowId, 'sendVerificationEmail');
        const email = rules.requireEmail(view);
        const token = randomHex(40);
        const link = rules.verificationLink(step, returnUrl, origin, token);
        const now = clock.now();
        rules.checkResend(view.emailLinkResendAt, now);
        const expiresAt = now + limits.emailLinkValidityHours * 60 * 60 * 1000;
        emailTokens.set(token, { flowId, email, expiresAt, used: false });
        view.emailLinkResendAt = now + step.resendSeconds * 1000;
        outbox.push({ channel: 'email', to: email, text: rules.messageTexts.verification(link, limits.emailLinkValidityHours), link, sentAt: now, flowId });
        return { email, resendAvailableAt: view.emailLinkResendAt, expiresAt, now, validityHours: limits.emailLinkValidityHours };
      });
    },

    confirmEmail({ token }, callOptions) {
      return call('confirmEmail', callOptions, { token }, () => {
        const entry = emailTokens.get(token);
        if (!entry) throw new PforteError('link.invalid');
        if (entry.used) throw new PforteError('link.used');
        const now = clock.now();
        if (now >= entry.expiresAt) throw new PforteError('link.expired', { validityHours: limits.emailLinkValidityHours });
        const { product, view } = forAction(entry.flowId, 'confirmEmail');
        // Single use: this link and every other one sent to the flow are spent.
        for (const other of emailTokens.values()) if (other.flowId === entry.flowId) other.used = true;
        view.verifiedEmail = entry.email;
        return { flowId: view.id, expiresAt: view.expiresAt, now, completedSteps: rules.completedSteps(product, view) };
      });
    },

    lookupCustomer({ flowId, customerNumber, email, captchaToken }, callOptions) {
      return call('lookupCustomer', callOptions, { flowId, customerNumber, email, captchaToken }, () => {
        const { view, step } = forAction<CustomerLookupStep>(flowId, 'lookupCustomer');
        const now = clock.now();
        rules.checkLookupLock(view, now);
        if (rules.lookupNeedsCaptcha(step, captchaToken)) useCaptcha(captchaToken);
        const number = customerNumber.trim();
        const address = email.trim().toLowerCase();
        const customer = customers.find((candidate) => candidate.customerNumber === number && candidate.email.toLowerCase() === address);
        if (!customer) {
          rules.lookupFailed(view, now, limits);
          // Never say which of the two was wrong.
          throw new PforteError('customer.mismatch');
        }
        Object.assign(view, { lookupFailures: 0, customerNumber: customer.customerNumber, email: customer.email });
        return customer.name === undefined ? {} : { customerName: customer.name };
      });
    },

    verifyCaptcha({ flowId, token }, callOptions) {
      return call('verifyCaptcha', callOptions, { flowId, token }, () => {
        const { view } = forAction(flowId, 'verifyCaptcha');
        useCaptcha(token);
        view.captchaVerified = true;
      });
    },

    registerOrganization({ flowId, name, postalCode, customerNumber }, callOptions) {
      return call('registerOrganization', callOptions, { flowId, name, postalCode, customerNumber }, () => {
        const { product, view, step } = forAction<OrganizationStep>(flowId, 'registerOrganization');
        const input = rules.checkOrganizationInput(product, step, 'register', { name, postalCode, customerNumber });
        // Created with the account; going back and registering again replaces it.
        const organizationId = view.organization?.mode === 'register' ? view.organization.organizationId : randomId('org');
        view.organization = { mode: 'register', organizationId, name: input.name!, postalCode: input.postalCode };
        if (input.customerNumber !== undefined) view.organization.customerNumber = input.customerNumber;
        return { organizationId, name: input.name! };
      });
    },

    joinOrganization({ flowId, customerNumber, postalCode }, callOptions) {
      return call('joinOrganization', callOptions, { flowId, customerNumber, postalCode }, () => {
        const { product, view, step } = forAction<OrganizationStep>(flowId, 'joinOrganization');
        const input = rules.checkOrganizationInput(product, step, 'join', { customerNumber, postalCode });
        const organization = findOrganization(input.customerNumber!, input.postalCode);
        if (!organization) throw new PforteError('organization.not_found');
        rules.checkOrganizationRoom(product, organization.members + organization.pending);
        const { organizationId, name } = organization;
        view.organization = { mode: 'join', organizationId, name, postalCode: organization.postalCode };
        return { organizationId, name, status: 'pending' as const };
      });
    },

    chooseSecondFactor({ flowId, method }, callOptions) {
      return call('chooseSecondFactor', callOptions, { flowId, method }, () => {
        const { view, step } = forAction<SecondFactorChoiceStep>(flowId, 'chooseSecondFactor');
        view.secondFactorChoice = rules.checkSecondFactorChoice(step, method);
      });
    },

    sendEmailCode({ flowId }, callOptions) {
      return call('sendEmailCode', callOptions, { flowId }, () => {
        const { record, view, step } = forAction<EmailCodeStep>(flowId, 'sendEmailCode');
        return sendCode(record, 'email', rules.requireEmail(view), step);
      });
    },

    verifyEmailCode({ flowId, code }, callOptions) {
      return call('verifyEmailCode', callOptions, { flowId, code }, () => {
        const { record, view } = forAction(flowId, 'verifyEmailCode');
        checkCode(record, 'email', code);
        view.emailCodeVerified = true;
        rules.unskip(view, 'emailCode');
      });
    },

    complete({ flowId }, callOptions) {
      return call('complete', callOptions, { flowId }, () => {
        const { record, product, view } = open(flowId);
        if (view.username === undefined) throw new PforteError('step.required');
        const problem = rules.completionProblem(product, view);
        if (problem) throw problem;
        const invitation = record.invitationToken === undefined ? undefined : invitations.get(record.invitationToken);
        if (invitation?.used) throw new PforteError('link.used');
        if (isUsernameTaken(rules.usernameKey(view.username), flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
        let membership: OrganizationMembership | undefined;
        if (view.organization?.mode === 'join') {
          const organization = organizations.get(view.organization.organizationId);
          if (!organization) throw new PforteError('organization.not_found');
          rules.checkOrganizationRoom(product, organization.members + organization.pending);
          organization.pending++;
          membership = { organizationId: organization.organizationId, name: organization.name, status: 'pending' };
        } else if (view.organization?.mode === 'register') {
          const { organizationId, name, postalCode, customerNumber } = view.organization;
          organizations.set(organizationId, { organizationId, name, postalCode, customerNumber, members: 1, pending: 0 });
          membership = { organizationId, name, status: 'member' };
        }
        if (invitation) invitation.used = true;
        const result = rules.completeResult(view as rules.FlowView & { username: string }, {
          accountId: randomId('acc'),
          ...(membership ? { organization: membership } : {}),
        });
        const account: MemoryAccount = {
          accountId: result.accountId,
          username: result.username,
          visible: result.visible,
          secondFactor: result.secondFactor,
          emailVerified: result.emailVerified,
          ...definedOnly({
            phone: result.secondFactor === 'sms' ? view.phone : undefined,
            email: view.email,
            organization: membership,
            profile: view.profile && { ...view.profile },
            termsAcceptedAt: view.terms?.recordedAt,
            termsVersion: view.terms?.version,
          }),
        };
        accounts.push(account);
        view.completed = true;
        return result;
      });
    },
  };
  return adapter;
}

/** The open product's settings from the adapter's options. */
function openProductOptions(options: MemoryAdapterOptions): rules.OpenProductOptions {
  return definedOnly({
    passwordPolicy: options.passwordPolicy,
    required: options.requiredSteps,
    skippable: options.optionalSteps,
    steps: {
      sms: definedOnly({ codeLength: options.smsCodeLength, resendSeconds: options.resendSeconds }),
      emailCode: definedOnly({ codeLength: options.emailCodeLength, resendSeconds: options.resendSeconds }),
      emailVerification: definedOnly({ resendSeconds: options.resendSeconds }),
      customerLookup: definedOnly({ captcha: options.customerLookupCaptcha }),
      organization: definedOnly({ maxMembers: options.maxOrganizationMembers }),
      terms: definedOnly({ version: options.termsVersion }),
    },
  });
}

/** `value` without its undefined members. */
function definedOnly<T extends object>(value: T): { [Key in keyof T]?: Exclude<T[Key], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [Key in keyof T]?: Exclude<T[Key], undefined>;
  };
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
