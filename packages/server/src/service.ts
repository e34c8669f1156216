import {
  PforteError,
  evaluatePassword,
  generatePin,
  isTrivialPin,
  stepIds,
  type Clock,
  type CodeSentResult,
  type CompleteResult,
  type EmailConfirmedResult,
  type EmailSentResult,
  type InvitationDetails,
  type OrganizationMembership,
  type PasswordPolicy,
  type ProfileValues,
  type SecondFactorMethod,
  type SmsSentResult,
  type StartResult,
  type StepId,
} from '@pforte/core';
import { randomBytes, randomInt } from 'node:crypto';
import { isUniqueViolation, type Queryable } from './db.js';
import type { CaptchaVerifier, EmailSender } from './email.js';
import {
  codeMatches,
  hashCode,
  hashSecret,
  hashToken,
  newSalt,
  randomDigits,
  randomId,
  type ScryptCost,
} from './secrets.js';
import type { SmsSender } from './sms.js';

/** Business rules of the reference server; every default matches the memory adapter of @pforte/core. */
export interface ServiceOptions {
  clock: Clock;
  passwordPolicy: PasswordPolicy;
  requiredSteps: StepId[];
  optionalSteps: StepId[];
  smsCodeLength: number;
  resendSeconds: number;
  /** Capped at 600: codes never live longer than 10 minutes. */
  codeTtlSeconds: number;
  maxCodeAttempts: number;
  flowTtlSeconds: number;
  /** SMS per phone number per hour, over all flows. */
  smsPerPhonePerHour: number;
  /** SMS per client IP per hour, over all flows. */
  smsPerIpPerHour: number;
  scryptCost: ScryptCost;
  /** Key of the SMS code HMAC; keep it outside the database. */
  codePepper: string;
  smsSender: SmsSender;
  /** Sends confirmation links and e-mail codes. */
  emailSender: EmailSender;
  /** Checks captcha tokens (the built-in test verifier outside production). */
  captchaVerifier: CaptchaVerifier;
  /** Digits per e-mail code. */
  emailCodeLength: number;
  /** Hours an e-mail confirmation link stays valid. */
  emailLinkValidityHours: number;
  /** E-mails per address per hour, over all flows. */
  emailsPerAddressPerHour: number;
  /** Members plus pending join requests per organization. */
  maxOrganizationMembers: number;
  /** Whether `lookupCustomer` insists on a captcha token. */
  customerLookupCaptcha: boolean;
  /** Wrong customer lookups per flow before it is locked for 15 minutes. */
  maxLookupAttempts: number;
  /** Version of the terms in force; another version is 'terms.required'. */
  termsVersion: string | undefined;
  /**
   * Origins a verification e-mail may link to (e.g. `https://praxis.example`);
   * empty: any http(s) URL. Set it in production, or anyone who knows a
   * customer's number and address could mail them a link to any site.
   */
  returnUrlOrigins: string[];
}

interface FlowRow {
  id: string;
  expires_at: number;
  completed_at: number | null;
  username: string | null;
  password_hash: string | null;
  pin_state: 'none' | 'issued' | 'set';
  pin_hash: string | null;
  pin_confirmed: boolean;
  phone: string | null;
  sms_verified: boolean;
  resend_available_at: number | null;
  visibility_set: boolean;
  visible: boolean;
  skipped: StepId[];
  email: string | null;
  verified_email: string | null;
  email_link_resend_at: number | null;
  invitation_hash: string | null;
  profile: ProfileValues | null;
  terms_accepted_at: number | null;
  terms_recorded_at: number | null;
  terms_version: string | null;
  customer_number: string | null;
  lookup_failures: number;
  lookup_locked_until: number | null;
  captcha_verified: boolean;
  organization: FlowOrganization | null;
  second_factor_choice: SecondFactorMethod | null;
  email_code_verified: boolean;
  email_code_resend_at: number | null;
}

interface FlowOrganization {
  mode: 'register' | 'join';
  organizationId: string;
  name: string;
  postalCode: string;
  customerNumber?: string;
}

interface CodeRow {
  salt: string;
  code_hash: string;
  expires_at: number;
  attempts: number;
  state: 'live' | 'used' | 'dead';
}

/** Context of one request. */
export interface RequestContext {
  ip: string;
}

const e164Pattern = /^\+[1-9]\d{6,14}$/;
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const lookupLockMs = 15 * 60 * 1000;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const postalCodePattern = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;
const profileKeys = ['salutation', 'title', 'firstName', 'lastName', 'position', 'mobile', 'phone', 'email'] as const;

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

