import type { CodeSentResult } from '../adapter.js';
import { resolveSignIn, type SecondFactorMethod, type SignInConfig } from '../config.js';
import { PforteError } from '../errors.js';
import type { ResetRequestedResult, SessionInfo, SessionOrganization, SignInResult } from '../sign-in-adapter.js';
import type { FlowActionOptions, OutgoingMessage, RequestContext } from './actions.js';
import { attemptLimits, checkAttempts, windowStart, type AttemptLimit, type RecentAttempts } from './attempts.js';
import { checkResend, issueCode, verifyCode } from './codes.js';
import { isCommonPassword } from './common-passwords.js';
import { isEmailAddress } from './email.js';
import { messageTexts, webOtpHost } from './messages.js';
import { e164Pattern } from './phone.js';
import type { Product } from './product.js';
import * as rules from './rules.js';
import { checkLocale, hasForbiddenCharacters } from './text.js';
import { prepareUsername, usernameKey } from './username.js';
import type { CodeView } from './view.js';
import { guestSessionInfo, originOf, type GuestInvitationView } from './guest.js';

/** An account as the sign-in rules need it; the password hash stays with the store and the backend's hasher. */
export interface StoredAccount {
  accountId: string;
  username: string;
  /** The product it belongs to: it signs in there and nowhere else. */
  product: string;
  /** The slow hash of the password; `null` for an account that has none (it never signs in). */
  passwordHash: string | null;
  secondFactor: SecondFactorMethod;
  /** E.164, where the second factor is SMS. */
  phone?: string | undefined;
  /** Where codes and reset links go (the username, where it is an e-mail address, otherwise). */
  email?: string | undefined;
  /** Whether the next sign-in must replace the password (an initial one, set by someone else). */
  mustChangePassword: boolean;
  /** Whether it never signed in yet and was created by someone else: its first session brings the product's first-sign-in notice. */
  firstSignIn: boolean;
}

/** A sign-in between the password and the session: waiting for the second factor or for a new password. */
export interface SignInView {
  id: string;
  accountId: string;
  product: string;
  locale: string;
  stage: 'secondFactor' | 'passwordChange';
  /** The channel of the second factor, and where its codes go. */
  method?: 'sms' | 'email';
  to?: string;
  code?: CodeView;
  resendAt?: number;
  /** Server ms epoch after which the sign-in must start again. */
  expiresAt: number;
}

/** A session as a store keeps it, under the hash of its token. */
export interface StoredSession {
  accountId: string;
  product: string;
  createdAt: number;
  /** Ends unless used before (renewed by each use, never past `absoluteExpiresAt`). */
  idleExpiresAt: number;
  absoluteExpiresAt: number;
  /** A guest's session (access by TAN): the invitation it belongs to, also its `accountId`; no account stands behind it. */
  guestInvitationId?: string | undefined;
  /** Server ms epoch of the latest confirmation of the password in this session (the re-authentication window starts anew). */
  reauthenticatedAt?: number | undefined;
}

/** An account someone else creates (an admin, a practice): it must change its initial password at the first sign-in. */
export interface NewStoredAccount extends StoredAccount {
  createdAt: number;
}

/**
 * Storage and I/O of sign-in, password reset and sessions, beside a
 * backend's {@link FlowStore}. Tokens (reset links, sessions) are handed over
 * in clear; a store keeps them hashed where it has storage others can read.
 */
