import * as z from 'zod/mini';
import { backendDefaults } from '@pforte/core/rules';
import { conformanceProducts, type ConformanceProduct } from './products.js';
import {
  PforteError,
  codeSentResultSchema,
  completeResultSchema,
  credentialsResultSchema,
  emailConfirmedResultSchema,
  emailSentResultSchema,
  evaluatePassword,
  invitationDetailsSchema,
  isTrivialPin,
  issuePinResultSchema,
  joinOrganizationResultSchema,
  parseConfig,
  smsSentResultSchema,
  startResultSchema,
  type PasswordPolicy,
  type PforteAdapter,
  type PforteSignInAdapter,
  type PforteAccountAdapter,
  organizationAnswerSchema,
  organizationChangedSchema,
  accountSettingsAnswerSchema,
  accountPasswordResultSchema,
  reauthResultSchema,
  resetRequestedResultSchema,
  guestInvitationInfoSchema,
  guestSessionResultSchema,
  resolveSignIn,
  sessionResultSchema,
  signInResultSchema,
  type SignInResult,
} from '@pforte/core';

export { conformanceProducts, type ConformanceProduct } from './products.js';

/**
 * What the kit needs to know about (and may do to) the backend under test.
 * The backend serves {@link conformanceProducts}; every limit the kit checks
 * comes from those configs and from `backendDefaults` of `@pforte/core/rules`.
 */
export interface ConformanceOptions {
  /**
   * The latest SMS code sent to `phone` in flow `flowId` (an outbox, a test
   * SMS gateway…); a code to a number that is to become an account's second
   * factor has the flow id `account:<accountId>`.
   */
  readSmsCode(phone: string, flowId: string): Promise<string | undefined> | string | undefined;
  /** Moves the backend's clock forward; without it the expiry checks look at deadlines only. */
  advanceTime?(ms: number): Promise<void> | void;
  /** Prefix of usernames, to keep runs apart on a shared database (default: random). */
  namespace?: string;
  /**
   * The latest e-mail to `to` in flow `flowId` (any flow when none is given,
   * e.g. a password reset): its link and/or code. Without it the e-mail link,
   * e-mail code and password reset checks are skipped.
   */
  readEmail?(to: string, flowId?: string): Promise<EmailRead | undefined> | EmailRead | undefined;
  /**
   * Creates an account for someone with an initial password (the admin API).
   * Without it the forced-change check is skipped.
   */
  createAccount?(input: { product: string; username: string; password: string }): Promise<unknown> | unknown;
  /**
   * Invites a guest (the admin API): e-mails a link to `returnUrl` with the
   * invitation in its fragment and the one-time code. Without it the guest
   * access checks are skipped.
   */
  inviteGuest?(input: { product: string; email: string; returnUrl: string }): Promise<unknown> | unknown;
  /**
   * Creates an account by invitation (the admin API): no password; an e-mailed
   * link lets the person set one. Without it the account invitation check is skipped.
   */
  inviteAccount?(input: { product: string; username: string; returnUrl: string }): Promise<unknown> | unknown;
  /** Adds a registration link on the backend; returns its token. Without it the invitation check is skipped. */
  createInvitation?(details: { email?: string; createdAt?: number; validityDays?: number }): Promise<string> | string;
  /** Adds a customer on file. Without it the customer lookup check is skipped. */
  addCustomer?(customer: { customerNumber: string; email: string; name?: string }): Promise<void> | void;
  /** Adds an organization with `members` members. Without it the organization check is skipped. */
  addOrganization?(organization: { name: string; customerNumber: string; postalCode: string; members: number }): Promise<void> | void;
  /**
   * The support's check of a service PIN (the admin API): whether `pin` is
   * the account's. Without it the check that an old PIN stops working is
   * skipped.
   */
  checkServicePin?(input: { product: string; username: string; pin: string }): Promise<boolean> | boolean;
  /** A captcha token the backend accepts once (default: the built-in test provider's `pforte-test-captcha:<nonce>`). */
  captchaToken?(): string;
}

/** What the kit reads from an e-mail. */
export interface EmailRead {
  link?: string;
  code?: string;
}

/** The outcome of one check. */
export interface ConformanceResult {
  name: string;
  ok: boolean;
  skipped?: boolean;
  /** Why it failed or was skipped. */
  message?: string;
}

/**
 * Something to call per check for a fresh adapter (it may share a backend).
 * An adapter that also implements the sign-in contract is held to its rules;
 * without it the sign-in checks are skipped.
 */
export type AdapterFactory = () => PforteAdapter | (PforteAdapter & PforteSignInAdapter) | Promise<PforteAdapter | (PforteAdapter & PforteSignInAdapter)>;

class CheckFailed extends Error {}
class CheckSkipped extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

async function expectCode(promise: Promise<unknown>, codes: string | string[], what: string): Promise<PforteError> {
  const wanted = Array.isArray(codes) ? codes : [codes];
  try {
    await promise;
  } catch (error) {
    check(error instanceof PforteError, `${what}: expected a PforteError, got ${String(error)}`);
    check(wanted.includes(error.code), `${what}: expected ${wanted.join(' or ')}, got '${error.code}'`);
    return error;
  }
  throw new CheckFailed(`${what}: expected ${wanted.join(' or ')}, but it succeeded`);
}

function shape<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(schema, value);
  check(parsed.success, `${what}: the result does not match the contract's schema`);
  return parsed.data;
}

/** Lengths of a policy: the strictest min and max length rules. */
function lengthsOf(policy: PasswordPolicy): { min: number; max: number | undefined } {
  const values = (kind: 'minLength' | 'maxLength') =>
    policy.rules.flatMap((rule) => (rule.kind === kind ? [rule.value] : []));
  const maxes = values('maxLength');
  return { min: Math.max(1, ...values('minLength')), max: maxes.length > 0 ? Math.min(...maxes) : undefined };
}

/**
 * A password of exactly `length` code points that meets every character-class
 * rule and contains no common word: mixes letters, digits, a symbol, an
 * umlaut, a space and (from 8 code points on) an emoji.
 */
function passwordOfLength(length: number, seed: string): string {
  const base = [...`Qx7ü #${seed}🔑Zr9ßkV2mW-`];
  const chars: string[] = [];
  for (let i = 0; chars.length < length; i++) chars.push(base[i % base.length]!);
  return chars.join('');
}

interface Check {
  name: string;
  run(context: Context): Promise<void>;
}

interface Context {
  adapter: PforteAdapter;
  /** The adapter's sign-in half; skips the check when it has none. */
  signIn(): PforteAdapter & PforteSignInAdapter;
  /** The adapter's account half (with sign-in); skips the check when it has none. */
  account(): PforteAdapter & PforteSignInAdapter & PforteAccountAdapter;
  /**
   * A completed registration in an organization product that registers a new
   * organization (`customerNumber`, postal code 10115) or asks to join one.
   */
  inOrganization(product: ConformanceProduct, mode: 'register' | 'join', customerNumber: string): Promise<{ username: string; password: string; accountId: string }>;
  /**
   * A person registered in conformance-settings (PIN issued and confirmed,
   * the SMS factor and the visibility put off) and signed in.
   */
  settingsAccount(): Promise<{ username: string; password: string; accountId: string; pin: string }>;
  /** A completed registration in `product` (default conformance-basic): its username and password. */
  registered(product?: ConformanceProduct): Promise<{ username: string; password: string }>;
  options: ConformanceOptions;
  policy: PasswordPolicy;
  /** A username not used before in this run. */
  username(): string;
  /** A phone number not used before in this run. */
  phone(): string;
  /** A short token unique to this run and call (customer numbers, nonces). */
  unique(): string;
  /** A fresh flow of `product`. */
  start(product: ConformanceProduct): Promise<{ flowId: string; now: number }>;
  /** A fresh flow of `product` (default: conformance-basic) with accepted credentials. */
  flowWithAccount(product?: ConformanceProduct): Promise<string>;
  /** A fresh flow with accepted credentials for the username `name` (an e-mail address gives the flow its address). */
  flowWithAccountAs(name: string, product?: ConformanceProduct): Promise<string>;
  code(phone: string, flowId: string): Promise<string>;
}