/** Postal codes compare without spaces and case ("10115" = "10 115"). */
function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function checkOrganizationInput(input: { name?: string; postalCode: string; customerNumber?: string | undefined }) {
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new PforteError('organization.invalid', { field: 'name' });
  }
  if (input.customerNumber !== undefined) {
    const number = input.customerNumber.trim();
    if (number.length === 0 || number.length > 64) throw new PforteError('organization.invalid', { field: 'customerNumber' });
  }
  if (!postalCodePattern.test(input.postalCode.trim())) throw new PforteError('organization.invalid', { field: 'postalCode' });
}

/** The profile trimmed and checked like the memory adapter does. */
function cleanProfile(profile: Record<string, unknown>): ProfileValues {
  const values: ProfileValues = {};
  for (const key of profileKeys) {
    const raw = profile[key];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') throw new PforteError('profile.invalid', { field: key });
    const value = raw.trim();
    if (value === '') continue;
    if (value.length > 200) throw new PforteError('profile.invalid', { field: key });
    if ((key === 'mobile' || key === 'phone') && !e164Pattern.test(value)) throw new PforteError('profile.invalid', { field: key });
    if (key === 'email' && (!emailPattern.test(value) || value.length > 254)) {
      throw new PforteError('profile.invalid', { field: key });
    }
    values[key] = value;
  }
  return values;
}

/** Checks that need no database: username syntax and the password policy (in the memory adapter's order). */
function credentialProblem(username: string, password: string, policy: PasswordPolicy): PforteError | undefined {
  const nameLength = [...username].length;
  if (nameLength < 3 || nameLength > 254 || /\s/.test(username)) {
    return new PforteError('identifier.invalid', { field: 'username' });
  }
  const evaluation = evaluatePassword(policy, password, { identifier: username });
  if (!evaluation.ok) {
    const tooShort = evaluation.results.some((result) => result.rule.kind === 'minLength' && !result.met);
    return new PforteError(tooShort ? 'password.too_short' : 'password.rejected', { field: 'password' });
  }
  return undefined;
}

