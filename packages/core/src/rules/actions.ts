import type {
  CodeSentResult,
  CompleteResult,
  EmailConfirmedResult,
  EmailSentResult,
  InvitationDetails,
  OrganizationMembership,
  ProfileValues,
  StartResult,
} from '../adapter.js';
import type { ResolvedStep } from '../config.js';
import { PforteError } from '../errors.js';
import type { CustomerLookupStep } from '../steps/customer-lookup.js';
import type { EmailCodeStep } from '../steps/email-code.js';
import type { EmailVerificationStep } from '../steps/email-verification.js';
import type { OrganizationStep } from '../steps/organization.js';
import type { PinStep } from '../steps/pin.js';
import type { ProfileStep } from '../steps/profile.js';
import type { StepId } from '../steps/registry.js';
import type { SecondFactorChoiceStep } from '../steps/second-factor-choice.js';
import type { SmsStep } from '../steps/sms.js';
import type { TermsStep } from '../steps/terms.js';
import type { AdapterAction } from '../steps/types.js';
import { attemptLimits, checkAttempts, windowStart, type AttemptLimit, type RecentAttempts } from './attempts.js';
import type { BreachedPasswordChecker } from './breached-passwords.js';
import { checkResend, issueCode, verifyCode } from './codes.js';
import { isCommonPassword } from './common-passwords.js';
import type { BackendLimits } from './defaults.js';
import { messageTexts, webOtpHost, type MessageContext } from './messages.js';
import { checkSmsPhone, classifyPhoneNumber, e164Pattern } from './phone.js';
import type { Product, ProductCatalog } from './product.js';
import * as rules from './rules.js';
import { checkLocale } from './text.js';
import { usernameKey } from './username.js';
import { newFlowView, type FlowView } from './view.js';

/** A channel a code goes out by. */
export type CodeChannel = 'sms' | 'email';

/** A flow as a store keeps it: the view, and beside it what never enters the view. */
export interface StoredFlow {
  view: FlowView;
  /** The slow hash of the password (none in a store that keeps no passwords). */
  passwordHash?: string | null;
  pinHash?: string | null;
  /** The store's key of the registration link the flow opened. */
  invitationKey?: string | null;
}

/** A message to send: an SMS code, an e-mail code or a confirmation link. */
export interface OutgoingMessage {
  channel: CodeChannel;
  to: string;
  subject?: string;
  text: string;
  code?: string;
  link?: string;
  flowId: string;
  sentAt: number;
}

/** A registration link as a store finds it by its token. */
export interface StoredInvitation {
  key: string;
  details: Omit<InvitationDetails, 'validUntil'>;
  validUntil: number;
  validityDays: number;
  used: boolean;
}

/** What `complete` asks a store to create, after the rules allowed it. */
export interface NewAccount {
  result: CompleteResult;
  flow: StoredFlow & { view: FlowView & { username: string } };
  membership?: OrganizationMembership;
  now: number;
}

/**
 * Storage and I/O of a backend: what the flow actions cannot decide because
 * it lies outside one flow (other flows, accounts, links, customers,
 * organizations) or outside the rules (hashes, sending). The memory adapter
 * keeps it in maps, the reference server in SQL. Methods that find a flow, a
 * token or an organization lock it for the rest of the action where the
 * store has locks.
 */
