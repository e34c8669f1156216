import type { AccountPasswordResult, AccountSettings } from '../account-adapter.js';
import type { CodeSentResult } from '../adapter.js';
import { PforteError } from '../errors.js';
import type { SecondFactorMethod } from '../steps/types.js';
import type { FlowActionOptions, OutgoingMessage, RequestContext } from './actions.js';
import { checkAttempts, windowStart, type AttemptLimit } from './attempts.js';
import { checkResend, issueCode, verifyCode } from './codes.js';
import { isEmailAddress } from './email.js';
import { messageTexts, webOtpHost } from './messages.js';
import { reauthDeadline, type AuditEvent } from './organization-admin.js';
import { checkSmsPhone, classifyPhoneNumber, e164Pattern } from './phone.js';
import { productStep, type Product } from './product.js';
import { createSignInActions, type AccountStore, type StoredAccount, type StoredSession } from './sign-in.js';
import { checkLocale } from './text.js';
import { prepareUsername, usernameKey } from './username.js';
import type { CodeView } from './view.js';

/** A number on its way to becoming the SMS second factor: the code sent to it, until it is verified. */
export interface PhoneChangeView {
  phone: string;
  code: CodeView;
  resendAt: number;
}

/** Storage of what a signed-in person changes later, beside a backend's {@link AccountStore}. */
export interface AccountSettingsStore extends AccountStore {
  /** The contact-search opt-in of the account. */
  isVisible(accountId: string): Promise<boolean>;
  setVisible(accountId: string, visible: boolean): Promise<void>;
  /** Sets the second factor and, for SMS, its number (none otherwise). */
  setSecondFactor(accountId: string, method: SecondFactorMethod, phone: string | undefined): Promise<void>;
  /** Replaces the slow hash of the service PIN (the old PIN stops working). */
  setPinHash(accountId: string, pinHash: string): Promise<void>;
  /** The slow hash of the service PIN, `null` for none. */
  pinHashOf(accountId: string): Promise<string | null>;
  loadPhoneChange(accountId: string): Promise<PhoneChangeView | undefined>;
  /** Keeps the pending number with `code` (or its keyed hash) as its one live code. */
  savePhoneChange(accountId: string, view: PhoneChangeView, code?: string): Promise<void>;
  phoneChangeCodeMatches(accountId: string, entered: string): Promise<boolean>;
  deletePhoneChange(accountId: string): Promise<void>;
  recordAudit(event: AuditEvent): Promise<void>;
}

/**
 * The second factors `product` offers for a change: the choices of its
 * second-factor step; without one, SMS where it has an SMS step, e-mail codes
 * where it has an e-mail code step, and none where those are optional.
 */
export function secondFactorChoices(product: Product): SecondFactorMethod[] {
  const choice = productStep(product, 'secondFactorChoice');
  if (choice) return [...choice.choices];
  const sms = productStep(product, 'sms');
  const email = productStep(product, 'emailCode');
  const required = [sms, email].some((step) => step !== undefined && !step.optional);
  return [...(required ? [] : (['none'] as const)), ...(email ? (['email'] as const) : []), ...(sms ? (['sms'] as const) : [])];
}

/** The wrong service PINs a backend's support may check per account and hour before it refuses. */
export const servicePinChecksPerHour = 5;

/**
 * What a signed-in person changes later, once for every backend: the
 * contact-search opt-in, the second factor (the SMS factor that was put off,
 * a new number, a switch between the product's factors) and a new service
 * PIN. Security-relevant changes (second factor, PIN) need a recent sign-in
 * or a fresh confirmation of the password ('reauth.required'); every change
 * is recorded in the audit log (who, what, when, never a secret).
 */
