/** Source of the current time in ms since the epoch. Injected everywhere time matters, so tests never wait. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to; for tests and docs. */
export interface ManualClock extends Clock {
  /** Jumps to an absolute time (ms epoch). */
  set(ms: number): void;
  /** Moves forward by `ms`. */
  advance(ms: number): void;
}

/** Creates a {@link ManualClock} starting at `start` (default 2026-01-01T00:00:00Z). */
export function createManualClock(start: number = Date.UTC(2026, 0, 1)): ManualClock {
  let current = start;
  return {
    now: () => current,
    set(ms: number) {
      current = ms;
    },
    advance(ms: number) {
      current += ms;
    },
  };
}