const checks: Check[] = [
  {
    name: 'results match the contract schemas',
    async run({ adapter, username, phone, code, policy }) {
      const started = shape(startResultSchema, await adapter.startRegistration({ locale: 'de', product: 'conformance-pin' }), 'startRegistration');
      check(started.expiresAt > started.now, 'startRegistration: expiresAt after now');
      const { flowId } = started;
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'a');
      const credentials = shape(
        credentialsResultSchema,
        await adapter.submitCredentials({ flowId, username: name, password }),
        'submitCredentials',
      );
      check(credentials.username === name, 'submitCredentials: returns the username');
      shape(issuePinResultSchema, await adapter.issuePin({ flowId, length: 12 }), 'issuePin');
      await adapter.confirmPinSaved({ flowId });
      const number = phone();
      const sent = shape(smsSentResultSchema, await adapter.sendSmsCode({ flowId, phone: number }), 'sendSmsCode');
      check(sent.resendAvailableAt > sent.now, 'sendSmsCode: resendAvailableAt after now');
      check(sent.expiresAt > sent.now, 'sendSmsCode: expiresAt after now');
      const smsCode = await code(number, flowId);
      check(new RegExp(`^\\d{${sent.codeLength}}$`).test(smsCode), `the SMS code has codeLength (${sent.codeLength}) digits`);
      await adapter.verifySmsCode({ flowId, code: smsCode });
      await adapter.setVisibility({ flowId, visible: true });
      const done = shape(completeResultSchema, await adapter.complete({ flowId }), 'complete');
      check(done.username === name, 'complete: the username');
      check(done.visible === true, 'complete: visible as set');
      check(done.secondFactor === 'sms', "complete: secondFactor 'sms' after a verified code");
    },
  },
  {
    name: 'the published password policy is the enforced one (min−1, min, max, max+1, 64, emoji, spaces)',
    async run({ adapter, username, policy }) {
      const { min, max } = lengthsOf(policy);
      const attempt = async (password: string) => {
        const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'conformance-basic' });
        const name = username();
        try {
          await adapter.submitCredentials({ flowId, username: name, password });
          return 'accepted';
        } catch (error) {
          if (error instanceof PforteError) return error.code;
          throw error;
        }
      };
      const cases: Array<[string, string]> = [];
      if (min > 1) cases.push([`min−1 (${min - 1})`, passwordOfLength(min - 1, 'b')]);
      cases.push([`min (${min})`, passwordOfLength(min, 'c')]);
      if (max !== undefined) {
        cases.push([`max (${max})`, passwordOfLength(max, 'd')]);
        cases.push([`max+1 (${max + 1})`, passwordOfLength(max + 1, 'e')]);
      }
      cases.push(['64 characters', passwordOfLength(64, 'f')]);
      cases.push(['emoji only, counted as code points', '🔑🦊🌻🐝🍀🎈🧩🪁🌈🦉🐙🍉'.slice(0, 2 * Math.max(min, 8))]);
      cases.push(['spaces inside and around', `  ${passwordOfLength(Math.max(min, 12), 'g')}  `]);
      for (const [label, password] of cases) {
        const published = evaluatePassword(policy, password, {}).ok;
        const outcome = await attempt(password);
        if (published) check(outcome === 'accepted', `${label}: the policy allows it, the backend answered '${outcome}'`);
        else {
          check(
            outcome === 'password.too_short' || outcome === 'password.rejected',
            `${label}: the policy rejects it, the backend answered '${outcome}'`,
          );
        }
      }
    },
  },
  {
    name: 'a resend before the deadline is rate_limited with a positive retry',
    async run({ adapter, flowWithAccount, phone }) {
      const flowId = await flowWithAccount();
      const number = phone();
      const sent = await adapter.sendSmsCode({ flowId, phone: number });
      const error = await expectCode(adapter.sendSmsCode({ flowId, phone: number }), 'rate_limited', 'second send');
      check((error.retryAfterSeconds ?? 0) > 0, 'retryAfterSeconds > 0');
      if (error.resendAvailableAt !== undefined) {
        check(error.resendAvailableAt === sent.resendAvailableAt, 'the same deadline as the first answer');
        check(error.now === undefined || error.resendAvailableAt > error.now, 'resendAvailableAt after now');
      }
    },
  },
  {
    name: 'N wrong codes kill the code',
    async run({ adapter, flowWithAccount, phone, code }) {
      const flowId = await flowWithAccount();
      const number = phone();
      await adapter.sendSmsCode({ flowId, phone: number });
      const right = await code(number, flowId);
      const wrong = right.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      const limit = backendDefaults.maxCodeAttempts;
      let previous = Infinity;
      for (let i = 1; i < limit; i++) {
        const error = await expectCode(adapter.verifySmsCode({ flowId, code: wrong }), 'code.invalid', `wrong try ${i}`);
        if (error.attemptsRemaining !== undefined) {
          check(error.attemptsRemaining < previous, 'attemptsRemaining decreases');
          check(error.attemptsRemaining === limit - i, `attemptsRemaining ${limit - i} after ${i} wrong tries`);
          previous = error.attemptsRemaining;
        }
      }
      await expectCode(adapter.verifySmsCode({ flowId, code: wrong }), 'code.max_attempts', `wrong try ${limit}`);
      await expectCode(adapter.verifySmsCode({ flowId, code: right }), 'code.max_attempts', 'the right code after that');
    },
  },
  {
    name: 'codes are single use and bound to their flow',
    async run({ adapter, flowWithAccount, phone, code }) {
      const first = await flowWithAccount();
      const second = await flowWithAccount();
      const firstPhone = phone();
      const secondPhone = phone();
      await adapter.sendSmsCode({ flowId: first, phone: firstPhone });
      await adapter.sendSmsCode({ flowId: second, phone: secondPhone });
      const firstCode = await code(firstPhone, first);
      const secondCode = await code(secondPhone, second);
      if (firstCode !== secondCode) {
        await expectCode(adapter.verifySmsCode({ flowId: second, code: firstCode }), 'code.invalid', "another flow's code");
      }
      await adapter.verifySmsCode({ flowId: first, code: firstCode });
      await expectCode(adapter.verifySmsCode({ flowId: first, code: firstCode }), 'code.expired', 'the same code again');
      await adapter.verifySmsCode({ flowId: second, code: secondCode });
    },
  },
  {
    name: 'codes expire within 10 minutes',
    async run({ adapter, flowWithAccount, phone, code, options }) {
      const flowId = await flowWithAccount();
      const number = phone();
      const sent = await adapter.sendSmsCode({ flowId, phone: number });
      check(sent.expiresAt - sent.now <= 10 * 60 * 1000, `valid for ${(sent.expiresAt - sent.now) / 1000} s, at most 600`);
      if (!options.advanceTime) throw new CheckSkipped('deadline checked; no clock to move past it');
      const right = await code(number, flowId);
      await options.advanceTime(sent.expiresAt - sent.now);
      await expectCode(adapter.verifySmsCode({ flowId, code: right }), 'code.expired', 'the code at its deadline');
    },
  },
  {
    name: 'the throttle opens at the deadline',
    async run({ adapter, flowWithAccount, phone, options }) {
      if (!options.advanceTime) throw new CheckSkipped('no clock to move');
      const flowId = await flowWithAccount();
      const number = phone();
      const sent = await adapter.sendSmsCode({ flowId, phone: number });
      await options.advanceTime(sent.resendAvailableAt - sent.now - 1000);
      await expectCode(adapter.sendSmsCode({ flowId, phone: number }), 'rate_limited', 'a second before the deadline');
      await options.advanceTime(1000);
      shape(smsSentResultSchema, await adapter.sendSmsCode({ flowId, phone: number }), 'a send at the deadline');
    },
  },
  {
    name: 'complete before the required steps is step.required',
    async run({ adapter, start }) {
      const { flowId } = await start('conformance-pin');
      await expectCode(adapter.complete({ flowId }), 'step.required', 'complete without credentials');
      await expectCode(adapter.issuePin({ flowId, length: 12 }), 'step.required', 'a PIN without credentials');
    },
  },
  {
    name: 'a skipped optional step is accepted and reported',
    async run({ adapter, flowWithAccount }) {
      const step = 'sms';
      const flowId = await flowWithAccount();
      await adapter.skipStep({ flowId, step });
      await expectCode(adapter.skipStep({ flowId, step: 'credentials' }), 'step.required', 'skipping credentials');
      const done = await adapter.complete({ flowId });
      check(done.skipped.includes(step), `skipped lists '${step}'`);
    },
  },
  {
    name: 'a PIN is returned once: a new one replaces it and must be confirmed again',
    async run({ adapter, flowWithAccount }) {
      const flowId = await flowWithAccount('conformance-pin');
      const { pin } = await adapter.issuePin({ flowId, length: 12 });
      check(/^\d{12}$/.test(pin) && !isTrivialPin(pin), 'a random 12-digit PIN');
      await adapter.confirmPinSaved({ flowId });
      const second = await adapter.issuePin({ flowId, length: 12 });
      check(second.pin !== pin, 'a fresh PIN, never the earlier one again');
      await expectCode(adapter.complete({ flowId }), 'step.required', 'complete before the new PIN is confirmed');
      await adapter.confirmPinSaved({ flowId });
      const done = await adapter.complete({ flowId });
      check(!JSON.stringify(done).includes(second.pin), 'the PIN is not in the complete result');
    },
  },
  {
    name: 'a chosen trivial PIN is refused',
    async run({ adapter, flowWithAccount }) {
      const flowId = await flowWithAccount('conformance-chosen-pin');
      await expectCode(adapter.setPin({ flowId, pin: '123456' }), 'pin.trivial', '123456');
      await expectCode(adapter.setPin({ flowId, pin: '12' }), 'pin.invalid', 'two digits');
      await adapter.setPin({ flowId, pin: '495027' });
    },
  },
  {
    name: 'visibility defaults to off',
    async run({ adapter, flowWithAccount }) {
      const flowId = await flowWithAccount();
      const done = await adapter.complete({ flowId });
      check(done.visible === false, 'visible is false without an opt-in');
      check(done.secondFactor === 'none', "secondFactor 'none' without a verified code");
    },
  },
  {
    name: 'double submits are idempotent: one account, the flow closed',
    async run({ adapter, start, flowWithAccount, username, policy }) {
      const flowId = await flowWithAccount();
      await Promise.all([adapter.setVisibility({ flowId, visible: true }), adapter.setVisibility({ flowId, visible: true })]);
      await Promise.all([adapter.skipStep({ flowId, step: 'sms' }), adapter.skipStep({ flowId, step: 'sms' })]);
      const outcomes = await Promise.allSettled([adapter.complete({ flowId }), adapter.complete({ flowId })]);
      const done = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      check(done.length >= 1, 'one complete succeeds');
      check(new Set(done.map((result) => result.accountId)).size === 1, 'one account only');
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          const code = outcome.reason instanceof PforteError ? outcome.reason.code : String(outcome.reason);
          check(code === 'link.used', `the other complete is 'link.used', got '${code}'`);
        }
      }
      await expectCode(adapter.complete({ flowId }), 'link.used', 'complete after completion');
      // The same credentials twice in one flow: both accepted, no conflict with itself.
      const next = await start('conformance-basic');
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'h');
      await adapter.submitCredentials({ flowId: next.flowId, username: name, password });
      await adapter.submitCredentials({ flowId: next.flowId, username: name, password });
      // …but the name is taken for every other flow.
      const other = await start('conformance-basic');
      await expectCode(
        adapter.submitCredentials({ flowId: other.flowId, username: name.toUpperCase(), password }),
        'identifier.unavailable',
        'the same name (other case) in another flow',
      );
    },
  },
  {
    name: 'unknown flows are flow.unknown',
    async run({ adapter }) {
      await expectCode(adapter.complete({ flowId: 'flow_does-not-exist' }), 'flow.unknown', 'complete');
      await expectCode(adapter.sendSmsCode({ flowId: 'flow_does-not-exist', phone: '+4915100000000' }), 'flow.unknown', 'send');
    },
  },
  {
    name: 'invitations: valid once, expired with validityDays, unknown is link.invalid',
    async run({ adapter, start, options, username, policy, unique }) {
      if (!options.createInvitation) throw new CheckSkipped('no createInvitation hook');
      const started = await start('conformance-invitation');
      const email = `invited-${unique()}@example.org`;
      const token = await options.createInvitation({ email, validityDays: 14 });
      const details = shape(invitationDetailsSchema, await adapter.openInvitation({ flowId: started.flowId, token }), 'openInvitation');
      check(details.email === email, 'openInvitation: the invited address');
      check(details.validUntil > started.now, 'openInvitation: validUntil in the future');
      await expectCode(adapter.openInvitation({ flowId: started.flowId, token: `${token}x` }), 'link.invalid', 'an unknown token');
      const expired = await options.createInvitation({ createdAt: started.now - 15 * 24 * 3600_000, validityDays: 14 });
      const error = await expectCode(adapter.openInvitation({ flowId: started.flowId, token: expired }), 'link.expired', 'a 15-day-old 14-day link');
      check(error.validityDays === 14, `link.expired carries validityDays 14, got ${String(error.validityDays)}`);
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'j');
      await adapter.submitCredentials({ flowId: started.flowId, username: username(), password });
      await adapter.complete({ flowId: started.flowId });
      const again = await start('conformance-invitation');
      await expectCode(adapter.openInvitation({ flowId: again.flowId, token }), 'link.used', 'the link after a completed registration');
    },
  },
  {
    name: 'customer.mismatch never reveals which field was wrong',
    async run({ adapter, start, options, unique }) {
      if (!options.addCustomer) throw new CheckSkipped('no addCustomer hook');
      const customerNumber = `K${unique()}`;
      const email = `Kunde-${unique()}@Example.org`;
      await options.addCustomer({ customerNumber, email, name: 'Praxis Conformance' });
      const { flowId } = await start('conformance-lookup');
      const wrongNumber = await expectCode(
        adapter.lookupCustomer({ flowId, customerNumber: `${customerNumber}9`, email }),
        'customer.mismatch',
        'a wrong customer number',
      );
      const wrongEmail = await expectCode(
        adapter.lookupCustomer({ flowId, customerNumber, email: `x${email}` }),
        'customer.mismatch',
        'a wrong e-mail address',
      );
      for (const error of [wrongNumber, wrongEmail]) check(error.field === undefined, 'customer.mismatch names no field');
      check(wrongNumber.serverMessage === wrongEmail.serverMessage, 'the same message for either mistake');
      const found = await adapter.lookupCustomer({ flowId, customerNumber, email: email.toLowerCase() });
      check(typeof found === 'object' && found !== null, 'the e-mail address compares case-insensitively');
    },
  },
  {
    name: 'captcha tokens work once',
    async run({ adapter, start, options, unique }) {
      const token = options.captchaToken?.() ?? `pforte-test-captcha:${unique()}`;
      const { flowId } = await start('conformance-captcha');
      await expectCode(adapter.verifyCaptcha({ flowId, token: 'not-a-captcha-token' }), 'captcha.invalid', 'a made-up token');
      await adapter.verifyCaptcha({ flowId, token });
      await expectCode(adapter.verifyCaptcha({ flowId, token }), 'captcha.invalid', 'the same token again');
    },
  },
  {
    name: 'e-mail links are single use, bound to their flow, and confirm the address',
    async run({ adapter, options, flowWithAccountAs, unique }) {
      if (!options.readEmail) throw new CheckSkipped('no readEmail hook');
      const email = `link-${unique()}@example.org`;
      const flowId = await flowWithAccountAs(email, 'conformance-email');
      const returnUrl = 'https://conformance.example/signup?x=1';
      const sent = shape(emailSentResultSchema, await adapter.sendVerificationEmail({ flowId, returnUrl }), 'sendVerificationEmail');
      check(sent.email.toLowerCase() === email, 'sent to the flow\'s address');
      check(sent.expiresAt > sent.now && sent.resendAvailableAt > sent.now, 'deadlines after now');
      await expectCode(adapter.sendVerificationEmail({ flowId, returnUrl }), 'rate_limited', 'a resend before the deadline');
      const link = (await options.readEmail(email, flowId))?.link;
      check(link !== undefined, 'an e-mail with a link');
      check(link.startsWith(`${returnUrl}#pforte-email-token=`), 'the link is the return URL with the token in the fragment');
      const token = decodeURIComponent(link.slice(link.indexOf('#pforte-email-token=') + '#pforte-email-token='.length));
      check(token.length >= 22, 'a long random token');
      await expectCode(adapter.confirmEmail({ token: `${token}x` }), 'link.invalid', 'an unknown token');
      const confirmed = shape(emailConfirmedResultSchema, await adapter.confirmEmail({ token }), 'confirmEmail');
      check(confirmed.flowId === flowId, 'confirmEmail returns the flow');
      check(confirmed.completedSteps.includes('credentials'), 'completedSteps lists credentials');
      check(confirmed.completedSteps.includes('emailVerification'), 'completedSteps lists emailVerification');
      await expectCode(adapter.confirmEmail({ token }), 'link.used', 'the same link again');
      const done = await adapter.complete({ flowId });
      check(done.emailVerified, 'complete: emailVerified');
    },
  },
  {
    name: 'organization.full at the maximum; organization.not_found names no field',
    async run({ adapter, options, flowWithAccount, unique }) {
      if (!options.addOrganization) throw new CheckSkipped('no addOrganization hook');
      const max = 5;
      const customerNumber = `P${unique()}`;
      await options.addOrganization({ name: 'Praxis Conformance', customerNumber, postalCode: '10115', members: max - 1 });
      const first = await flowWithAccount('conformance-organization');
      const missing = await expectCode(
        adapter.joinOrganization({ flowId: first, customerNumber, postalCode: '10117' }),
        'organization.not_found',
        'a wrong postal code',
      );
      check(missing.field === undefined, 'organization.not_found names no field');
      shape(
        joinOrganizationResultSchema,
        await adapter.joinOrganization({ flowId: first, customerNumber, postalCode: '10115' }),
        'joinOrganization',
      );
      const done = await adapter.complete({ flowId: first });
      check(done.organization?.status === 'pending', "complete: the membership is 'pending'");
      const second = await flowWithAccount('conformance-organization');
      await expectCode(
        adapter.joinOrganization({ flowId: second, customerNumber, postalCode: '10115' }),
        'organization.full',
        `a join beyond ${max} members and requests`,
      );
    },
  },
  {
    name: 'complete() follows the chosen second factor',
    async run({ adapter, options, flowWithAccount, flowWithAccountAs, phone, code, unique }) {
      const bySms = await flowWithAccount('conformance-choice');
      await adapter.chooseSecondFactor({ flowId: bySms, method: 'sms' });
      await expectCode(adapter.complete({ flowId: bySms }), 'step.required', "complete with 'sms' chosen and no code");
      const number = phone();
      await adapter.sendSmsCode({ flowId: bySms, phone: number });
      await adapter.verifySmsCode({ flowId: bySms, code: await code(number, bySms) });
      check((await adapter.complete({ flowId: bySms })).secondFactor === 'sms', "secondFactor 'sms'");

      const byNone = await flowWithAccount('conformance-choice');
      const other = phone();
      await adapter.sendSmsCode({ flowId: byNone, phone: other });
      await adapter.verifySmsCode({ flowId: byNone, code: await code(other, byNone) });
      await adapter.chooseSecondFactor({ flowId: byNone, method: 'none' });
      check((await adapter.complete({ flowId: byNone })).secondFactor === 'none', "the choice 'none' wins over a verified SMS");

      if (!options.readEmail) return;
      const email = `code-${unique()}@example.org`;
      const byEmail = await flowWithAccountAs(email, 'conformance-choice');
      await adapter.chooseSecondFactor({ flowId: byEmail, method: 'email' });
      await expectCode(adapter.complete({ flowId: byEmail }), 'step.required', "complete with 'email' chosen and no code");
      const sent = shape(codeSentResultSchema, await adapter.sendEmailCode({ flowId: byEmail }), 'sendEmailCode');
      const emailCode = (await options.readEmail(email, byEmail))?.code;
      check(emailCode !== undefined && new RegExp(`^\\d{${sent.codeLength}}$`).test(emailCode), 'an e-mail code of codeLength digits');
      await adapter.verifyEmailCode({ flowId: byEmail, code: emailCode });
      await expectCode(adapter.verifyEmailCode({ flowId: byEmail, code: emailCode }), 'code.expired', 'the e-mail code again');
      check((await adapter.complete({ flowId: byEmail })).secondFactor === 'email', "secondFactor 'email'");
    },
  },
  {
    name: 'attack: a required second factor cannot be skipped, chosen away or left out',
    async run({ adapter, flowWithAccount }) {
      const flowId = await flowWithAccount('conformance-sms-required');
      await expectCode(adapter.chooseSecondFactor({ flowId, method: 'none' }), 'step.unavailable', "choosing 'none' without a choice step");
      await expectCode(adapter.skipStep({ flowId, step: 'sms' }), 'step.required', 'putting off a required SMS step');
      await expectCode(adapter.complete({ flowId }), 'step.required', 'complete without the SMS code');
      const choice = await flowWithAccount('conformance-choice-required');
      await expectCode(adapter.chooseSecondFactor({ flowId: choice, method: 'none' }), 'input.invalid', "'none' where only sms and email are offered");
      await expectCode(adapter.complete({ flowId: choice }), 'step.required', 'complete without a choice');
      await adapter.chooseSecondFactor({ flowId: choice, method: 'email' });
      await expectCode(adapter.skipStep({ flowId: choice, step: 'emailCode' }), 'step.required', 'putting off the chosen e-mail code');
      await expectCode(adapter.complete({ flowId: choice }), 'step.required', 'complete without the chosen code');
    },
  },
  {
    name: "attack: actions of steps the product does not have are step.unavailable",
    async run({ adapter, flowWithAccount, phone }) {
      const flowId = await flowWithAccount('conformance-basic');
      const refused = (what: string, promise: Promise<unknown>) => expectCode(promise, 'step.unavailable', what);
      await refused('profile', adapter.submitProfile({ flowId, profile: { email: 'victim@example.org' } }));
      await refused('e-mail link', adapter.sendVerificationEmail({ flowId, returnUrl: 'https://evil.example/x' }));
      await refused('terms', adapter.acceptTerms({ flowId, acceptedAt: Date.now() }));
      await refused('invitation', adapter.openInvitation({ flowId, token: 'any' }));
      await refused('customer lookup', adapter.lookupCustomer({ flowId, customerNumber: '1', email: 'a@example.org' }));
      await refused('PIN', adapter.issuePin({ flowId, length: 6 }));
      await refused('e-mail code', adapter.sendEmailCode({ flowId }));
      await refused('organization', adapter.registerOrganization({ flowId, name: 'Praxis', postalCode: '10115' }));
      const chosenPin = await flowWithAccount('conformance-chosen-pin');
      await refused('SMS', adapter.sendSmsCode({ flowId: chosenPin, phone: phone() }));
      await refused('a generated PIN where the person chooses it', adapter.issuePin({ flowId: chosenPin, length: 6 }));
    },
  },
  {
    name: "attack: inputs are checked against the product (PIN length, profile fields, terms, return URL)",
    async run({ adapter, start, flowWithAccount, flowWithAccountAs, unique }) {
      // The backend's clock, which may differ from this one.
      const { now } = await start('conformance-terms');
      const pin = await flowWithAccount('conformance-pin');
      await expectCode(adapter.issuePin({ flowId: pin, length: 4 }), 'pin.invalid', "a PIN shorter than the product's");
      const chosen = await flowWithAccount('conformance-chosen-pin');
      await expectCode(adapter.setPin({ flowId: chosen, pin: '49502718' }), 'pin.invalid', "a chosen PIN longer than the product's");
      const profile = await flowWithAccount('conformance-profile');
      const notAsked = await expectCode(
        adapter.submitProfile({ flowId: profile, profile: { firstName: 'Eva', lastName: 'Berg', email: 'victim@example.org' } }),
        'profile.invalid',
        'an e-mail address the profile does not ask for',
      );
      check(notAsked.field === 'email', 'the field is named');
      await expectCode(adapter.submitProfile({ flowId: profile, profile: { firstName: 'Eva' } }), 'profile.invalid', 'a required field left out');
      const terms = await flowWithAccount('conformance-terms');
      for (const acceptedAt of [1e19, -1, 1.5, Number.NaN]) {
        await expectCode(adapter.acceptTerms({ flowId: terms, acceptedAt, version: '2026-01' }), 'input.invalid', `acceptedAt ${acceptedAt}`);
      }
      await expectCode(adapter.acceptTerms({ flowId: terms, acceptedAt: now, version: '2025-01' }), 'terms.required', 'another version');
      await adapter.acceptTerms({ flowId: terms, acceptedAt: now, version: '2026-01' });
      const email = await flowWithAccountAs(`origin-${unique()}@example.org`, 'conformance-email');
      for (const returnUrl of ['https://evil.example/signup', 'javascript:alert(1)', 'https://user@conformance.example/', 'not a url']) {
        const error = await expectCode(adapter.sendVerificationEmail({ flowId: email, returnUrl }), 'link.invalid', returnUrl);
        check(error.field === 'returnUrl', 'the field is named');
      }
    },
  },
  {
    name: 'attack: SMS go to mobile numbers only (no landline, premium-rate or short numbers)',
    async run({ adapter, flowWithAccount }) {
      const flowId = await flowWithAccount('conformance-basic');
      for (const number of ['+4930123456', '+499001234567', '+498001234567', '+1234567', '+4911833', '+491511234567']) {
        const error = await expectCode(adapter.sendSmsCode({ flowId, phone: number }), 'phone.invalid', number);
        check(error.field === 'phone', 'the field is named');
      }
    },
  },
  {
    name: 'attack: e-mail usernames must be e-mail addresses',
    async run({ adapter, start, policy, unique }) {
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'k');
      const { flowId } = await start('conformance-basic');
      for (const name of ['not-an-email', '<max@gmx.de>', 'a@b', '.test@iana.org', 'test.@iana.org', 'test@iana..com', 'test@-iana.org', 'a b@iana.org']) {
        await expectCode(adapter.submitCredentials({ flowId, username: name, password }), 'identifier.invalid', JSON.stringify(name));
      }
      await adapter.submitCredentials({ flowId, username: `müller.${unique()}@bäckerei.example`, password });
    },
  },
  {
    name: 'attack: look-alike usernames end as one account (NFC/NFD, zero-width space, Cyrillic, fullwidth, ß/SS, lone surrogate)',
    async run({ adapter, start, unique }) {
      const password = passwordOfLength(16, 'm');
      const register = async (username: string) => {
        const { flowId } = await start('conformance-username');
        return adapter.submitCredentials({ flowId, username, password });
      };
      const stem = `u${unique()}-`;
      const pairs: Array<[string, string, string]> = [
        ['Ärzte-Team', 'A\u0308rzte-Team', 'identifier.unavailable'],
        ['anna', 'an\u200Bna', 'identifier.invalid'],
        ['paul', 'p\u0430ul', 'identifier.invalid'],
        ['admin', '\uFF41dmin', 'identifier.unavailable'],
        ['straße', 'STRASSE', 'identifier.unavailable'],
      ];
      for (const [first, second, refusal] of pairs) {
        await register(stem + first);
        const error = await expectCode(register(stem + second), ['identifier.unavailable', 'identifier.invalid'], JSON.stringify(stem + second));
        check(error.code === refusal, `${JSON.stringify(second)} after ${JSON.stringify(first)}: expected ${refusal}, got '${error.code}'`);
      }
      await expectCode(register(`${stem}r\uD800x`), ['input.invalid', 'identifier.invalid'], 'a lone surrogate');
    },
  },
  {
    name: 'attack: common passwords are refused whatever the policy (password.common)',
    async run({ adapter, start, unique }) {
      for (const password of ['password', '12345678', 'Passwort1!', 'Sommer2026!', 'Hallo123!', 'qwertz123']) {
        const { flowId } = await start('conformance-username');
        await expectCode(adapter.submitCredentials({ flowId, username: `c${unique()}`, password }), 'password.common', JSON.stringify(password));
      }
    },
  },
  {
    name: 'attack: control characters, lone surrogates and unknown products are 4xx, never a crash',
    async run({ adapter, start, flowWithAccount, policy }) {
      await expectCode(adapter.startRegistration({ locale: 'de\u0000' }), 'input.invalid', 'a NUL in the locale');
      await expectCode(adapter.startRegistration({ locale: 'de', product: 'conformance-basic\uD800' }), 'input.invalid', 'a lone surrogate in the product');
      await expectCode(adapter.startRegistration({ locale: 'x'.repeat(30) }), 'input.invalid', 'a locale that is none');
      await expectCode(adapter.startRegistration({ locale: 'de', product: 'no-such-product' }), 'product.unknown', 'an unknown product');
      const { flowId } = await start('conformance-basic');
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'l');
      for (const name of ['anna\u0000@example.org', 'anna\uDC00@example.org', 'an\u200Bna@example.org']) {
        await expectCode(
          adapter.submitCredentials({ flowId, username: name, password }),
          ['input.invalid', 'identifier.invalid'],
          JSON.stringify(name),
        );
      }
      const profile = await flowWithAccount('conformance-profile');
      await expectCode(
        adapter.submitProfile({ flowId: profile, profile: { firstName: 'E\u0000va', lastName: 'Berg' } }),
        ['input.invalid', 'profile.invalid'],
        'a NUL in a name',
      );
    },
  },
  {
    name: 'attack: a fresh flow does not reset the customer-lookup lock',
    async run({ adapter, start, options, unique }) {
      if (!options.addCustomer) throw new CheckSkipped('no addCustomer hook');
      const customerNumber = `K${unique()}`;
      const email = `kunde-${unique()}@example.org`;
      await options.addCustomer({ customerNumber, email });
      for (let attempt = 0; attempt < backendDefaults.maxLookupAttempts; attempt++) {
        const { flowId } = await start('conformance-lookup');
        await expectCode(adapter.lookupCustomer({ flowId, customerNumber, email: `guess-${attempt}@example.org` }), 'customer.mismatch', 'a guessed address');
      }
      const { flowId } = await start('conformance-lookup');
      const locked = await expectCode(
        adapter.lookupCustomer({ flowId, customerNumber, email }),
        'rate_limited',
        `the right pair after ${backendDefaults.maxLookupAttempts} wrong guesses from other flows`,
      );
      check((locked.retryAfterSeconds ?? 0) > 0, 'the lock says when to retry');
    },
  },
  {
    name: 'attack: organisation joins lock after wrong postal codes, whichever flow guessed',
    async run({ adapter, options, flowWithAccount, unique }) {
      if (!options.addOrganization) throw new CheckSkipped('no addOrganization hook');
      const customerNumber = `P${unique()}`;
      await options.addOrganization({ name: 'Praxis Conformance', customerNumber, postalCode: '10115', members: 1 });
      for (let attempt = 0; attempt < backendDefaults.maxLookupAttempts; attempt++) {
        const flowId = await flowWithAccount('conformance-organization');
        await expectCode(
          adapter.joinOrganization({ flowId, customerNumber, postalCode: String(20_000 + attempt) }),
          'organization.not_found',
          'a guessed postal code',
        );
      }
      const flowId = await flowWithAccount('conformance-organization');
      await expectCode(
        adapter.joinOrganization({ flowId, customerNumber, postalCode: '10115' }),
        'rate_limited',
        `the right postal code after ${backendDefaults.maxLookupAttempts} wrong guesses from other flows`,
      );
    },
  },
  {
    name: 'attack: an abandoned flow holds its username only while it is in use',
    async run({ adapter, options, start, flowWithAccountAs, username, policy }) {
      if (!options.advanceTime) throw new CheckSkipped('no clock to move');
      const name = username();
      const abandoned = await flowWithAccountAs(name);
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'h');
      const { flowId } = await start('conformance-basic');
      await expectCode(adapter.submitCredentials({ flowId, username: name, password }), 'identifier.unavailable', 'a name an active flow holds');
      await options.advanceTime(backendDefaults.usernameHoldSeconds * 1000 + 1000);
      await adapter.submitCredentials({ flowId, username: name, password });
      await expectCode(adapter.complete({ flowId: abandoned }), 'identifier.unavailable', 'the abandoned flow, back after another took its name');
      const done = await adapter.complete({ flowId });
      check(done.username === name, 'the active flow registers the name');
    },
  },
  {
    name: 'sign-in: a product without a signIn section offers none',
    async run({ signIn, username }) {
      const adapter = signIn();
      const attempt = { identifier: username(), password: 'any password at all', locale: 'de', product: 'conformance-pin' };
      await expectCode(adapter.signIn(attempt), 'step.unavailable', 'sign-in to conformance-pin');
      await expectCode(
        adapter.requestPasswordReset({ ...attempt, returnUrl: 'https://conformance.example/reset' }),
        'step.unavailable',
        'a reset in conformance-pin',
      );
    },
  },
  {
    name: 'sign-in: the right password signs in; the session is reported until sign-out',
    async run({ signIn, registered }) {
      const adapter = signIn();
      const { username, password } = await registered();
      const result = shape(signInResultSchema, await adapter.signIn({ identifier: username, password, locale: 'de', product: 'conformance-basic' }), 'signIn');
      check(result.status === 'signedIn', `an account without a second factor signs in at once, got '${result.status}'`);
      check(result.firstSignIn !== true, 'an account that registered itself brings no first-sign-in notice');
      check(!JSON.stringify(result).includes(password), 'the answer holds no password');
      const { session } = shape(sessionResultSchema, await adapter.getSession(), 'getSession');
      check(session?.username === username, 'getSession: the signed-in account');
      check(session.product === 'conformance-basic', 'getSession: bound to the product signed in to');
      check(session.expiresAt > session.now, 'getSession: expiresAt after now');
      await adapter.signOut();
      check((await adapter.getSession()).session === null, 'after signOut no session');
    },
  },
  {
    name: 'attack: wrong passwords count down and lock with a deadline; an unknown account answers the same',
    async run({ signIn, registered, username: freshName }) {
      const adapter = signIn();
      const { username, password } = await registered();
      const { maxAttempts } = resolveSignIn().lockout;
      const answers = async (identifier: string) => {
        const seen: SignInResult[] = [];
        for (let i = 0; i < maxAttempts; i++) {
          seen.push(await adapter.signIn({ identifier, password: `${password}-wrong`, locale: 'de', product: 'conformance-basic' }));
        }
        return seen;
      };
      const known = await answers(username);
      const unknown = await answers(freshName());
      const summary = (seen: SignInResult[]) =>
        seen.map((result) => (result.status === 'failed' ? `failed:${result.attemptsRemaining}` : result.status)).join(',');
      const expected = [...Array.from({ length: maxAttempts - 1 }, (_, i) => `failed:${maxAttempts - 1 - i}`), 'locked'].join(',');
      check(summary(known) === expected, `an existing account: expected ${expected}, got ${summary(known)}`);
      check(summary(unknown) === expected, `an unknown account answers the same: expected ${expected}, got ${summary(unknown)}`);
      const locked = known.at(-1)!;
      check(locked.status === 'locked' && locked.lockedUntil > locked.now, 'the lock carries its deadline');
      const right = await adapter.signIn({ identifier: username, password, locale: 'de', product: 'conformance-basic' });
      check(right.status === 'locked', `the right password while locked is still locked, got '${right.status}'`);
      check((await adapter.getSession()).session === null, 'no session while locked');
    },
  },
  {
    name: 'sign-in: the lock lifts at its deadline, and a success starts the count afresh',
    async run({ signIn, registered, options }) {
      if (!options.advanceTime) throw new CheckSkipped('no clock to move');
      const adapter = signIn();
      const { username, password } = await registered();
      const { maxAttempts, lockSeconds } = resolveSignIn().lockout;
      const attempt = (secret: string) => adapter.signIn({ identifier: username, password: secret, locale: 'de', product: 'conformance-basic' });
      for (let i = 0; i < maxAttempts; i++) await attempt('not the password at all');
      await options.advanceTime(lockSeconds * 1000 - 1000);
      check((await attempt(password)).status === 'locked', 'still locked a second before the deadline');
      await options.advanceTime(1000);
      check((await attempt(password)).status === 'signedIn', 'signed in at the deadline');
      const after = await attempt('not the password at all');
      check(after.status === 'failed' && after.attemptsRemaining === maxAttempts - 1, 'a success starts the count afresh');
    },
  },
  {
    name: 'sign-in: the SMS second factor chosen at registration is asked; its code works once',
    async run({ signIn, start, username, phone, code, policy, options }) {
      const adapter = signIn();
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 's');
      const number = phone();
      const { flowId } = await start('conformance-sms-required');
      await adapter.submitCredentials({ flowId, username: name, password });
      await adapter.sendSmsCode({ flowId, phone: number });
      await adapter.verifySmsCode({ flowId, code: await code(number, flowId) });
      await adapter.complete({ flowId });
      // The registration's SMS went to the same number: the next one waits for its resend deadline.
      await options.advanceTime?.(resolveSignIn().resendSeconds * 1000);
      const first = await adapter.signIn({ identifier: name, password, locale: 'de', product: 'conformance-sms-required' });
      check(first.status === 'secondFactor' && first.method === 'sms', `the SMS second factor is asked, got '${first.status}'`);
      check((await adapter.getSession()).session === null, 'no session before the second factor');
      const right = await code(number, first.signInId);
      const wrong = right.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      const error = await expectCode(adapter.verifySignInCode({ signInId: first.signInId, code: wrong }), 'code.invalid', 'a wrong code');
      check(error.attemptsRemaining === undefined || error.attemptsRemaining === backendDefaults.maxCodeAttempts - 1, 'attemptsRemaining counts down');
      const done = await adapter.verifySignInCode({ signInId: first.signInId, code: right });
      check(done.status === 'signedIn', `the right code signs in, got '${done.status}'`);
      check(done.session.secondFactor === 'sms', 'the session names the second factor');
      await expectCode(adapter.verifySignInCode({ signInId: first.signInId, code: right }), ['flow.unknown', 'code.expired'], 'the same code again');
    },
  },
  {
    name: 'attack: password reset answers the same for unknown accounts; its link works once, ends sessions and lifts a lock',
    async run({ signIn, registered, options, username: freshName, policy }) {
      if (!options.readEmail) throw new CheckSkipped('no e-mail reader');
      const adapter = signIn();
      const { username, password } = await registered();
      const request = (identifier: string) =>
        adapter.requestPasswordReset({ identifier, locale: 'de', returnUrl: 'https://conformance.example/reset', product: 'conformance-basic' });
      await adapter.signIn({ identifier: username, password, locale: 'de', product: 'conformance-basic' });
      check((await adapter.getSession()).session !== null, 'signed in before the reset');
      for (let i = 0; i < resolveSignIn().lockout.maxAttempts; i++) {
        await adapter.signIn({ identifier: username, password: 'not the password at all', locale: 'de', product: 'conformance-basic' });
      }
      const known = shape(resetRequestedResultSchema, await request(username), 'requestPasswordReset');
      const unknownName = freshName();
      const unknown = shape(resetRequestedResultSchema, await request(unknownName), 'requestPasswordReset (unknown)');
      check(
        JSON.stringify(Object.keys(known).sort()) === JSON.stringify(Object.keys(unknown).sort()) && known.validityMinutes === unknown.validityMinutes,
        'the same answer for an unknown account',
      );
      check((await options.readEmail(unknownName)) === undefined, 'no e-mail to an unknown account');
      const link = (await options.readEmail(username))?.link;
      check(link !== undefined, 'a reset e-mail with a link');
      const token = /#pforte-reset-token=([^&\s]+)$/.exec(link)?.[1];
      check(token !== undefined && link.startsWith('https://conformance.example/reset#'), 'the token in the fragment of the return URL');
      const fresh = passwordOfLength(Math.max(lengthsOf(policy).min, 18), 'n');
      await adapter.resetPassword({ token, password: fresh });
      check((await adapter.getSession()).session === null, 'the reset ended the session');
      await expectCode(adapter.resetPassword({ token, password: `${fresh}x` }), 'link.used', 'the link again');
      await expectCode(adapter.resetPassword({ token: `${token}x`, password: fresh }), 'link.invalid', 'an unknown token');
      const old = await adapter.signIn({ identifier: username, password, locale: 'de', product: 'conformance-basic' });
      check(old.status === 'failed', `the old password no longer works, got '${old.status}'`);
      const signed = await adapter.signIn({ identifier: username, password: fresh, locale: 'de', product: 'conformance-basic' });
      check(signed.status === 'signedIn', `the new password signs in at once (the lock lifted), got '${signed.status}'`);
    },
  },
  {
    name: 'password reset: links expire; the new password meets the policy',
    async run({ signIn, registered, options }) {
      if (!options.readEmail || !options.advanceTime) throw new CheckSkipped('no e-mail reader or no clock to move');
      const adapter = signIn();
      const { username } = await registered();
      const request = () =>
        adapter.requestPasswordReset({ identifier: username, locale: 'de', returnUrl: 'https://conformance.example/reset', product: 'conformance-basic' });
      const { validityMinutes } = await request();
      const token = /#pforte-reset-token=(.+)$/.exec((await options.readEmail(username))?.link ?? '')?.[1];
      check(token !== undefined, 'a reset link');
      await expectCode(adapter.resetPassword({ token, password: 'short' }), ['password.too_short', 'password.rejected'], 'a password against the policy');
      await options.advanceTime(validityMinutes * 60_000);
      await expectCode(adapter.resetPassword({ token, password: passwordOfLength(20, 'x') }), 'link.expired', `after ${validityMinutes} minutes`);
    },
  },
  {
    name: 'forced change: an initial password must be replaced at the first sign-in, not by itself; only that first session is a first sign-in',
    async run({ signIn, options, username, policy }) {
      if (!options.createAccount) throw new CheckSkipped('no way to create accounts');
      const adapter = signIn();
      const name = username();
      const initial = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'p');
      await options.createAccount({ product: 'conformance-basic', username: name, password: initial });
      const first = await adapter.signIn({ identifier: name, password: initial, locale: 'de', product: 'conformance-basic' });
      check(first.status === 'passwordChange', `the first sign-in asks for a new password, got '${first.status}'`);
      check((await adapter.getSession()).session === null, 'no session before the change');
      await expectCode(adapter.changePassword({ signInId: first.signInId, password: initial }), 'password.rejected', 'the old password again');
      await expectCode(adapter.changePassword({ signInId: first.signInId, password: 'password123' }), ['password.common', 'password.too_short', 'password.rejected'], 'a common password');
      const fresh = passwordOfLength(Math.max(lengthsOf(policy).min, 17), 'q');
      const done = await adapter.changePassword({ signInId: first.signInId, password: fresh });
      check(done.status === 'signedIn', `signed in after the change, got '${done.status}'`);
      check(done.firstSignIn === true, 'the first session of an account created by someone else is a first sign-in');
      const again = await adapter.signIn({ identifier: name, password: fresh, locale: 'de', product: 'conformance-basic' });
      check(again.status === 'signedIn', 'the next sign-in needs no change');
      check(again.firstSignIn !== true, 'the next sign-in is no first sign-in');
    },
  },
  {
    name: 'organization: a member approves a join request; the requester is told by e-mail and is a member at the next sign-in',
    async run({ account, inOrganization, unique, options }) {
      const adapter = account();
      const product = 'conformance-organization';
      const customerNumber = `P${unique()}`;
      const founder = await inOrganization(product, 'register', customerNumber);
      const requester = await inOrganization(product, 'join', customerNumber);
      const signInAs = (who: { username: string; password: string }) =>
        adapter.signIn({ identifier: who.username, password: who.password, locale: 'de', product });
      check((await signInAs(requester)).status === 'signedIn', 'the requester signs in');
      const pending = (await adapter.getSession()).session?.organization;
      check(pending?.status === 'pending', `the session shows the request as pending, got '${String(pending?.status)}'`);
      check((await adapter.getOrganization()).organization === null, 'a pending requester sees no organization');
      await adapter.signOut();
      await signInAs(founder);
      const before = shape(organizationAnswerSchema, await adapter.getOrganization(), 'getOrganization').organization;
      check(before !== null && before.role === 'master' && before.canManage, 'the founder is the master user and manages');
      check(before.members.length === 1 && before.members[0]!.accountId === founder.accountId, 'one member: the founder');
      const request = before.joinRequests.find((entry) => entry.accountId === requester.accountId);
      check(request?.username === requester.username, 'the join request with the username the requester entered');
      check(before.seatsTaken === 2, `two places taken (member and request), got ${before.seatsTaken}`);
      const after = shape(
        organizationChangedSchema,
        await adapter.decideJoinRequest({ accountId: requester.accountId, approve: true, locale: 'de' }),
        'decideJoinRequest',
      ).organization;
      check(after.joinRequests.length === 0 && after.members.some((member) => member.accountId === requester.accountId), 'the requester is a member now');
      await expectCode(adapter.decideJoinRequest({ accountId: requester.accountId, approve: false, locale: 'de' }), 'member.unknown', 'deciding again');
      await adapter.signOut();
      if (options.readEmail) check((await options.readEmail(requester.username)) !== undefined, 'the requester is told by e-mail');
      await signInAs(requester);
      const member = (await adapter.getSession()).session?.organization;
      check(member?.status === 'member' && member.role === 'member', 'the next sign-in shows the membership');
      check((await adapter.getOrganization()).organization?.members.length === 2, 'the new member sees both members');
    },
  },
  {
    name: 'attack: only signed-in members of the organization decide; a denied request frees its place',
    async run({ account, inOrganization, unique }) {
      const adapter = account();
      const product = 'conformance-organization';
      const customerNumber = `P${unique()}`;
      const founder = await inOrganization(product, 'register', customerNumber);
      const requester = await inOrganization(product, 'join', customerNumber);
      const stranger = await inOrganization(product, 'register', `P${unique()}`);
      const decide = (approve: boolean) => adapter.decideJoinRequest({ accountId: requester.accountId, approve, locale: 'de' });
      await expectCode(adapter.getOrganization(), 'session.required', 'signed out: the organization');
      await expectCode(decide(true), 'session.required', 'signed out: a decision');
      await adapter.signIn({ identifier: requester.username, password: requester.password, locale: 'de', product });
      await expectCode(decide(true), 'permission.denied', 'the requester approving themselves');
      await adapter.signOut();
      await adapter.signIn({ identifier: stranger.username, password: stranger.password, locale: 'de', product });
      await expectCode(decide(true), 'member.unknown', "a member of another organization deciding this one's request");
      await adapter.signOut();
      await adapter.signIn({ identifier: founder.username, password: founder.password, locale: 'de', product });
      const denied = (await decide(false)).organization;
      check(denied.joinRequests.length === 0 && denied.members.length === 1, 'denied: no request, no new member');
      check(denied.seatsTaken === 1, `a denied request takes no place, got ${denied.seatsTaken}`);
      await adapter.signOut();
      await adapter.signIn({ identifier: requester.username, password: requester.password, locale: 'de', product });
      const session = (await adapter.getSession()).session;
      check(session?.organization?.status === 'denied', 'the requester sees the refusal at sign-in');
      await expectCode(decide(true), 'permission.denied', 'a denied requester approving themselves');
    },
  },
  {
    name: 'attack: where the master user manages, a plain member neither approves nor removes',
    async run({ account, inOrganization, unique }) {
      const adapter = account();
      const product = 'conformance-organization-master';
      const customerNumber = `P${unique()}`;
      const master = await inOrganization(product, 'register', customerNumber);
      const member = await inOrganization(product, 'join', customerNumber);
      const later = await inOrganization(product, 'join', customerNumber);
      await adapter.signIn({ identifier: master.username, password: master.password, locale: 'de', product });
      await adapter.decideJoinRequest({ accountId: member.accountId, approve: true, locale: 'de' });
      await adapter.signOut();
      await adapter.signIn({ identifier: member.username, password: member.password, locale: 'de', product });
      const seen = (await adapter.getOrganization()).organization;
      check(seen !== null && !seen.canManage && seen.role === 'member', 'a plain member sees the organization but does not manage it');
      await expectCode(adapter.decideJoinRequest({ accountId: later.accountId, approve: true, locale: 'de' }), 'permission.denied', 'a plain member approving');
      await expectCode(adapter.removeMember({ accountId: master.accountId }), 'permission.denied', 'a plain member removing the master user');
    },
  },
  {
    name: 'attack: removing a member needs a recent sign-in, and nobody removes themselves or the master user',
    async run({ account, inOrganization, unique, options }) {
      if (!options.advanceTime) throw new CheckSkipped('no clock to move');
      const adapter = account();
      const product = 'conformance-organization';
      const customerNumber = `P${unique()}`;
      const founder = await inOrganization(product, 'register', customerNumber);
      const first = await inOrganization(product, 'join', customerNumber);
      const second = await inOrganization(product, 'join', customerNumber);
      const signInAs = (who: { username: string; password: string }) =>
        adapter.signIn({ identifier: who.username, password: who.password, locale: 'de', product });
      await signInAs(founder);
      for (const who of [first, second]) await adapter.decideJoinRequest({ accountId: who.accountId, approve: true, locale: 'de' });
      await adapter.signOut();
      await signInAs(first);
      await expectCode(adapter.removeMember({ accountId: first.accountId }), 'permission.denied', 'removing oneself');
      await expectCode(adapter.removeMember({ accountId: founder.accountId }), 'permission.denied', 'removing the master user');
      const { reauthMinutes } = resolveSignIn();
      await options.advanceTime(reauthMinutes * 60_000 + 1000);
      await expectCode(adapter.removeMember({ accountId: second.accountId }), 'reauth.required', `${reauthMinutes} minutes after the sign-in`);
      await adapter.signOut();
      await signInAs(first);
      const after = (await adapter.removeMember({ accountId: second.accountId })).organization;
      check(!after.members.some((entry) => entry.accountId === second.accountId), 'removed after a fresh sign-in');
      check(after.seatsTaken === 2, `the place is free again, got ${after.seatsTaken} taken`);
      await expectCode(adapter.removeMember({ accountId: second.accountId }), 'member.unknown', 'removing again');
    },
  },
  {
    name: 'account settings: the contact-search visibility changes both ways and stays off by default',
    async run({ account, settingsAccount }) {
      const adapter = account();
      await settingsAccount();
      const before = shape(accountSettingsAnswerSchema, await adapter.getAccountSettings(), 'getAccountSettings').settings;
      check(!before.visible, 'visibility is off unless chosen');
      const on = shape(accountSettingsAnswerSchema, await adapter.setContactVisibility({ visible: true }), 'setContactVisibility').settings;
      check(on.visible, 'visible after opting in');
      check((await adapter.getAccountSettings()).settings.visible, 'the opt-in is kept');
      const off = (await adapter.setContactVisibility({ visible: false })).settings;
      check(!off.visible, 'hidden after opting out');
    },
  },
  {
    name: 'account settings: the SMS factor put off at registration is activated with a code to the number; the next sign-in asks for it',
    async run({ account, settingsAccount, phone, code, options }) {
      const adapter = account();
      const person = await settingsAccount();
      const before = (await adapter.getAccountSettings()).settings;
      check(before.secondFactor === 'none', `no second factor after "activate later", got '${before.secondFactor}'`);
      check(before.secondFactorChoices.includes('sms') && before.secondFactorChoices.includes('none'), 'the product offers none and SMS');
      const number = phone();
      const sent = shape(codeSentResultSchema, await adapter.sendSecondFactorSmsCode({ phone: number, locale: 'de' }), 'sendSecondFactorSmsCode');
      check(sent.codeLength === 8, `the registration's code length (8), got ${sent.codeLength}`);
      check(sent.resendAvailableAt - sent.now === 60_000, 'the registration\'s resend interval (60 s)');
      await expectCode(adapter.sendSecondFactorSmsCode({ phone: number, locale: 'de' }), 'rate_limited', 'a second code before the resend deadline');
      check((await adapter.getAccountSettings()).settings.secondFactor === 'none', 'nothing changes before the code');
      const right = await code(number, `account:${person.accountId}`);
      const activated = shape(accountSettingsAnswerSchema, await adapter.verifySecondFactorSmsCode({ code: right }), 'verifySecondFactorSmsCode').settings;
      check(activated.secondFactor === 'sms' && activated.phone === number, 'the number is the second factor');
      await expectCode(adapter.verifySecondFactorSmsCode({ code: right }), ['step.required', 'code.expired'], 'the same code again');
      await adapter.signOut();
      await options.advanceTime?.(60_000);
      const next = await adapter.signIn({ identifier: person.username, password: person.password, locale: 'de', product: 'conformance-settings' });
      check(next.status === 'secondFactor' && next.method === 'sms', `the next sign-in asks for the SMS code, got '${next.status}'`);
    },
  },
  {
    name: 'account settings: a billing customer switches from e-mail codes to SMS codes; the next sign-in asks for the SMS code',
    async run({ account, start, username, phone, code, policy, options }) {
      if (!options.readEmail) throw new CheckSkipped('no e-mail reader');
      const adapter = account();
      const product = 'conformance-billing';
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'b');
      const { flowId } = await start(product);
      await adapter.submitCredentials({ flowId, username: name, password });
      await adapter.chooseSecondFactor({ flowId, method: 'email' });
      await adapter.sendEmailCode({ flowId });
      const registrationCode = (await options.readEmail(name, flowId))?.code;
      check(registrationCode !== undefined, 'no e-mail code at registration');
      await adapter.verifyEmailCode({ flowId, code: registrationCode });
      const { accountId } = await adapter.complete({ flowId });
      await options.advanceTime?.(resolveSignIn().resendSeconds * 1000);
      const first = await adapter.signIn({ identifier: name, password, locale: 'de', product });
      check(first.status === 'secondFactor' && first.method === 'email', `e-mail TAN at the first sign-in, got '${first.status}'`);
      const emailed = (await options.readEmail(name, first.signInId))?.code;
      check(emailed !== undefined, 'no e-mail code at sign-in');
      await adapter.verifySignInCode({ signInId: first.signInId, code: emailed });
      const settings = (await adapter.getAccountSettings()).settings;
      check(settings.secondFactor === 'email', `the e-mail TAN is in force, got '${settings.secondFactor}'`);
      const number = phone();
      await adapter.sendSecondFactorSmsCode({ phone: number, locale: 'de' });
      const switched = (await adapter.verifySecondFactorSmsCode({ code: await code(number, `account:${accountId}`) })).settings;
      check(switched.secondFactor === 'sms', 'mobile TAN after the code');
      await adapter.signOut();
      await options.advanceTime?.(60_000);
      const next = await adapter.signIn({ identifier: name, password, locale: 'de', product });
      check(next.status === 'secondFactor' && next.method === 'sms', `the next sign-in asks for the SMS code, got '${next.status}'`);
      const done = await adapter.verifySignInCode({ signInId: next.signInId, code: await code(number, next.signInId) });
      check(done.status === 'signedIn', 'the SMS code signs in');
      const none = (await adapter.setSecondFactor({ method: 'none' })).settings;
      check(none.secondFactor === 'none' && none.phone === undefined, 'switched to no TAN: no number kept');
    },
  },
  {
    name: 'account settings: a new service PIN is returned once and replaces the old one',
    async run({ account, settingsAccount, options }) {
      const adapter = account();
      const person = await settingsAccount();
      const { pin } = shape(issuePinResultSchema, await adapter.renewServicePin(), 'renewServicePin');
      check(pin.length === 8 && !isTrivialPin(pin), 'the product\'s length, not trivial');
      check(pin !== person.pin, 'a new PIN');
      if (!options.checkServicePin) return;
      const checkPin = (value: string) => options.checkServicePin!({ product: 'conformance-settings', username: person.username, pin: value });
      check(await checkPin(pin), 'the new PIN works');
      check(!(await checkPin(person.pin)), 'the old PIN stops working');
    },
  },
  {
    name: 'account settings: a new password needs the current one and the policy; the old one stops working',
    async run({ account, settingsAccount, policy }) {
      const adapter = account();
      const person = await settingsAccount();
      const next = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'n');
      const wrong = shape(accountPasswordResultSchema, await adapter.changeAccountPassword({ currentPassword: `${person.password}x`, password: next }), 'changeAccountPassword');
      check(wrong.status === 'failed' && wrong.attemptsRemaining === resolveSignIn().lockout.maxAttempts - 1, 'a wrong current password counts down');
      const short = passwordOfLength(Math.max(lengthsOf(policy).min - 1, 1), 's');
      await expectCode(adapter.changeAccountPassword({ currentPassword: person.password, password: short }), ['password.too_short', 'password.rejected'], 'a new password below the policy');
      await expectCode(adapter.changeAccountPassword({ currentPassword: person.password, password: person.password }), 'password.rejected', 'the current password as the new one');
      const changed = await adapter.changeAccountPassword({ currentPassword: person.password, password: next });
      check(changed.status === 'changed' && changed.settings.username === person.username, `changed, got '${changed.status}'`);
      check((await adapter.getAccountSettings()).settings.username === person.username, 'still signed in');
      await adapter.signOut();
      const old = await adapter.signIn({ identifier: person.username, password: person.password, locale: 'de', product: 'conformance-settings' });
      check(old.status === 'failed', `the old password stops working, got '${old.status}'`);
      const fresh = await adapter.signIn({ identifier: person.username, password: next, locale: 'de', product: 'conformance-settings' });
      check(fresh.status === 'signedIn', `the new password signs in, got '${fresh.status}'`);
    },
  },
  {
    name: 'attack: the account settings need a session; a guest session is none',
    async run({ account, options, username }) {
      const adapter = account();
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['getAccountSettings', () => adapter.getAccountSettings()],
        ['reauthenticate', () => adapter.reauthenticate({ password: 'whatever-it-is' })],
        ['setContactVisibility', () => adapter.setContactVisibility({ visible: true })],
        ['sendSecondFactorSmsCode', () => adapter.sendSecondFactorSmsCode({ phone: '+4915112345678', locale: 'de' })],
        ['verifySecondFactorSmsCode', () => adapter.verifySecondFactorSmsCode({ code: '12345678' })],
        ['setSecondFactor', () => adapter.setSecondFactor({ method: 'none' })],
        ['renewServicePin', () => adapter.renewServicePin()],
        ['changeAccountPassword', () => adapter.changeAccountPassword({ currentPassword: 'whatever-it-is', password: 'Ein neues langes Kennwort' })],
      ];
      for (const [method, call] of calls) await expectCode(call(), 'session.required', `${method} signed out`);
      if (!options.inviteGuest || !options.readEmail) return;
      const guest = await guestInvitation(() => adapter, options, username);
      await adapter.signInAsGuest({ invitation: guest.invitation, code: guest.code, product: 'conformance-guest' });
      for (const [method, call] of calls) await expectCode(call(), 'session.required', `${method} in a guest session`);
    },
  },
  {
    name: 'attack: second-factor and PIN changes need a recent sign-in or the current password; wrong passwords count towards the lock',
    async run({ account, settingsAccount, phone, options }) {
      if (!options.advanceTime) throw new CheckSkipped('no clock to move');
      const adapter = account();
      const person = await settingsAccount();
      const { reauthMinutes, lockout } = resolveSignIn();
      await options.advanceTime(reauthMinutes * 60_000 + 1000);
      const stale = (await adapter.getAccountSettings()).settings;
      check(stale.reauthUntil < stale.now, 'the window has closed');
      await expectCode(adapter.sendSecondFactorSmsCode({ phone: phone(), locale: 'de' }), 'reauth.required', 'a code to a new number');
      await expectCode(adapter.verifySecondFactorSmsCode({ code: '12345678' }), 'reauth.required', 'a code check');
      await expectCode(adapter.setSecondFactor({ method: 'none' }), 'reauth.required', 'a switch of the factor');
      await expectCode(adapter.renewServicePin(), 'reauth.required', 'a new PIN');
      check((await adapter.setContactVisibility({ visible: true })).settings.visible, 'the visibility needs no re-authentication');
      const wrong = shape(reauthResultSchema, await adapter.reauthenticate({ password: `${person.password}x` }), 'reauthenticate');
      check(wrong.status === 'failed' && wrong.attemptsRemaining === lockout.maxAttempts - 1, 'a wrong password counts down');
      await expectCode(adapter.renewServicePin(), 'reauth.required', 'a new PIN after a wrong password');
      const right = await adapter.reauthenticate({ password: person.password });
      check(right.status === 'confirmed' && right.settings.reauthUntil > right.settings.now, 'the right password opens the window');
      await adapter.renewServicePin();
      for (let attempt = 1; attempt < lockout.maxAttempts; attempt++) await adapter.reauthenticate({ password: `${person.password}${attempt}` });
      const locked = await adapter.reauthenticate({ password: `${person.password}!` });
      check(locked.status === 'locked', `the sign-in's lock after ${lockout.maxAttempts} wrong passwords, got '${locked.status}'`);
      await expectCode(adapter.getAccountSettings(), 'session.required', 'the session after the lock');
      const again = await adapter.signIn({ identifier: person.username, password: person.password, locale: 'de', product: 'conformance-settings' });
      check(again.status === 'locked', 'the account is locked for sign-in too');
    },
  },
  {
    name: 'attack: out of order: no code before one was sent, a factor the product does not offer, SMS only with a code',
    async run({ account, settingsAccount, registered, username, policy, start, phone, code }) {
      const adapter = account();
      const person = await settingsAccount();
      await expectCode(adapter.verifySecondFactorSmsCode({ code: '12345678' }), 'step.required', 'a code before any was sent');
      await expectCode(adapter.setSecondFactor({ method: 'email' }), 'input.invalid', 'e-mail codes the product does not offer');
      await expectCode(adapter.setSecondFactor({ method: 'sms' } as unknown as { method: 'none' }), 'input.invalid', 'SMS without a code');
      await expectCode(adapter.sendSecondFactorSmsCode({ phone: '+493012345678', locale: 'de' }), 'phone.invalid', 'a landline');
      const number = phone();
      await adapter.sendSecondFactorSmsCode({ phone: number, locale: 'de' });
      const right = await code(number, `account:${person.accountId}`);
      await adapter.signOut();
      // Another account's session cannot use this account's code.
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'q');
      const { flowId } = await start('conformance-settings');
      await adapter.submitCredentials({ flowId, username: name, password });
      await adapter.issuePin({ flowId, length: 8 });
      await adapter.confirmPinSaved({ flowId });
      await adapter.complete({ flowId });
      await adapter.signIn({ identifier: name, password, locale: 'de', product: 'conformance-settings' });
      await expectCode(adapter.verifySecondFactorSmsCode({ code: right }), 'step.required', "another account's code");
      check((await adapter.getAccountSettings()).settings.secondFactor === 'none', 'nothing changed');
      await adapter.signOut();
      const basic = await registered('conformance-basic');
      await adapter.signIn({ identifier: basic.username, password: basic.password, locale: 'de', product: 'conformance-basic' });
      await expectCode(adapter.renewServicePin(), 'step.unavailable', 'a new PIN where the product has none');
    },
  },
  {
    name: 'organization: a member invites by e-mail; the invitation takes a place (member limit with requests and invitations); the link sets the first password and the invitee signs in as a member',
    async run({ account, inOrganization, unique, options, policy }) {
      const adapter = account();
      const product = 'conformance-organization';
      const customerNumber = `P${unique()}`;
      const founder = await inOrganization(product, 'register', customerNumber);
      for (let request = 0; request < 3; request += 1) await inOrganization(product, 'join', customerNumber);
      const invite = (email: string) => adapter.inviteMember({ email, locale: 'de', returnUrl: 'https://conformance.example/set-password' });
      const invitee = `invited-${unique()}@example.org`;
      await expectCode(invite(invitee), 'session.required', 'signed out: an invitation');
      await adapter.signIn({ identifier: founder.username, password: founder.password, locale: 'de', product });
      await expectCode(invite('not an address'), 'profile.invalid', 'an invitation to no e-mail address');
      const refusedLink = await expectCode(
        adapter.inviteMember({ email: `elsewhere-${unique()}@example.org`, locale: 'de', returnUrl: 'https://evil.example/set-password' }),
        'link.invalid',
        'an invitation link to another origin',
      );
      check(refusedLink.field === 'returnUrl', 'the field is named');
      const invited = shape(organizationChangedSchema, await invite(invitee), 'inviteMember').organization;
      check(invited.seatsTaken === 5, `five places taken (a member, three requests, an invitation), got ${invited.seatsTaken}`);
      const member = invited.members.find((entry) => entry.username === invitee);
      check(member !== undefined && member.role === 'member', 'the invitee is listed as a member');
      await expectCode(invite(`sixth-${unique()}@example.org`), 'organization.full', 'a sixth place by invitation');
      await expectCode(inOrganization(product, 'join', customerNumber), 'organization.full', 'a sixth place by a join request');
      await adapter.signOut();
      if (!options.readEmail) return;
      const link = (await options.readEmail(invitee))?.link ?? '';
      const token = /^https:\/\/conformance\.example\/set-password#pforte-reset-token=([^&\s]+)$/.exec(link)?.[1];
      check(token !== undefined, 'the invitation e-mail links to the return URL, the token in its fragment');
      const chosen = passwordOfLength(Math.max(lengthsOf(policy).min, 18), 'm');
      await adapter.resetPassword({ token, password: chosen });
      const signed = await adapter.signIn({ identifier: invitee, password: chosen, locale: 'de', product });
      check(signed.status === 'signedIn', `the invitee signs in with the chosen password, got '${signed.status}'`);
      const session = (await adapter.getSession()).session?.organization;
      check(session?.status === 'member' && session.role === 'member', 'the invitee is a member at the first sign-in');
    },
  },
  {
    name: 'attack: only members invite, and only the master user where the master user manages',
    async run({ account, inOrganization, unique }) {
      const adapter = account();
      const product = 'conformance-organization-master';
      const customerNumber = `P${unique()}`;
      const master = await inOrganization(product, 'register', customerNumber);
      const member = await inOrganization(product, 'join', customerNumber);
      const requester = await inOrganization(product, 'join', customerNumber);
      const invite = () => adapter.inviteMember({ email: `invited-${unique()}@example.org`, locale: 'de', returnUrl: 'https://conformance.example/set-password' });
      await adapter.signIn({ identifier: master.username, password: master.password, locale: 'de', product });
      await adapter.decideJoinRequest({ accountId: member.accountId, approve: true, locale: 'de' });
      await adapter.signOut();
      await adapter.signIn({ identifier: requester.username, password: requester.password, locale: 'de', product });
      await expectCode(invite(), 'permission.denied', 'a pending requester inviting');
      await adapter.signOut();
      await adapter.signIn({ identifier: member.username, password: member.password, locale: 'de', product });
      await expectCode(invite(), 'permission.denied', 'a plain member inviting where the master user manages');
      await adapter.signOut();
      await adapter.signIn({ identifier: master.username, password: master.password, locale: 'de', product });
      const after = (await invite()).organization;
      check(after.members.length === 3, `the master user invites: three members, got ${after.members.length}`);
    },
  },
  {
    name: 'account invitation: the e-mailed link sets the first password; before that the account cannot sign in',
    async run({ signIn, options, username, policy }) {
      if (!options.inviteAccount || !options.readEmail) throw new CheckSkipped('no account invitations or no e-mail reader');
      const adapter = signIn();
      const name = username();
      await options.inviteAccount({ product: 'conformance-basic', username: name, returnUrl: 'https://conformance.example/set-password' });
      const before = await adapter.signIn({ identifier: name, password: passwordOfLength(20, 'b'), locale: 'de', product: 'conformance-basic' });
      check(before.status === 'failed', `no sign-in without a password, got '${before.status}'`);
      const link = (await options.readEmail(name))?.link ?? '';
      const token = /^https:\/\/conformance\.example\/set-password#pforte-reset-token=([^&\s]+)$/.exec(link)?.[1];
      check(token !== undefined, 'an e-mail with a link to the return URL, the token in its fragment');
      const chosen = passwordOfLength(Math.max(lengthsOf(policy).min, 18), 'v');
      await adapter.resetPassword({ token, password: chosen });
      await expectCode(adapter.resetPassword({ token, password: `${chosen}x` }), 'link.used', 'the link again');
      const signed = await adapter.signIn({ identifier: name, password: chosen, locale: 'de', product: 'conformance-basic' });
      check(signed.status === 'signedIn', `the chosen password signs in without a forced change, got '${signed.status}'`);
    },
  },
  {
    name: 'attack: guest access: wrong codes count per invitation, with attempts left, until the code dies',
    async run({ signIn, options, username }) {
      const { adapter, invitation, code } = await guestInvitation(signIn, options, username);
      const opened = shape(guestInvitationInfoSchema, await adapter.openGuestInvitation({ invitation }), 'openGuestInvitation');
      check(opened.attemptsRemaining === 3 && opened.usesRemaining === 2 && opened.codeLength === code.length, 'the invitation tells the attempts, uses and code length');
      const wrong = otherCode(code);
      const first = await expectCode(adapter.signInAsGuest({ invitation, code: wrong }), 'code.invalid', 'a wrong code');
      check(first.attemptsRemaining === 2, `attempts left after one wrong code: expected 2, got ${String(first.attemptsRemaining)}`);
      check((await adapter.openGuestInvitation({ invitation })).attemptsRemaining === 2, 'the invitation counts the wrong code');
      await expectCode(adapter.signInAsGuest({ invitation, code: wrong }), 'code.invalid', 'a second wrong code');
      await expectCode(adapter.signInAsGuest({ invitation, code: wrong }), 'code.max_attempts', 'the third wrong code');
      await expectCode(adapter.signInAsGuest({ invitation, code }), 'code.max_attempts', 'the right code after the limit');
      await expectCode(adapter.openGuestInvitation({ invitation }), 'code.max_attempts', 'opening the dead invitation');
      check((await adapter.getSession()).session === null, 'no session');
    },
  },
  {
    name: 'guest access: the code lets in as often as the invitation allows; the session is a guest\'s and ends with the invitation',
    async run({ signIn, options, username }) {
      const { adapter, invitation, code } = await guestInvitation(signIn, options, username);
      const first = shape(guestSessionResultSchema, await adapter.signInAsGuest({ invitation, code }), 'signInAsGuest');
      check(first.session.guest === true && first.session.product === 'conformance-guest', 'a guest session of the product');
      const current = (await adapter.getSession()).session;
      check(current?.guest === true && current.accountId === first.session.accountId, 'GET /session shows the guest');
      check((await adapter.openGuestInvitation({ invitation })).usesRemaining === 1, 'one use left');
      await adapter.signInAsGuest({ invitation, code });
      await expectCode(adapter.signInAsGuest({ invitation, code }), 'link.used', 'a third use of a two-use invitation');
      if (!options.advanceTime) return;
      await options.advanceTime(2 * 60 * 60_000);
      check((await adapter.getSession()).session === null, 'the guest session ends with the invitation');
      await expectCode(adapter.openGuestInvitation({ invitation }), ['link.expired', 'link.used'], 'the invitation after its validity');
    },
  },
  {
    name: 'attack: a guest invitation works only in its own product, and only with its own token',
    async run({ signIn, options, username }) {
      const { adapter, invitation, code } = await guestInvitation(signIn, options, username);
      await expectCode(adapter.openGuestInvitation({ invitation, product: 'conformance-basic' }), 'link.invalid', 'the invitation in another product');
      await expectCode(adapter.signInAsGuest({ invitation, code, product: 'conformance-basic' }), 'link.invalid', 'the code in another product');
      await expectCode(adapter.signInAsGuest({ invitation: `${invitation}x`, code }), 'link.invalid', 'an unknown invitation');
      check((await adapter.getSession()).session === null, 'no session');
      const opened = await adapter.openGuestInvitation({ invitation, product: 'conformance-guest' });
      check(opened.attemptsRemaining === 3, 'tries with another product or token cost the invitation nothing');
    },
  },
];

