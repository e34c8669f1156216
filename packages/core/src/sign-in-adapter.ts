import { createGuard, type CallOptions, type CodeSentResult, type GuardOptions } from './adapter.js';
import type { OrganizationRole } from './account-adapter.js';
import type { SecondFactorMethod } from './steps/types.js';

/** The organization an account belongs to or asked to join, as its session shows it. */
export interface SessionOrganization {
  organizationId: string;
  name: string;
  /** `pending` until a member decides, `denied` when a member declined the request. */
  status: 'member' | 'pending' | 'denied';
  role: OrganizationRole;
}

/** A signed-in session as the widget sees it: never its token, which only the backend (and an HttpOnly cookie) holds. */
export interface SessionInfo {
  accountId: string;
  username: string;
  /** The product the session is bound to. */
  product: string;
  /** The second factor of the account. */
  secondFactor: SecondFactorMethod;
  /** The account's organization, where it belongs to or asked to join one. */
  organization?: SessionOrganization;
  /** Server ms epoch when the session ends unless used again (the idle timeout, capped by the absolute one). */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered. */
  now: number;
  /**
   * Present for a guest (access by TAN, no account): `accountId` is then the
   * invitation's id and `username` the name or address it was sent to. A
   * guest session is good for nothing but being that guest.
   */
  guest?: true;
}

/**
 * The answer to a sign-in step. Wrong passwords and locks are answers, not
 * errors, and they read the same whether the account exists or not.
 * - `failed`: the identifier or the password is wrong; `attemptsRemaining` before the lock.
 * - `locked`: too many wrong passwords; try again at `lockedUntil` (a password reset works at once).
 * - `secondFactor`: a code went out by `method` (SMS or e-mail, the account's choice); verify it.
 * - `passwordChange`: the account must replace its password first (e.g. an initial one).
 * - `signedIn`: done; the backend holds the session. `firstSignIn` is true
 *   once, at the first sign-in of an account someone else created (the
 *   product's `signIn.firstSignInNotice` is shown then).
 */
export type SignInResult =
  | { status: 'failed'; attemptsRemaining: number; now: number; receivedAt?: number }
  | { status: 'locked'; lockedUntil: number; retryAfterSeconds: number; now: number; receivedAt?: number }
  | ({ status: 'secondFactor'; signInId: string; method: 'sms' | 'email' } & CodeSentResult)
  | { status: 'passwordChange'; signInId: string; expiresAt: number; now: number; receivedAt?: number }
  | { status: 'signedIn'; session: SessionInfo; firstSignIn?: boolean; receivedAt?: number };

/** A reset link was (or, for an unknown identifier, seemed to be) sent: the same answer either way. */
export interface ResetRequestedResult {
  /** Server ms epoch from which the person may ask again ("No e-mail received?"). */
  resendAvailableAt: number;
  /** Minutes the link works. */
  validityMinutes: number;
  now: number;
  receivedAt?: number;
}

/** An opened guest invitation: what the code entry needs to know; never the code. */
export interface GuestInvitationInfo {
  /** The product's name, e.g. "Videosprechstunde". */
  product: string;
  /** Who was invited, as the practice wrote it (a name, or the e-mail address). */
  guest: string;
  /** Digits of the code. */
  codeLength: number;
  /** Where the code went: in the invitation e-mail, or a message of its own (SMS or e-mail). */
  codeSent: 'withLink' | 'sms' | 'email';
  /** Server ms epoch when the invitation (and every guest session from it) ends. */
  expiresAt: number;
  /** Times the invitation still lets the guest in. */
  usesRemaining: number;
  /** Wrong codes left before the invitation stops taking codes. */
  attemptsRemaining: number;
  now: number;
  receivedAt?: number;
}

/**
 * Sign-in, password reset and sessions: the second half of the contract
 * between the elements and a backend. Every method fails only with a
 * PforteError; besides the codes listed, each may fail with 'network',
 * 'timeout', 'rate_limited' (per client address), 'product.unknown' and
 * 'step.unavailable' (a product without a `signIn` section offers no sign-in).
 * Passwords and codes travel only in inputs; the session token never reaches
 * the widget (the reference server keeps it in an HttpOnly cookie).
 */
