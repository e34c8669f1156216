import type { JoinRequest, OrganizationMember, OrganizationOverview, OrganizationRole } from '../account-adapter.js';
import { PforteError } from '../errors.js';
import type { SessionOrganization } from '../sign-in-adapter.js';
import type { FlowActionOptions, FlowStore, OutgoingMessage, RequestContext } from './actions.js';
import { isEmailAddress } from './email.js';
import { messageTexts } from './messages.js';
import type { Product } from './product.js';
import * as rules from './rules.js';
import { createSignInActions, signInSettings, type AccountStore, type StoredSession } from './sign-in.js';
import { checkLocale } from './text.js';

/** A membership with what the organization administration shows of its account. */
export interface MembershipEntry {
  accountId: string;
  username: string;
  email?: string | undefined;
  /** First and last name from the registration's profile, where there is one. */
  name?: string | undefined;
  status: 'member' | 'pending' | 'denied';
  role: OrganizationRole;
  /** Server ms epoch of the join request, or of the registration that founded the organization. */
  createdAt: number;
  /** Server ms epoch of a member's decision on the request. */
  decidedAt?: number | undefined;
}

/** What happened, by whom, to whom: never a secret. */
export interface AuditEvent {
  at: number;
  /** The account that acted. */
  actorId: string;
  action:
    | 'organization.approve'
    | 'organization.deny'
    | 'organization.remove'
    | 'organization.invite'
    | 'account.visibility'
    | 'account.second_factor'
    | 'account.service_pin'
    | 'account.password';
  /** The account acted on. */
  subjectId: string;
  /** The organization, for a change in one. */
  organizationId?: string | undefined;
  /** What it was changed to, where that is no secret: `visible`/`hidden`, the second factor's method. */
  detail?: string | undefined;
}

/**
 * Storage of the organization administration, beside a backend's
 * {@link AccountStore}: memberships with their accounts, decisions, the
 * audit log. `memberships` locks the organization for the rest of the
 * action where the store has locks.
 */
export interface OrganizationStore extends AccountStore, Pick<FlowStore, 'memberCount'> {
  /** Every membership of the organization (members, pending and denied requests), oldest first. */
  memberships(organizationId: string): Promise<MembershipEntry[]>;
  /** Records a member's decision on a pending request. */
  decideMembership(organizationId: string, accountId: string, status: 'member' | 'denied', at: number): Promise<void>;
  removeMembership(organizationId: string, accountId: string): Promise<void>;
  /** Adds an invited account as a member (role `member`) from `at`. */
  addMembership(organizationId: string, accountId: string, at: number): Promise<void>;
  recordAudit(event: AuditEvent): Promise<void>;
}

/** Whether `membership` may approve and deny requests and remove members in `product`. */
export function canManageOrganization(product: Product, membership: Pick<SessionOrganization, 'status' | 'role'>): boolean {
  return membership.status === 'member' && (rules.organizationSettings(product).managedBy === 'members' || membership.role === 'master');
}

/** Whether the session's sign-in is recent enough for a security-relevant change ({@link SignInConfig.reauthMinutes}). */
export function isRecentSignIn(product: Product, session: StoredSession, at: number): boolean {
  return at <= reauthDeadline(product, session);
}

/** Until when the session needs no new password for a security-relevant change: its sign-in or the latest confirmation of the password, plus the product's window. */
export function reauthDeadline(product: Product, session: StoredSession): number {
  return Math.max(session.createdAt, session.reauthenticatedAt ?? 0) + signInSettings(product).reauthMinutes * 60_000;
}

/**
 * The organization administration, once for every backend: a member sees
 * the members and the pending join requests, and, where the product lets
 * them (every member, or only the master user), approves or denies requests
 * and removes members. Each change is recorded in the audit log; removing a
 * member needs a recent sign-in.
 */