export function createAccountSettingsActions(store: AccountSettingsStore, options: FlowActionOptions, context: RequestContext = {}) {
  const { limits, now, random } = options;
  const signIn = createSignInActions(store, options, context);

  async function settingsOf(account: StoredAccount, product: Product, session: StoredSession): Promise<AccountSettings> {
    const pin = productStep(product, 'pin');
    const email = emailOf(account);
    return {
      username: account.username,
      visible: await store.isVisible(account.accountId),
      secondFactor: account.secondFactor,
      ...(account.secondFactor === 'sms' && account.phone !== undefined ? { phone: account.phone } : {}),
      ...(email === undefined ? {} : { email }),
      secondFactorChoices: secondFactorChoices(product),
      ...(pin?.mode === 'generated' ? { pinLength: pin.length } : {}),
      reauthUntil: reauthDeadline(product, session),
      now: now(),
    };
  }

  /** The signed-in person, with a recent enough sign-in for a security-relevant change. */
  async function recentlySignedIn(token: string | undefined) {
    const found = await signIn.requireSession(token);
    if (now() > reauthDeadline(found.product, found.session)) throw new PforteError('reauth.required');
    return found;
  }

  /** The product's SMS rules (code length, resend interval, numbers), where it offers an SMS factor. */
  function smsRules(product: Product) {
    const step = productStep(product, 'sms');
    if (!step || !secondFactorChoices(product).includes('sms')) throw new PforteError('step.unavailable');
    return step;
  }

  async function audit(account: StoredAccount, action: AuditEvent['action'], detail?: string): Promise<void> {
    await store.recordAudit({ at: now(), actorId: account.accountId, action, subjectId: account.accountId, ...(detail === undefined ? {} : { detail }) });
  }

  async function reload(token: string | undefined): Promise<AccountSettings> {
    const { account, product, session } = await signIn.requireSession(token);
    return settingsOf(account, product, session);
  }

  return {
    getAccountSettings: reload,

    /** Opts in to or out of the contact search; not security-relevant, so no re-authentication. */
    async setContactVisibility(token: string | undefined, visible: boolean): Promise<AccountSettings> {
      const { account } = await signIn.requireSession(token);
      await store.setVisible(account.accountId, visible);
      await audit(account, 'account.visibility', visible ? 'visible' : 'hidden');
      return reload(token);
    },

    /** Sends a code to the number that is to become the SMS factor; the registration's rules for numbers, codes and resends. */
    async sendSecondFactorSmsCode(token: string | undefined, input: { phone: string; locale: string }): Promise<CodeSentResult> {
      const locale = checkLocale(input.locale);
      const { account, product } = await recentlySignedIn(token);
      const step = smsRules(product);
      if (!e164Pattern.test(input.phone)) throw new PforteError('phone.invalid', { field: 'phone' });
      checkSmsPhone(step, await classifyPhoneNumber(input.phone));
      const at = now();
      const pending = await store.loadPhoneChange(account.accountId);
      checkResend(pending?.resendAt, at);
      const code = random.digits(step.codeLength);
      const issued = issueCode(at, step.resendSeconds, limits.codeTtlSeconds);
      const about = { product: product.config.product, locale, host: webOtpHost(context.origin) };
      const message: OutgoingMessage = {
        channel: 'sms',
        to: input.phone,
        text: messageTexts.smsCode(code, about),
        code,
        flowId: `account:${account.accountId}`,
        sentAt: at,
      };
      await store.countSend(message, step.resendSeconds);
      await store.savePhoneChange(account.accountId, { phone: input.phone, code: issued.code, resendAt: issued.resendAvailableAt }, code);
      await store.send(message);
      return { resendAvailableAt: issued.resendAvailableAt, expiresAt: issued.expiresAt, now: at, codeLength: step.codeLength };
    },

    /** Checks the code; the number becomes the account's second factor. */
    async verifySecondFactorSmsCode(token: string | undefined, code: string): Promise<AccountSettings> {
      const { account } = await recentlySignedIn(token);
      const pending = await store.loadPhoneChange(account.accountId);
      const matches = pending !== undefined && (await store.phoneChangeCodeMatches(account.accountId, code));
      const verdict = verifyCode(pending?.code, matches, now(), limits.maxCodeAttempts);
      await store.savePhoneChange(account.accountId, { ...pending!, code: verdict.code });
      if (verdict.error) throw verdict.error;
      await store.setSecondFactor(account.accountId, 'sms', pending!.phone);
      await store.deletePhoneChange(account.accountId);
      await audit(account, 'account.second_factor', 'sms');
      return reload(token);
    },

    /** Switches to no second factor or to e-mail codes, where the product offers it. */
    async setSecondFactor(token: string | undefined, method: string): Promise<AccountSettings> {
      const { account, product } = await recentlySignedIn(token);
      if ((method !== 'none' && method !== 'email') || !secondFactorChoices(product).includes(method)) {
        throw new PforteError('input.invalid', { field: 'method' });
      }
      if (method === 'email' && emailOf(account) === undefined) throw new PforteError('profile.invalid', { field: 'email' });
      await store.setSecondFactor(account.accountId, method, undefined);
      await store.deletePhoneChange(account.accountId);
      await audit(account, 'account.second_factor', method);
      return reload(token);
    },

    /** The cheap checks of a new password: the policy, the sign-in's lock; the hash both passwords are checked against. */
    precheckPasswordChange: (token: string | undefined, password: string) => signIn.precheckAccountPasswordChange(token, password),

    /**
     * Sets the new password once the current one matched: every other
     * session ends, the person goes on in a new one (its token for the
     * backend to keep), and the change is audited.
     */
    async finishPasswordChange(
      token: string | undefined,
      currentMatches: boolean,
      passwordHash: string,
      sameAsOld: boolean,
    ): Promise<{ result: AccountPasswordResult; sessionToken?: string }> {
      const outcome = await signIn.finishAccountPasswordChange(token, currentMatches, passwordHash, sameAsOld);
      if (outcome.result.status !== 'confirmed') return { result: outcome.result };
      const at = now();
      await store.recordAudit({ at, actorId: outcome.accountId, action: 'account.password', subjectId: outcome.accountId });
      return {
        result: { status: 'changed' as const, settings: await reload(outcome.sessionToken) },
        ...(outcome.sessionToken === undefined ? {} : { sessionToken: outcome.sessionToken }),
      };
    },

    /** The checks before a new service PIN is made and hashed: the session, the re-authentication, the product's PIN; returns its length. */
    async precheckServicePin(token: string | undefined): Promise<number> {
      const { product } = await recentlySignedIn(token);
      const pin = productStep(product, 'pin');
      if (pin?.mode !== 'generated') throw new PforteError('step.unavailable');
      return pin.length;
    },

    /** Stores the new service PIN's hash; the old PIN stops working. */
    async renewServicePin(token: string | undefined, pinHash: string): Promise<void> {
      const { account } = await recentlySignedIn(token);
      await store.setPinHash(account.accountId, pinHash);
      await audit(account, 'account.service_pin');
    },

    /**
     * The support's check of a service PIN (the person calls and names it):
     * the account's PIN hash to verify against, after counting the check;
     * more than {@link servicePinChecksPerHour} per account and hour are
     * 'rate_limited'. `null` when the account has no PIN (or does not exist).
     */
    async precheckServicePinCheck(input: { product?: string | undefined; username: string }): Promise<string | null> {
      const product = options.catalog.resolve(input.product);
      const key = await usernameKey(prepareUsername(input.username));
      const account = await store.findAccount(key);
      const limit: AttemptLimit = { bucket: `service-pin:${key}`, max: servicePinChecksPerHour, windowSeconds: 60 * 60 };
      const at = now();
      checkAttempts(limit, await store.recentAttempts(limit.bucket, windowStart(limit, at)), at);
      await store.recordAttempt(limit.bucket, at);
      if (!account || account.product !== product.id) return null;
      return store.pinHashOf(account.accountId);
    },
  };
}

/** The actions of {@link createAccountSettingsActions}. */
export type AccountSettingsActions = ReturnType<typeof createAccountSettingsActions>;

function emailOf(account: StoredAccount): string | undefined {
  return account.email ?? (isEmailAddress(account.username) ? account.username : undefined);
}