export interface AccountStore {
  /** The account whose username has this key ({@link usernameKey}). */
  findAccount(key: string): Promise<StoredAccount | undefined>;
  accountById(accountId: string): Promise<StoredAccount | undefined>;
  /** Whether an account (or an open registration holding it) has this username key. */
  isUsernameTaken(key: string): Promise<boolean>;
  insertAccount(account: NewStoredAccount): Promise<void>;
  setPassword(accountId: string, passwordHash: string, mustChange: boolean): Promise<void>;
  /** The account's first session began: its next ones are not first sign-ins. */
  endFirstSignIn(accountId: string): Promise<void>;
  recentAttempts(bucket: string, since: number): Promise<RecentAttempts>;
  recordAttempt(bucket: string, at: number): Promise<void>;
  /** Forgets every attempt in `bucket` (a success ends a run of wrong passwords; a reset lifts a lock). */
  clearAttempts(bucket: string): Promise<void>;
  createSignIn(view: SignInView): Promise<void>;
  loadSignIn(id: string): Promise<SignInView | undefined>;
  saveSignIn(view: SignInView): Promise<void>;
  deleteSignIn(id: string): Promise<void>;
  storeSignInCode(signInId: string, to: string, code: string): Promise<void>;
  signInCodeMatches(signInId: string, entered: string): Promise<boolean>;
  /** As {@link FlowStore.countSend}. */
  countSend(message: OutgoingMessage, resendSeconds: number): Promise<void>;
  send(message: OutgoingMessage): Promise<void>;
  storeResetToken(token: string, entry: { accountId: string; expiresAt: number; now: number }): Promise<void>;
  findResetToken(token: string): Promise<{ accountId: string; expiresAt: number; used: boolean } | undefined>;
  /** Spends every reset link of the account. */
  spendResetTokens(accountId: string, now: number): Promise<void>;
  createSession(token: string, session: StoredSession): Promise<void>;
  findSession(token: string): Promise<StoredSession | undefined>;
  saveSession(token: string, session: StoredSession): Promise<void>;
  deleteSession(token: string): Promise<void>;
  /** Ends every session of the account. */
  deleteSessions(accountId: string): Promise<void>;
  /** Stores a guest invitation under its token and its one-time code beside it (both hashed where others can read the storage). */
  createGuestInvitation(view: GuestInvitationView, token: string, code: string): Promise<void>;
  findGuestInvitation(token: string): Promise<GuestInvitationView | undefined>;
  guestInvitationById(invitationId: string): Promise<GuestInvitationView | undefined>;
  saveGuestInvitation(view: GuestInvitationView): Promise<void>;
  /** Whether `entered` is the invitation's code (compared without an early exit). */
  guestCodeMatches(invitationId: string, entered: string): Promise<boolean>;
  /** The organization the account belongs to or asked to join, if any. */
  membershipOf(accountId: string): Promise<SessionOrganization | undefined>;
}

/** A slow password hash: scrypt on the reference server, PBKDF2 in the memory adapter. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/**
 * Checks a password against an account's hash, or, for an unknown account,
 * against a hash of nothing anyone knows: the same work either way, so the
 * time of an answer does not tell whether the account exists.
 */
export function createPasswordVerifier(hasher: PasswordHasher): (password: string, hash: string | null | undefined) => Promise<boolean> {
  let dummy: Promise<string> | undefined;
  return async (password, hash) => {
    if (typeof hash === 'string') return hasher.verify(password, hash);
    dummy ??= hasher.hash('pforte: no account has this password');
    await hasher.verify(password, await dummy);
    return false;
  };
}

/** The verdict on a password confirmed in the account area: confirmed, wrong (attempts left), or the sign-in's lock. */
export type ReauthVerdict = { status: 'confirmed' } | { status: 'failed'; attemptsRemaining: number; now: number } | LockedResult;

/** The answer while the sign-in of an account is locked. */
export type LockedResult = Extract<SignInResult, { status: 'locked' }>;

/** What a sign-in action answers, with the token of a new session for the backend to keep (a cookie), never for the widget. */
export interface SignInOutcome {
  result: SignInResult;
  sessionToken?: string;
}

/**
 * The sign-in settings of a product: its `signIn` section (the open product:
 * the defaults). A product without one offers no sign-in ('step.unavailable').
 */
export function signInSettings(product: Product): SignInConfig {
  if (product.config.signIn) return product.config.signIn;
  if (product.open) return resolveSignIn();
  throw new PforteError('step.unavailable');
}

