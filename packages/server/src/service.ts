import {
  PforteError,
  generatePin,
  type AdapterAction,
  type Clock,
  type CodeSentResult,
  type CompleteResult,
  type EmailConfirmedResult,
  type EmailSentResult,
  type InvitationDetails,
  type OrganizationMembership,
  type ResolvedStep,
  type SecondFactorMethod,
  type StartResult,
  type StepId,
} from '@pforte/core';
import * as rules from '@pforte/core/rules';
import type {
  CustomerLookupStep,
  EmailCodeStep,
  EmailVerificationStep,
  OrganizationStep,
  PinStep,
  ProfileStep,
  SecondFactorChoiceStep,
  SmsStep,
  TermsStep,
} from '@pforte/core';
import { randomBytes, randomInt } from 'node:crypto';
import { isUniqueViolation, type Queryable } from './db.js';
import type { CaptchaVerifier, EmailSender } from './email.js';
import { codeMatches, hashCode, hashSecret, hashToken, newSalt, randomDigits, randomId, type ScryptCost } from './secrets.js';
import type { SmsSender } from './sms.js';

/** What the service needs; the rules and their defaults come from `@pforte/core/rules`. */
export interface ServiceOptions {
  clock: Clock;
  /** The products this server serves; each flow is bound to one at start. */
  catalog: rules.ProductCatalog;
  /** Code lifetime, attempts, flow lifetime, link validity, lookup lock and send quotas. */
  limits: rules.BackendLimits;
  scryptCost: ScryptCost;
  /** Key of the code HMAC; keep it outside the database. */
  codePepper: string;
  smsSender: SmsSender;
  /** Sends confirmation links and e-mail codes. */
  emailSender: EmailSender;
  /** Checks captcha tokens (the built-in test verifier outside production). */
  captchaVerifier: CaptchaVerifier;
}

/** Context of one request. */
export interface RequestContext {
  ip: string;
  /** The `Origin` the request came from, if any: the default origin of e-mail links. */
  origin?: string | undefined;
}

/** An invitation to seed or create; the same shape as the memory adapter's. */
export interface InvitationSeed {
  token: string;
  email?: string;
  salutation?: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  organization?: string;
  invitedBy?: string;
  createdAt?: number;
  validityDays?: number;
  used?: boolean;
}

/** Seed data: what the demo (or a test) registers against. The same shapes as the memory adapter's options. */
export interface SeedData {
  invitations?: InvitationSeed[];
  customers?: Array<{ customerNumber: string; email: string; name?: string }>;
  organizations?: Array<{ organizationId?: string; name: string; customerNumber: string; postalCode: string; members?: number }>;
}

/** A flow locked for this transaction, with its product and the step an action acts on. */
interface Loaded<Step extends ResolvedStep = ResolvedStep> {
  view: rules.FlowView;
  product: rules.Product;
  step: Step;
  passwordHash: string | null;
  pinHash: string | null;
  invitationHash: string | null;
}