export interface FlowStore {
  loadFlow(flowId: string): Promise<StoredFlow | undefined>;
  createFlow(view: FlowView): Promise<void>;
  /** Writes the view back, with the secrets that changed. */
  saveFlow(flow: StoredFlow): Promise<void>;
  /**
   * Whether an account, or another open flow saved at or after `heldSince`,
   * holds this username key. An idle flow's hold lapses, so an abandoned
   * flow cannot squat a name.
   */
  isUsernameTaken(key: string, flowId: string, heldSince: number): Promise<boolean>;
  /** Attempts recorded in `bucket` after `since`; serialised per bucket where the store has locks. */
  recentAttempts(bucket: string, since: number): Promise<RecentAttempts>;
  recordAttempt(bucket: string, at: number): Promise<void>;
  /** Keeps `code` (or its keyed hash) as the flow's one live code on the channel. */
  storeCode(flowId: string, channel: CodeChannel, to: string, code: string): Promise<void>;
  codeMatches(flowId: string, channel: CodeChannel, entered: string): Promise<boolean>;
  /**
   * Counts a send against quotas over all flows (per number, address, client);
   * throws 'rate_limited' past them. `resendSeconds` is the product's interval.
   */
  countSend(message: OutgoingMessage, resendSeconds: number): Promise<void>;
  send(message: OutgoingMessage): Promise<void>;
  findInvitation(token: string): Promise<StoredInvitation | undefined>;
  /** Whether the registration link with this key was used meanwhile. */
  isInvitationUsed(key: string): Promise<boolean>;
  storeEmailToken(token: string, entry: { flowId: string; email: string; expiresAt: number; now: number }): Promise<void>;
  findEmailToken(token: string): Promise<{ flowId: string; email: string; expiresAt: number; used: boolean } | undefined>;
  /** Spends every confirmation link of the flow. */
  spendEmailTokens(flowId: string, now: number): Promise<void>;
  /** Whether the verifier accepts the token; records it as used (false when it was used before). */
  useCaptcha(token: string): Promise<boolean>;
  findCustomer(customerNumber: string, email: string): Promise<{ customerNumber: string; email: string; name?: string } | undefined>;
  /** The organization with this customer number (case-insensitive) and postal code (as {@link rules.normalizePostalCode}). */
  findOrganization(customerNumber: string, postalCode: string): Promise<{ organizationId: string; name: string; postalCode: string } | undefined>;
  organizationById(organizationId: string): Promise<{ organizationId: string; name: string } | undefined>;
  /** Members plus pending join requests. */
  memberCount(organizationId: string): Promise<number>;
  /** Creates the account, the organization registered, the membership; marks the link used; drops the flow's codes. */
  createAccount(account: NewAccount): Promise<void>;
}

/** Random values a backend draws. */
export interface BackendRandom {
  digits(length: number): string;
  /** A long random token for links. */
  token(): string;
  id(prefix: string): string;
}

/** What the flow actions need besides a store. */
export interface FlowActionOptions {
  catalog: ProductCatalog;
  limits: BackendLimits;
  now(): number;
  random: BackendRandom;
  /** Asked after every other credentials check, where a backend has one. */
  breachedPasswordChecker?: BreachedPasswordChecker | undefined;
}

/** Context of one request. */
export interface RequestContext {
  /**
   * The origin of the page that asked, if known: the default origin of e-mail
   * links, and the host of an SMS's WebOTP line (`@host #code`).
   */
  origin?: string | undefined;
  /** The client's IP address, where the backend knows it: the key of the per-client throttles. */
  ip?: string | undefined;
  /**
   * The language the person uses now, where the request says (the widget's
   * locale, as the HTTP adapter's `Accept-Language`): a switch after the
   * flow started changes the language of its SMS and e-mails from then on.
   */
  locale?: string | undefined;
}

/**
 * The contract's actions, once for every backend: each loads the flow, lets
 * the rules decide, and stores the outcome through the backend's
 * {@link FlowStore}. Credentials and PINs come in two parts, so that a
 * backend can hash between the cheap checks and the write.
 */
