/** A resend deadline as the server reported it, plus when the client received it. */
export interface ResendDeadline {
  /** Server ms epoch from which a new code may be requested. */
  resendAvailableAt: number;
  /** Server clock (ms epoch) when it answered. */
  serverNow: number;
  /** Client clock (ms epoch) when the answer arrived. */
  receivedAt: number;
}

/**
 * Converts a server deadline into client time, cancelling clock skew: the
 * server says "60 s from my now", so it is 60 s from when we heard it.
 */
export function toClientDeadline(deadline: ResendDeadline): number {
  return deadline.resendAvailableAt - (deadline.serverNow - deadline.receivedAt);
}

/** Whole seconds left until `deadline` (rounded up, never negative). Countdowns derive from this on every tick. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** The latest of the given deadlines, ignoring `undefined`; `undefined` when none is given. */
export function laterDeadline(...deadlines: Array<number | undefined>): number | undefined {
  let latest: number | undefined;
  for (const deadline of deadlines) {
    if (deadline !== undefined && (latest === undefined || deadline > latest)) latest = deadline;
  }
  return latest;
}

/** Seconds as a countdown: 42 → "0:42", 60 → "1:00", 3725 → "62:05". */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
