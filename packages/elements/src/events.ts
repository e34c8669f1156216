import type { AccountSectionId, CompleteResult, PforteErrorCode, SecondFactorMethod, StepId } from '@pforte/core';

/**
 * The stages of `<pforte-signin>`, named in its `pforte-step-change` and
 * `pforte-error` events: the password form, the same form while sign-in is
 * locked, the second factor, the forced password change, the product's
 * first-sign-in notice, and signed in.
 */
export type SignInStage = 'password' | 'locked' | 'secondFactor' | 'passwordChange' | 'firstSignInNotice' | 'signedIn';

/** `pforte-step-change`: the flow shows another step (a registration step, or a stage of `<pforte-signin>`). */
export interface PforteStepChangeDetail {
  step: StepId | SignInStage;
  /** Zero-based position in the configured step list. */
  index: number;
  /** The step's number as the step indicator shows it ("Step 2 of 5": 2). */
  position: number;
  /** Steps as the step indicator counts them ("Step 2 of 5": 5): the active steps, the done step not counted. */
  total: number;
}

/**
 * `pforte-account-change`: a section of `<pforte-account>` (or the section's
 * element on its own) saved a change. Never a number, PIN, code or password.
 */
export interface PforteAccountChangeDetail {
  section: AccountSectionId;
  /** The new setting of a settings section (`visible`, `method`). */
  values?: Record<string, unknown>;
  /** What changed in the organization: `approve`, `deny`, `remove` or `invite`. */
  change?: string;
  /** The account acted on, where it is another one (a requester, a member). */
  accountId?: string;
}

/** `pforte-complete`: the registration is finished. Holds no secret. */
export type PforteCompleteDetail = CompleteResult;

/** `pforte-error`: something failed. Holds the stable code, never a secret. */
export interface PforteErrorDetail {
  code: PforteErrorCode | 'config.invalid';
  step?: StepId | SignInStage;
  /** The config path at fault, for `config.invalid`. */
  path?: string;
  /** The section of `<pforte-account>` whose call failed. */
  section?: AccountSectionId;
}

/** `pforte-step-done`: a step element finished its work; values hold no secret. */
export interface PforteStepDoneDetail {
  step: StepId;
  values: Record<string, unknown>;
}

/** `pforte-step-back` and `pforte-step-skip`: a step asks the flow to go back or skip it. */
export interface PforteStepNavigationDetail {
  step: StepId;
}

/**
 * `pforte-code-complete`: a `<pforte-code-input>` holds as many digits as the
 * code has. Carries nothing: the code is read from the input's `value`, so it
 * never travels in an event.
 */
export type PforteCodeCompleteDetail = Record<string, never>;

/**
 * `pforte-captcha-solved`: a `<pforte-captcha>` challenge was solved. Carries
 * nothing: the token is read from the element's `token`, so it never travels
 * in an event.
 */
export type PforteCaptchaSolvedDetail = Record<string, never>;

/**
 * `pforte-password-reset`: `<pforte-password-reset>` set the new password
 * (every session of the account ended). Carries nothing: never the token or
 * the password.
 */
export type PfortePasswordResetDetail = Record<string, never>;

/** `pforte-guest-signed-in`: `<pforte-guest-access>` started a guest session. Never the invitation's token or the code. */
export interface PforteGuestSignedInDetail {
  /** The invitation's id (also the guest session's `accountId`). */
  invitationId: string;
  product: string;
  /** Server ms epoch when the guest session ends unless used again (it ends with the invitation at the latest). */
  expiresAt: number;
}

/** `pforte-signed-in`: `<pforte-signin>` signed the person in. The account, never a password, code or session token. */
export interface PforteSignedInDetail {
  accountId: string;
  username: string;
  /** The account's second factor (`none` when it has none). */
  secondFactor: SecondFactorMethod;
}

/** `pforte-signed-out`: `<pforte-signin>` ended the session. */
export type PforteSignedOutDetail = Record<string, never>;

declare global {
  interface HTMLElementEventMap {
    'pforte-step-change': CustomEvent<PforteStepChangeDetail>;
    'pforte-complete': CustomEvent<PforteCompleteDetail>;
    'pforte-error': CustomEvent<PforteErrorDetail>;
    'pforte-step-done': CustomEvent<PforteStepDoneDetail>;
    'pforte-step-back': CustomEvent<PforteStepNavigationDetail>;
    'pforte-step-skip': CustomEvent<PforteStepNavigationDetail>;
    'pforte-code-complete': CustomEvent<PforteCodeCompleteDetail>;
    'pforte-captcha-solved': CustomEvent<PforteCaptchaSolvedDetail>;
    'pforte-password-reset': CustomEvent<PfortePasswordResetDetail>;
    'pforte-guest-signed-in': CustomEvent<PforteGuestSignedInDetail>;
    'pforte-signed-in': CustomEvent<PforteSignedInDetail>;
    'pforte-signed-out': CustomEvent<PforteSignedOutDetail>;
    'pforte-account-change': CustomEvent<PforteAccountChangeDetail>;
  }
}

/** Dispatches a bubbling, composed Pforte event from `target`. */
export function emit<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
