import type { OrganizationRole } from '../account-adapter.js';
import type { InvitationDetails } from '../adapter.js';
import type { SessionOrganization } from '../sign-in-adapter.js';
import * as rules from '../rules/index.js';
import type { MemoryAccount, OutboxMessage } from './types.js';

const dayMs = 24 * 60 * 60 * 1000;

interface InvitationRecord {
  details: Omit<InvitationDetails, 'validUntil'>;
  validUntil: number;
  validityDays: number;
  used: boolean;
}

interface OrganizationRecord {
  organizationId: string;
  name: string;
  customerNumber?: string;
  postalCode: string;
  /** Members on file elsewhere (no account here), counted towards the maximum. */
  external: number;
}

/** An account's place in an organization (one per account). */
interface MembershipRecord {
  organizationId: string;
  status: 'member' | 'pending' | 'denied';
  role: OrganizationRole;
  createdAt: number;
  decidedAt?: number;
}

/**
 * The memory adapter's storage: maps for flows, codes, links, customers and
 * organizations, the outbox, the accounts. Codes are kept in clear (a demo
 * backend; the outbox shows them anyway) and only while they can be used;
 * passwords and service PINs only as the adapter's slow hash (PBKDF2), for
 * sign-in and the support's check of a PIN. Reset and session tokens are map keys: nothing
 * outside this closure can read them.
 */
