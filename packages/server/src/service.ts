import {
  PforteError,
  evaluatePassword,
  generatePin,
  isTrivialPin,
  stepIds,
  type Clock,
  type CompleteResult,
  type PasswordPolicy,
  type SmsSentResult,
  type StartResult,
  type StepId,
} from '@pforte/core';
import { randomInt } from 'node:crypto';
import { isUniqueViolation, type Queryable } from './db.js';
import { codeMatches, hashCode, hashSecret, newSalt, randomDigits, randomId, type ScryptCost } from './secrets.js';
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
    const flow = { ...row, expires_at: Number(row.expires_at), resend_available_at: number(row.resend_available_at) };
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
      case 'done':
        return true;
    }
  }

  function rateLimited(until: number, now: number): PforteError {
    return new PforteError('rate_limited', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      resendAvailableAt: until,
      now,
    });
  }

  return {
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
      await tx.query('UPDATE flows SET username = $2, username_key = $3, password_hash = $4 WHERE id = $1', [
        flowId,
        username,
        key,
        prepared.passwordHash,
      ]);
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
      const [row] = await tx.query<CodeRow>('SELECT * FROM sms_codes WHERE flow_id = $1', [flowId]);
      if (!row) throw new PforteError('step.required');
      if (row.state === 'dead') throw new PforteError('code.max_attempts');
      if (row.state === 'used' || clock.now() >= Number(row.expires_at)) throw new PforteError('code.expired');
      if (!codeMatches(code, row.salt, row.code_hash, options.codePepper)) {
        const attempts = row.attempts + 1;
        const dead = attempts >= options.maxCodeAttempts;
        await tx.query('UPDATE sms_codes SET attempts = $2, state = $3 WHERE flow_id = $1', [flowId, attempts, dead ? 'dead' : 'live']);
        if (dead) throw new PforteError('code.max_attempts');
        throw new PforteError('code.invalid', { field: 'code', attemptsRemaining: options.maxCodeAttempts - attempts });
      }
      // Single use: the code is spent once it worked.
      await tx.query("UPDATE sms_codes SET state = 'used' WHERE flow_id = $1", [flowId]);
      await tx.query("UPDATE flows SET sms_verified = true, skipped = array_remove(skipped, 'sms') WHERE id = $1", [flowId]);
    },

    async skipStep(tx: Queryable, flowId: string, step: StepId): Promise<void> {
      await lockFlowWithAccount(tx, flowId);
      if (!optional.has(step)) throw new PforteError('step.required');
      await tx.query(
        `UPDATE flows SET skipped = CASE WHEN $2 = ANY(skipped) THEN skipped ELSE array_append(skipped, $2) END,
         sms_verified = CASE WHEN $2 = 'sms' THEN false ELSE sms_verified END WHERE id = $1`,
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

    async complete(tx: Queryable, flowId: string): Promise<CompleteResult> {
      const flow = await lockFlowWithAccount(tx, flowId);
      const pinPending = flow.pin_state === 'issued' && !flow.pin_confirmed;
      const missing = [...required].some((step) => !isStepDone(flow, step));
      if (pinPending || missing) throw new PforteError('step.required');
      const accountId = randomId('acc');
      const secondFactor = flow.sms_verified ? 'sms' : 'none';
      const now = clock.now();
      try {
        await tx.query('SAVEPOINT account');
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, pin_hash, phone, second_factor, visible, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            accountId,
            flowId,
            flow.username,
            flow.username.toLowerCase(),
            flow.password_hash,
            flow.pin_state === 'none' ? null : flow.pin_hash,
            flow.sms_verified ? flow.phone : null,
            secondFactor,
            flow.visible,
            now,
          ],
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT account');
        throw new PforteError('identifier.unavailable', { field: 'username' });
      }
      // The flow keeps no secret once the account holds them.
      await tx.query('UPDATE flows SET completed_at = $2, password_hash = NULL, pin_hash = NULL WHERE id = $1', [flowId, now]);
      await tx.query('DELETE FROM sms_codes WHERE flow_id = $1', [flowId]);
      const skipped = new Set(flow.skipped);
      return {
        accountId,
        username: flow.username,
        skipped: stepIds.filter((step) => skipped.has(step)),
        visible: flow.visible,
        secondFactor,
      };
    },

    /** Deletes expired open flows, their codes, old send records and idempotency keys older than a day. */
    async cleanup(tx: Queryable): Promise<void> {
      const now = clock.now();
      await tx.query('DELETE FROM flows WHERE completed_at IS NULL AND expires_at < $1', [now - 24 * hourMs]);
      await tx.query('DELETE FROM sms_sends WHERE sent_at < $1', [now - 24 * hourMs]);
      await tx.query('DELETE FROM idempotency_keys WHERE created_at < $1', [now - 24 * hourMs]);
    },
  };
}

/** The service's methods. */
export type Service = ReturnType<typeof createService>;