/** A fresh guest invitation of conformance-guest: its token and code from the e-mail. */
async function guestInvitation(signIn: Context['signIn'], options: ConformanceOptions, username: () => string) {
  if (!options.inviteGuest || !options.readEmail) throw new CheckSkipped('no guest invitations or no e-mail reader');
  const adapter = signIn();
  const email = username();
  await options.inviteGuest({ product: 'conformance-guest', email, returnUrl: 'https://conformance.example/guest' });
  const mail = await options.readEmail(email);
  const invitation = /^https:\/\/conformance\.example\/guest#pforte-guest-invitation=([^&\s]+)$/.exec(mail?.link ?? '')?.[1];
  check(invitation !== undefined, 'an invitation e-mail with a link to the return URL, the invitation in its fragment');
  check(mail?.code !== undefined && /^\d+$/.test(mail.code), 'the one-time code in the invitation e-mail');
  return { adapter, invitation, code: mail.code };
}

/** A code of the same length that is not `code`. */
function otherCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

/** Names of every check, in run order. */
export const conformanceCheckNames: readonly string[] = checks.map((entry) => entry.name);

function makeContext(adapter: PforteAdapter | (PforteAdapter & PforteSignInAdapter), options: ConformanceOptions, run: string): Context {
  const policy = parseConfig(conformanceProducts['conformance-basic']).passwordPolicy;
  let counter = 0;
  const username = () => `${options.namespace ?? 'conf'}-${run}-${++counter}@example.org`;
  const phone = () => {
    // A distinct German mobile number per call (the throttles count per number): 0151 and eight digits.
    const digits = `${Number.parseInt(run, 36) % 10_000}`.padStart(4, '0') + String(++counter).padStart(4, '0');
    return `+49151${digits}`;
  };
  const context: Context = {
    adapter,
    signIn() {
      if (typeof (adapter as Partial<PforteSignInAdapter>).signIn !== 'function') throw new CheckSkipped('the adapter has no sign-in');
      return adapter as PforteAdapter & PforteSignInAdapter;
    },
    account() {
      const signIn = context.signIn();
      if (typeof (signIn as Partial<PforteAccountAdapter>).getOrganization !== 'function') throw new CheckSkipped('the adapter has no account area');
      return signIn as PforteAdapter & PforteSignInAdapter & PforteAccountAdapter;
    },
    async inOrganization(product, mode, customerNumber) {
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), `o${counter}`);
      const { flowId } = await context.start(product);
      await adapter.submitCredentials({ flowId, username: name, password });
      if (mode === 'register') await adapter.registerOrganization({ flowId, name: `Praxis ${customerNumber}`, postalCode: '10115', customerNumber });
      else await adapter.joinOrganization({ flowId, customerNumber, postalCode: '10115' });
      const { accountId } = await adapter.complete({ flowId });
      return { username: name, password, accountId };
    },
    async settingsAccount() {
      const signIn = context.account();
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), `s${counter}`);
      const { flowId } = await context.start('conformance-settings');
      await adapter.submitCredentials({ flowId, username: name, password });
      const { pin } = await adapter.issuePin({ flowId, length: 8 });
      await adapter.confirmPinSaved({ flowId });
      await adapter.skipStep({ flowId, step: 'sms' });
      await adapter.skipStep({ flowId, step: 'visibility' });
      const { accountId } = await adapter.complete({ flowId });
      const result = await signIn.signIn({ identifier: name, password, locale: 'de', product: 'conformance-settings' });
      check(result.status === 'signedIn', `signed in after registration, got '${result.status}'`);
      return { username: name, password, accountId, pin };
    },
    async registered(product = 'conformance-basic') {
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), `r${counter}`);
      const { flowId } = await context.start(product);
      await adapter.submitCredentials({ flowId, username: name, password });
      await adapter.complete({ flowId });
      return { username: name, password };
    },
    options,
    policy,
    username,
    phone,
    start: (product) => adapter.startRegistration({ locale: 'de', product }),
    async flowWithAccount(product) {
      return context.flowWithAccountAs(username(), product);
    },
    async flowWithAccountAs(name, product = 'conformance-basic') {
      const { flowId } = await context.start(product);
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'i');
      await adapter.submitCredentials({ flowId, username: name, password });
      return flowId;
    },
    unique: () => `${run}${++counter}`,
    async code(number, flowId) {
      const value = await options.readSmsCode(number, flowId);
      check(value !== undefined, `no SMS code found for ${number}`);
      return value;
    },
  };
  return context;
}

