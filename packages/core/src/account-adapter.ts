import { createGuard, type CallOptions, type CodeSentResult, type GuardOptions } from './adapter.js';
import type { SecondFactorMethod } from './steps/types.js';

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

/** What a signed-in person may change later, as it stands. */
export interface AccountSettings {
  username: string;
  /** Whether others find the person in the contact search. */
  visible: boolean;
  /** The second factor the next sign-in asks for. */
  secondFactor: SecondFactorMethod;
  /** The number SMS codes go to (E.164), where the second factor is SMS. */
  phone?: string;
  /** The address e-mail codes go to, where the account has one. */
  email?: string;
  /** The second factors the product offers, in its order: the choices of a change. */
  secondFactorChoices: SecondFactorMethod[];
  /** Digits of a new service PIN, where the product gives out generated PINs. */
  pinLength?: number;
  /**
   * Server ms epoch until which security-relevant changes (second factor,
   * service PIN) need no password: the sign-in or the latest confirmation
   * of the password, plus the product's `signIn.reauthMinutes`.
   */
  reauthUntil: number;
  now: number;
}

/** The answer of {@link PforteAccountAdapter.reauthenticate}: confirmed, a wrong password, or the sign-in's lock. */
export type ReauthResult =
  | { status: 'confirmed'; settings: AccountSettings }
  | { status: 'failed'; attemptsRemaining: number; now: number }
  | { status: 'locked'; lockedUntil: number; retryAfterSeconds: number; now: number };

/** The answer of {@link PforteAccountAdapter.changeAccountPassword}: changed, a wrong current password, or the sign-in's lock. */
export type AccountPasswordResult =
  | { status: 'changed'; settings: AccountSettings }
  | { status: 'failed'; attemptsRemaining: number; now: number }
  | { status: 'locked'; lockedUntil: number; retryAfterSeconds: number; now: number };

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
  /** What the signed-in person may change later, as it stands. */
  getAccountSettings(input?: object, options?: CallOptions): Promise<{ settings: AccountSettings }>;
  /**
   * Confirms the current password for security-relevant changes: it opens
   * the re-authentication window again. Wrong passwords count towards the
   * sign-in's lock of the account (`failed` with the attempts left, then
   * `locked`).
   */
  reauthenticate(input: { password: string }, options?: CallOptions): Promise<ReauthResult>;
  /** Opts in to or out of the contact search. */
  setContactVisibility(input: { visible: boolean }, options?: CallOptions): Promise<{ settings: AccountSettings }>;
  /**
   * Sends a code by SMS to the number that is to become the second factor
   * (the factor that was put off, or a new number); the registration's code
   * length, resend interval and number rules apply. Needs a recent sign-in
   * ('reauth.required'). Errors: 'phone.invalid' (field 'phone'),
   * 'rate_limited' (before the resend deadline), 'step.unavailable' (the
   * product offers no SMS factor).
   */
  sendSecondFactorSmsCode(input: { phone: string; locale: string }, options?: CallOptions): Promise<CodeSentResult>;
  /**
   * Checks the code sent by {@link sendSecondFactorSmsCode}; the number is
   * then the account's second factor, asked at the next sign-in. Needs a
   * recent sign-in. Errors: as `verifySmsCode`, 'step.required' (no code sent).
   */
  verifySecondFactorSmsCode(input: { code: string }, options?: CallOptions): Promise<{ settings: AccountSettings }>;
  /**
   * Switches to no second factor or to e-mail codes, where the product offers
   * it (SMS goes through {@link sendSecondFactorSmsCode}). Needs a recent
   * sign-in. Errors: 'input.invalid' (field 'method': not offered),
   * 'profile.invalid' (field 'email': e-mail codes without an address).
   */
  setSecondFactor(input: { method: 'none' | 'email' }, options?: CallOptions): Promise<{ settings: AccountSettings }>;
  /**
   * Replaces the service PIN with a new generated one, returned this once;
   * the old PIN stops working. Needs a recent sign-in. Errors:
   * 'step.unavailable' (the product gives out no generated PIN).
   */
  renewServicePin(input?: object, options?: CallOptions): Promise<{ pin: string }>;
  /**
   * Replaces the password: the current one (wrong ones count towards the
   * sign-in's lock: `failed`, then `locked`, which ends the session), and a
   * new one under the product's policy. Every other session ends; the person
   * stays signed in. Errors: the policy's ('password.too_short',
   * 'password.rejected', 'password.common', 'password.breached'; field
   * 'password'), 'password.rejected' also when it is the current one.
   */
  changeAccountPassword(input: { currentPassword: string; password: string }, options?: CallOptions): Promise<AccountPasswordResult>;
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
  const { run, validated, stamped } = createGuard(options);
  return {
    getOrganization: (input, o) => run(o, (call) => adapter.getOrganization(input, call), validated('getOrganization')),
    decideJoinRequest: (input, o) => run(o, (call) => adapter.decideJoinRequest(input, call), validated('decideJoinRequest')),
    removeMember: (input, o) => run(o, (call) => adapter.removeMember(input, call), validated('removeMember')),
    getAccountSettings: (input, o) => run(o, (call) => adapter.getAccountSettings(input, call), validated('getAccountSettings')),
    reauthenticate: (input, o) => run(o, (call) => adapter.reauthenticate(input, call), validated('reauthenticate')),
    setContactVisibility: (input, o) => run(o, (call) => adapter.setContactVisibility(input, call), validated('setContactVisibility')),
    sendSecondFactorSmsCode: (input, o) => run(o, (call) => adapter.sendSecondFactorSmsCode(input, call), stamped('sendSecondFactorSmsCode')),
    verifySecondFactorSmsCode: (input, o) =>
      run(o, (call) => adapter.verifySecondFactorSmsCode(input, call), validated('verifySecondFactorSmsCode')),
    setSecondFactor: (input, o) => run(o, (call) => adapter.setSecondFactor(input, call), validated('setSecondFactor')),
    renewServicePin: (input, o) => run(o, (call) => adapter.renewServicePin(input, call), validated('renewServicePin')),
    changeAccountPassword: (input, o) => run(o, (call) => adapter.changeAccountPassword(input, call), validated('changeAccountPassword')),
    inviteMember: (input, o) => run(o, (call) => adapter.inviteMember(input, call), validated('inviteMember')),
  };
}