/** Slow hashes made before the transaction that stores them. */
export interface PreparedSecret {
  hash: string;
}

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const invitationColumns = [
  ['email', 'email'],
  ['salutation', 'salutation'],
  ['title', 'title'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['organization', 'organization'],
  ['invitedBy', 'invited_by'],
] as const;

/**
 * The contract's methods on top of SQL. Each one locks the flow, maps its row
 * to the rules' view once, lets `@pforte/core/rules` decide, then writes the
 * view back; what is left here is storage: uniqueness across flows, the send
 * quotas over all flows, hashes, tokens, organizations and accounts.
 */
export function createService(options: ServiceOptions) {
  const { clock, catalog, limits } = options;

  async function load(tx: Queryable, flowId: string): Promise<Omit<Loaded, 'step'>> {
    const [row] = await tx.query<{ view: rules.FlowView; password_hash: string | null; pin_hash: string | null; invitation_hash: string | null }>(
      'SELECT view, password_hash, pin_hash, invitation_hash FROM flows WHERE id = $1 FOR UPDATE',
      [flowId],
    );
    const view = rules.checkFlowOpen(row?.view, clock.now());
    const product = catalog.get(view.product);
    if (!product) throw new PforteError('product.unknown');
    return { view, product, passwordHash: row!.password_hash, pinHash: row!.pin_hash, invitationHash: row!.invitation_hash };
  }

  /** The flow, after the rules allowed `action` on it. */
  async function forAction<Step extends ResolvedStep = ResolvedStep>(tx: Queryable, flowId: string, action: AdapterAction): Promise<Loaded<Step>> {
    const loaded = await load(tx, flowId);
    return { ...loaded, step: rules.requireStep<Step>(loaded.product, loaded.view, action) };
  }

  async function save(tx: Queryable, view: rules.FlowView, columns: { password_hash?: string | null; pin_hash?: string | null; invitation_hash?: string } = {}) {
    const sets = Object.keys(columns).map((column, index) => `, ${column} = $${index + 4}`).join('');
    await tx.query(`UPDATE flows SET view = $2::jsonb, username_key = $3${sets} WHERE id = $1`, [
      view.id,
      JSON.stringify(view),
      view.username === undefined ? null : rules.usernameKey(view.username),
      ...Object.values(columns),
    ]);
  }

  async function isUsernameTaken(tx: Queryable, key: string, flowId: string): Promise<boolean> {
    // Serialises two flows choosing the same name at the same moment.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`username:${key}`]);
    const [taken] = await tx.query(
      `SELECT 1 FROM accounts WHERE username_key = $1
       UNION ALL
       SELECT 1 FROM flows WHERE username_key = $1 AND id <> $2 AND completed_at IS NULL AND expires_at > $3
       LIMIT 1`,
      [key, flowId, clock.now()],
    );
    return taken !== undefined;
  }

  /** Sends per address per hour over all flows stay under the quota (a lookup must not become a mail cannon). */
  async function checkEmailQuota(tx: Queryable, email: string, now: number, flowId: string, ip: string): Promise<void> {
    const recipient = email.toLowerCase();
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email:${recipient}`]);
    const [sent] = await tx.query<{ count: number; first: number | null }>(
      'SELECT count(*)::int AS count, min(sent_at) AS first FROM email_sends WHERE recipient = $1 AND sent_at > $2',
      [recipient, now - hourMs],
    );
    if ((sent?.count ?? 0) >= limits.emailsPerAddressPerHour) throw rules.rateLimited(Number(sent!.first) + hourMs, now);
    await tx.query('INSERT INTO email_sends (flow_id, recipient, ip, sent_at) VALUES ($1, $2, $3, $4)', [flowId, recipient, ip, now]);
  }

  /** SMS per number and per client IP per hour, over all flows; serialised on the number so counts are exact. */
  async function checkSmsQuota(tx: Queryable, phone: string, now: number, flowId: string, ip: string, resendSeconds: number): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`phone:${phone}`]);
    const [byPhone] = await tx.query<{ count: number; last: number | null; first: number | null }>(
      'SELECT count(*)::int AS count, max(sent_at) AS last, min(sent_at) AS first FROM sms_sends WHERE phone = $1 AND sent_at > $2',
      [phone, now - hourMs],
    );
    if (byPhone?.last !== null && byPhone?.last !== undefined) rules.checkResend(Number(byPhone.last) + resendSeconds * 1000, now);
    if ((byPhone?.count ?? 0) >= limits.smsPerPhonePerHour) throw rules.rateLimited(Number(byPhone!.first) + hourMs, now);
    const [byIp] = await tx.query<{ count: number; first: number | null }>(
      'SELECT count(*)::int AS count, min(sent_at) AS first FROM sms_sends WHERE ip = $1 AND sent_at > $2',
      [ip, now - hourMs],
    );
    if ((byIp?.count ?? 0) >= limits.smsPerIpPerHour) throw rules.rateLimited(Number(byIp!.first) + hourMs, now);
    await tx.query('INSERT INTO sms_sends (flow_id, phone, ip, sent_at) VALUES ($1, $2, $3, $4)', [flowId, phone, ip, now]);
  }

  /** Issues a code: one live code per flow and channel, stored as a salted HMAC; the rules keep its state. */
  async function issueCode(tx: Queryable, view: rules.FlowView, channel: 'sms' | 'email', to: string, step: SmsStep | EmailCodeStep) {
    const now = clock.now();
    const code = randomDigits(step.codeLength);
    const salt = newSalt();
    const issued = rules.issueCode(now, step.resendSeconds, limits.codeTtlSeconds);
    const table = channel === 'sms' ? 'sms_codes' : 'email_codes';
    const recipient = channel === 'sms' ? 'phone' : 'email';
    await tx.query(
      `INSERT INTO ${table} (flow_id, ${recipient}, salt, code_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (flow_id) DO UPDATE SET ${recipient} = $2, salt = $3, code_hash = $4`,
      [view.id, to, salt, hashCode(code, salt, options.codePepper)],
    );
    if (channel === 'sms') Object.assign(view, { phone: to, smsVerified: false, smsCode: issued.code, smsResendAt: issued.resendAvailableAt });
    else Object.assign(view, { emailCodeVerified: false, emailCode: issued.code, emailCodeResendAt: issued.resendAvailableAt });
    await save(tx, view);
    const result = { resendAvailableAt: issued.resendAvailableAt, expiresAt: issued.expiresAt, now, codeLength: step.codeLength };
    return { code, result };
  }

  /** Checks an entered code; its new state is stored even when it fails (attempts count). */
  async function checkCode(tx: Queryable, view: rules.FlowView, channel: 'sms' | 'email', entered: string): Promise<void> {
    const [row] = await tx.query<{ salt: string; code_hash: string }>(
      `SELECT salt, code_hash FROM ${channel === 'sms' ? 'sms_codes' : 'email_codes'} WHERE flow_id = $1`,
      [view.id],
    );
    const matches = row !== undefined && codeMatches(entered, row.salt, row.code_hash, options.codePepper);
    const verdict = rules.verifyCode(channel === 'sms' ? view.smsCode : view.emailCode, matches, clock.now(), limits.maxCodeAttempts);
    if (channel === 'sms') view.smsCode = verdict.code;
    else view.emailCode = verdict.code;
    if (verdict.error) {
      await save(tx, view);
      throw verdict.error;
    }
  }

  /** A captcha token: sane, accepted by the verifier, and never used before. */
  async function useCaptcha(tx: Queryable, token: string | undefined): Promise<void> {
    const checked = rules.checkCaptchaToken(token);
    if (!(await options.captchaVerifier.verify(checked))) throw new PforteError('captcha.invalid', { field: 'captcha' });
    const inserted = await tx.query(
      'INSERT INTO captcha_tokens (token_hash, used_at) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash',
      [hashToken(checked), clock.now()],
    );
    if (inserted.length === 0) throw new PforteError('captcha.invalid', { field: 'captcha' });
  }

  /** Members (accounts and seeded) plus pending requests of an organization. */
  async function memberCount(tx: Queryable, organizationId: string): Promise<number> {
    const [row] = await tx.query<{ count: number }>(
      `SELECT (SELECT external_members FROM organizations WHERE id = $1)
              + (SELECT count(*)::int FROM memberships WHERE organization_id = $1) AS count`,
      [organizationId],
    );
    return Number(row?.count ?? 0);
  }

  const service = {
    async startRegistration(tx: Queryable, input: { locale: string; product?: string | undefined }): Promise<StartResult> {
      const locale = rules.checkLocale(input.locale);
      const product = catalog.resolve(input.product);
      const now = clock.now();
      const view = rules.newFlowView(randomId('flow'), product.id, locale, now + limits.flowTtlSeconds * 1000);
      await tx.query('INSERT INTO flows (id, created_at, expires_at, locale, product, view) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
        view.id,
        now,
        view.expiresAt,
        view.locale,
        product.id,
        JSON.stringify(view),
      ]);
      return { flowId: view.id, expiresAt: view.expiresAt, now };
    },

    /**
     * The cheap checks of a credentials request, before any hashing: the flow
     * is open, its product has the step, the username and the password pass
     * the rules. Returns the username as it will be stored.
     */
    async precheckCredentials(tx: Queryable, flowId: string, input: { username: string; password: string }): Promise<string> {
      const { product } = await forAction(tx, flowId, 'submitCredentials');
      const name = rules.acceptUsername(product, input.username);
      const problem = rules.passwordProblem(product, input.password, name);
      if (problem) throw problem;
      return name;
    },

    async prepareSecret(secret: string): Promise<PreparedSecret> {
      return { hash: await hashSecret(secret, options.scryptCost) };
    },

    async submitCredentials(tx: Queryable, flowId: string, username: string, prepared: PreparedSecret): Promise<{ username: string }> {
      const { product, view } = await forAction(tx, flowId, 'submitCredentials');
      if (await isUsernameTaken(tx, rules.usernameKey(username), flowId)) {
        throw new PforteError('identifier.unavailable', { field: 'username' });
      }
      rules.acceptCredentials(product, view, username);
      await save(tx, view, { password_hash: prepared.hash });
      return { username };
    },

    /** The cheap checks of a PIN request (the product's length and mode) before the PIN is made and hashed. */
    async precheckPin(tx: Queryable, flowId: string, input: { length: number } | { pin: string }): Promise<void> {
      const { product, step } = await forAction<PinStep>(tx, flowId, 'length' in input ? 'issuePin' : 'setPin');
      if ('length' in input) rules.checkPinRequest(product, step, input.length);
      else rules.checkChosenPin(product, step, input.pin);
    },

    /** A fresh PIN of `length` digits and its hash, made outside the transaction. */
    async generatePin(length: number): Promise<{ pin: string } & PreparedSecret> {
      const pin = generatePin(length, (max) => randomInt(max));
      return { pin, ...(await service.prepareSecret(pin)) };
    },

    async issuePin(tx: Queryable, flowId: string, length: number, prepared: { pin: string } & PreparedSecret): Promise<{ pin: string }> {
      const { product, view, step } = await forAction<PinStep>(tx, flowId, 'issuePin');
      rules.checkPinRequest(product, step, length);
      // A fresh PIN replaces the old one, which is never shown again; it must be confirmed anew.
      Object.assign(view, { pin: 'issued', pinConfirmed: false });
      await save(tx, view, { pin_hash: prepared.hash });
      return { pin: prepared.pin };
    },

    async setPin(tx: Queryable, flowId: string, pin: string, prepared: PreparedSecret): Promise<void> {
      const { product, view, step } = await forAction<PinStep>(tx, flowId, 'setPin');
      rules.checkChosenPin(product, step, pin);
      Object.assign(view, { pin: 'set', pinConfirmed: true });
      await save(tx, view, { pin_hash: prepared.hash });
    },

    async confirmPinSaved(tx: Queryable, flowId: string): Promise<void> {
      const { view } = await forAction(tx, flowId, 'confirmPinSaved');
      if (view.pin === 'none') throw new PforteError('step.required');
      view.pinConfirmed = true;
      await save(tx, view);
    },

    async sendSmsCode(tx: Queryable, flowId: string, phone: string, context: RequestContext) {
      const { view, step } = await forAction<SmsStep>(tx, flowId, 'sendSmsCode');
      if (!rules.e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
      rules.checkSmsPhone(step, await rules.classifyPhoneNumber(phone));
      const now = clock.now();
      rules.checkResend(view.smsResendAt, now);
      await checkSmsQuota(tx, phone, now, flowId, context.ip, step.resendSeconds);
      const { code, result } = await issueCode(tx, view, 'sms', phone, step);
      await options.smsSender.send({ to: phone, text: rules.messageTexts.smsCode(code), code, flowId, sentAt: now }, tx);
      return result;
    },

    async verifySmsCode(tx: Queryable, flowId: string, code: string): Promise<void> {
      const { view } = await forAction(tx, flowId, 'verifySmsCode');
      await checkCode(tx, view, 'sms', code);
      view.smsVerified = true;
      rules.unskip(view, 'sms');
      await save(tx, view);
    },

    async skipStep(tx: Queryable, flowId: string, step: StepId): Promise<void> {
      const { product, view } = await load(tx, flowId);
      rules.skipStep(product, view, step);
      await save(tx, view);
    },

    async setVisibility(tx: Queryable, flowId: string, visible: boolean): Promise<void> {
      const { view } = await forAction(tx, flowId, 'setVisibility');
      Object.assign(view, { visible, visibilitySet: true });
      rules.unskip(view, 'visibility');
      await save(tx, view);
    },

    async openInvitation(tx: Queryable, flowId: string, token: string): Promise<InvitationDetails> {
      const { view } = await forAction(tx, flowId, 'openInvitation');
      const hash = hashToken(token);
      const [row] = await tx.query<Record<string, string | number | null>>('SELECT * FROM invitations WHERE token_hash = $1', [hash]);
      if (!row) throw new PforteError('link.invalid');
      if (row['used_at'] !== null) throw new PforteError('link.used');
      const validUntil = Number(row['valid_until']);
      if (clock.now() >= validUntil) throw new PforteError('link.expired', { validityDays: Number(row['validity_days']) });
      const details: InvitationDetails = { validUntil };
      for (const [key, column] of invitationColumns) {
        const value = row[column];
        if (typeof value === 'string') details[key] = value;
      }
      view.invitationOpened = true;
      if (details.email !== undefined) view.email = details.email;
      await save(tx, view, { invitation_hash: hash });
      return details;
    },

    async submitProfile(tx: Queryable, flowId: string, profile: Record<string, unknown>): Promise<void> {
      const { product, view, step } = await forAction<ProfileStep>(tx, flowId, 'submitProfile');
      view.profile = rules.cleanProfile(product, step, profile);
      if (view.profile.email !== undefined) view.email = view.profile.email;
      await save(tx, view);
    },

    async acceptTerms(tx: Queryable, flowId: string, acceptedAt: number, version: string | undefined): Promise<void> {
      const { view, step } = await forAction<TermsStep>(tx, flowId, 'acceptTerms');
      const now = clock.now();
      rules.checkTermsAcceptance(step, { acceptedAt, version }, now);
      view.terms = { acceptedAt, recordedAt: now, ...(version === undefined ? {} : { version }) };
      await save(tx, view);
    },

    async sendVerificationEmail(tx: Queryable, flowId: string, returnUrl: string, context: RequestContext): Promise<EmailSentResult> {
      const { view, step } = await forAction<EmailVerificationStep>(tx, flowId, 'sendVerificationEmail');
      const email = rules.requireEmail(view);
      const token = randomBytes(32).toString('base64url');
      const link = rules.verificationLink(step, returnUrl, context.origin, token);
      const now = clock.now();
      rules.checkResend(view.emailLinkResendAt, now);
      await checkEmailQuota(tx, email, now, flowId, context.ip);
      const expiresAt = now + limits.emailLinkValidityHours * hourMs;
      await tx.query('INSERT INTO email_tokens (token_hash, flow_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(token),
        flowId,
        email,
        now,
        expiresAt,
      ]);
      view.emailLinkResendAt = now + step.resendSeconds * 1000;
      await save(tx, view);
      const text = rules.messageTexts.verification(link, limits.emailLinkValidityHours);
      await options.emailSender.send({ to: email, subject: rules.messageTexts.verificationSubject(), text, link, flowId, sentAt: now }, tx);
      return { email, resendAvailableAt: view.emailLinkResendAt, expiresAt, now, validityHours: limits.emailLinkValidityHours };
    },

    async confirmEmail(tx: Queryable, token: string): Promise<EmailConfirmedResult> {
      const [row] = await tx.query<{ flow_id: string; email: string; expires_at: number; used_at: number | null }>(
        'SELECT flow_id, email, expires_at, used_at FROM email_tokens WHERE token_hash = $1 FOR UPDATE',
        [hashToken(token)],
      );
      if (!row) throw new PforteError('link.invalid');
      if (row.used_at !== null) throw new PforteError('link.used');
      const now = clock.now();
      if (now >= Number(row.expires_at)) throw new PforteError('link.expired', { validityHours: limits.emailLinkValidityHours });
      const { product, view } = await forAction(tx, row.flow_id, 'confirmEmail');
      // Single use: this link and every other one sent to the flow are spent.
      await tx.query('UPDATE email_tokens SET used_at = $2 WHERE flow_id = $1 AND used_at IS NULL', [row.flow_id, now]);
      view.verifiedEmail = row.email;
      await save(tx, view);
      return { flowId: view.id, expiresAt: view.expiresAt, now, completedSteps: rules.completedSteps(product, view) };
    },

    async lookupCustomer(
      tx: Queryable,
      flowId: string,
      input: { customerNumber: string; email: string; captchaToken?: string | undefined },
    ): Promise<{ customerName?: string }> {
      const { view, step } = await forAction<CustomerLookupStep>(tx, flowId, 'lookupCustomer');
      const now = clock.now();
      rules.checkLookupLock(view, now);
      if (rules.lookupNeedsCaptcha(step, input.captchaToken)) await useCaptcha(tx, input.captchaToken);
      const [customer] = await tx.query<{ customer_number: string; email: string; name: string | null }>(
        'SELECT customer_number, email, name FROM customers WHERE customer_number = $1 AND lower(email) = $2',
        [input.customerNumber.trim(), input.email.trim().toLowerCase()],
      );
      if (!customer) {
        rules.lookupFailed(view, now, limits);
        await save(tx, view);
        // Never say which of the two was wrong.
        throw new PforteError('customer.mismatch');
      }
      Object.assign(view, { lookupFailures: 0, customerNumber: customer.customer_number, email: customer.email });
      await save(tx, view);
      return customer.name === null ? {} : { customerName: customer.name };
    },

    async verifyCaptcha(tx: Queryable, flowId: string, token: string): Promise<void> {
      const { view } = await forAction(tx, flowId, 'verifyCaptcha');
      await useCaptcha(tx, token);
      view.captchaVerified = true;
      await save(tx, view);
    },

    async registerOrganization(
      tx: Queryable,
      flowId: string,
      input: { name: string; postalCode: string; customerNumber?: string | undefined },
    ): Promise<{ organizationId: string; name: string }> {
      const { product, view, step } = await forAction<OrganizationStep>(tx, flowId, 'registerOrganization');
      const cleaned = rules.checkOrganizationInput(product, step, 'register', input);
      // Created with the account; registering again (after going back) replaces it.
      const organizationId = view.organization?.mode === 'register' ? view.organization.organizationId : randomId('org');
      view.organization = { mode: 'register', organizationId, name: cleaned.name!, postalCode: cleaned.postalCode };
      if (cleaned.customerNumber !== undefined) view.organization.customerNumber = cleaned.customerNumber;
      await save(tx, view);
      return { organizationId, name: cleaned.name! };
    },

    async joinOrganization(
      tx: Queryable,
      flowId: string,
      input: { customerNumber: string; postalCode: string },
    ): Promise<{ organizationId: string; name: string; status: 'pending' }> {
      const { product, view, step } = await forAction<OrganizationStep>(tx, flowId, 'joinOrganization');
      const cleaned = rules.checkOrganizationInput(product, step, 'join', input);
      const candidates = await tx.query<{ id: string; name: string; postal_code: string }>(
        'SELECT id, name, postal_code FROM organizations WHERE lower(customer_number) = $1 ORDER BY created_at, id',
        [cleaned.customerNumber!.toLowerCase()],
      );
      const postal = rules.normalizePostalCode(cleaned.postalCode);
      const found = candidates.find((row) => rules.normalizePostalCode(row.postal_code) === postal);
      if (!found) throw new PforteError('organization.not_found');
      rules.checkOrganizationRoom(product, await memberCount(tx, found.id));
      view.organization = { mode: 'join', organizationId: found.id, name: found.name, postalCode: found.postal_code };
      await save(tx, view);
      return { organizationId: found.id, name: found.name, status: 'pending' };
    },

    async chooseSecondFactor(tx: Queryable, flowId: string, method: string): Promise<void> {
      const { view, step } = await forAction<SecondFactorChoiceStep>(tx, flowId, 'chooseSecondFactor');
      view.secondFactorChoice = rules.checkSecondFactorChoice(step, method);
      await save(tx, view);
    },

    async sendEmailCode(tx: Queryable, flowId: string, context: RequestContext): Promise<CodeSentResult> {
      const { view, step } = await forAction<EmailCodeStep>(tx, flowId, 'sendEmailCode');
      const email = rules.requireEmail(view);
      const now = clock.now();
      rules.checkResend(view.emailCodeResendAt, now);
      await checkEmailQuota(tx, email, now, flowId, context.ip);
      const { code, result } = await issueCode(tx, view, 'email', email, step);
      const message = { to: email, subject: rules.messageTexts.emailCodeSubject(code), text: rules.messageTexts.emailCode(code) };
      await options.emailSender.send({ ...message, code, flowId, sentAt: now }, tx);
      return result;
    },

    async verifyEmailCode(tx: Queryable, flowId: string, code: string): Promise<void> {
      const { view } = await forAction(tx, flowId, 'verifyEmailCode');
      await checkCode(tx, view, 'email', code);
      view.emailCodeVerified = true;
      rules.unskip(view, 'emailCode');
      await save(tx, view);
    },

    async complete(tx: Queryable, flowId: string): Promise<CompleteResult> {
      const { product, view, passwordHash, pinHash, invitationHash } = await load(tx, flowId);
      if (view.username === undefined || passwordHash === null) throw new PforteError('step.required');
      const problem = rules.completionProblem(product, view);
      if (problem) throw problem;
      if (invitationHash !== null) {
        const [invitation] = await tx.query<{ used_at: number | null }>('SELECT used_at FROM invitations WHERE token_hash = $1 FOR UPDATE', [
          invitationHash,
        ]);
        if (invitation?.used_at !== null) throw new PforteError('link.used');
      }
      const now = clock.now();
      let membership: OrganizationMembership | undefined;
      if (view.organization?.mode === 'join') {
        const [organization] = await tx.query<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE id = $1 FOR UPDATE', [
          view.organization.organizationId,
        ]);
        if (!organization) throw new PforteError('organization.not_found');
        rules.checkOrganizationRoom(product, await memberCount(tx, organization.id));
        membership = { organizationId: organization.id, name: organization.name, status: 'pending' };
      } else if (view.organization?.mode === 'register') {
        membership = { organizationId: view.organization.organizationId, name: view.organization.name, status: 'member' };
      }
      const result = rules.completeResult(view as rules.FlowView & { username: string }, {
        accountId: randomId('acc'),
        ...(membership ? { organization: membership } : {}),
      });
      const secondFactor: SecondFactorMethod = result.secondFactor;
      try {
        await tx.query('SAVEPOINT account');
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, pin_hash, phone, second_factor, visible, created_at,
             email, email_verified, profile, terms_accepted_at, terms_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15)`,
          [
            result.accountId,
            flowId,
            view.username,
            rules.usernameKey(view.username),
            passwordHash,
            view.pin === 'none' ? null : pinHash,
            secondFactor === 'sms' ? (view.phone ?? null) : null,
            secondFactor,
            view.visible,
            now,
            view.email ?? null,
            result.emailVerified,
            view.profile === undefined ? null : JSON.stringify(view.profile),
            view.terms?.recordedAt ?? null,
            view.terms?.version ?? null,
          ],
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT account');
        throw new PforteError('identifier.unavailable', { field: 'username' });
      }
      if (view.organization?.mode === 'register') {
        const { organizationId, name, postalCode, customerNumber } = view.organization;
        await tx.query('INSERT INTO organizations (id, name, customer_number, postal_code, created_at) VALUES ($1, $2, $3, $4, $5)', [
          organizationId,
          name,
          customerNumber ?? null,
          postalCode,
          now,
        ]);
      }
      if (membership) {
        await tx.query('INSERT INTO memberships (organization_id, account_id, status, created_at) VALUES ($1, $2, $3, $4)', [
          membership.organizationId,
          result.accountId,
          membership.status,
          now,
        ]);
      }
      if (invitationHash !== null) {
        await tx.query('UPDATE invitations SET used_at = $2, account_id = $3 WHERE token_hash = $1', [invitationHash, now, result.accountId]);
      }
      view.completed = true;
      // The flow keeps no secret once the account holds them.
      await save(tx, view, { password_hash: null, pin_hash: null });
      await tx.query('UPDATE flows SET completed_at = $2 WHERE id = $1', [flowId, now]);
      for (const table of ['sms_codes', 'email_codes', 'email_tokens']) await tx.query(`DELETE FROM ${table} WHERE flow_id = $1`, [flowId]);
      return result;
    },

    /** Adds a registration link; returns its token (random unless given). Only the hash is stored. */
    async createInvitation(tx: Queryable, invitation: Omit<InvitationSeed, 'token'> & { token?: string }): Promise<string> {
      const token = invitation.token ?? randomBytes(32).toString('base64url');
      const createdAt = invitation.createdAt ?? clock.now();
      const validityDays = invitation.validityDays ?? limits.invitationValidityDays;
      await tx.query(
        `INSERT INTO invitations (token_hash, email, salutation, title, first_name, last_name, organization, invited_by,
           created_at, validity_days, valid_until, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (token_hash) DO NOTHING`,
        [
          hashToken(token),
          ...invitationColumns.map(([key]) => invitation[key] ?? null),
          createdAt,
          validityDays,
          createdAt + validityDays * dayMs,
          invitation.used ? createdAt : null,
        ],
      );
      return token;
    },

    /** Loads seed data (idempotent: existing rows are kept). */
    async seed(tx: Queryable, data: SeedData): Promise<void> {
      for (const invitation of data.invitations ?? []) await service.createInvitation(tx, invitation);
      for (const customer of data.customers ?? []) {
        await tx.query(
          'INSERT INTO customers (customer_number, email, name) VALUES ($1, $2, $3) ON CONFLICT (customer_number) DO NOTHING',
          [customer.customerNumber.trim(), customer.email.trim(), customer.name ?? null],
        );
      }
      for (const organization of data.organizations ?? []) {
        await tx.query(
          `INSERT INTO organizations (id, name, customer_number, postal_code, external_members, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
          [
            organization.organizationId ?? randomId('org'),
            organization.name,
            organization.customerNumber,
            organization.postalCode,
            organization.members ?? 1,
            clock.now(),
          ],
        );
      }
    },

    /** Deletes expired open flows, their codes, old send records and idempotency keys older than a day. */
    async cleanup(tx: Queryable): Promise<void> {
      const now = clock.now();
      await tx.query('DELETE FROM flows WHERE completed_at IS NULL AND expires_at < $1', [now - dayMs]);
      for (const table of ['sms_sends', 'email_sends']) await tx.query(`DELETE FROM ${table} WHERE sent_at < $1`, [now - dayMs]);
      await tx.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - dayMs]);
    },
  };
  return service;
}

/** The service's methods. */
export type Service = ReturnType<typeof createService>;
