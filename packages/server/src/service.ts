import { PforteError, type Clock, type ProfileValues } from '@pforte/core';
import * as rules from '@pforte/core/rules';
import { randomBytes } from 'node:crypto';
import { isUniqueViolation, type Queryable } from './db.js';
import type { CaptchaVerifier, EmailSender } from './email.js';
import { codeMatches, hashCode, hashToken, newSalt, randomDigits, randomId } from './secrets.js';
import type { SmsSender } from './sms.js';

/** What the service needs; the rules, the actions and their defaults come from `@pforte/core/rules`. */
export interface ServiceOptions {
  clock: Clock;
  /** The products this server serves; each flow is bound to one at start. */
  catalog: rules.ProductCatalog;
  /** Code lifetime, attempts, flow lifetime, link validity, lookup lock and send quotas. */
  limits: rules.BackendLimits;
  /** Key of the code HMAC; keep it outside the database. */
  codePepper: string;
  smsSender: SmsSender;
  /** Sends confirmation links and e-mail codes. */
  emailSender: EmailSender;
  /** Checks captcha tokens (the built-in test verifier outside production). */
  captchaVerifier: CaptchaVerifier;
  /** Asked whether a new password is known from a breach (none: no such check). */
  breachedPasswordChecker?: rules.BreachedPasswordChecker | undefined;
}

/** Context of one request. */
export interface RequestContext extends rules.RequestContext {
  ip: string;
}

/** Seed data: the shapes of `@pforte/core/rules`, shared with the memory adapter's options. */
export type { InvitationSeed, SeedData } from '@pforte/core/rules';

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
const codeTables = { sms: { table: 'sms_codes', recipient: 'phone' }, email: { table: 'email_codes', recipient: 'email' } } as const;

/**
 * The reference server's storage for the flow actions of `@pforte/core/rules`,
 * in one transaction: a flow is its row's `view` (the rules' normalised view)
 * beside the secrets' columns; the rest is what lies outside one flow —
 * username uniqueness, the send quotas over all flows, links, customers,
 * organizations and accounts.
 */
