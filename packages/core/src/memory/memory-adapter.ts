import type { CallOptions, ContractMethod } from '../adapter.js';
import { createPbkdf2Hasher } from './password-hash.js';
import { systemClock } from '../clock.js';
import { PforteError } from '../errors.js';
import { cryptoRandom, generatePin } from '../pin.js';
import * as rules from '../rules/index.js';
import { createMemoryStore, defined } from './memory-store.js';
import type { MemoryAdapter, MemoryAdapterOptions, OutboxMessage } from './types.js';

export type {
  MemoryAccount,
  MemoryAdapter,
  MemoryAdapterOptions,
  MemoryCustomer,
  MemoryInvitation,
  MemoryOrganization,
  OutboxMessage,
} from './types.js';

/**
 * Creates a {@link MemoryAdapter}: the flow actions of `@pforte/core/rules`
 * over an in-memory store, behind a simulated network (latency, scripted
 * failures, offline, abort). It answers exactly as the reference server does,
 * because both run the same actions and rules — products bound at start,
 * every step and input checked, random single-use codes with expiry, attempt
 * limits and a resend throttle, links that work once.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const limits: rules.BackendLimits = {
    ...rules.backendDefaults,
    ...defined({
      codeTtlSeconds: options.codeTtlSeconds,
      maxCodeAttempts: options.maxCodeAttempts,
      flowTtlSeconds: options.flowTtlSeconds,
      emailLinkValidityHours: options.emailLinkValidityHours,
      maxLookupAttempts: options.maxLookupAttempts,
    }),
  };
  const catalog = rules.createProductCatalog({
    ...defined({ products: options.products, defaultProduct: options.defaultProduct, registry: options.registry }),
    open: openProductOptions(options),
  });
  const origin = options.origin ?? (globalThis as { location?: { origin?: string } }).location?.origin;
  const memory = createMemoryStore({ now: () => clock.now(), invitationValidityDays: limits.invitationValidityDays });
  const randomHex = (length: number) => Array.from({ length }, () => random(16).toString(16)).join('');
  const randomId = (prefix: string) => `${prefix}_${randomHex(16)}`;
  const actionOptions: rules.FlowActionOptions = {
    catalog,
    limits,
    now: () => clock.now(),
    random: {
      digits: (length) => Array.from({ length }, () => String(random(10))).join(''),
      token: () => randomHex(40),
      id: randomId,
    },
  };
  const requestContext: rules.RequestContext = {
    origin,
    get locale() {
      return options.locale?.();
    },
  };
  const actions = rules.createFlowActions(memory.store, actionOptions, requestContext);
  const signIn = rules.createSignInActions(memory.accountStore, actionOptions, requestContext);
  const guests = rules.createGuestActions(memory.accountStore, actionOptions, requestContext);
  const organizationAdmin = rules.createOrganizationActions(memory.accountStore, actionOptions, requestContext);
  const accountSettings = rules.createAccountSettingsActions(memory.accountStore, actionOptions, requestContext);
  const hasher = options.passwordHasher ?? createPbkdf2Hasher();
  const verifyPassword = rules.createPasswordVerifier(hasher);
  // The memory adapter's "cookie": the token of the current session, kept in this closure only.
  let sessionToken: string | undefined;
  const keepSession = (outcome: rules.SignInOutcome) => {
    if (outcome.sessionToken !== undefined) sessionToken = outcome.sessionToken;
    return outcome.result;
  };
  for (const name of options.takenUsernames ?? []) memory.addTakenUsername(name);
  for (const invitation of options.invitations ?? []) memory.addInvitation(invitation);
  for (const customer of options.customers ?? []) memory.addCustomer(customer);
  const addOrganization: MemoryAdapter['addOrganization'] = (organization) => {
    const organizationId = organization.organizationId ?? randomId('org');
    memory.addOrganization({ ...organization, organizationId });
    return organizationId;
  };
  for (const organization of options.organizations ?? []) addOrganization(organization);

  const failures = new Map<ContractMethod, PforteError | 'offline' | 'hang'>();
  let offline = false;
  const latencyMs = options.latencyMs ?? 0;
  // One action at a time, as a database transaction would: two completes of one flow must not both pass.
  let running: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = running.then(work, work);
    running = result.catch(() => undefined);
    return result;
  };
  /** Simulated transport (scripted failures, offline, latency, abort), then the text check every backend runs first. */
  async function call<T>(method: ContractMethod, callOptions: CallOptions | undefined, input: object, handle: () => Promise<T>) {
    const signal = callOptions?.signal;
    const failure = failures.get(method);
    failures.delete(method);
    if (failure === 'hang') return hang(signal);
    await delay(latencyMs, signal);
    if (offline || failure === 'offline') throw new PforteError('network');
    if (failure) throw failure;
    return exclusive(() => {
      rules.checkInputText(input);
      return handle();
    });
  }
  const latest = (matches: (message: OutboxMessage) => boolean) => [...memory.outbox].reverse().find(matches);

  return {
    get outbox() {
      return memory.outbox.slice();
    },
    get accounts() {
      return memory.accounts();
    },
    lastCode(channelOrPhone) {
      const channel = channelOrPhone === 'email' ? 'email' : 'sms';
      const phone = channelOrPhone === 'email' || channelOrPhone === 'sms' ? undefined : channelOrPhone;
      return latest((message) => message.channel === channel && message.code !== undefined && (phone === undefined || message.to === phone))?.code;
    },
    lastEmailLink: () => latest((message) => message.channel === 'email' && message.link !== undefined)?.link,
    createInvitation(details = {}) {
      const token = details.token ?? randomHex(32);
      memory.addInvitation({ createdAt: clock.now(), ...details, token });
      return token;
    },
    addCustomer: memory.addCustomer,
    addOrganization,
    failNext: (method, error) => void failures.set(method, error),
    setOffline: (value) => void (offline = value),

    startRegistration: (input, o) => call('startRegistration', o, input, () => actions.startRegistration(input)),
    submitCredentials: (input, o) =>
      call('submitCredentials', o, input, async () => {
        const username = await actions.precheckCredentials(input.flowId, input);
        return actions.submitCredentials(input.flowId, username, await hasher.hash(input.password));
      }),
    issuePin: (input, o) =>
      call('issuePin', o, input, async () => {
        await actions.precheckPin(input.flowId, input);
        const pin = generatePin(input.length, random);
        return actions.issuePin(input.flowId, input.length, pin, await hasher.hash(pin));
      }),
    setPin: (input, o) =>
      call('setPin', o, input, async () => {
        await actions.precheckPin(input.flowId, input);
        return actions.setPin(input.flowId, input.pin, await hasher.hash(input.pin));
      }),
    confirmPinSaved: (input, o) => call('confirmPinSaved', o, input, () => actions.confirmPinSaved(input.flowId)),
    sendSmsCode: (input, o) => call('sendSmsCode', o, input, () => actions.sendSmsCode(input.flowId, input.phone)),
    verifySmsCode: (input, o) => call('verifySmsCode', o, input, () => actions.verifySmsCode(input.flowId, input.code)),
    skipStep: (input, o) => call('skipStep', o, input, () => actions.skipStep(input.flowId, input.step)),
    setVisibility: (input, o) => call('setVisibility', o, input, () => actions.setVisibility(input.flowId, input.visible === true)),
    openInvitation: (input, o) => call('openInvitation', o, input, () => actions.openInvitation(input.flowId, input.token)),
    submitProfile: (input, o) =>
      call('submitProfile', o, input, () => actions.submitProfile(input.flowId, input.profile as Record<string, unknown>)),
    acceptTerms: (input, o) => call('acceptTerms', o, input, () => actions.acceptTerms(input.flowId, input.acceptedAt, input.version)),
    sendVerificationEmail: (input, o) =>
      call('sendVerificationEmail', o, input, () => actions.sendVerificationEmail(input.flowId, input.returnUrl)),
    confirmEmail: (input, o) => call('confirmEmail', o, input, () => actions.confirmEmail(input.token)),
    lookupCustomer: (input, o) => call('lookupCustomer', o, input, () => actions.lookupCustomer(input.flowId, input)),
    verifyCaptcha: (input, o) => call('verifyCaptcha', o, input, () => actions.verifyCaptcha(input.flowId, input.token)),
    registerOrganization: (input, o) => call('registerOrganization', o, input, () => actions.registerOrganization(input.flowId, input)),
    joinOrganization: (input, o) => call('joinOrganization', o, input, () => actions.joinOrganization(input.flowId, input)),
    chooseSecondFactor: (input, o) => call('chooseSecondFactor', o, input, () => actions.chooseSecondFactor(input.flowId, input.method)),
    sendEmailCode: (input, o) => call('sendEmailCode', o, input, () => actions.sendEmailCode(input.flowId)),
    verifyEmailCode: (input, o) => call('verifyEmailCode', o, input, () => actions.verifyEmailCode(input.flowId, input.code)),
    complete: (input, o) => call('complete', o, input, () => actions.complete(input.flowId)),

    signIn: (input, o) =>
      call('signIn', o, input, async () => {
        const checked = await signIn.precheckSignIn(input);
        if (checked.locked) return checked.locked;
        const matches = await verifyPassword(input.password, checked.passwordHash);
        return keepSession(await signIn.finishSignIn(input, matches));
      }),
    resendSignInCode: (input, o) => call('resendSignInCode', o, input, () => signIn.resendSignInCode(input.signInId)),
    verifySignInCode: (input, o) =>
      call('verifySignInCode', o, input, async () => keepSession(await signIn.verifySignInCode(input.signInId, input.code))),
    changePassword: (input, o) =>
      call('changePassword', o, input, async () => {
        const { passwordHash } = await signIn.precheckPasswordChange(input.signInId, input.password);
        const sameAsOld = await verifyPassword(input.password, passwordHash);
        return keepSession(await signIn.finishPasswordChange(input.signInId, await hasher.hash(input.password), sameAsOld));
      }),
    requestPasswordReset: (input, o) => call('requestPasswordReset', o, input, () => signIn.requestPasswordReset(input)),
    resetPassword: (input, o) =>
      call('resetPassword', o, input, async () => {
        await signIn.precheckReset(input.token, input.password);
        await signIn.finishReset(input.token, await hasher.hash(input.password));
      }),
    getSession: (input, o) => call('getSession', o, input ?? {}, async () => ({ session: await signIn.getSession(sessionToken) })),
    signOut: (input, o) =>
      call('signOut', o, input ?? {}, async () => {
        await signIn.signOut(sessionToken);
        sessionToken = undefined;
      }),
    getOrganization: (input, o) =>
      call('getOrganization', o, input ?? {}, async () => ({ organization: await organizationAdmin.getOrganization(sessionToken) })),
    decideJoinRequest: (input, o) =>
      call('decideJoinRequest', o, input, async () => ({ organization: await organizationAdmin.decideJoinRequest(sessionToken, input) })),
    removeMember: (input, o) =>
      call('removeMember', o, input, async () => ({ organization: await organizationAdmin.removeMember(sessionToken, input) })),
    getAccountSettings: (input, o) =>
      call('getAccountSettings', o, input ?? {}, async () => ({ settings: await accountSettings.getAccountSettings(sessionToken) })),
    reauthenticate: (input, o) =>
      call('reauthenticate', o, input, async () => {
        const checked = await signIn.precheckReauth(sessionToken);
        if ('locked' in checked) return checked.locked;
        const outcome = await signIn.finishReauth(sessionToken, await verifyPassword(input.password, checked.passwordHash));
        if (outcome.status !== 'confirmed') return outcome;
        return { status: 'confirmed' as const, settings: await accountSettings.getAccountSettings(sessionToken) };
      }),
    setContactVisibility: (input, o) =>
      call('setContactVisibility', o, input, async () => ({
        settings: await accountSettings.setContactVisibility(sessionToken, input.visible === true),
      })),
    sendSecondFactorSmsCode: (input, o) =>
      call('sendSecondFactorSmsCode', o, input, () => accountSettings.sendSecondFactorSmsCode(sessionToken, input)),
    verifySecondFactorSmsCode: (input, o) =>
      call('verifySecondFactorSmsCode', o, input, async () => ({
        settings: await accountSettings.verifySecondFactorSmsCode(sessionToken, input.code),
      })),
    setSecondFactor: (input, o) =>
      call('setSecondFactor', o, input, async () => ({ settings: await accountSettings.setSecondFactor(sessionToken, input.method) })),
    renewServicePin: (input, o) =>
      call('renewServicePin', o, input ?? {}, async () => {
        const length = await accountSettings.precheckServicePin(sessionToken);
        const pin = generatePin(length, random);
        await accountSettings.renewServicePin(sessionToken, await hasher.hash(pin));
        return { pin };
      }),
    changeAccountPassword: (input, o) =>
      call('changeAccountPassword', o, input, async () => {
        const checked = await accountSettings.precheckPasswordChange(sessionToken, input.password);
        if ('locked' in checked) return checked.locked;
        const currentMatches = await verifyPassword(input.currentPassword, checked.passwordHash);
        const sameAsOld = await verifyPassword(input.password, checked.passwordHash);
        const outcome = await accountSettings.finishPasswordChange(sessionToken, currentMatches, await hasher.hash(input.password), sameAsOld);
        if (outcome.sessionToken !== undefined) sessionToken = outcome.sessionToken;
        return outcome.result;
      }),
    checkServicePin: (input) =>
      exclusive(async () => {
        rules.checkInputText(input);
        const pinHash = await accountSettings.precheckServicePinCheck(input);
        return pinHash !== null && (await hasher.verify(input.pin, pinHash));
      }),
    inviteMember: (input, o) =>
      call('inviteMember', o, input, async () => ({ organization: await organizationAdmin.inviteMember(sessionToken, input) })),
    auditLog: memory.auditLog,
    createAccount: (input) =>
      exclusive(async () => {
        const username = await signIn.precheckNewAccount(input);
        return signIn.createAccount(input, username, await hasher.hash(input.password));
      }),
    sessionCount: memory.sessionCount,
    inviteAccount: (input) =>
      exclusive(() => {
        rules.checkInputText(input);
        return signIn.inviteAccount(input);
      }),
    inviteGuest: (input) =>
      exclusive(() => {
        rules.checkInputText(input);
        return guests.inviteGuest(input);
      }),
    openGuestInvitation: (input, o) => call('openGuestInvitation', o, input, () => guests.openGuestInvitation(input)),
    signInAsGuest: (input, o) =>
      call('signInAsGuest', o, input, async () => {
        const outcome = await guests.signInAsGuest(input);
        sessionToken = outcome.sessionToken;
        return outcome.result;
      }),
  };
}

/** The open product's settings from the adapter's options. */
function openProductOptions(options: MemoryAdapterOptions): rules.OpenProductOptions {
  return defined({
    passwordPolicy: options.passwordPolicy,
    required: options.requiredSteps,
    skippable: options.optionalSteps,
    steps: {
      sms: defined({ codeLength: options.smsCodeLength, resendSeconds: options.resendSeconds }),
      emailCode: defined({ codeLength: options.emailCodeLength, resendSeconds: options.resendSeconds }),
      emailVerification: defined({ resendSeconds: options.resendSeconds }),
      customerLookup: defined({ captcha: options.customerLookupCaptcha }),
      organization: defined({ maxMembers: options.maxOrganizationMembers }),
      terms: defined({ version: options.termsVersion }),
    },
  });
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