/** The key an identifier is counted and found under: the username key, so look-alike spellings share one lock. */
async function identifierKey(identifier: string): Promise<string> {
  const name = prepareUsername(identifier);
  if (name === '' || [...name].length > 320 || hasForbiddenCharacters(name)) throw new PforteError('identifier.invalid', { field: 'identifier' });
  return usernameKey(name);
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The buckets of sign-in in the attempt log: wrong passwords per identifier
 * (a day, cleared by a success, a lock or a reset), the lock itself, and the
 * per-client and per-identifier throttles of sign-in and reset requests.
 */
export const signInLimits = {
  wrongPasswords: (settings: SignInConfig, key: string): AttemptLimit => ({
    bucket: `signin:wrong:${key}`,
    max: settings.lockout.maxAttempts,
    windowSeconds: dayMs / 1000,
  }),
  lock: (settings: SignInConfig, key: string): AttemptLimit => ({
    bucket: `signin:lock:${key}`,
    max: 1,
    windowSeconds: settings.lockout.lockSeconds,
  }),
  byIp: (limits: FlowActionOptions['limits'], ip: string): AttemptLimit => ({
    bucket: `signin:ip:${ip}`,
    max: limits.signInsPerIpPerHour,
    windowSeconds: 60 * 60,
  }),
  resetByIdentifier: (limits: FlowActionOptions['limits'], key: string): AttemptLimit => ({
    bucket: `reset:identifier:${key}`,
    max: limits.resetRequestsPerIdentifierPerHour,
    windowSeconds: 60 * 60,
  }),
  resetByIp: (limits: FlowActionOptions['limits'], ip: string): AttemptLimit => ({
    bucket: `reset:ip:${ip}`,
    max: limits.resetRequestsPerIpPerHour,
    windowSeconds: 60 * 60,
  }),
};

/** A reset link to `returnUrl` (an origin the product allows, else the asking page's), the token in the fragment. */
export function resetLink(settings: SignInConfig, returnUrl: string, requestOrigin: string | undefined, token: string): string {
  return fragmentLink(settings, returnUrl, requestOrigin, 'pforte-reset-token', token);
}

/**
 * A link to `returnUrl` with `#name=token`: reset links, account and guest
 * invitations. The origin must be one the product allows (`resetUrlOrigins`),
 * or, where it names none, `requestOrigin` (the asking page's; an admin's
 * own return URL). The page removes the fragment from its URL at once.
 */
export function fragmentLink(settings: SignInConfig, returnUrl: string, requestOrigin: string | undefined, name: string, token: string): string {
  return rules.tokenLink(settings.resetUrlOrigins, returnUrl, requestOrigin, name, token);
}

/** The address codes and reset links of an account go to, if it has one. */
function emailOf(account: StoredAccount): string | undefined {
  return account.email ?? (isEmailAddress(account.username) ? account.username : undefined);
}

/**
 * Sign-in, password reset and sessions, once for every backend, over its
 * {@link AccountStore}. Passwords are checked in two parts around the
 * backend's slow hash (`precheck…`, then the hash outside any transaction,
 * then `finish…`), as credentials are in registration.
 */
export function createSignInActions(store: AccountStore, options: FlowActionOptions, context: RequestContext = {}) {
  const { catalog, limits, now, random, breachedPasswordChecker } = options;
  const { ip } = context;

  async function spendAttempt(limit: AttemptLimit): Promise<void> {
    const at = now();
    checkAttempts(limit, await store.recentAttempts(limit.bucket, windowStart(limit, at)), at);
    await store.recordAttempt(limit.bucket, at);
  }

  const recent = (limit: AttemptLimit) => store.recentAttempts(limit.bucket, windowStart(limit, now()));

  /** The lock's deadline, while the identifier is locked. */
  async function lockedUntil(settings: SignInConfig, key: string): Promise<number | undefined> {
    const lock = await recent(signInLimits.lock(settings, key));
    return lock.count > 0 && lock.first !== undefined ? lock.first + settings.lockout.lockSeconds * 1000 : undefined;
  }

  function lockedResult(until: number): SignInResult {
    const at = now();
    return { status: 'locked', lockedUntil: until, retryAfterSeconds: Math.max(1, Math.ceil((until - at) / 1000)), now: at };
  }

  /** Locks the identifier from now on and starts its count of wrong passwords afresh. */
  async function lock(settings: SignInConfig, key: string): Promise<SignInResult> {
    const at = now();
    await store.recordAttempt(signInLimits.lock(settings, key).bucket, at);
    await store.clearAttempts(signInLimits.wrongPasswords(settings, key).bucket);
    return lockedResult(at + settings.lockout.lockSeconds * 1000);
  }

  /** The account of `key` in `product`; an account of another product is no account here. */
  async function accountIn(product: Product, key: string): Promise<StoredAccount | undefined> {
    const account = await store.findAccount(key);
    return account?.product === product.id ? account : undefined;
  }

  async function loadSignIn(signInId: string): Promise<{ view: SignInView; account: StoredAccount; product: Product }> {
    const view = await store.loadSignIn(signInId);
    if (!view) throw new PforteError('flow.unknown');
    if (now() >= view.expiresAt) throw new PforteError('flow.expired');
    const account = await store.accountById(view.accountId);
    const product = catalog.get(view.product);
    if (!account || !product) throw new PforteError('flow.unknown');
    return { view, account, product };
  }

  async function sendCode(view: SignInView, product: Product): Promise<CodeSentResult> {
    const settings = signInSettings(product);
    const at = now();
    checkResend(view.resendAt, at);
    const code = random.digits(settings.codeLength);
    const issued = issueCode(at, settings.resendSeconds, limits.codeTtlSeconds);
    const about = { product: product.config.product, locale: view.locale };
    const to = view.to!;
    const validityMinutes = Math.max(1, Math.floor((issued.expiresAt - at) / 60_000));
    const message: OutgoingMessage =
      view.method === 'sms'
        ? { channel: 'sms', to, text: messageTexts.smsCode(code, { ...about, host: webOtpHost(context.origin) }), code, flowId: view.id, sentAt: at }
        : { channel: 'email', to, ...messageTexts.emailCode(code, validityMinutes, about), code, flowId: view.id, sentAt: at };
    await store.countSend(message, settings.resendSeconds);
    await store.storeSignInCode(view.id, to, code);
    Object.assign(view, { code: issued.code, resendAt: issued.resendAvailableAt });
    await store.saveSignIn(view);
    await store.send(message);
    return { resendAvailableAt: issued.resendAvailableAt, expiresAt: issued.expiresAt, now: at, codeLength: settings.codeLength };
  }

  async function startSession(account: StoredAccount, product: Product): Promise<SignInOutcome> {
    const settings = signInSettings(product);
    const at = now();
    const token = random.token();
    const session: StoredSession = {
      accountId: account.accountId,
      product: product.id,
      createdAt: at,
      idleExpiresAt: at + settings.sessionIdleMinutes * 60_000,
      absoluteExpiresAt: at + settings.sessionAbsoluteHours * 60 * 60_000,
    };
    session.idleExpiresAt = Math.min(session.idleExpiresAt, session.absoluteExpiresAt);
    await store.createSession(token, session);
    const result: SignInResult = { status: 'signedIn', session: await describeSession(account, session, at) };
    if (account.firstSignIn) {
      await store.endFirstSignIn(account.accountId);
      result.firstSignIn = true;
    }
    return { result, sessionToken: token };
  }

  /** What comes after the password: the second factor, a forced change, or the session. */
  async function next(account: StoredAccount, product: Product, locale: string, view?: SignInView): Promise<SignInOutcome> {
    const at = now();
    const to = account.secondFactor === 'sms' ? account.phone : account.secondFactor === 'email' ? emailOf(account) : undefined;
    if (view === undefined && to !== undefined && account.secondFactor !== 'none') {
      const started: SignInView = {
        id: random.id('signin'),
        accountId: account.accountId,
        product: product.id,
        locale,
        stage: 'secondFactor',
        method: account.secondFactor,
        to,
        expiresAt: at + limits.signInTtlSeconds * 1000,
      };
      await store.createSignIn(started);
      let sent: CodeSentResult;
      try {
        sent = await sendCode(started, product);
      } catch (error) {
        // A code sent to the number or address moments ago (e.g. at registration) holds the next one back: no code yet, the resend deadline says when.
        if (!(error instanceof PforteError) || error.code !== 'rate_limited' || error.resendAvailableAt === undefined) throw error;
        started.resendAt = error.resendAvailableAt;
        await store.saveSignIn(started);
        sent = { resendAvailableAt: error.resendAvailableAt, expiresAt: at, now: at, codeLength: signInSettings(product).codeLength };
      }
      return { result: { status: 'secondFactor', signInId: started.id, method: account.secondFactor, ...sent } };
    }
    if (account.mustChangePassword) {
      const changing: SignInView = view ?? {
        id: random.id('signin'),
        accountId: account.accountId,
        product: product.id,
        locale,
        stage: 'passwordChange',
        expiresAt: at + limits.signInTtlSeconds * 1000,
      };
      changing.stage = 'passwordChange';
      if (view) await store.saveSignIn(changing);
      else await store.createSignIn(changing);
      return { result: { status: 'passwordChange', signInId: changing.id, expiresAt: changing.expiresAt, now: at } };
    }
    if (view) await store.deleteSignIn(view.id);
    return startSession(account, product);
  }

  /** The policy on a new password of `account`: the product's rules, common and breached passwords. */
  async function checkNewPassword(product: Product, account: StoredAccount, password: string): Promise<void> {
    const problem = rules.passwordProblem(product, password, account.username);
    if (problem) throw problem;
    if (await isCommonPassword(password)) throw new PforteError('password.common', { field: 'password' });
    if (await breachedPasswordChecker?.isBreached(password)) throw new PforteError('password.breached', { field: 'password' });
    if (ip !== undefined) await spendAttempt(attemptLimits.hashByIp(limits, ip));
  }

  async function describeSession(account: StoredAccount, session: StoredSession, at: number): Promise<SessionInfo> {
    return sessionInfo(account, session, at, await store.membershipOf(account.accountId));
  }

  /** The live session of `token` with its account and product, renewed; `undefined` when there is none or it timed out. */
  async function sessionFor(token: string | undefined) {
    if (token === undefined || token === '') return undefined;
    const session = await store.findSession(token);
    if (!session) return undefined;
    const at = now();
    const product = catalog.get(session.product);
    const guest = session.guestInvitationId === undefined ? undefined : await store.guestInvitationById(session.guestInvitationId);
    const account = guest ? undefined : await store.accountById(session.accountId);
    if (at >= session.idleExpiresAt || at >= session.absoluteExpiresAt || !product || (!account && !guest) || (guest && at >= guest.expiresAt)) {
      await store.deleteSession(token);
      return undefined;
    }
    session.idleExpiresAt = Math.min(at + signInSettings(product).sessionIdleMinutes * 60_000, session.absoluteExpiresAt);
    await store.saveSession(token, session);
    return guest ? { session, guest, account: undefined, product } : { session, guest: undefined, account: account!, product };
  }

  /** The live session of `token` with its account and product ('session.required' without one, or for a guest). */
  async function requireSession(token: string | undefined) {
    const found = await sessionFor(token);
    if (!found || found.guest) throw new PforteError('session.required');
    return { session: found.session, account: found.account, product: found.product };
  }

  /**
   * The cheap part of a re-authentication, before the slow hash: the
   * session, the account's sign-in lock, and a wrong password counted in
   * advance, as {@link precheckSignIn} does. Returns the answer while the
   * account is locked, else the hash to check against.
   */
  async function precheckReauth(token: string | undefined): Promise<{ locked: LockedResult } | { passwordHash: string | null }> {
    const { account, product } = await requireSession(token);
    const settings = signInSettings(product);
    const key = await usernameKey(account.username);
    if (ip !== undefined) await spendAttempt(signInLimits.byIp(limits, ip));
    const until = await lockedUntil(settings, key);
    if (until !== undefined) return { locked: lockedResult(until) as LockedResult };
    const wrong = signInLimits.wrongPasswords(settings, key);
    if ((await recent(wrong)).count >= wrong.max) return { locked: (await lock(settings, key)) as LockedResult };
    await store.recordAttempt(wrong.bucket, now());
    return { passwordHash: account.passwordHash };
  }

  /**
   * The verdict on the password of a re-authentication: the window opens
   * anew, or a wrong password counts towards the sign-in's lock (which then
   * also ends the session: whoever holds it does not know the password).
   */
  async function finishReauth(token: string | undefined, passwordMatches: boolean): Promise<ReauthVerdict> {
    const { account, product, session } = await requireSession(token);
    const settings = signInSettings(product);
    const key = await usernameKey(account.username);
    const wrong = signInLimits.wrongPasswords(settings, key);
    if (!passwordMatches) {
      const count = (await recent(wrong)).count;
      if (count >= wrong.max) {
        await store.deleteSessions(account.accountId);
        return (await lock(settings, key)) as LockedResult;
      }
      return { status: 'failed', attemptsRemaining: wrong.max - count, now: now() };
    }
    await store.clearAttempts(wrong.bucket);
    await store.saveSession(token!, { ...session, reauthenticatedAt: now() });
    return { status: 'confirmed' };
  }

  async function findResetToken(token: string) {
    const entry = await store.findResetToken(token);
    if (!entry) throw new PforteError('link.invalid');
    if (entry.used) throw new PforteError('link.used');
    const account = await store.accountById(entry.accountId);
    const product = account && catalog.get(account.product);
    if (!account || !product) throw new PforteError('link.invalid');
    const settings = signInSettings(product);
    if (now() >= entry.expiresAt) throw new PforteError('link.expired', { validityHours: settings.resetLinkMinutes / 60 });
    return { account, product };
  }

  async function insertAccount(input: Omit<NewAccountInput, 'password'>, username: string, passwordHash: string | null): Promise<{ accountId: string; username: string }> {
    const product = catalog.resolve(input.product);
    const key = await usernameKey(username);
    if (await store.isUsernameTaken(key)) throw new PforteError('identifier.unavailable', { field: 'username' });
    const accountId = random.id('acc');
    await store.insertAccount({
      accountId,
      username,
      product: product.id,
      passwordHash,
      secondFactor: input.secondFactor ?? 'none',
      phone: input.secondFactor === 'sms' ? input.phone : undefined,
      email: input.email ?? (isEmailAddress(username) ? username : undefined),
      mustChangePassword: passwordHash !== null,
      firstSignIn: true,
      createdAt: now(),
    });
    return { accountId, username };
  }

  return {
    /**
     * The cheap part of a sign-in, before the slow hash: throttles per client,
     * the lock, and a wrong password counted in advance (a success takes it
     * back), so that parallel guesses cannot outrun the lock. Returns the
     * answer when the identifier is locked, else the hash to check against
     * (none for an unknown account: check against a dummy).
     */
    async precheckSignIn(input: { identifier: string; locale: string; product?: string | undefined }) {
      checkLocale(input.locale);
      const product = catalog.resolve(input.product);
      const settings = signInSettings(product);
      const key = await identifierKey(input.identifier);
      if (ip !== undefined) await spendAttempt(signInLimits.byIp(limits, ip));
      const until = await lockedUntil(settings, key);
      if (until !== undefined) return { locked: lockedResult(until) };
      const wrong = signInLimits.wrongPasswords(settings, key);
      // Only guesses that raced past the count get here with it full.
      if ((await recent(wrong)).count >= wrong.max) return { locked: await lock(settings, key) };
      await store.recordAttempt(wrong.bucket, now());
      const account = await accountIn(product, key);
      return { passwordHash: account?.passwordHash ?? undefined };
    },

    /** The verdict of the backend's hash on the password: a lock, a wrong password, or the next step. */
    async finishSignIn(input: { identifier: string; locale: string; product?: string | undefined }, passwordMatches: boolean): Promise<SignInOutcome> {
      const locale = checkLocale(input.locale);
      const product = catalog.resolve(input.product);
      const settings = signInSettings(product);
      const key = await identifierKey(input.identifier);
      const account = await accountIn(product, key);
      const wrong = signInLimits.wrongPasswords(settings, key);
      if (!passwordMatches || !account || account.passwordHash === null) {
        const count = (await recent(wrong)).count;
        if (count >= wrong.max) return { result: await lock(settings, key) };
        return { result: { status: 'failed', attemptsRemaining: wrong.max - count, now: now() } };
      }
      await store.clearAttempts(wrong.bucket);
      return next(account, product, locale);
    },

    async resendSignInCode(signInId: string): Promise<CodeSentResult> {
      const { view, product } = await loadSignIn(signInId);
      if (view.stage !== 'secondFactor') throw new PforteError('step.required');
      return sendCode(view, product);
    },

    async verifySignInCode(signInId: string, code: string): Promise<SignInOutcome> {
      const { view, account, product } = await loadSignIn(signInId);
      if (view.stage !== 'secondFactor') throw new PforteError('step.required');
      const matches = await store.signInCodeMatches(view.id, code);
      const verdict = verifyCode(view.code, matches, now(), limits.maxCodeAttempts);
      view.code = verdict.code;
      await store.saveSignIn(view);
      if (verdict.error) throw verdict.error;
      return next(account, product, view.locale, view);
    },

    /** The cheap checks of a forced password change; returns the old hash, which the new password must not match. */
    async precheckPasswordChange(signInId: string, password: string): Promise<{ passwordHash: string | null }> {
      const { view, account, product } = await loadSignIn(signInId);
      if (view.stage !== 'passwordChange') throw new PforteError('step.required');
      await checkNewPassword(product, account, password);
      return { passwordHash: account.passwordHash };
    },

    /** Stores the new password (refused when it is the old one), ends every other session, and signs in. */
    async finishPasswordChange(signInId: string, passwordHash: string, sameAsOld: boolean): Promise<SignInOutcome> {
      const { view, account, product } = await loadSignIn(signInId);
      if (view.stage !== 'passwordChange') throw new PforteError('step.required');
      if (sameAsOld) throw new PforteError('password.rejected', { field: 'password' });
      await store.setPassword(account.accountId, passwordHash, false);
      await store.deleteSessions(account.accountId);
      await store.deleteSignIn(view.id);
      return startSession({ ...account, passwordHash, mustChangePassword: false }, product);
    },

    /**
     * Sends a reset link if the identifier names an account of the product
     * with an e-mail address; answers the same in every case. Throttled per
     * identifier (known or not) and per client.
     */
    async requestPasswordReset(input: { identifier: string; locale: string; returnUrl: string; product?: string | undefined }): Promise<ResetRequestedResult> {
      const locale = checkLocale(input.locale);
      const product = catalog.resolve(input.product);
      const settings = signInSettings(product);
      const key = await identifierKey(input.identifier);
      const token = random.token();
      const link = resetLink(settings, input.returnUrl, context.origin, token);
      if (ip !== undefined) await spendAttempt(signInLimits.resetByIp(limits, ip));
      await spendAttempt(signInLimits.resetByIdentifier(limits, key));
      const at = now();
      const answer: ResetRequestedResult = { resendAvailableAt: at + settings.resendSeconds * 1000, validityMinutes: settings.resetLinkMinutes, now: at };
      const account = await accountIn(product, key);
      const email = account && emailOf(account);
      if (!account || email === undefined) return answer;
      const message: OutgoingMessage = {
        channel: 'email',
        to: email,
        ...messageTexts.passwordReset(link, settings.resetLinkMinutes, { product: product.config.product, locale }),
        link,
        flowId: random.id('reset'),
        sentAt: at,
      };
      try {
        await store.countSend(message, settings.resendSeconds);
      } catch (error) {
        // A full quota of the address must not tell that the account exists.
        if (error instanceof PforteError && error.code === 'rate_limited') return answer;
        throw error;
      }
      await store.storeResetToken(token, { accountId: account.accountId, expiresAt: at + settings.resetLinkMinutes * 60_000, now: at });
      await store.send(message);
      return answer;
    },

    /** The cheap checks of a reset: the link and the policy on the new password. */
    async precheckReset(token: string, password: string): Promise<void> {
      const { account, product } = await findResetToken(token);
      await checkNewPassword(product, account, password);
    },

    /** Sets the new password: spends the account's reset links, ends its sessions, lifts its lock. */
    async finishReset(token: string, passwordHash: string): Promise<void> {
      const { account, product } = await findResetToken(token);
      const at = now();
      await store.setPassword(account.accountId, passwordHash, false);
      await store.spendResetTokens(account.accountId, at);
      await store.deleteSessions(account.accountId);
      const settings = signInSettings(product);
      const key = await usernameKey(account.username);
      await store.clearAttempts(signInLimits.wrongPasswords(settings, key).bucket);
      await store.clearAttempts(signInLimits.lock(settings, key).bucket);
    },

    /** The session of `token`, renewed; `null` when there is none, it timed out, or it belongs to another product. */
    async getSession(token: string | undefined, productId?: string | undefined): Promise<SessionInfo | null> {
      const found = await sessionFor(token);
      if (!found || (productId !== undefined && productId !== found.session.product)) return null;
      return found.guest ? guestSessionInfo(found.guest, found.session, now()) : describeSession(found.account, found.session, now());
    },

    /** The live session of `token` with its account and product ('session.required' without one, or for a guest), for what a signed-in person does. */
    requireSession,

    precheckReauth,
    finishReauth,

    /**
     * The cheap part of changing the password in the account area: the policy
     * on the new one, then as {@link precheckReauth} for the current one (a
     * guess like a sign-in's, counted towards the lock in advance).
     */
    async precheckAccountPasswordChange(token: string | undefined, password: string) {
      const { account, product } = await requireSession(token);
      await checkNewPassword(product, account, password);
      return precheckReauth(token);
    },

    /**
     * Sets the new password once the current one matched (a wrong one counts
     * as in {@link finishReauth}); refused when it is the old one. Every
     * session of the account and its reset links end; the person goes on in
     * a new session, whose token the backend keeps.
     */
    async finishAccountPasswordChange(
      token: string | undefined,
      currentMatches: boolean,
      passwordHash: string,
      sameAsOld: boolean,
    ): Promise<{ result: ReauthVerdict; sessionToken?: string; accountId: string }> {
      const { account, product } = await requireSession(token);
      const verdict = await finishReauth(token, currentMatches);
      if (verdict.status !== 'confirmed') return { result: verdict, accountId: account.accountId };
      if (sameAsOld) throw new PforteError('password.rejected', { field: 'password' });
      await store.setPassword(account.accountId, passwordHash, false);
      await store.spendResetTokens(account.accountId, now());
      await store.deleteSessions(account.accountId);
      const started = await startSession({ ...account, passwordHash, mustChangePassword: false, firstSignIn: false }, product);
      return { result: { status: 'confirmed' }, accountId: account.accountId, ...(started.sessionToken === undefined ? {} : { sessionToken: started.sessionToken }) };
    },

    async signOut(token: string | undefined): Promise<void> {
      if (token !== undefined && token !== '') await store.deleteSession(token);
    },

    /** The cheap checks of an account someone else creates: the product's username and password rules, the second factor's address. */
    async precheckNewAccount(input: NewAccountInput): Promise<string> {
      const product = catalog.resolve(input.product);
      const username = await rules.acceptUsername(product, input.username);
      const problem = rules.passwordProblem(product, input.password, username);
      if (problem) throw problem;
      if (await isCommonPassword(input.password)) throw new PforteError('password.common', { field: 'password' });
      checkAccountAddresses(input, username);
      return username;
    },

    /**
     * Creates an account without a password and e-mails its holder a link to
     * set one (`#pforte-reset-token=…`, the reset link's mechanism, valid for
     * the product's `invitationLinkHours`); the account signs in only after.
     * Errors: as `createAccount`; 'profile.invalid' (field 'email') without an
     * address to send the link to; 'link.invalid' (field 'returnUrl': an
     * origin neither the product's `resetUrlOrigins` nor `requestOrigin`,
     * which is the return URL's own for an admin, the asking page's for a member).
     */
    async inviteAccount(input: AccountInvitationInput, requestOrigin = originOf(input.returnUrl)): Promise<{ accountId: string; username: string }> {
      const product = catalog.resolve(input.product);
      const settings = signInSettings(product);
      const locale = checkLocale(input.locale ?? 'de');
      const username = await rules.acceptUsername(product, input.username);
      checkAccountAddresses(input, username);
      const email = input.email ?? (isEmailAddress(username) ? username : undefined);
      if (email === undefined) throw new PforteError('profile.invalid', { field: 'email' });
      const token = random.token();
      // An admin who invites is trusted with the page (without allowed origins, the return URL's own); a member's page is the asking one.
      const link = resetLink(settings, input.returnUrl, requestOrigin, token);
      const created = await insertAccount(input, username, null);
      const at = now();
      await store.storeResetToken(token, { accountId: created.accountId, expiresAt: at + settings.invitationLinkHours * 60 * 60_000, now: at });
      await store.send({
        channel: 'email',
        to: email,
        ...messageTexts.accountInvitation(link, settings.invitationLinkHours, { product: product.config.product, locale }),
        link,
        flowId: created.accountId,
        sentAt: at,
      });
      return created;
    },

    /** Creates the account with its (hashed) initial password, to be replaced at the first sign-in; without one (`null`, an invitation) it cannot sign in yet. */
    createAccount: insertAccount,
  };
}

/** The second factor's address and the e-mail address of an account someone else creates. */
function checkAccountAddresses(input: Omit<NewAccountInput, 'password'>, username: string): void {
  if (input.secondFactor === 'sms' && (input.phone === undefined || !e164Pattern.test(input.phone))) {
    throw new PforteError('phone.invalid', { field: 'phone' });
  }
  if (input.email !== undefined && !isEmailAddress(input.email)) throw new PforteError('profile.invalid', { field: 'email' });
  if (input.secondFactor === 'email' && input.email === undefined && !isEmailAddress(username)) {
    throw new PforteError('profile.invalid', { field: 'email' });
  }
}

/** An account invited by e-mail (admin API, CLI): no initial password; the link lets its holder set one. */
export interface AccountInvitationInput extends Omit<NewAccountInput, 'password'> {
  /** The page with `<pforte-password-reset>`; the token goes into its fragment. */
  returnUrl: string;
  /** The language of the e-mail (default German). */
  locale?: string | undefined;
}

/** An account to create for someone (admin API, CLI). */
export interface NewAccountInput {
  product?: string | undefined;
  username: string;
  /** The initial password; the first sign-in must replace it. */
  password: string;
  secondFactor?: SecondFactorMethod | undefined;
  /** E.164, for an SMS second factor. */
  phone?: string | undefined;
  email?: string | undefined;
}

function sessionInfo(account: StoredAccount, session: StoredSession, at: number, organization: SessionOrganization | undefined): SessionInfo {
  return {
    accountId: account.accountId,
    username: account.username,
    product: session.product,
    secondFactor: account.secondFactor,
    ...(organization ? { organization } : {}),
    expiresAt: Math.min(session.idleExpiresAt, session.absoluteExpiresAt),
    now: at,
  };
}

/** The actions of {@link createSignInActions}. */
export type SignInActions = ReturnType<typeof createSignInActions>;
