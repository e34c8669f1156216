import * as z from 'zod/mini';
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
  policyPresets,
  smsSentResultSchema,
  startResultSchema,
  type PasswordPolicy,
  type PforteAdapter,
  type StepId,
} from '@pforte/core';

/** What the kit needs to know about (and may do to) the backend under test. */
export interface ConformanceOptions {
  /** The policy the product publishes (what the widget's checklist shows); default: the nist preset. */
  passwordPolicy?: PasswordPolicy;
  /** The latest SMS code sent to `phone` in flow `flowId` (an outbox, a test SMS gateway…). */
  readSmsCode(phone: string, flowId: string): Promise<string | undefined> | string | undefined;
  /** Moves the backend's clock forward; without it the expiry checks look at deadlines only. */
  advanceTime?(ms: number): Promise<void> | void;
  /** Seconds between two SMS per flow the backend promises (default 60). */
  resendSeconds?: number;
  /** Wrong tries per code (default 5). */
  maxCodeAttempts?: number;
  /** An optional step the backend accepts in `skipStep` (default 'sms'). */
  optionalStep?: StepId;
  /** Prefix of usernames, to keep runs apart on a shared database (default: random). */
  namespace?: string;
  /**
   * The latest e-mail to `to` in flow `flowId`: its confirmation link and/or
   * code. Without it the e-mail link and e-mail code checks are skipped.
   */
  readEmail?(to: string, flowId: string): Promise<EmailRead | undefined> | EmailRead | undefined;
  /** Adds a registration link on the backend; returns its token. Without it the invitation check is skipped. */
  createInvitation?(details: { email?: string; createdAt?: number; validityDays?: number }): Promise<string> | string;
  /** Adds a customer on file. Without it the customer lookup check is skipped. */
  addCustomer?(customer: { customerNumber: string; email: string; name?: string }): Promise<void> | void;
  /** Adds an organization with `members` members. Without it the organization check is skipped. */
  addOrganization?(organization: { name: string; customerNumber: string; postalCode: string; members: number }): Promise<void> | void;
  /** Members plus pending requests per organization the backend allows (default 5). */
  maxOrganizationMembers?: number;
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

/** Something to call per check for a fresh adapter (it may share a backend). */
export type AdapterFactory = () => PforteAdapter | Promise<PforteAdapter>;

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
  options: ConformanceOptions;
  policy: PasswordPolicy;
  /** A username not used before in this run. */
  username(): string;
  /** A phone number not used before in this run. */
  phone(): string;
  /** A short token unique to this run and call (customer numbers, nonces). */
  unique(): string;
  /** A fresh flow with accepted credentials. */
  flowWithAccount(): Promise<string>;
  /** A fresh flow with accepted credentials for the username `name` (an e-mail address gives the flow its address). */
  flowWithAccountAs(name: string): Promise<string>;
  code(phone: string, flowId: string): Promise<string>;
}