export function createMemoryStore({ now, invitationValidityDays }: { now: () => number; invitationValidityDays: number }) {
  const createdAt = now();
  const flows = new Map<string, rules.StoredFlow>();
  const codes = new Map<string, string>();
  const invitations = new Map<string, InvitationRecord>();
  const emailTokens = new Map<string, { flowId: string; email: string; expiresAt: number; used: boolean }>();
  const usedCaptchas = new Set<string>();
  const customers: rules.CustomerSeed[] = [];
  const organizations = new Map<string, OrganizationRecord>();
  const outbox: OutboxMessage[] = [];
  const accounts: MemoryAccount[] = [];
  const taken = new Set<string>();
  const savedAt = new Map<string, number>();
  const attempts = new Map<string, number[]>();
  /** What an account keeps beside its public record: the product, the password hash, the forced change. */
  const secrets = new Map<string, { product: string; passwordHash: string | null; pinHash?: string | null; mustChangePassword: boolean; firstSignIn: boolean }>();
  /** Numbers on their way to becoming an account's SMS factor, with their code, by account id. */
  const phoneChanges = new Map<string, { view: rules.PhoneChangeView; code?: string }>();
  const signIns = new Map<string, rules.SignInView>();
  const signInCodes = new Map<string, string>();
  const resetTokens = new Map<string, { accountId: string; expiresAt: number; used: boolean }>();
  const sessions = new Map<string, rules.StoredSession>();
  const guestInvitations = new Map<string, rules.GuestInvitationView>();
  /** The token and the code of each guest invitation, by its id. */
  const guestSecrets = new Map<string, { token: string; code: string }>();
  /** Memberships by account id. */
  const memberships = new Map<string, MembershipRecord>();
  const auditLog: rules.AuditEvent[] = [];

  const codeKey = (flowId: string, channel: rules.CodeChannel) => `${channel}:${flowId}`;

  const store: rules.FlowStore = {
    loadFlow: async (flowId) => flows.get(flowId),
    async createFlow(view) {
      flows.set(view.id, { view });
      savedAt.set(view.id, now());
    },
    async saveFlow(flow) {
      flows.set(flow.view.id, flow);
      savedAt.set(flow.view.id, now());
    },
    async isUsernameTaken(key, flowId, heldSince) {
      // Open flows reserve their username while they are in use.
      const open = [...flows.values()].flatMap(({ view }) =>
        view.id !== flowId &&
        !view.completed &&
        now() < view.expiresAt &&
        (savedAt.get(view.id) ?? 0) >= heldSince &&
        view.username !== undefined
          ? [view.username]
          : [],
      );
      for (const name of [...taken, ...accounts.map((account) => account.username), ...open]) {
        if ((await rules.usernameKey(name)) === key) return true;
      }
      return false;
    },
    async recentAttempts(bucket, since) {
      const recent = (attempts.get(bucket) ?? []).filter((at) => at > since);
      attempts.set(bucket, recent);
      return { count: recent.length, first: recent[0] };
    },
    recordAttempt: async (bucket, at) => void attempts.set(bucket, [...(attempts.get(bucket) ?? []), at]),
    storeCode: async (flowId, channel, _to, code) => void codes.set(codeKey(flowId, channel), code),
    async codeMatches(flowId, channel, entered) {
      const live = codes.get(codeKey(flowId, channel));
      const view = flows.get(flowId)?.view;
      // The code itself is kept only as long as it can be used.
      const state = channel === 'sms' ? view?.smsCode : view?.emailCode;
      if (state?.state !== 'live') codes.delete(codeKey(flowId, channel));
      return live !== undefined && sameCode(live, entered);
    },
    countSend: async () => undefined,
    async send(message) {
      const { channel, to, text, code, link, sentAt, flowId } = message;
      outbox.push({ channel, to, text, sentAt, flowId, ...(code === undefined ? {} : { code }), ...(link === undefined ? {} : { link }) });
    },
    async findInvitation(token) {
      const invitation = invitations.get(token);
      return invitation && { key: token, ...invitation };
    },
    isInvitationUsed: async (key) => invitations.get(key)?.used ?? false,
    storeEmailToken: async (token, { flowId, email, expiresAt }) => void emailTokens.set(token, { flowId, email, expiresAt, used: false }),
    findEmailToken: async (token) => emailTokens.get(token),
    async spendEmailTokens(flowId) {
      for (const entry of emailTokens.values()) if (entry.flowId === flowId) entry.used = true;
    },
    async useCaptcha(token) {
      if (!rules.isTestCaptchaToken(token) || usedCaptchas.has(token)) return false;
      usedCaptchas.add(token);
      return true;
    },
    async findCustomer(customerNumber, email) {
      const address = email.toLowerCase();
      return customers.find((candidate) => candidate.customerNumber === customerNumber && candidate.email.toLowerCase() === address);
    },
    async findOrganization(customerNumber, postalCode) {
      const postal = rules.normalizePostalCode(postalCode);
      const found = [...organizations.values()].find(
        (organization) =>
          organization.customerNumber?.toLowerCase() === customerNumber.toLowerCase() &&
          rules.normalizePostalCode(organization.postalCode) === postal,
      );
      return found && { organizationId: found.organizationId, name: found.name, postalCode: found.postalCode };
    },
    async organizationById(organizationId) {
      const found = organizations.get(organizationId);
      return found && { organizationId: found.organizationId, name: found.name };
    },
    async memberCount(organizationId) {
      const found = organizations.get(organizationId);
      if (!found) return 0;
      const inside = [...memberships.values()].filter((entry) => entry.organizationId === organizationId && entry.status !== 'denied');
      return found.external + inside.length;
    },
    async createAccount({ result, flow: { view, invitationKey, passwordHash, pinHash }, membership, now: at }) {
      secrets.set(result.accountId, {
        product: view.product,
        passwordHash: passwordHash ?? null,
        pinHash: view.pin === 'none' ? null : (pinHash ?? null),
        mustChangePassword: false,
        firstSignIn: false,
      });
      const organization = view.organization;
      if (organization?.mode === 'register') {
        const { organizationId, name, postalCode, customerNumber } = organization;
        organizations.set(organizationId, { organizationId, name, postalCode, external: 0, ...defined({ customerNumber }) });
      }
      if (membership) {
        const founder = organization?.mode === 'register';
        memberships.set(result.accountId, { organizationId: membership.organizationId, status: membership.status, role: founder ? 'master' : 'member', createdAt: at });
      }
      if (invitationKey) invitations.get(invitationKey)!.used = true;
      const { accountId, username, visible, secondFactor, emailVerified } = result;
      accounts.push({
        accountId,
        username,
        visible,
        secondFactor,
        emailVerified,
        ...defined({
          phone: secondFactor === 'sms' ? view.phone : undefined,
          email: view.email,
          profile: view.profile && { ...view.profile },
          termsAcceptedAt: view.terms?.recordedAt,
          termsVersion: view.terms?.version,
        }),
      });
      for (const channel of ['sms', 'email'] as const) codes.delete(codeKey(view.id, channel));
    },
  };

  function storedAccount(account: MemoryAccount | undefined): rules.StoredAccount | undefined {
    const secret = account && secrets.get(account.accountId);
    if (!account || !secret) return undefined;
    const { accountId, username, secondFactor, phone, email } = account;
    const { product, passwordHash, mustChangePassword, firstSignIn } = secret;
    return { accountId, username, secondFactor, phone, email, product, passwordHash, mustChangePassword, firstSignIn };
  }

  function membershipOf(accountId: string): SessionOrganization | undefined {
    const entry = memberships.get(accountId);
    const organization = entry && organizations.get(entry.organizationId);
    return entry && organization && { organizationId: organization.organizationId, name: organization.name, status: entry.status, role: entry.role };
  }

  const accountOf = (accountId: string) => accounts.find((account) => account.accountId === accountId);

  const accountStore: rules.OrganizationStore & rules.AccountSettingsStore = {
    async findAccount(key) {
      for (const account of accounts) if ((await rules.usernameKey(account.username)) === key) return storedAccount(account);
      return undefined;
    },
    accountById: async (accountId) => storedAccount(accounts.find((account) => account.accountId === accountId)),
    isUsernameTaken: (key) => store.isUsernameTaken(key, '', 0),
    async insertAccount({ accountId, username, product, passwordHash, secondFactor, phone, email, mustChangePassword, firstSignIn }) {
      accounts.push({ accountId, username, visible: false, secondFactor, emailVerified: false, ...defined({ phone, email }) });
      secrets.set(accountId, { product, passwordHash, mustChangePassword, firstSignIn });
    },
    async endFirstSignIn(accountId) {
      const secret = secrets.get(accountId);
      if (secret) secret.firstSignIn = false;
    },
    async setPassword(accountId, passwordHash, mustChangePassword) {
      const secret = secrets.get(accountId);
      if (secret) Object.assign(secret, { passwordHash, mustChangePassword });
    },
    recentAttempts: store.recentAttempts,
    recordAttempt: store.recordAttempt,
    clearAttempts: async (bucket) => void attempts.delete(bucket),
    createSignIn: async (view) => void signIns.set(view.id, { ...view }),
    loadSignIn: async (id) => {
      const view = signIns.get(id);
      return view && { ...view };
    },
    saveSignIn: async (view) => void signIns.set(view.id, { ...view }),
    async deleteSignIn(id) {
      signIns.delete(id);
      signInCodes.delete(id);
    },
    storeSignInCode: async (signInId, _to, code) => void signInCodes.set(signInId, code),
    async signInCodeMatches(signInId, entered) {
      const live = signInCodes.get(signInId);
      return live !== undefined && signIns.get(signInId)?.code?.state === 'live' && sameCode(live, entered);
    },
    countSend: store.countSend,
    send: store.send,
    storeResetToken: async (token, { accountId, expiresAt }) => void resetTokens.set(token, { accountId, expiresAt, used: false }),
    findResetToken: async (token) => {
      const entry = resetTokens.get(token);
      return entry && { ...entry };
    },
    async spendResetTokens(accountId) {
      for (const entry of resetTokens.values()) if (entry.accountId === accountId) entry.used = true;
    },
    createSession: async (token, session) => void sessions.set(token, { ...session }),
    findSession: async (token) => {
      const session = sessions.get(token);
      return session && { ...session };
    },
    saveSession: async (token, session) => void sessions.set(token, { ...session }),
    deleteSession: async (token) => void sessions.delete(token),
    async deleteSessions(accountId) {
      for (const [token, session] of sessions) if (session.accountId === accountId) sessions.delete(token);
    },
    async createGuestInvitation(view, token, code) {
      guestInvitations.set(view.id, structuredClone(view));
      guestSecrets.set(view.id, { token, code });
    },
    async findGuestInvitation(token) {
      const id = [...guestSecrets].find(([, secret]) => sameCode(secret.token, token))?.[0];
      return accountStore.guestInvitationById(id ?? '');
    },
    async guestInvitationById(invitationId) {
      const view = guestInvitations.get(invitationId);
      return view && structuredClone(view);
    },
    saveGuestInvitation: async (view) => void guestInvitations.set(view.id, structuredClone(view)),
    async guestCodeMatches(invitationId, entered) {
      const code = guestSecrets.get(invitationId)?.code;
      return code !== undefined && guestInvitations.get(invitationId)?.code.state === 'live' && sameCode(code, entered);
    },
    membershipOf: async (accountId) => membershipOf(accountId),
    memberCount: store.memberCount,
    async memberships(organizationId) {
      return [...memberships].flatMap(([accountId, entry]) => {
        const account = accounts.find((candidate) => candidate.accountId === accountId);
        if (entry.organizationId !== organizationId || !account) return [];
        const { status, role, createdAt, decidedAt } = entry;
        const name = rules.personName(account.profile);
        return [{ accountId, username: account.username, status, role, createdAt, ...defined({ email: account.email, name, decidedAt }) }];
      });
    },
    async decideMembership(_organizationId, accountId, status, at) {
      const entry = memberships.get(accountId);
      if (entry) Object.assign(entry, { status, decidedAt: at });
    },
    removeMembership: async (_organizationId, accountId) => void memberships.delete(accountId),
    addMembership: async (organizationId, accountId, at) =>
      void memberships.set(accountId, { organizationId, status: 'member', role: 'member', createdAt: at, decidedAt: at }),
    recordAudit: async (event) => void auditLog.push({ ...event }),
    isVisible: async (accountId) => accountOf(accountId)?.visible ?? false,
    async setVisible(accountId, visible) {
      const account = accountOf(accountId);
      if (account) account.visible = visible;
    },
    async setSecondFactor(accountId, method, phone) {
      const account = accountOf(accountId);
      if (!account) return;
      account.secondFactor = method;
      if (phone === undefined) delete account.phone;
      else account.phone = phone;
    },
    async setPinHash(accountId, pinHash) {
      const secret = secrets.get(accountId);
      if (secret) secret.pinHash = pinHash;
    },
    pinHashOf: async (accountId) => secrets.get(accountId)?.pinHash ?? null,
    loadPhoneChange: async (accountId) => {
      const entry = phoneChanges.get(accountId);
      return entry && structuredClone(entry.view);
    },
    async savePhoneChange(accountId, view, code) {
      const kept = code ?? phoneChanges.get(accountId)?.code;
      // The code itself is kept only as long as it can be used.
      phoneChanges.set(accountId, { view: structuredClone(view), ...(kept === undefined || view.code.state !== 'live' ? {} : { code: kept }) });
    },
    async phoneChangeCodeMatches(accountId, entered) {
      const entry = phoneChanges.get(accountId);
      return entry?.code !== undefined && entry.view.code.state === 'live' && sameCode(entry.code, entered);
    },
    deletePhoneChange: async (accountId) => void phoneChanges.delete(accountId),
  };

  return {
    store,
    accountStore,
    /** How many sessions the account has (for tests: a reset ends them all). */
    sessionCount: (accountId: string) => [...sessions.values()].filter((session) => session.accountId === accountId).length,
    outbox,
    /** The accounts, each with its organization as it stands. */
    accounts: () => accounts.map((account) => ({ ...account, ...defined({ organization: membershipOf(account.accountId) }) })),
    /** The organization administration's audit log, oldest first. */
    auditLog: () => auditLog.map((event) => ({ ...event })),
    addTakenUsername: (name: string) => void taken.add(name),
    addInvitation({ token, createdAt: created, validityDays = invitationValidityDays, used = false, ...details }: rules.InvitationSeed) {
      invitations.set(token, { details, validUntil: (created ?? createdAt) + validityDays * dayMs, validityDays, used });
    },
    addCustomer: (customer: rules.CustomerSeed) => void customers.push({ ...customer }),
    addOrganization(organization: rules.OrganizationSeed & { organizationId: string }) {
      const { organizationId, name, customerNumber, postalCode, members = 1 } = organization;
      organizations.set(organizationId, { organizationId, name, customerNumber, postalCode, external: members });
    },
  };
}

/** `value` without its undefined members. */
export function defined<T extends object>(value: T): { [Key in keyof T]?: Exclude<T[Key], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [Key in keyof T]?: Exclude<T[Key], undefined>;
  };
}

/** Compares codes without an early exit, as a real server should. */
function sameCode(expected: string, actual: string): boolean {
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ actual.charCodeAt(i);
  return difference === 0;
}