/** The contract's methods on top of SQL. Every method runs inside the caller's transaction. */
export function createService(options: ServiceOptions) {
  const { clock } = options;
  const codeTtlMs = Math.min(options.codeTtlSeconds, 600) * 1000;
  const resendMs = options.resendSeconds * 1000;
  const required = new Set(options.requiredSteps);
  const optional = new Set(options.optionalSteps);

  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

  /** The flow, locked for this transaction; fails like the memory adapter. */
  async function lockFlow(tx: Queryable, flowId: string): Promise<FlowRow> {
    const [row] = await tx.query<FlowRow>('SELECT * FROM flows WHERE id = $1 FOR UPDATE', [flowId]);
    if (!row) throw new PforteError('flow.unknown');
    if (row.completed_at !== null) throw new PforteError('link.used');
    const flow: FlowRow = {
      ...row,
      expires_at: Number(row.expires_at),
      resend_available_at: number(row.resend_available_at),
      email_link_resend_at: number(row.email_link_resend_at),
      terms_accepted_at: number(row.terms_accepted_at),
      terms_recorded_at: number(row.terms_recorded_at),
      lookup_locked_until: number(row.lookup_locked_until),
      email_code_resend_at: number(row.email_code_resend_at),
    };
    if (clock.now() >= flow.expires_at) throw new PforteError('flow.expired');
    return flow;
  }

  async function lockFlowWithAccount(tx: Queryable, flowId: string): Promise<FlowRow & { username: string }> {
    const flow = await lockFlow(tx, flowId);
    if (flow.username === null) throw new PforteError('step.required');
    return flow as FlowRow & { username: string };
  }

  function isStepDone(flow: FlowRow, step: StepId): boolean {
    switch (step) {
      case 'credentials':
        return flow.username !== null;
      case 'pin':
        return flow.pin_state === 'set' || (flow.pin_state === 'issued' && flow.pin_confirmed);
      case 'sms':
        return flow.sms_verified;
      case 'visibility':
        return flow.visibility_set;
      case 'invitation':
        return flow.invitation_hash !== null;
      case 'profile':
        return flow.profile !== null;
      case 'terms':
        return flow.terms_recorded_at !== null;
      case 'emailVerification':
        return isEmailVerified(flow);
      case 'customerLookup':
        return flow.customer_number !== null;
      case 'captcha':
        return flow.captcha_verified;
      case 'organization':
        return flow.organization !== null;
      case 'secondFactorChoice':
        return flow.second_factor_choice !== null;
      case 'emailCode':
        return flow.email_code_verified;
      case 'done':
        return true;
    }
  }

  function isEmailVerified(flow: FlowRow): boolean {
    return flow.email !== null && flow.verified_email !== null && flow.email.toLowerCase() === flow.verified_email.toLowerCase();
  }

  /** Per-address hourly cap over all flows (a lookup must not become a mail cannon). */
  async function checkEmailQuota(tx: Queryable, email: string, now: number): Promise<void> {
    const recipient = email.toLowerCase();
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email:${recipient}`]);
    const [sent] = await tx.query<{ count: number; first: number | null }>(
      'SELECT count(*)::int AS count, min(sent_at) AS first FROM email_sends WHERE recipient = $1 AND sent_at > $2',
      [recipient, now - hourMs],
    );
    if ((sent?.count ?? 0) >= options.emailsPerAddressPerHour) throw rateLimited(Number(sent!.first) + hourMs, now);
  }

  async function recordEmailSend(tx: Queryable, flowId: string, email: string, ip: string, now: number): Promise<void> {
    await tx.query('INSERT INTO email_sends (flow_id, recipient, ip, sent_at) VALUES ($1, $2, $3, $4)', [
      flowId,
      email.toLowerCase(),
      ip,
      now,
    ]);
  }

  /** Checks a code in `table` (sms_codes, email_codes): single use, expiry, limited attempts. Returns on success. */
  async function checkCode(tx: Queryable, table: 'sms_codes' | 'email_codes', flowId: string, code: string): Promise<void> {
    const [row] = await tx.query<CodeRow>(`SELECT * FROM ${table} WHERE flow_id = $1`, [flowId]);
    if (!row) throw new PforteError('step.required');
    if (row.state === 'dead') throw new PforteError('code.max_attempts');
    if (row.state === 'used' || clock.now() >= Number(row.expires_at)) throw new PforteError('code.expired');
    if (!codeMatches(code, row.salt, row.code_hash, options.codePepper)) {
      const attempts = row.attempts + 1;
      const dead = attempts >= options.maxCodeAttempts;
      await tx.query(`UPDATE ${table} SET attempts = $2, state = $3 WHERE flow_id = $1`, [flowId, attempts, dead ? 'dead' : 'live']);
      if (dead) throw new PforteError('code.max_attempts');
      throw new PforteError('code.invalid', { field: 'code', attemptsRemaining: options.maxCodeAttempts - attempts });
    }
    // Single use: the code is spent once it worked.
    await tx.query(`UPDATE ${table} SET state = 'used' WHERE flow_id = $1`, [flowId]);
  }

  /** A captcha token: the verifier accepts it and it was never used before. */
  async function useCaptcha(tx: Queryable, token: string | undefined): Promise<void> {
    if (token === undefined || token.length > 5000 || !(await options.captchaVerifier.verify(token))) {
      throw new PforteError('captcha.invalid', { field: 'captcha' });
    }
    const inserted = await tx.query(
      'INSERT INTO captcha_tokens (token_hash, used_at) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash',
      [hashToken(token), clock.now()],
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

  function linkFor(returnUrl: string, token: string): string {
    let url: URL;
    try {
      url = new URL(returnUrl);
    } catch {
      throw new PforteError('link.invalid', { field: 'returnUrl' });
    }
    const allowed = options.returnUrlOrigins;
    if (!/^https?:$/.test(url.protocol) || (allowed.length > 0 && !allowed.includes(url.origin))) {
      throw new PforteError('link.invalid', { field: 'returnUrl' });
    }
    url.hash = '';
    return `${url.href}#pforte-email-token=${token}`;
  }

  function rateLimited(until: number, now: number): PforteError {
    return new PforteError('rate_limited', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      resendAvailableAt: until,
      now,
    });
  }

  const service = {
    async startRegistration(tx: Queryable, input: { locale: string; product?: string | undefined }): Promise<StartResult> {
      const now = clock.now();
      const id = randomId('flow');
      const expiresAt = now + options.flowTtlSeconds * 1000;
      await tx.query('INSERT INTO flows (id, created_at, expires_at, locale, product) VALUES ($1, $2, $3, $4, $5)', [
        id,
        now,
        expiresAt,
        input.locale.slice(0, 35),
        input.product ?? null,
      ]);
      return { flowId: id, expiresAt, now };
    },

    /** Hashing is slow: do it before the transaction, so no row stays locked meanwhile. */
    async prepareCredentials(input: { username: string; password: string }) {
      const username = input.username.trim();
      const problem = credentialProblem(username, input.password, options.passwordPolicy);
      const passwordHash = problem ? undefined : await hashSecret(input.password, options.scryptCost);
      return { username, problem, passwordHash };
    },

    async submitCredentials(
      tx: Queryable,
      flowId: string,
      prepared: { username: string; problem: PforteError | undefined; passwordHash: string | undefined },
    ): Promise<{ username: string }> {
      await lockFlow(tx, flowId);
      const { username } = prepared;
      if (prepared.problem?.code === 'identifier.invalid') throw prepared.problem;
      const key = username.toLowerCase();
      // Serialises two flows choosing the same name at the same moment.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`username:${key}`]);
      const [taken] = await tx.query(
        `SELECT 1 FROM accounts WHERE username_key = $1
         UNION ALL
         SELECT 1 FROM flows WHERE username_key = $1 AND id <> $2 AND completed_at IS NULL AND expires_at > $3
         LIMIT 1`,
        [key, flowId, clock.now()],
      );
      if (taken) throw new PforteError('identifier.unavailable', { field: 'username' });
      if (prepared.problem) throw prepared.problem;
      // A username that is an e-mail address gives the flow its address (the latest source wins, as in the memory adapter).
      await tx.query(
        'UPDATE flows SET username = $2, username_key = $3, password_hash = $4, email = COALESCE($5, email) WHERE id = $1',
        [flowId, username, key, prepared.passwordHash, emailPattern.test(username) ? username : null],
      );
      return { username };
    },

    async preparePin(pin: string) {
      return hashSecret(pin, options.scryptCost);
    },

    async issuePin(tx: Queryable, flowId: string, length: number, prepared: { pin: string; hash: string } | undefined) {
      await lockFlowWithAccount(tx, flowId);
      if (!prepared || !Number.isInteger(length) || length < 4 || length > 12) throw new PforteError('pin.invalid');
      // A fresh PIN replaces the old one, which is never shown again; it must be confirmed anew.
      await tx.query("UPDATE flows SET pin_state = 'issued', pin_hash = $2, pin_confirmed = false WHERE id = $1", [
        flowId,
        prepared.hash,
      ]);
      return { pin: prepared.pin };
    },

    /** A PIN and its hash, made before the transaction (undefined for a bad length). */
    async generatePin(length: number) {
      if (!Number.isInteger(length) || length < 4 || length > 12) return undefined;
      const pin = generatePin(length, (max) => randomInt(max));
      return { pin, hash: await hashSecret(pin, options.scryptCost) };
    },

    async setPin(tx: Queryable, flowId: string, pin: string, hash: string | undefined): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      if (!/^\d{4,12}$/.test(pin)) throw new PforteError('pin.invalid', { field: 'pin' });
      if (isTrivialPin(pin) || !hash) throw new PforteError('pin.trivial', { field: 'pin' });
      await tx.query("UPDATE flows SET pin_state = 'set', pin_hash = $2, pin_confirmed = true WHERE id = $1", [flowId, hash]);
    },

    async confirmPinSaved(tx: Queryable, flowId: string): Promise<void> {
      const flow = await lockFlowWithAccount(tx, flowId);
      if (flow.pin_state === 'none') throw new PforteError('step.required');
      await tx.query('UPDATE flows SET pin_confirmed = true WHERE id = $1', [flowId]);
    },

    async sendSmsCode(tx: Queryable, flowId: string, phone: string, context: RequestContext): Promise<SmsSentResult> {
      const flow = await lockFlowWithAccount(tx, flowId);
      if (!e164Pattern.test(phone)) throw new PforteError('phone.invalid', { field: 'phone' });
      const now = clock.now();
      if (flow.resend_available_at !== null && now < flow.resend_available_at) {
        throw rateLimited(flow.resend_available_at, now);
      }
      // Per number (over all flows) and per client IP: serialise on the number so counts are exact.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`phone:${phone}`]);
      const [byPhone] = await tx.query<{ count: number; last: number | null; first: number | null }>(
        'SELECT count(*)::int AS count, max(sent_at) AS last, min(sent_at) AS first FROM sms_sends WHERE phone = $1 AND sent_at > $2',
        [phone, now - hourMs],
      );
      const lastToPhone = number(byPhone?.last);
      if (lastToPhone !== null && now < lastToPhone + resendMs) throw rateLimited(lastToPhone + resendMs, now);
      if ((byPhone?.count ?? 0) >= options.smsPerPhonePerHour) throw rateLimited(Number(byPhone!.first) + hourMs, now);
      const [byIp] = await tx.query<{ count: number; first: number | null }>(
        'SELECT count(*)::int AS count, min(sent_at) AS first FROM sms_sends WHERE ip = $1 AND sent_at > $2',
        [context.ip, now - hourMs],
      );
      if ((byIp?.count ?? 0) >= options.smsPerIpPerHour) throw rateLimited(Number(byIp!.first) + hourMs, now);

      const code = randomDigits(options.smsCodeLength);
      const salt = newSalt();
      const expiresAt = now + codeTtlMs;
      const resendAvailableAt = now + resendMs;
      // One live code per flow: a new one replaces the old one, whatever its state.
      await tx.query(
        `INSERT INTO sms_codes (flow_id, phone, salt, code_hash, expires_at, attempts, state)
         VALUES ($1, $2, $3, $4, $5, 0, 'live')
         ON CONFLICT (flow_id) DO UPDATE SET phone = $2, salt = $3, code_hash = $4, expires_at = $5, attempts = 0, state = 'live'`,
        [flowId, phone, salt, hashCode(code, salt, options.codePepper), expiresAt],
      );
      await tx.query('UPDATE flows SET phone = $2, sms_verified = false, resend_available_at = $3 WHERE id = $1', [
        flowId,
        phone,
        resendAvailableAt,
      ]);
      await tx.query('INSERT INTO sms_sends (flow_id, phone, ip, sent_at) VALUES ($1, $2, $3, $4)', [flowId, phone, context.ip, now]);
      await options.smsSender.send(
        { to: phone, text: `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`, code, flowId, sentAt: now },
        tx,
      );
      return { resendAvailableAt, expiresAt, now, codeLength: options.smsCodeLength };
    },

    async verifySmsCode(tx: Queryable, flowId: string, code: string): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      await checkCode(tx, 'sms_codes', flowId, code);
      await tx.query("UPDATE flows SET sms_verified = true, skipped = array_remove(skipped, 'sms') WHERE id = $1", [flowId]);
    },

    async skipStep(tx: Queryable, flowId: string, step: StepId): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      if (!optional.has(step)) throw new PforteError('step.required');
      await tx.query(
        `UPDATE flows SET skipped = CASE WHEN $2 = ANY(skipped) THEN skipped ELSE array_append(skipped, $2) END,
         sms_verified = CASE WHEN $2 = 'sms' THEN false ELSE sms_verified END,
         email_code_verified = CASE WHEN $2 = 'emailCode' THEN false ELSE email_code_verified END WHERE id = $1`,
        [flowId, step],
      );
    },

    async setVisibility(tx: Queryable, flowId: string, visible: boolean): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      await tx.query(
        "UPDATE flows SET visible = $2, visibility_set = true, skipped = array_remove(skipped, 'visibility') WHERE id = $1",
        [flowId, visible],
      );
    },

    async openInvitation(tx: Queryable, flowId: string, token: string): Promise<InvitationDetails> {
      await lockFlow(tx, flowId);
      const hash = hashToken(token);
      const [row] = await tx.query<Record<string, string | number | null>>(
        'SELECT * FROM invitations WHERE token_hash = $1',
        [hash],
      );
      if (!row) throw new PforteError('link.invalid');
      if (row['used_at'] !== null) throw new PforteError('link.used');
      const validUntil = Number(row['valid_until']);
      if (clock.now() >= validUntil) throw new PforteError('link.expired', { validityDays: Number(row['validity_days']) });
      const details: InvitationDetails = { validUntil };
      const columns = [
        ['email', 'email'],
        ['salutation', 'salutation'],
        ['title', 'title'],
        ['firstName', 'first_name'],
        ['lastName', 'last_name'],
        ['organization', 'organization'],
        ['invitedBy', 'invited_by'],
      ] as const;
      for (const [key, column] of columns) {
        const value = row[column];
        if (typeof value === 'string') details[key] = value;
      }
      await tx.query('UPDATE flows SET invitation_hash = $2, email = COALESCE($3, email) WHERE id = $1', [
        flowId,
        hash,
        details.email ?? null,
      ]);
      return details;
    },

    async submitProfile(tx: Queryable, flowId: string, profile: Record<string, unknown>): Promise<void> {
      await lockFlow(tx, flowId);
      const values = cleanProfile(profile);
      await tx.query('UPDATE flows SET profile = $2::jsonb, email = COALESCE($3, email) WHERE id = $1', [
        flowId,
        JSON.stringify(values),
        values.email ?? null,
      ]);
    },

    async acceptTerms(tx: Queryable, flowId: string, acceptedAt: number, version: string | undefined): Promise<void> {
      await lockFlow(tx, flowId);
      if (!Number.isFinite(acceptedAt)) throw new PforteError('terms.required');
      if (options.termsVersion !== undefined && version !== options.termsVersion) throw new PforteError('terms.required');
      await tx.query('UPDATE flows SET terms_accepted_at = $2, terms_recorded_at = $3, terms_version = $4 WHERE id = $1', [
        flowId,
        Math.round(acceptedAt),
        clock.now(),
        version ?? null,
      ]);
    },

    async sendVerificationEmail(tx: Queryable, flowId: string, returnUrl: string, context: RequestContext): Promise<EmailSentResult> {
      const flow = await lockFlow(tx, flowId);
      if (flow.email === null) throw new PforteError('step.required');
      const email = flow.email;
      const token = randomBytes(32).toString('base64url');
      const link = linkFor(returnUrl, token);
      const now = clock.now();
      if (flow.email_link_resend_at !== null && now < flow.email_link_resend_at) throw rateLimited(flow.email_link_resend_at, now);
      await checkEmailQuota(tx, email, now);
      const expiresAt = now + options.emailLinkValidityHours * hourMs;
      const resendAvailableAt = now + resendMs;
      await tx.query('INSERT INTO email_tokens (token_hash, flow_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(token),
        flowId,
        email,
        now,
        expiresAt,
      ]);
      await tx.query('UPDATE flows SET email_link_resend_at = $2 WHERE id = $1', [flowId, resendAvailableAt]);
      await recordEmailSend(tx, flowId, email, context.ip, now);
      await options.emailSender.send(
        {
          to: email,
          subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address',
          text: `Bitte bestätigen Sie Ihre E-Mail-Adresse / Please confirm your e-mail address:\n${link}\n\nDer Link ist ${options.emailLinkValidityHours} Stunden gültig. / The link is valid for ${options.emailLinkValidityHours} hours.`,
          link,
          flowId,
          sentAt: now,
        },
        tx,
      );
      return { email, resendAvailableAt, expiresAt, now, validityHours: options.emailLinkValidityHours };
    },

    async confirmEmail(tx: Queryable, token: string): Promise<EmailConfirmedResult> {
      const [row] = await tx.query<{ flow_id: string; email: string; expires_at: number; used_at: number | null }>(
        'SELECT flow_id, email, expires_at, used_at FROM email_tokens WHERE token_hash = $1 FOR UPDATE',
        [hashToken(token)],
      );
      if (!row) throw new PforteError('link.invalid');
      if (row.used_at !== null) throw new PforteError('link.used');
      const now = clock.now();
      if (now >= Number(row.expires_at)) throw new PforteError('link.expired', { validityHours: options.emailLinkValidityHours });
      const flow = await lockFlow(tx, row.flow_id);
      // Single use: this link and every other one sent to the flow are spent.
      await tx.query('UPDATE email_tokens SET used_at = $2 WHERE flow_id = $1 AND used_at IS NULL', [row.flow_id, now]);
      await tx.query('UPDATE flows SET verified_email = $2 WHERE id = $1', [row.flow_id, row.email]);
      const updated: FlowRow = { ...flow, verified_email: row.email };
      return {
        flowId: flow.id,
        expiresAt: flow.expires_at,
        now,
        completedSteps: stepIds.filter((step) => step !== 'done' && isStepDone(updated, step)),
      };
    },

    async lookupCustomer(
      tx: Queryable,
      flowId: string,
      input: { customerNumber: string; email: string; captchaToken?: string | undefined },
    ): Promise<{ customerName?: string }> {
      const flow = await lockFlow(tx, flowId);
      const now = clock.now();
      if (flow.lookup_locked_until !== null && now < flow.lookup_locked_until) {
        throw new PforteError('rate_limited', { retryAfterSeconds: Math.ceil((flow.lookup_locked_until - now) / 1000), now });
      }
      if (input.captchaToken !== undefined || options.customerLookupCaptcha) await useCaptcha(tx, input.captchaToken);
      const [customer] = await tx.query<{ customer_number: string; email: string; name: string | null }>(
        'SELECT customer_number, email, name FROM customers WHERE customer_number = $1 AND lower(email) = $2',
        [input.customerNumber.trim(), input.email.trim().toLowerCase()],
      );
      if (!customer) {
        const failures = flow.lookup_failures + 1;
        const locked = failures >= options.maxLookupAttempts;
        await tx.query('UPDATE flows SET lookup_failures = $2, lookup_locked_until = $3 WHERE id = $1', [
          flowId,
          locked ? 0 : failures,
          locked ? now + lookupLockMs : flow.lookup_locked_until,
        ]);
        // Never say which of the two was wrong.
        throw new PforteError('customer.mismatch');
      }
      await tx.query('UPDATE flows SET lookup_failures = 0, customer_number = $2, email = $3 WHERE id = $1', [
        flowId,
        customer.customer_number,
        customer.email,
      ]);
      return customer.name === null ? {} : { customerName: customer.name };
    },

    async verifyCaptcha(tx: Queryable, flowId: string, token: string): Promise<void> {
      await lockFlow(tx, flowId);
      await useCaptcha(tx, token);
      await tx.query('UPDATE flows SET captcha_verified = true WHERE id = $1', [flowId]);
    },

    async registerOrganization(
      tx: Queryable,
      flowId: string,
      input: { name: string; postalCode: string; customerNumber?: string | undefined },
    ): Promise<{ organizationId: string; name: string }> {
      const flow = await lockFlowWithAccount(tx, flowId);
      checkOrganizationInput(input);
      // Created with the account; registering again (after going back) replaces it.
      const organizationId = flow.organization?.mode === 'register' ? flow.organization.organizationId : randomId('org');
      const organization: FlowOrganization = {
        mode: 'register',
        organizationId,
        name: input.name.trim(),
        postalCode: input.postalCode.trim(),
      };
      if (input.customerNumber !== undefined) organization.customerNumber = input.customerNumber.trim();
      await tx.query('UPDATE flows SET organization = $2::jsonb WHERE id = $1', [flowId, JSON.stringify(organization)]);
      return { organizationId, name: organization.name };
    },

    async joinOrganization(
      tx: Queryable,
      flowId: string,
      input: { customerNumber: string; postalCode: string },
    ): Promise<{ organizationId: string; name: string; status: 'pending' }> {
      await lockFlowWithAccount(tx, flowId);
      checkOrganizationInput(input);
      const candidates = await tx.query<{ id: string; name: string; postal_code: string }>(
        'SELECT id, name, postal_code FROM organizations WHERE lower(customer_number) = $1 ORDER BY created_at, id',
        [input.customerNumber.trim().toLowerCase()],
      );
      const found = candidates.find((row) => normalizePostalCode(row.postal_code) === normalizePostalCode(input.postalCode));
      if (!found) throw new PforteError('organization.not_found');
      if ((await memberCount(tx, found.id)) >= options.maxOrganizationMembers) throw new PforteError('organization.full');
      const organization: FlowOrganization = { mode: 'join', organizationId: found.id, name: found.name, postalCode: found.postal_code };
      await tx.query('UPDATE flows SET organization = $2::jsonb WHERE id = $1', [flowId, JSON.stringify(organization)]);
      return { organizationId: found.id, name: found.name, status: 'pending' };
    },

    async chooseSecondFactor(tx: Queryable, flowId: string, method: SecondFactorMethod): Promise<void> {
      await lockFlow(tx, flowId);
      await tx.query('UPDATE flows SET second_factor_choice = $2 WHERE id = $1', [flowId, method]);
    },

    async sendEmailCode(tx: Queryable, flowId: string, context: RequestContext): Promise<CodeSentResult> {
      const flow = await lockFlowWithAccount(tx, flowId);
      if (flow.email === null) throw new PforteError('step.required');
      const email = flow.email;
      const now = clock.now();
      if (flow.email_code_resend_at !== null && now < flow.email_code_resend_at) throw rateLimited(flow.email_code_resend_at, now);
      await checkEmailQuota(tx, email, now);
      const code = randomDigits(options.emailCodeLength);
      const salt = newSalt();
      const expiresAt = now + codeTtlMs;
      const resendAvailableAt = now + resendMs;
      await tx.query(
        `INSERT INTO email_codes (flow_id, email, salt, code_hash, expires_at, attempts, state)
         VALUES ($1, $2, $3, $4, $5, 0, 'live')
         ON CONFLICT (flow_id) DO UPDATE SET email = $2, salt = $3, code_hash = $4, expires_at = $5, attempts = 0, state = 'live'`,
        [flowId, email, salt, hashCode(code, salt, options.codePepper), expiresAt],
      );
      await tx.query('UPDATE flows SET email_code_verified = false, email_code_resend_at = $2 WHERE id = $1', [
        flowId,
        resendAvailableAt,
      ]);
      await recordEmailSend(tx, flowId, email, context.ip, now);
      await options.emailSender.send(
        {
          to: email,
          subject: `Ihr Code: ${code} / Your code: ${code}`,
          text: `Ihr Pforte-Code: ${code} / Your Pforte code: ${code}`,
          code,
          flowId,
          sentAt: now,
        },
        tx,
      );
      return { resendAvailableAt, expiresAt, now, codeLength: options.emailCodeLength };
    },

    async verifyEmailCode(tx: Queryable, flowId: string, code: string): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      await checkCode(tx, 'email_codes', flowId, code);
      await tx.query("UPDATE flows SET email_code_verified = true, skipped = array_remove(skipped, 'emailCode') WHERE id = $1", [
        flowId,
      ]);
    },

    async complete(tx: Queryable, flowId: string): Promise<CompleteResult> {
      const flow = await lockFlowWithAccount(tx, flowId);
      const pinPending = flow.pin_state === 'issued' && !flow.pin_confirmed;
      if (required.has('terms') && flow.terms_recorded_at === null) throw new PforteError('terms.required');
      const choice = flow.second_factor_choice;
      // A code step the choice routed around is not required.
      const inactive = (step: StepId) =>
        choice !== null && ((step === 'sms' && choice !== 'sms') || (step === 'emailCode' && choice !== 'email'));
      const missing = [...required].some((step) => !inactive(step) && !isStepDone(flow, step));
      const skipped = new Set(flow.skipped);
      // A chosen second factor must be verified, unless its step was put off.
      const choiceOpen =
        (choice === 'sms' && !flow.sms_verified && !skipped.has('sms')) ||
        (choice === 'email' && !flow.email_code_verified && !skipped.has('emailCode'));
      if (pinPending || missing || choiceOpen) throw new PforteError('step.required');
      if (flow.invitation_hash !== null) {
        const [invitation] = await tx.query<{ used_at: number | null }>(
          'SELECT used_at FROM invitations WHERE token_hash = $1 FOR UPDATE',
          [flow.invitation_hash],
        );
        if (invitation?.used_at !== null) throw new PforteError('link.used');
      }
      const now = clock.now();
      let membership: OrganizationMembership | undefined;
      if (flow.organization?.mode === 'join') {
        const [organization] = await tx.query<{ id: string; name: string }>(
          'SELECT id, name FROM organizations WHERE id = $1 FOR UPDATE',
          [flow.organization.organizationId],
        );
        if (!organization) throw new PforteError('organization.not_found');
        if ((await memberCount(tx, organization.id)) >= options.maxOrganizationMembers) throw new PforteError('organization.full');
        membership = { organizationId: organization.id, name: organization.name, status: 'pending' };
      } else if (flow.organization?.mode === 'register') {
        const { organizationId, name } = flow.organization;
        membership = { organizationId, name, status: 'member' };
      }
      const secondFactor: SecondFactorMethod =
        choice === null
          ? flow.sms_verified
            ? 'sms'
            : flow.email_code_verified
              ? 'email'
              : 'none'
          : (choice === 'sms' && flow.sms_verified) || (choice === 'email' && flow.email_code_verified)
            ? choice
            : 'none';
      const emailVerified = isEmailVerified(flow);
      const accountId = randomId('acc');
      try {
        await tx.query('SAVEPOINT account');
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, pin_hash, phone, second_factor, visible, created_at,
             email, email_verified, profile, terms_accepted_at, terms_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15)`,
          [
            accountId,
            flowId,
            flow.username,
            flow.username.toLowerCase(),
            flow.password_hash,
            flow.pin_state === 'none' ? null : flow.pin_hash,
            secondFactor === 'sms' ? flow.phone : null,
            secondFactor,
            flow.visible,
            now,
            flow.email,
            emailVerified,
            flow.profile === null ? null : JSON.stringify(flow.profile),
            flow.terms_recorded_at,
            flow.terms_version,
          ],
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT account');
        throw new PforteError('identifier.unavailable', { field: 'username' });
      }
      if (flow.organization?.mode === 'register') {
        const { organizationId, name, postalCode, customerNumber } = flow.organization;
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
          accountId,
          membership.status,
          now,
        ]);
      }
      if (flow.invitation_hash !== null) {
        await tx.query('UPDATE invitations SET used_at = $2, account_id = $3 WHERE token_hash = $1', [
          flow.invitation_hash,
          now,
          accountId,
        ]);
      }
      // The flow keeps no secret once the account holds them.
      await tx.query('UPDATE flows SET completed_at = $2, password_hash = NULL, pin_hash = NULL WHERE id = $1', [flowId, now]);
      await tx.query('DELETE FROM sms_codes WHERE flow_id = $1', [flowId]);
      await tx.query('DELETE FROM email_codes WHERE flow_id = $1', [flowId]);
      await tx.query('DELETE FROM email_tokens WHERE flow_id = $1', [flowId]);
      const result: CompleteResult = {
        accountId,
        username: flow.username,
        skipped: stepIds.filter((step) => skipped.has(step)),
        visible: flow.visible,
        secondFactor,
        emailVerified,
      };
      if (membership) result.organization = membership;
      return result;
    },

    /** Adds a registration link; returns its token (random unless given). Only the hash is stored. */
    async createInvitation(tx: Queryable, invitation: Omit<InvitationSeed, 'token'> & { token?: string }): Promise<string> {
      const token = invitation.token ?? randomBytes(32).toString('base64url');
      const createdAt = invitation.createdAt ?? clock.now();
      const validityDays = invitation.validityDays ?? 14;
      await tx.query(
        `INSERT INTO invitations (token_hash, email, salutation, title, first_name, last_name, organization, invited_by,
           created_at, validity_days, valid_until, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (token_hash) DO NOTHING`,
        [
          hashToken(token),
          invitation.email ?? null,
          invitation.salutation ?? null,
          invitation.title ?? null,
          invitation.firstName ?? null,
          invitation.lastName ?? null,
          invitation.organization ?? null,
          invitation.invitedBy ?? null,
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
      await tx.query('DELETE FROM flows WHERE completed_at IS NULL AND expires_at < $1', [now - 24 * hourMs]);
      await tx.query('DELETE FROM sms_sends WHERE sent_at < $1', [now - 24 * hourMs]);
      await tx.query('DELETE FROM email_sends WHERE sent_at < $1', [now - 24 * hourMs]);
      await tx.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - 24 * hourMs]);
    },
  };
  return service;
}

/** The service's methods. */
export type Service = ReturnType<typeof createService>;