/**
 * Runs every check against adapters from `createAdapter` (called once per
 * check) and returns one result per check; it never throws for a failed check.
 */
export async function runAdapterConformance(
  createAdapter: AdapterFactory,
  options: ConformanceOptions,
  only?: (name: string) => boolean,
): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const entry of checks) {
    if (only && !only(entry.name)) continue;
    results.push(await runOne(entry, createAdapter, options));
  }
  return results;
}

async function runOne(entry: Check, createAdapter: AdapterFactory, options: ConformanceOptions): Promise<ConformanceResult> {
  const run = Math.random().toString(36).slice(2, 8);
  try {
    await entry.run(makeContext(await createAdapter(), options, run));
    return { name: entry.name, ok: true };
  } catch (error) {
    if (error instanceof CheckSkipped) return { name: entry.name, ok: true, skipped: true, message: error.message };
    const message =
      error instanceof CheckFailed
        ? error.message
        : error instanceof PforteError
          ? `unexpected PforteError '${error.code}'`
          : String(error);
    return { name: entry.name, ok: false, message };
  }
}

/** The `describe`/`it` pair of node:test or mocha. */
export interface TestApi {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/**
 * Registers one test per check with node:test or mocha:
 * `defineConformanceTests({ describe, it }, 'my adapter', createAdapter, options)`.
 * A skipped check passes (the message says why).
 */
export function defineConformanceTests(
  api: TestApi,
  title: string,
  createAdapter: AdapterFactory,
  options: ConformanceOptions,
): void {
  api.describe(title, () => {
    for (const entry of checks) {
      api.it(entry.name, async () => {
        const result = await runOne(entry, createAdapter, options);
        if (!result.ok) throw new Error(result.message);
      });
    }
  });
}