function createSqlStore(tx: Queryable, options: ServiceOptions, ip: string): rules.FlowStore {
  const { clock, limits } = options;

  /** Sends per recipient (and for SMS per client IP) in the last hour, over all flows; serialised on the recipient. */
  async function countRecent(table: 'sms_sends' | 'email_sends', column: 'phone' | 'recipient' | 'ip', value: string, now: number) {
    const [row] = await tx.query<{ count: number; first: number | null; last: number | null }>(
      `SELECT count(*)::int AS count, min(sent_at) AS first, max(sent_at) AS last FROM ${table} WHERE ${column} = $1 AND sent_at > $2`,
      [value, now - hourMs],
    );
    return { count: row?.count ?? 0, first: Number(row?.first ?? now), last: row?.last === null || row?.last === undefined ? undefined : Number(row.last) };
  }

  return {
    async loadFlow(flowId) {
      const [row] = await tx.query<{ view: rules.FlowView; password_hash: string | null; pin_hash: string | null; invitation_hash: string | null }>(
        'SELECT view, password_hash, pin_hash, invitation_hash FROM flows WHERE id = $1 FOR UPDATE',
        [flowId],
      );
      return row && { view: row.view, passwordHash: row.password_hash ?? undefined, pinHash: row.pin_hash, invitationKey: row.invitation_hash };
    },
    async createFlow(view) {
      await tx.query('INSERT INTO flows (id, created_at, active_at, expires_at, locale, product, view) VALUES ($1, $2, $2, $3, $4, $5, $6::jsonb)', [
        view.id,
        clock.now(),
        view.expiresAt,
        view.locale,
        view.product,
        JSON.stringify(view),
      ]);
    },
    async saveFlow({ view, passwordHash, pinHash, invitationKey }) {
      await tx.query(
        `UPDATE flows SET view = $2::jsonb, username_key = $3, password_hash = $4, pin_hash = $5, invitation_hash = $6, active_at = $8,
           completed_at = CASE WHEN $7 THEN coalesce(completed_at, $8) END WHERE id = $1`,
        [
          view.id,
          JSON.stringify(view),
          view.username === undefined ? null : await rules.usernameKey(view.username),
          passwordHash ?? null,
          pinHash ?? null,
          invitationKey ?? null,
          view.completed,
          clock.now(),
        ],
      );
    },
    async isUsernameTaken(key, flowId, heldSince) {
      // Serialises two flows choosing the same name at the same moment.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`username:${key}`]);
      const [taken] = await tx.query(
        `SELECT 1 FROM accounts WHERE username_key = $1
         UNION ALL
         SELECT 1 FROM flows WHERE username_key = $1 AND id <> $2 AND completed_at IS NULL AND expires_at > $3 AND active_at >= $4
         LIMIT 1`,
        [key, flowId, clock.now(), heldSince],
      );
      return taken !== undefined;
    },
    async recentAttempts(bucket, since) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attempts:${bucket}`]);
      const [row] = await tx.query<{ count: number; first: number | null }>(
        'SELECT count(*)::int AS count, min(at) AS first FROM attempts WHERE bucket = $1 AND at > $2',
        [bucket, since],
      );
      return { count: row?.count ?? 0, first: row?.first === null || row?.first === undefined ? undefined : Number(row.first) };
    },
    async recordAttempt(bucket, at) {
      await tx.query('INSERT INTO attempts (bucket, at) VALUES ($1, $2)', [bucket, at]);
    },
    async storeCode(flowId, channel, to, code) {
      const { table, recipient } = codeTables[channel];
      const salt = newSalt();
      await tx.query(
        `INSERT INTO ${table} (flow_id, ${recipient}, salt, code_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (flow_id) DO UPDATE SET ${recipient} = $2, salt = $3, code_hash = $4`,
        [flowId, to, salt, hashCode(code, salt, options.codePepper)],
      );
    },
    async codeMatches(flowId, channel, entered) {
      const [row] = await tx.query<{ salt: string; code_hash: string }>(`SELECT salt, code_hash FROM ${codeTables[channel].table} WHERE flow_id = $1`, [
        flowId,
      ]);
      return row !== undefined && codeMatches(entered, row.salt, row.code_hash, options.codePepper);
    },
    async countSend(message, resendSeconds) {
      const now = message.sentAt;
      if (message.channel === 'email') {
        const recipient = message.to.toLowerCase();
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email:${recipient}`]);
        const sent = await countRecent('email_sends', 'recipient', recipient, now);
        if (sent.count >= limits.emailsPerAddressPerHour) throw rules.rateLimited(sent.first + hourMs, now);
        await tx.query('INSERT INTO email_sends (flow_id, recipient, ip, sent_at) VALUES ($1, $2, $3, $4)', [message.flowId, recipient, ip, now]);
        return;
      }
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`phone:${message.to}`]);
      const byPhone = await countRecent('sms_sends', 'phone', message.to, now);
      if (byPhone.last !== undefined) rules.checkResend(byPhone.last + resendSeconds * 1000, now);
      if (byPhone.count >= limits.smsPerPhonePerHour) throw rules.rateLimited(byPhone.first + hourMs, now);
      const byIp = await countRecent('sms_sends', 'ip', ip, now);
      if (byIp.count >= limits.smsPerIpPerHour) throw rules.rateLimited(byIp.first + hourMs, now);
      await tx.query('INSERT INTO sms_sends (flow_id, phone, ip, sent_at) VALUES ($1, $2, $3, $4)', [message.flowId, message.to, ip, now]);
    },
    async send(message) {
      const { channel, to, text, code, link, flowId, sentAt } = message;
      if (channel === 'sms') await options.smsSender.send({ to, text, code: code!, flowId, sentAt }, tx);
      else await options.emailSender.send({ to, subject: message.subject ?? '', text, flowId, sentAt, ...(code ? { code } : {}), ...(link ? { link } : {}) }, tx);
    },
    async findInvitation(token) {
      const key = hashToken(token);
      const [row] = await tx.query<Record<string, string | number | null>>('SELECT * FROM invitations WHERE token_hash = $1', [key]);
      if (!row) return undefined;
      const details: rules.StoredInvitation['details'] = {};
      for (const [name, column] of invitationColumns) {
        const value = row[column];
        if (typeof value === 'string') details[name] = value;
      }
      return { key, details, validUntil: Number(row['valid_until']), validityDays: Number(row['validity_days']), used: row['used_at'] !== null };
    },
    async isInvitationUsed(key) {
      const [row] = await tx.query<{ used_at: number | null }>('SELECT used_at FROM invitations WHERE token_hash = $1 FOR UPDATE', [key]);
      return row?.used_at !== null;
    },
    async storeEmailToken(token, { flowId, email, expiresAt, now }) {
      await tx.query('INSERT INTO email_tokens (token_hash, flow_id, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hashToken(token),
        flowId,
        email,
        now,
        expiresAt,
      ]);
    },
    async findEmailToken(token) {
      const [row] = await tx.query<{ flow_id: string; email: string; expires_at: number; used_at: number | null }>(
        'SELECT flow_id, email, expires_at, used_at FROM email_tokens WHERE token_hash = $1 FOR UPDATE',
        [hashToken(token)],
      );
      return row && { flowId: row.flow_id, email: row.email, expiresAt: Number(row.expires_at), used: row.used_at !== null };
    },
    async spendEmailTokens(flowId, now) {
      await tx.query('UPDATE email_tokens SET used_at = $2 WHERE flow_id = $1 AND used_at IS NULL', [flowId, now]);
    },
    async useCaptcha(token) {
      if (!(await options.captchaVerifier.verify(token))) return false;
      const inserted = await tx.query(
        'INSERT INTO captcha_tokens (token_hash, used_at) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash',
        [hashToken(token), clock.now()],
      );
      return inserted.length > 0;
    },
    async findCustomer(customerNumber, email) {
      const [row] = await tx.query<{ customer_number: string; email: string; name: string | null }>(
        'SELECT customer_number, email, name FROM customers WHERE customer_number = $1 AND lower(email) = $2',
        [customerNumber, email.toLowerCase()],
      );
      return row && { customerNumber: row.customer_number, email: row.email, ...(row.name === null ? {} : { name: row.name }) };
    },
    async findOrganization(customerNumber, postalCode) {
      const candidates = await tx.query<{ id: string; name: string; postal_code: string }>(
        'SELECT id, name, postal_code FROM organizations WHERE lower(customer_number) = $1 ORDER BY created_at, id',
        [customerNumber.toLowerCase()],
      );
      const postal = rules.normalizePostalCode(postalCode);
      const found = candidates.find((row) => rules.normalizePostalCode(row.postal_code) === postal);
      return found && { organizationId: found.id, name: found.name, postalCode: found.postal_code };
    },
    async organizationById(organizationId) {
      const [row] = await tx.query<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
      return row && { organizationId: row.id, name: row.name };
    },
    async memberCount(organizationId) {
      const [row] = await tx.query<{ count: number }>(
        `SELECT (SELECT external_members FROM organizations WHERE id = $1)
                + (SELECT count(*)::int FROM memberships WHERE organization_id = $1 AND status <> 'denied') AS count`,
        [organizationId],
      );
      return Number(row?.count ?? 0);
    },
    async createAccount({ result, flow: { view, passwordHash, pinHash, invitationKey }, membership, now }) {
      try {
        await tx.query('SAVEPOINT account');
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, pin_hash, phone, second_factor, visible, created_at,
             email, email_verified, profile, terms_accepted_at, terms_version, product)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16)`,
          [
            result.accountId,
            view.id,
            view.username,
            await rules.usernameKey(view.username),
            passwordHash,
            view.pin === 'none' ? null : pinHash,
            result.secondFactor === 'sms' ? (view.phone ?? null) : null,
            result.secondFactor,
            view.visible,
            now,
            view.email ?? null,
            result.emailVerified,
            view.profile === undefined ? null : JSON.stringify(view.profile),
            view.terms?.recordedAt ?? null,
            view.terms?.version ?? null,
            view.product,
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
        await tx.query('INSERT INTO memberships (organization_id, account_id, status, role, created_at) VALUES ($1, $2, $3, $4, $5)', [
          membership.organizationId,
          result.accountId,
          membership.status,
          view.organization?.mode === 'register' ? 'master' : 'member',
          now,
        ]);
      }
      if (invitationKey) {
        await tx.query('UPDATE invitations SET used_at = $2, account_id = $3 WHERE token_hash = $1', [invitationKey, now, result.accountId]);
      }
      for (const table of ['sms_codes', 'email_codes', 'email_tokens']) await tx.query(`DELETE FROM ${table} WHERE flow_id = $1`, [view.id]);
    },
  };
}

interface AccountRow {
  id: string;
  username: string;
  product: string;
  password_hash: string | null;
  second_factor: 'sms' | 'email' | 'none';
  phone: string | null;
  email: string | null;
  must_change_password: boolean;
  first_sign_in: boolean;
}

function accountFrom(row: AccountRow | undefined): rules.StoredAccount | undefined {
  return (
    row && {
      accountId: row.id,
      username: row.username,
      product: row.product,
      passwordHash: row.password_hash,
      secondFactor: row.second_factor,
      phone: row.phone ?? undefined,
      email: row.email ?? undefined,
      mustChangePassword: row.must_change_password,
      firstSignIn: row.first_sign_in,
    }
  );
}

const accountColumns = 'id, username, product, password_hash, second_factor, phone, email, must_change_password, first_sign_in';

/**
 * The reference server's storage for sign-in, password reset and sessions:
 * the attempt log and the sends are the flow store's; sign-ins keep the
 * rules' view as jsonb; codes, reset tokens and session tokens only as hashes.
 */
function createSqlAccountStore(tx: Queryable, options: ServiceOptions, flows: rules.FlowStore): rules.OrganizationStore & rules.AccountSettingsStore {
  const { clock } = options;
  return {
    async findAccount(key) {
      const [row] = await tx.query<AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE username_key = $1`, [key]);
      return accountFrom(row);
    },
    async accountById(accountId) {
      const [row] = await tx.query<AccountRow>(`SELECT ${accountColumns} FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
      return accountFrom(row);
    },
    isUsernameTaken: (key) => flows.isUsernameTaken(key, '', clock.now() - options.limits.usernameHoldSeconds * 1000),
    async insertAccount(account) {
      try {
        await tx.query('SAVEPOINT account');
        await tx.query(
          `INSERT INTO accounts (id, flow_id, username, username_key, password_hash, phone, second_factor, visible, created_at, email, product, must_change_password, first_sign_in)
           VALUES ($1, NULL, $2, $3, $4, $5, $6, false, $7, $8, $9, $10, $11)`,
          [
            account.accountId,
            account.username,
            await rules.usernameKey(account.username),
            account.passwordHash,
            account.phone ?? null,
            account.secondFactor,
            account.createdAt,
            account.email ?? null,
            account.product,
            account.mustChangePassword,
            account.firstSignIn,
          ],
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT account');
        throw new PforteError('identifier.unavailable', { field: 'username' });
      }
    },
    async setPassword(accountId, passwordHash, mustChange) {
      await tx.query('UPDATE accounts SET password_hash = $2, must_change_password = $3 WHERE id = $1', [accountId, passwordHash, mustChange]);
    },
    async endFirstSignIn(accountId) {
      await tx.query('UPDATE accounts SET first_sign_in = false WHERE id = $1', [accountId]);
    },
    recentAttempts: flows.recentAttempts,
    recordAttempt: flows.recordAttempt,
    async clearAttempts(bucket) {
      await tx.query('DELETE FROM attempts WHERE bucket = $1', [bucket]);
    },
    async createSignIn(view) {
      await tx.query('INSERT INTO sign_ins (id, account_id, expires_at, view) VALUES ($1, $2, $3, $4::jsonb)', [
        view.id,
        view.accountId,
        view.expiresAt,
        JSON.stringify(view),
      ]);
    },
    async loadSignIn(id) {
      const [row] = await tx.query<{ view: rules.SignInView }>('SELECT view FROM sign_ins WHERE id = $1 FOR UPDATE', [id]);
      return row?.view;
    },
    async saveSignIn(view) {
      await tx.query('UPDATE sign_ins SET view = $2::jsonb WHERE id = $1', [view.id, JSON.stringify(view)]);
    },
    async deleteSignIn(id) {
      await tx.query('DELETE FROM sign_ins WHERE id = $1', [id]);
    },
    async storeSignInCode(signInId, to, code) {
      const salt = newSalt();
      await tx.query(
        `INSERT INTO sign_in_codes (sign_in_id, recipient, salt, code_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sign_in_id) DO UPDATE SET recipient = $2, salt = $3, code_hash = $4`,
        [signInId, to, salt, hashCode(code, salt, options.codePepper)],
      );
    },
    async signInCodeMatches(signInId, entered) {
      const [row] = await tx.query<{ salt: string; code_hash: string }>('SELECT salt, code_hash FROM sign_in_codes WHERE sign_in_id = $1', [signInId]);
      return row !== undefined && codeMatches(entered, row.salt, row.code_hash, options.codePepper);
    },
    countSend: flows.countSend,
    send: flows.send,
    async storeResetToken(token, { accountId, expiresAt, now }) {
      await tx.query('INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
        hashToken(token),
        accountId,
        now,
        expiresAt,
      ]);
    },
    async findResetToken(token) {
      const [row] = await tx.query<{ account_id: string; expires_at: number; used_at: number | null }>(
        'SELECT account_id, expires_at, used_at FROM password_resets WHERE token_hash = $1 FOR UPDATE',
        [hashToken(token)],
      );
      return row && { accountId: row.account_id, expiresAt: Number(row.expires_at), used: row.used_at !== null };
    },
    async spendResetTokens(accountId, now) {
      await tx.query('UPDATE password_resets SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL', [accountId, now]);
    },
    async createSession(token, session) {
      const guest = session.guestInvitationId;
      await tx.query(
        `INSERT INTO sessions (token_hash, account_id, guest_invitation_id, product, created_at, idle_expires_at, absolute_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          hashToken(token),
          guest === undefined ? session.accountId : null,
          guest ?? null,
          session.product,
          session.createdAt,
          session.idleExpiresAt,
          session.absoluteExpiresAt,
        ],
      );
    },
    async findSession(token) {
      const [row] = await tx.query<{
        account_id: string | null;
        guest_invitation_id: string | null;
        product: string;
        created_at: number;
        idle_expires_at: number;
        absolute_expires_at: number;
        reauthenticated_at: number | null;
      }>(
        `SELECT account_id, guest_invitation_id, product, created_at, idle_expires_at, absolute_expires_at, reauthenticated_at
           FROM sessions WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(token)],
      );
      return (
        row && {
          accountId: row.account_id ?? row.guest_invitation_id ?? '',
          ...(row.guest_invitation_id === null ? {} : { guestInvitationId: row.guest_invitation_id }),
          product: row.product,
          createdAt: Number(row.created_at),
          idleExpiresAt: Number(row.idle_expires_at),
          absoluteExpiresAt: Number(row.absolute_expires_at),
          ...(row.reauthenticated_at === null ? {} : { reauthenticatedAt: Number(row.reauthenticated_at) }),
        }
      );
    },
    async saveSession(token, session) {
      await tx.query('UPDATE sessions SET idle_expires_at = $2, reauthenticated_at = $3 WHERE token_hash = $1', [
        hashToken(token),
        session.idleExpiresAt,
        session.reauthenticatedAt ?? null,
      ]);
    },
    async deleteSession(token) {
      await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    },
    async deleteSessions(accountId) {
      await tx.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
    },
    async createGuestInvitation(view, token, code) {
      await tx.query('INSERT INTO guest_invitations (id, token_hash, product, expires_at, view) VALUES ($1, $2, $3, $4, $5::jsonb)', [
        view.id,
        hashToken(token),
        view.product,
        view.expiresAt,
        JSON.stringify(view),
      ]);
      const salt = newSalt();
      await tx.query('INSERT INTO guest_codes (invitation_id, salt, code_hash) VALUES ($1, $2, $3)', [view.id, salt, hashCode(code, salt, options.codePepper)]);
    },
    async findGuestInvitation(token) {
      const [row] = await tx.query<{ view: rules.GuestInvitationView }>('SELECT view FROM guest_invitations WHERE token_hash = $1 FOR UPDATE', [
        hashToken(token),
      ]);
      return row?.view;
    },
    async guestInvitationById(invitationId) {
      const [row] = await tx.query<{ view: rules.GuestInvitationView }>('SELECT view FROM guest_invitations WHERE id = $1', [invitationId]);
      return row?.view;
    },
    async saveGuestInvitation(view) {
      await tx.query('UPDATE guest_invitations SET view = $2::jsonb WHERE id = $1', [view.id, JSON.stringify(view)]);
    },
    async guestCodeMatches(invitationId, entered) {
      const [row] = await tx.query<{ salt: string; code_hash: string; view: rules.GuestInvitationView }>(
        'SELECT salt, code_hash, view FROM guest_codes JOIN guest_invitations ON guest_invitations.id = invitation_id WHERE invitation_id = $1',
        [invitationId],
      );
      return row !== undefined && row.view.code.state === 'live' && codeMatches(entered, row.salt, row.code_hash, options.codePepper);
    },
    async membershipOf(accountId) {
      const [row] = await tx.query<{ organization_id: string; name: string; status: 'member' | 'pending' | 'denied'; role: 'master' | 'member' }>(
        `SELECT m.organization_id, o.name, m.status, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
          WHERE m.account_id = $1 ORDER BY m.created_at LIMIT 1`,
        [accountId],
      );
      return row && { organizationId: row.organization_id, name: row.name, status: row.status, role: row.role };
    },
    memberCount: flows.memberCount,
    async memberships(organizationId) {
      // Locks the organization: two decisions on it run one after the other.
      await tx.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
      const rows = await tx.query<{
        account_id: string;
        username: string;
        email: string | null;
        profile: ProfileValues | null;
        status: 'member' | 'pending' | 'denied';
        role: 'master' | 'member';
        created_at: number;
        decided_at: number | null;
      }>(
        `SELECT m.account_id, a.username, a.email, a.profile, m.status, m.role, m.created_at, m.decided_at
           FROM memberships m JOIN accounts a ON a.id = m.account_id
          WHERE m.organization_id = $1 ORDER BY m.created_at, m.account_id`,
        [organizationId],
      );
      return rows.map((row) => ({
        accountId: row.account_id,
        username: row.username,
        email: row.email ?? undefined,
        name: rules.personName(row.profile ?? undefined),
        status: row.status,
        role: row.role,
        createdAt: Number(row.created_at),
        decidedAt: row.decided_at === null ? undefined : Number(row.decided_at),
      }));
    },
    async decideMembership(organizationId, accountId, status, at) {
      await tx.query('UPDATE memberships SET status = $3, decided_at = $4 WHERE organization_id = $1 AND account_id = $2', [organizationId, accountId, status, at]);
    },
    async removeMembership(organizationId, accountId) {
      await tx.query('DELETE FROM memberships WHERE organization_id = $1 AND account_id = $2', [organizationId, accountId]);
    },
    async addMembership(organizationId, accountId, at) {
      await tx.query(
        "INSERT INTO memberships (organization_id, account_id, status, role, created_at, decided_at) VALUES ($1, $2, 'member', 'member', $3, $3)",
        [organizationId, accountId, at],
      );
    },
    async recordAudit(event) {
      await tx.query('INSERT INTO audit_events (at, actor_id, action, subject_id, organization_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
        event.at,
        event.actorId,
        event.action,
        event.subjectId,
        event.organizationId ?? null,
        event.detail ?? null,
      ]);
    },
    async isVisible(accountId) {
      const [row] = await tx.query<{ visible: boolean }>('SELECT visible FROM accounts WHERE id = $1', [accountId]);
      return row?.visible ?? false;
    },
    async setVisible(accountId, visible) {
      await tx.query('UPDATE accounts SET visible = $2 WHERE id = $1', [accountId, visible]);
    },
    async setSecondFactor(accountId, method, phone) {
      await tx.query('UPDATE accounts SET second_factor = $2, phone = $3 WHERE id = $1', [accountId, method, phone ?? null]);
    },
    async setPinHash(accountId, pinHash) {
      await tx.query('UPDATE accounts SET pin_hash = $2 WHERE id = $1', [accountId, pinHash]);
    },
    async pinHashOf(accountId) {
      const [row] = await tx.query<{ pin_hash: string | null }>('SELECT pin_hash FROM accounts WHERE id = $1', [accountId]);
      return row?.pin_hash ?? null;
    },
    async loadPhoneChange(accountId) {
      const [row] = await tx.query<{ view: rules.PhoneChangeView }>('SELECT view FROM account_phone_changes WHERE account_id = $1 FOR UPDATE', [accountId]);
      return row?.view;
    },
    async savePhoneChange(accountId, view, code) {
      if (code === undefined) {
        await tx.query('UPDATE account_phone_changes SET view = $2::jsonb WHERE account_id = $1', [accountId, JSON.stringify(view)]);
        return;
      }
      const salt = newSalt();
      await tx.query(
        `INSERT INTO account_phone_changes (account_id, view, salt, code_hash) VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET view = $2::jsonb, salt = $3, code_hash = $4`,
        [accountId, JSON.stringify(view), salt, hashCode(code, salt, options.codePepper)],
      );
    },
    async phoneChangeCodeMatches(accountId, entered) {
      const [row] = await tx.query<{ salt: string | null; code_hash: string | null; view: rules.PhoneChangeView }>(
        'SELECT salt, code_hash, view FROM account_phone_changes WHERE account_id = $1',
        [accountId],
      );
      if (!row || row.salt === null || row.code_hash === null || row.view.code.state !== 'live') return false;
      return codeMatches(entered, row.salt, row.code_hash, options.codePepper);
    },
    async deletePhoneChange(accountId) {
      await tx.query('DELETE FROM account_phone_changes WHERE account_id = $1', [accountId]);
    },
  };
}

/**
 * The contract's methods on top of SQL: `actions(tx, context)` gives the flow
 * actions of `@pforte/core/rules` over this server's storage in the caller's
 * transaction; seeding and clean-up are the server's own.
 */
export function createService(options: ServiceOptions) {
  const { clock, catalog, limits } = options;
  const random: rules.BackendRandom = {
    digits: randomDigits,
    token: () => randomBytes(32).toString('base64url'),
    id: randomId,
  };

  const actionOptions: rules.FlowActionOptions = {
    catalog,
    limits,
    now: () => clock.now(),
    random,
    breachedPasswordChecker: options.breachedPasswordChecker,
  };
  const service = {
    actions: (tx: Queryable, context: Partial<RequestContext> = {}) =>
      rules.createFlowActions(createSqlStore(tx, options, context.ip ?? 'unknown'), actionOptions, context),

    /** The sign-in, reset and session actions of `@pforte/core/rules` in the caller's transaction. */
    signIn: (tx: Queryable, context: Partial<RequestContext> = {}) =>
      rules.createSignInActions(createSqlAccountStore(tx, options, createSqlStore(tx, options, context.ip ?? 'unknown')), actionOptions, context),

    /** Guest access by TAN of `@pforte/core/rules` in the caller's transaction. */
    guest: (tx: Queryable, context: Partial<RequestContext> = {}) =>
      rules.createGuestActions(createSqlAccountStore(tx, options, createSqlStore(tx, options, context.ip ?? 'unknown')), actionOptions, context),
    /** The organization administration of `@pforte/core/rules` in the caller's transaction. */
    organizations: (tx: Queryable, context: Partial<RequestContext> = {}) =>
      rules.createOrganizationActions(createSqlAccountStore(tx, options, createSqlStore(tx, options, context.ip ?? 'unknown')), actionOptions, context),

    /** What a signed-in person changes later, of `@pforte/core/rules`, in the caller's transaction. */
    accountSettings: (tx: Queryable, context: Partial<RequestContext> = {}) =>
      rules.createAccountSettingsActions(createSqlAccountStore(tx, options, createSqlStore(tx, options, context.ip ?? 'unknown')), actionOptions, context),

    /** Adds a registration link; returns its token (random unless given). Only the hash is stored. */
    async createInvitation(tx: Queryable, invitation: Omit<rules.InvitationSeed, 'token'> & { token?: string }): Promise<string> {
      const token = invitation.token ?? random.token();
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
    async seed(tx: Queryable, data: rules.SeedData): Promise<void> {
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

    /** Deletes expired open flows, their codes, ended sign-ins and sessions, old reset links, send records and idempotency keys older than a day. */
    async cleanup(tx: Queryable): Promise<void> {
      const now = clock.now();
      await tx.query('DELETE FROM flows WHERE completed_at IS NULL AND expires_at < $1', [now - dayMs]);
      await tx.query('DELETE FROM sign_ins WHERE expires_at < $1', [now]);
      await tx.query('DELETE FROM sessions WHERE absolute_expires_at < $1 OR idle_expires_at < $1', [now]);
      await tx.query('DELETE FROM password_resets WHERE expires_at < $1', [now - dayMs]);
      await tx.query('DELETE FROM guest_invitations WHERE expires_at < $1', [now - dayMs]);
      for (const table of ['sms_sends', 'email_sends', 'idempotency_keys']) {
        await tx.query(`DELETE FROM ${table} WHERE ${table === 'idempotency_keys' ? 'created_at' : 'sent_at'} < $1`, [now - dayMs]);
      }
      // Every throttle window is at most a day long.
      await tx.query('DELETE FROM attempts WHERE at < $1', [now - dayMs]);
    },
  };
  return service;
}

/** The service's methods. */
export type Service = ReturnType<typeof createService>;
