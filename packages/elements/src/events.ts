import type { CompleteResult, PforteErrorCode, StepId } from '@pforte/core';

/** `pforte-step-change`: the flow shows another step. */
export interface PforteStepChangeDetail {
  step: StepId;
  /** Zero-based position in the configured step list. */
  index: number;
  /** The step's number as the step indicator shows it ("Step 2 of 5": 2). */
  position: number;
  /** Steps as the step indicator counts them ("Step 2 of 5": 5): the active steps, the done step not counted. */
  total: number;
}

/** `pforte-complete`: the registration is finished. Holds no secret. */
export type PforteCompleteDetail = CompleteResult;

/** `pforte-error`: something failed. Holds the stable code, never a secret. */
export interface PforteErrorDetail {
  code: PforteErrorCode | 'config.invalid';
  step?: StepId;
  /** The config path at fault, for `config.invalid`. */
  path?: string;
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