const checks: Check[] = [
  {
    name: 'results match the contract schemas',
    async run({ adapter, username, phone, code, policy }) {
      const started = shape(startResultSchema, await adapter.startRegistration({ locale: 'de' }), 'startRegistration');
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
      shape(issuePinResultSchema, await adapter.issuePin({ flowId, length: 6 }), 'issuePin');
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
        const { flowId } = await adapter.startRegistration({ locale: 'de' });
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
    async run({ adapter, flowWithAccount, phone, code, options }) {
      const flowId = await flowWithAccount();
      const number = phone();
      await adapter.sendSmsCode({ flowId, phone: number });
      const right = await code(number, flowId);
      const wrong = right.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      const limit = options.maxCodeAttempts ?? 5;
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
    async run({ adapter }) {
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      await expectCode(adapter.complete({ flowId }), 'step.required', 'complete without credentials');
      await expectCode(adapter.issuePin({ flowId, length: 6 }), 'step.required', 'a PIN without credentials');
    },
  },
  {
    name: 'a skipped optional step is accepted and reported',
    async run({ adapter, flowWithAccount, options }) {
      const step = options.optionalStep ?? 'sms';
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
      const flowId = await flowWithAccount();
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
      const flowId = await flowWithAccount();
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
    async run({ adapter, flowWithAccount, username, policy }) {
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
      const next = await adapter.startRegistration({ locale: 'de' });
      const name = username();
      const password = passwordOfLength(Math.max(lengthsOf(policy).min, 16), 'h');
      await adapter.submitCredentials({ flowId: next.flowId, username: name, password });
      await adapter.submitCredentials({ flowId: next.flowId, username: name, password });
      // …but the name is taken for every other flow.
      const other = await adapter.startRegistration({ locale: 'de' });
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
    async run({ adapter, options, username, policy, unique }) {
      if (!options.createInvitation) throw new CheckSkipped('no createInvitation hook');
      const started = await adapter.startRegistration({ locale: 'de' });
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
      const again = await adapter.startRegistration({ locale: 'de' });
      await expectCode(adapter.openInvitation({ flowId: again.flowId, token }), 'link.used', 'the link after a completed registration');
    },
  },
  {
    name: 'customer.mismatch never reveals which field was wrong',
    async run({ adapter, options, unique }) {
      if (!options.addCustomer) throw new CheckSkipped('no addCustomer hook');
      const customerNumber = `K${unique()}`;
      const email = `Kunde-${unique()}@Example.org`;
      await options.addCustomer({ customerNumber, email, name: 'Praxis Conformance' });
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
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
    async run({ adapter, options, unique }) {
      const token = options.captchaToken?.() ?? `pforte-test-captcha:${unique()}`;
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
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
      const flowId = await flowWithAccountAs(email);
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
      const max = options.maxOrganizationMembers ?? 5;
      const customerNumber = `P${unique()}`;
      await options.addOrganization({ name: 'Praxis Conformance', customerNumber, postalCode: '10115', members: max - 1 });
      const first = await flowWithAccount();
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
      const second = await flowWithAccount();
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
      const bySms = await flowWithAccount();
      await adapter.chooseSecondFactor({ flowId: bySms, method: 'sms' });
      await expectCode(adapter.complete({ flowId: bySms }), 'step.required', "complete with 'sms' chosen and no code");
      const number = phone();
      await adapter.sendSmsCode({ flowId: bySms, phone: number });
      await adapter.verifySmsCode({ flowId: bySms, code: await code(number, bySms) });
      check((await adapter.complete({ flowId: bySms })).secondFactor === 'sms', "secondFactor 'sms'");

      const byNone = await flowWithAccount();
      const other = phone();
      await adapter.sendSmsCode({ flowId: byNone, phone: other });
      await adapter.verifySmsCode({ flowId: byNone, code: await code(other, byNone) });
      await adapter.chooseSecondFactor({ flowId: byNone, method: 'none' });
      check((await adapter.complete({ flowId: byNone })).secondFactor === 'none', "the choice 'none' wins over a verified SMS");

      if (!options.readEmail) return;
      const email = `code-${unique()}@example.org`;
      const byEmail = await flowWithAccountAs(email);
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
];

/** Names of every check, in run order. */
export const conformanceCheckNames: readonly string[] = checks.map((entry) => entry.name);

function makeContext(adapter: PforteAdapter, options: ConformanceOptions, run: string): Context {
  const policy = options.passwordPolicy ?? policyPresets.nist;
  let counter = 0;
  const username = () => `${options.namespace ?? 'conf'}-${run}-${++counter}@example.org`;
  const phone = () => {
    // A distinct German mobile number per call (the throttles count per number).
    const digits = `${Number.parseInt(run, 36) % 100_000}`.padStart(5, '0') + String(++counter).padStart(4, '0');
    return `+49151${digits}`;
  };
  const context: Context = {
    adapter,
    options,
    policy,
    username,
    phone,
    async flowWithAccount() {
      return context.flowWithAccountAs(username());
    },
    async flowWithAccountAs(name) {
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
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