export function createFlowActions(
  store: FlowStore,
  { catalog, limits, now, random, breachedPasswordChecker }: FlowActionOptions,
  context: RequestContext = {},
) {
  const { ip } = context;

  /** Refuses past `limit`; otherwise counts this attempt. */
  async function spendAttempt(limit: AttemptLimit): Promise<void> {
    await checkAttemptsLeft(limit);
    await store.recordAttempt(limit.bucket, now());
  }

  async function checkAttemptsLeft(limit: AttemptLimit): Promise<void> {
    const at = now();
    checkAttempts(limit, await store.recentAttempts(limit.bucket, windowStart(limit, at)), at);
  }

  /** The throttles of a request that runs a slow hash next: per flow, and per client where known. */
  async function spendHash(flowId: string): Promise<void> {
    await spendAttempt(attemptLimits.hashByFlow(limits, flowId));
    if (ip !== undefined) await spendAttempt(attemptLimits.hashByIp(limits, ip));
  }

  /**
   * A guess at a secret pair (customer number and e-mail, organisation and
   * postal code): per client, and locked after too many wrong ones per flow
   * and per number, whichever flow they came from.
   */
  async function guard<T>(flowId: string, kind: 'customer' | 'organization', number: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const wrongLimits = [attemptLimits.wrongLookupByFlow(limits, flowId), attemptLimits.wrongLookupByNumber(limits, kind, number)];
    for (const limit of wrongLimits) await checkAttemptsLeft(limit);
    if (ip !== undefined) await spendAttempt(attemptLimits.lookupByIp(limits, ip));
    const found = await attempt();
    if (found === undefined) {
      for (const limit of wrongLimits) await store.recordAttempt(limit.bucket, now());
    }
    return found;
  }

  /** Whether another holds the username: an account, or an open flow active within the hold. */
  const usernameTaken = async (username: string, flowId: string) =>
    store.isUsernameTaken(await usernameKey(username), flowId, now() - limits.usernameHoldSeconds * 1000);

  async function load(flowId: string) {
    const flow = await store.loadFlow(flowId);
    const view = rules.checkFlowOpen(flow?.view, now());
    const product = catalog.get(view.product);
    if (!product) throw new PforteError('product.unknown');
    return { flow: flow!, view, product };
  }

  async function forAction<Step extends ResolvedStep = ResolvedStep>(flowId: string, action: AdapterAction) {
    const loaded = await load(flowId);
    return { ...loaded, step: rules.requireStep<Step>(loaded.product, loaded.view, action) };
  }

  /** What a message of the flow speaks of: its product's name, and the language the person uses now (else the flow's). */
  const messageContext = (product: Product, view: FlowView): MessageContext => ({
    product: product.config.product,
    locale: context.locale ?? view.locale,
  });

  async function sendCode(
    flow: StoredFlow,
    product: Product,
    channel: CodeChannel,
    to: string,
    step: SmsStep | EmailCodeStep,
  ): Promise<CodeSentResult> {
    const { view } = flow;
    const at = now();
    checkResend(channel === 'sms' ? view.smsResendAt : view.emailCodeResendAt, at);
    const code = random.digits(step.codeLength);
    const issued = issueCode(at, step.resendSeconds, limits.codeTtlSeconds);
    const about = messageContext(product, view);
    const validityMinutes = Math.max(1, Math.floor((issued.expiresAt - at) / 60_000));
    const message: OutgoingMessage =
      channel === 'sms'
        ? { channel, to, text: messageTexts.smsCode(code, { ...about, host: webOtpHost(context.origin) }), code, flowId: view.id, sentAt: at }
        : { channel, to, ...messageTexts.emailCode(code, validityMinutes, about), code, flowId: view.id, sentAt: at };
    await store.countSend(message, step.resendSeconds);
    await store.storeCode(view.id, channel, to, code);
    if (channel === 'sms') Object.assign(view, { phone: to, smsVerified: false, smsCode: issued.code, smsResendAt: issued.resendAvailableAt });
    else Object.assign(view, { emailCodeVerified: false, emailCode: issued.code, emailCodeResendAt: issued.resendAvailableAt });
    await store.saveFlow(flow);
    await store.send(message);
    return { resendAvailableAt: issued.resendAvailableAt, expiresAt: issued.expiresAt, now: at, codeLength: step.codeLength };
  }

  async function checkCode(flow: StoredFlow, channel: CodeChannel, entered: string): Promise<void> {
    const { view } = flow;
    const matches = await store.codeMatches(view.id, channel, entered);
    const verdict = verifyCode(channel === 'sms' ? view.smsCode : view.emailCode, matches, now(), limits.maxCodeAttempts);
    if (channel === 'sms') view.smsCode = verdict.code;
    else view.emailCode = verdict.code;
    if (verdict.error) {
      // Attempts count even when the answer is an error.
      await store.saveFlow(flow);
      throw verdict.error;
    }
    view[channel === 'sms' ? 'smsVerified' : 'emailCodeVerified'] = true;
    rules.unskip(view, channel === 'sms' ? 'sms' : 'emailCode');
    await store.saveFlow(flow);
  }

  async function useCaptcha(token: string | undefined): Promise<void> {
    if (!(await store.useCaptcha(rules.checkCaptchaToken(token)))) throw new PforteError('captcha.invalid', { field: 'captcha' });
  }

  /** Loads the flow for `action`, applies `change` to its view and stores it. */
  async function update<Step extends ResolvedStep>(
    flowId: string,
    action: AdapterAction,
    change: (loaded: { view: FlowView; step: Step; product: ReturnType<typeof catalog.resolve> }) => void,
  ): Promise<void> {
    const loaded = await forAction<Step>(flowId, action);
    change(loaded);
    await store.saveFlow(loaded.flow);
  }

  const actions = {
    async startRegistration(input: { locale: string; product?: string | undefined }): Promise<StartResult> {
      const locale = checkLocale(input.locale);
      const product = catalog.resolve(input.product);
      if (ip !== undefined) await spendAttempt(attemptLimits.flowStart(limits, ip));
      const at = now();
      const view = newFlowView(random.id('flow'), product.id, locale, at + limits.flowTtlSeconds * 1000);
      await store.createFlow(view);
      return { flowId: view.id, expiresAt: view.expiresAt, now: at };
    },

    /** The cheap checks of credentials, before any hashing; returns the username as it will be stored. */
    async precheckCredentials(flowId: string, input: { username: string; password: string }): Promise<string> {
      const { product } = await forAction(flowId, 'submitCredentials');
      const name = await rules.acceptUsername(product, input.username);
      const problem = rules.passwordProblem(product, input.password, name);
      if (problem) throw problem;
      if (await isCommonPassword(input.password)) throw new PforteError('password.common', { field: 'password' });
      if (await breachedPasswordChecker?.isBreached(input.password)) throw new PforteError('password.breached', { field: 'password' });
      // A taken username is refused only after the hash, so that its answer takes as long as an accepted one's.
      await spendHash(flowId);
      return name;
    },

    async submitCredentials(flowId: string, username: string, passwordHash: string | null): Promise<{ username: string }> {
      const { flow, product, view } = await forAction(flowId, 'submitCredentials');
      if (await usernameTaken(username, flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
      rules.acceptCredentials(product, view, username);
      await store.saveFlow({ ...flow, passwordHash });
      return { username };
    },

    /** The cheap checks of a PIN request (the product's length and mode), before the PIN is made and hashed. */
    async precheckPin(flowId: string, input: { length: number } | { pin: string }): Promise<void> {
      const { product, step } = await forAction<PinStep>(flowId, 'length' in input ? 'issuePin' : 'setPin');
      if ('length' in input) rules.checkPinRequest(product, step, input.length);
      else rules.checkChosenPin(product, step, input.pin);
      await spendHash(flowId);
    },

    async issuePin(flowId: string, length: number, pin: string, pinHash: string | null): Promise<{ pin: string }> {
      const { flow, product, view, step } = await forAction<PinStep>(flowId, 'issuePin');
      rules.checkPinRequest(product, step, length);
      // A fresh PIN replaces the old one, which is never shown again; it must be confirmed anew.
      Object.assign(view, { pin: 'issued', pinConfirmed: false });
      await store.saveFlow({ ...flow, pinHash });
      return { pin };
    },

    async setPin(flowId: string, pin: string, pinHash: string | null): Promise<void> {
      const { flow, product, view, step } = await forAction<PinStep>(flowId, 'setPin');
      rules.checkChosenPin(product, step, pin);
      Object.assign(view, { pin: 'set', pinConfirmed: true });
      await store.saveFlow({ ...flow, pinHash });
    },

    confirmPinSaved: (flowId: string) =>
      update(flowId, 'confirmPinSaved', ({ view }) => {
        if (view.pin === 'none') throw new PforteError('step.required');
        view.pinConfirmed = true;
      }),

    /** The request's `context.origin`, the page that asked, names the host of the SMS's WebOTP line. */
    async sendSmsCode(flowId: string, phone: string): Promise<CodeSentResult> {
      const { flow, product, step } = await forAction<SmsStep>(flowId, 'sendSmsCode');
      if (!e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
      checkSmsPhone(step, await classifyPhoneNumber(phone));
      return sendCode(flow, product, 'sms', phone, step);
    },

    async verifySmsCode(flowId: string, code: string): Promise<void> {
      const { flow } = await forAction(flowId, 'verifySmsCode');
      await checkCode(flow, 'sms', code);
    },

    async skipStep(flowId: string, step: StepId): Promise<void> {
      const { flow, product, view } = await load(flowId);
      rules.skipStep(product, view, step);
      await store.saveFlow(flow);
    },

    setVisibility: (flowId: string, visible: boolean) =>
      update(flowId, 'setVisibility', ({ view }) => {
        Object.assign(view, { visible, visibilitySet: true });
        rules.unskip(view, 'visibility');
      }),

    async openInvitation(flowId: string, token: string): Promise<InvitationDetails> {
      const { flow, view } = await forAction(flowId, 'openInvitation');
      const invitation = await store.findInvitation(token);
      if (!invitation) throw new PforteError('link.invalid');
      if (invitation.used) throw new PforteError('link.used');
      if (now() >= invitation.validUntil) throw new PforteError('link.expired', { validityDays: invitation.validityDays });
      view.invitationOpened = true;
      if (invitation.details.email !== undefined) view.email = invitation.details.email;
      await store.saveFlow({ ...flow, invitationKey: invitation.key });
      return { ...invitation.details, validUntil: invitation.validUntil };
    },

    submitProfile: (flowId: string, profile: Record<string, unknown>) =>
      update<ProfileStep>(flowId, 'submitProfile', ({ view, step, product }) => {
        const values: ProfileValues = rules.cleanProfile(product, step, profile);
        view.profile = values;
        if (values.email !== undefined) view.email = values.email;
      }),

    acceptTerms: (flowId: string, acceptedAt: number, version: string | undefined) =>
      update<TermsStep>(flowId, 'acceptTerms', ({ view, step }) => {
        const at = now();
        rules.checkTermsAcceptance(step, { acceptedAt, version }, at);
        view.terms = { acceptedAt, recordedAt: at, ...(version === undefined ? {} : { version }) };
      }),

    async sendVerificationEmail(flowId: string, returnUrl: string): Promise<EmailSentResult> {
      const { flow, product, view, step } = await forAction<EmailVerificationStep>(flowId, 'sendVerificationEmail');
      const email = rules.requireEmail(view);
      const token = random.token();
      const link = rules.verificationLink(step, returnUrl, context.origin, token);
      const at = now();
      checkResend(view.emailLinkResendAt, at);
      const hours = limits.emailLinkValidityHours;
      const message: OutgoingMessage = {
        channel: 'email',
        to: email,
        ...messageTexts.verification(link, hours, messageContext(product, view)),
        link,
        flowId,
        sentAt: at,
      };
      await store.countSend(message, step.resendSeconds);
      const expiresAt = at + hours * 60 * 60 * 1000;
      await store.storeEmailToken(token, { flowId, email, expiresAt, now: at });
      view.emailLinkResendAt = at + step.resendSeconds * 1000;
      await store.saveFlow(flow);
      await store.send(message);
      return { email, resendAvailableAt: view.emailLinkResendAt, expiresAt, now: at, validityHours: hours };
    },

    async confirmEmail(token: string): Promise<EmailConfirmedResult> {
      const entry = await store.findEmailToken(token);
      if (!entry) throw new PforteError('link.invalid');
      if (entry.used) throw new PforteError('link.used');
      const at = now();
      if (at >= entry.expiresAt) throw new PforteError('link.expired', { validityHours: limits.emailLinkValidityHours });
      const { flow, product, view } = await forAction(entry.flowId, 'confirmEmail');
      // Single use: this link and every other one sent to the flow are spent.
      await store.spendEmailTokens(entry.flowId, at);
      view.verifiedEmail = entry.email;
      await store.saveFlow(flow);
      return { flowId: view.id, expiresAt: view.expiresAt, now: at, completedSteps: rules.completedSteps(product, view) };
    },

    async lookupCustomer(flowId: string, input: { customerNumber: string; email: string; captchaToken?: string | undefined }) {
      const { flow, view, step } = await forAction<CustomerLookupStep>(flowId, 'lookupCustomer');
      if (rules.lookupNeedsCaptcha(step, input.captchaToken)) await useCaptcha(input.captchaToken);
      const customerNumber = input.customerNumber.trim();
      const customer = await guard(flowId, 'customer', customerNumber, () => store.findCustomer(customerNumber, input.email.trim()));
      // Never say which of the two was wrong.
      if (!customer) throw new PforteError('customer.mismatch');
      Object.assign(view, { customerNumber: customer.customerNumber, email: customer.email });
      await store.saveFlow(flow);
      return customer.name === undefined ? {} : { customerName: customer.name };
    },

    async verifyCaptcha(flowId: string, token: string): Promise<void> {
      const { flow, view } = await forAction(flowId, 'verifyCaptcha');
      await useCaptcha(token);
      view.captchaVerified = true;
      await store.saveFlow(flow);
    },

    async registerOrganization(flowId: string, input: { name: string; postalCode: string; customerNumber?: string | undefined }) {
      const { flow, product, view, step } = await forAction<OrganizationStep>(flowId, 'registerOrganization');
      const cleaned = rules.checkOrganizationInput(product, step, 'register', input);
      // Created with the account; registering again (after going back) replaces it.
      const organizationId = view.organization?.mode === 'register' ? view.organization.organizationId : random.id('org');
      view.organization = { mode: 'register', organizationId, name: cleaned.name!, postalCode: cleaned.postalCode };
      if (cleaned.customerNumber !== undefined) view.organization.customerNumber = cleaned.customerNumber;
      await store.saveFlow(flow);
      return { organizationId, name: cleaned.name! };
    },

    async joinOrganization(flowId: string, input: { customerNumber: string; postalCode: string }) {
      const { flow, product, view, step } = await forAction<OrganizationStep>(flowId, 'joinOrganization');
      const cleaned = rules.checkOrganizationInput(product, step, 'join', input);
      const found = await guard(flowId, 'organization', cleaned.customerNumber!, () =>
        store.findOrganization(cleaned.customerNumber!, cleaned.postalCode),
      );
      if (!found) throw new PforteError('organization.not_found');
      rules.checkOrganizationRoom(product, await store.memberCount(found.organizationId));
      view.organization = { mode: 'join', ...found };
      await store.saveFlow(flow);
      return { organizationId: found.organizationId, name: found.name, status: 'pending' as const };
    },

    chooseSecondFactor: (flowId: string, method: string) =>
      update<SecondFactorChoiceStep>(flowId, 'chooseSecondFactor', ({ view, step }) => {
        view.secondFactorChoice = rules.checkSecondFactorChoice(step, method);
      }),

    async sendEmailCode(flowId: string): Promise<CodeSentResult> {
      const { flow, product, view, step } = await forAction<EmailCodeStep>(flowId, 'sendEmailCode');
      return sendCode(flow, product, 'email', rules.requireEmail(view), step);
    },

    async verifyEmailCode(flowId: string, code: string): Promise<void> {
      const { flow } = await forAction(flowId, 'verifyEmailCode');
      await checkCode(flow, 'email', code);
    },

    async complete(flowId: string): Promise<CompleteResult> {
      const { flow, product, view } = await load(flowId);
      if (view.username === undefined || flow.passwordHash === undefined) throw new PforteError('step.required');
      const problem = rules.completionProblem(product, view);
      if (problem) throw problem;
      // The hold may have lapsed while the flow sat idle, and another flow taken the name meanwhile.
      if (await usernameTaken(view.username, flowId)) throw new PforteError('identifier.unavailable', { field: 'username' });
      if (flow.invitationKey && (await store.isInvitationUsed(flow.invitationKey))) throw new PforteError('link.used');
      let membership: OrganizationMembership | undefined;
      if (view.organization?.mode === 'join') {
        const organization = await store.organizationById(view.organization.organizationId);
        if (!organization) throw new PforteError('organization.not_found');
        rules.checkOrganizationRoom(product, await store.memberCount(organization.organizationId));
        membership = { ...organization, status: 'pending' };
      } else if (view.organization?.mode === 'register') {
        membership = { organizationId: view.organization.organizationId, name: view.organization.name, status: 'member' };
      }
      const named = { ...flow, view: view as FlowView & { username: string } };
      const result = rules.completeResult(named.view, { accountId: random.id('acc'), ...(membership ? { organization: membership } : {}) });
      await store.createAccount({ result, flow: named, ...(membership ? { membership } : {}), now: now() });
      view.completed = true;
      // The flow keeps no secret once the account holds them.
      await store.saveFlow({ ...flow, passwordHash: null, pinHash: null });
      return result;
    },
  };
  return actions;
}

/** The actions of {@link createFlowActions}. */
export type FlowActions = ReturnType<typeof createFlowActions>;