export function createOrganizationActions(store: OrganizationStore, options: FlowActionOptions, context: RequestContext = {}) {
  const { now } = options;
  const signIn = createSignInActions(store, options, context);

  /** The signed-in person and their organization; 'permission.denied' for no member of one (a pending request is none yet). */
  async function signedInMember(token: string | undefined) {
    const found = await signIn.requireSession(token);
    const membership = await store.membershipOf(found.account.accountId);
    if (!membership || membership.status !== 'member') throw new PforteError('permission.denied');
    return { ...found, membership };
  }

  async function overview(product: Product, membership: SessionOrganization): Promise<OrganizationOverview> {
    const entries = await store.memberships(membership.organizationId);
    const members: OrganizationMember[] = entries
      .filter((entry) => entry.status === 'member')
      .map((entry) => ({ accountId: entry.accountId, username: entry.username, role: entry.role, since: entry.decidedAt ?? entry.createdAt }));
    const joinRequests: JoinRequest[] = entries
      .filter((entry) => entry.status === 'pending')
      .map((entry) => ({
        accountId: entry.accountId,
        username: entry.username,
        ...(entry.email === undefined ? {} : { email: entry.email }),
        ...(entry.name === undefined ? {} : { name: entry.name }),
        requestedAt: entry.createdAt,
      }));
    return {
      organizationId: membership.organizationId,
      name: membership.name,
      role: membership.role,
      members,
      joinRequests,
      seatsTaken: await store.memberCount(membership.organizationId),
      maxMembers: rules.organizationSettings(product).maxMembers,
      canManage: canManageOrganization(product, membership),
      now: now(),
    };
  }

  /** The entry of `accountId` in the organization with the given status; 'member.unknown' otherwise. */
  async function entryOf(organizationId: string, accountId: string, status: MembershipEntry['status']): Promise<MembershipEntry> {
    const entry = (await store.memberships(organizationId)).find((candidate) => candidate.accountId === accountId);
    if (!entry || entry.status !== status) throw new PforteError('member.unknown');
    return entry;
  }

  return {
    /** The organization of the session's account, or `null` when it is no member of one. */
    async getOrganization(token: string | undefined): Promise<OrganizationOverview | null> {
      const { account, product } = await signIn.requireSession(token);
      const membership = await store.membershipOf(account.accountId);
      return membership?.status === 'member' ? overview(product, membership) : null;
    },

    /** Approves or denies a pending request and tells the requester by e-mail (in `locale`, the decider's language). */
    async decideJoinRequest(token: string | undefined, input: { accountId: string; approve: boolean; locale: string }): Promise<OrganizationOverview> {
      const locale = checkLocale(input.locale);
      const { account, product, membership } = await signedInMember(token);
      if (!canManageOrganization(product, membership)) throw new PforteError('permission.denied');
      const request = await entryOf(membership.organizationId, input.accountId, 'pending');
      const at = now();
      await store.decideMembership(membership.organizationId, request.accountId, input.approve ? 'member' : 'denied', at);
      await store.recordAudit({
        at,
        actorId: account.accountId,
        action: input.approve ? 'organization.approve' : 'organization.deny',
        subjectId: request.accountId,
        organizationId: membership.organizationId,
      });
      const to = request.email ?? (isEmailAddress(request.username) ? request.username : undefined);
      if (to !== undefined) {
        const message: OutgoingMessage = {
          channel: 'email',
          to,
          ...messageTexts.joinDecision(input.approve, membership.name, { product: product.config.product, locale }),
          flowId: options.random.id('decision'),
          sentAt: at,
        };
        await store.send(message);
      }
      return overview(product, membership);
    },

    /**
     * Invites a new member by e-mail, where the person may manage the
     * organization ({@link canManageOrganization}: only the master user where
     * the product says so) and it has room: the invitation takes a place like
     * a member or a pending request. The account is created without a password
     * and its holder sets one from the e-mailed link (the reset link's
     * mechanism, `<pforte-password-reset>` at `returnUrl`), then signs in as a member.
     */
    async inviteMember(token: string | undefined, input: { email: string; locale: string; returnUrl: string }): Promise<OrganizationOverview> {
      const locale = checkLocale(input.locale);
      const { account, product, membership } = await signedInMember(token);
      if (!canManageOrganization(product, membership)) throw new PforteError('permission.denied');
      const email = input.email.trim();
      if (!isEmailAddress(email)) throw new PforteError('profile.invalid', { field: 'email' });
      // Locks the organization first: two invitations for its last place run one after the other.
      await store.memberships(membership.organizationId);
      rules.checkOrganizationRoom(product, await store.memberCount(membership.organizationId));
      const invited = await signIn.inviteAccount({ product: product.id, username: email, email, returnUrl: input.returnUrl, locale }, context.origin);
      const at = now();
      await store.addMembership(membership.organizationId, invited.accountId, at);
      await store.recordAudit({ at, actorId: account.accountId, action: 'organization.invite', subjectId: invited.accountId, organizationId: membership.organizationId });
      return overview(product, membership);
    },

    /** Removes a member: not oneself, not the master user; needs a recent sign-in ('reauth.required'). */
    async removeMember(token: string | undefined, input: { accountId: string }): Promise<OrganizationOverview> {
      const { account, product, session, membership } = await signedInMember(token);
      if (!canManageOrganization(product, membership) || input.accountId === account.accountId) throw new PforteError('permission.denied');
      const member = await entryOf(membership.organizationId, input.accountId, 'member');
      if (member.role === 'master') throw new PforteError('permission.denied');
      const at = now();
      if (!isRecentSignIn(product, session, at)) throw new PforteError('reauth.required');
      await store.removeMembership(membership.organizationId, member.accountId);
      await store.recordAudit({ at, actorId: account.accountId, action: 'organization.remove', subjectId: member.accountId, organizationId: membership.organizationId });
      return overview(product, membership);
    },
  };
}

/** The actions of {@link createOrganizationActions}. */
export type OrganizationActions = ReturnType<typeof createOrganizationActions>;