export interface PforteSignInAdapter {
  /**
   * Checks identifier (the username as registered, an e-mail address where
   * the product signs in with one) and password for `product`.
   * Errors: 'identifier.invalid' (an identifier that cannot be one).
   */
  signIn(
    input: { identifier: string; password: string; locale: string; product?: string },
    options?: CallOptions,
  ): Promise<SignInResult>;
  /** Sends a fresh second-factor code. Errors: 'rate_limited' (before the resend deadline), 'flow.unknown', 'flow.expired', 'step.required'. */
  resendSignInCode(input: { signInId: string }, options?: CallOptions): Promise<CodeSentResult>;
  /**
   * Checks the second-factor code; then `passwordChange` or `signedIn`.
   * Errors: as `verifySmsCode` ('code.invalid' with `attemptsRemaining`, 'code.expired', 'code.max_attempts'), 'flow.unknown', 'flow.expired'.
   */
  verifySignInCode(input: { signInId: string; code: string }, options?: CallOptions): Promise<SignInResult>;
  /**
   * Replaces a password the account must change (after the password and the
   * second factor were checked); then `signedIn`. Errors: the password
   * policy's ('password.too_short', 'password.rejected', 'password.common',
   * 'password.breached'; field 'password'), 'password.rejected' with field
   * 'password' and no other detail also when it equals the old one;
   * 'step.required', 'flow.unknown', 'flow.expired'.
   */
  changePassword(input: { signInId: string; password: string }, options?: CallOptions): Promise<SignInResult>;
  /**
   * Sends a reset link `${returnUrl}#pforte-reset-token=<token>` to the
   * account's e-mail address, if there is such an account; the answer is the
   * same either way. Errors: 'link.invalid' (field 'returnUrl': an origin the
   * product does not allow), 'rate_limited'.
   */
  requestPasswordReset(
    input: { identifier: string; locale: string; returnUrl: string; product?: string },
    options?: CallOptions,
  ): Promise<ResetRequestedResult>;
  /**
   * Sets a new password with the token from a reset link (single use, short
   * lived). Ends every session of the account and lifts a lock.
   * Errors: 'link.invalid', 'link.expired' (`validityHours`), 'link.used', the password policy's (field 'password').
   */
  resetPassword(input: { token: string; password: string }, options?: CallOptions): Promise<void>;
  /** The current session (renewed by the call), or `session: null` when nobody is signed in or it timed out. */
  getSession(input?: object, options?: CallOptions): Promise<{ session: SessionInfo | null }>;
  /** Ends the current session (nothing happens without one). */
  signOut(input?: object, options?: CallOptions): Promise<void>;
  /**
   * Opens a guest invitation with the token from its link (`#pforte-guest-invitation=…`).
   * Errors: 'link.invalid' (unknown, or of another product than `product`),
   * 'link.expired', 'link.used' (no uses left), 'code.max_attempts' (too many wrong codes).
   */
  openGuestInvitation(input: { invitation: string; product?: string }, options?: CallOptions): Promise<GuestInvitationInfo>;
  /**
   * Checks the guest's one-time code and starts a guest session (limited to
   * the invitation: it ends with it). Errors: as `openGuestInvitation`, and
   * 'code.invalid' with `attemptsRemaining`.
   */
  signInAsGuest(input: { invitation: string; code: string; product?: string }, options?: CallOptions): Promise<{ session: SessionInfo }>;
}

/**
 * {@link guardAdapter} for the sign-in contract: timeouts, errors mapped to
 * PforteError, every result validated and stamped with `receivedAt`.
 */
export function guardSignInAdapter(adapter: PforteSignInAdapter, options: GuardOptions): PforteSignInAdapter {
  const { run, validated, stamped, nothing } = createGuard(options);
  return {
    signIn: (input, o) => run(o, (call) => adapter.signIn(input, call), stamped<SignInResult>('signIn')),
    resendSignInCode: (input, o) =>
      run(o, (call) => adapter.resendSignInCode(input, call), stamped<CodeSentResult>('resendSignInCode')),
    verifySignInCode: (input, o) =>
      run(o, (call) => adapter.verifySignInCode(input, call), stamped<SignInResult>('verifySignInCode')),
    changePassword: (input, o) =>
      run(o, (call) => adapter.changePassword(input, call), stamped<SignInResult>('changePassword')),
    requestPasswordReset: (input, o) =>
      run(o, (call) => adapter.requestPasswordReset(input, call), stamped<ResetRequestedResult>('requestPasswordReset')),
    resetPassword: (input, o) => run(o, (call) => adapter.resetPassword(input, call), nothing),
    getSession: (input, o) =>
      run(o, (call) => adapter.getSession(input, call), validated<{ session: SessionInfo | null }>('getSession')),
    signOut: (input, o) => run(o, (call) => adapter.signOut(input, call), nothing),
    openGuestInvitation: (input, o) =>
      run(o, (call) => adapter.openGuestInvitation(input, call), stamped<GuestInvitationInfo>('openGuestInvitation')),
    signInAsGuest: (input, o) =>
      run(o, (call) => adapter.signInAsGuest(input, call), validated<{ session: SessionInfo }>('signInAsGuest')),
  };
}
