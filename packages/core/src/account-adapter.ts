import { createGuard, type CallOptions, type GuardOptions } from './adapter.js';

/** A person's place in an organization: a `master` user alone may decide where the product says so. */
export type OrganizationRole = 'master' | 'member';

/** A member of the organization as other members see it. */
export interface OrganizationMember {
  accountId: string;
  username: string;
  role: OrganizationRole;
  /** Server ms epoch since when the person is a member. */
  since: number;
}

/** A request to join, waiting for a member's decision: what the requester entered at registration. */
export interface JoinRequest {
  accountId: string;
  username: string;
  /** The requester's e-mail address, where the account has one. */
  email?: string;
  /** First and last name from the registration's profile, where the product asks for them. */
  name?: string;
  /** Server ms epoch of the request. */
  requestedAt: number;
}

/** The organization of the signed-in member, as the organization administration shows it. */
export interface OrganizationOverview {
  organizationId: string;
  name: string;
  /** The signed-in person's role. */
  role: OrganizationRole;
  members: OrganizationMember[];
  joinRequests: JoinRequest[];
  /** Places taken: members (also those on file elsewhere) and pending requests. */
  seatsTaken: number;
  /** The product's maximum of members plus pending requests. */
  maxMembers: number;
  /** Whether the signed-in person may approve or deny requests and remove members. */
  canManage: boolean;
  now: number;
}

/**
 * The account area's half of the contract: what a signed-in person changes
 * later. Every method acts for the session (the reference server's HttpOnly
 * cookie, the memory adapter's current sign-in) and fails only with a
 * PforteError; besides the codes listed, each may fail with 'network',
 * 'timeout', 'rate_limited' and 'session.required' (nobody is signed in, or
 * the session ended).
 */
export interface PforteAccountAdapter {
  /** The signed-in person's organization, or `organization: null` when the account is no (approved) member of one. */
  getOrganization(input?: object, options?: CallOptions): Promise<{ organization: OrganizationOverview | null }>;
  /**
   * Approves or denies a pending join request; the requester is told by
   * e-mail and sees the outcome at the next sign-in.
   * Errors: 'permission.denied' (not a member, or the product leaves this to
   * the master user), 'member.unknown' (no such pending request here).
   */
  decideJoinRequest(
    input: { accountId: string; approve: boolean; locale: string },
    options?: CallOptions,
  ): Promise<{ organization: OrganizationOverview }>;
  /**
   * Removes a member; needs a recent sign-in ('reauth.required' otherwise:
   * sign in again, then retry). Errors: 'permission.denied' (as above; nobody
   * removes themselves or the master user), 'member.unknown'.
   */
  removeMember(input: { accountId: string }, options?: CallOptions): Promise<{ organization: OrganizationOverview }>;
  /**
   * Invites a new member by e-mail: the account is created without a
   * password and takes a place at once (the product's member limit counts
   * members, pending requests and invitations); its holder sets a password
   * from the e-mailed link `${returnUrl}#pforte-reset-token=<token>` (a page
   * with `<pforte-password-reset>`) and then signs in as a member. The e-mail
   * names the product and is written in `locale`.
   * Errors: 'permission.denied' (as above), 'organization.full',
   * 'profile.invalid' (field 'email'), 'identifier.invalid' or
   * 'identifier.unavailable' (an address the product refuses or that has an
   * account), 'link.invalid' (field 'returnUrl': an origin the product does not allow).
   */
  inviteMember(input: { email: string; locale: string; returnUrl: string }, options?: CallOptions): Promise<{ organization: OrganizationOverview }>;
}

/** {@link guardAdapter} for the account contract: timeouts, errors mapped to PforteError, every result validated. */
export function guardAccountAdapter(adapter: PforteAccountAdapter, options: GuardOptions): PforteAccountAdapter {
  const { run, validated } = createGuard(options);
  return {
    getOrganization: (input, o) => run(o, (call) => adapter.getOrganization(input, call), validated('getOrganization')),
    decideJoinRequest: (input, o) => run(o, (call) => adapter.decideJoinRequest(input, call), validated('decideJoinRequest')),
    removeMember: (input, o) => run(o, (call) => adapter.removeMember(input, call), validated('removeMember')),
    inviteMember: (input, o) => run(o, (call) => adapter.inviteMember(input, call), validated('inviteMember')),
  };
}
