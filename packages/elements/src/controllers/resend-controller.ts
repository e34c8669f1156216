import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { laterDeadline, secondsUntil, toClientDeadline } from '@pforte/core';
import type { Clock, PforteError, SmsSentResult } from '@pforte/core';
import { browserScheduler } from './scheduler.js';
import type { Scheduler } from './scheduler.js';

/** What changed, for a polite announcement: the wait began, or it is over. */
export type ResendTransition = 'waiting' | 'available';

export interface ResendControllerOptions {
  /** The clock the countdown reads (read on every use, so the host may swap it). */
  clock: () => Clock;
  /** The product's minimum gap between two codes, in seconds. */
  resendSeconds: () => number;
  scheduler?: Scheduler;
  /** Told when the wait begins and when it ends; never on every tick. */
  onTransition?: (transition: ResendTransition) => void;
}

/**
 * The "new code in 0:42" throttle of a resend button. The countdown is always
 * derived from a deadline and the clock (never a decremented counter): the
 * later of the client's own minimum gap and the server's `resendAvailableAt`,
 * the latter moved to client time with the server's `now` to cancel clock
 * skew. A timer only asks the host to re-render about once a second, and it
 * is cleared when the host leaves the page. The deadline lives on the
 * controller, i.e. on the host element, so switching between the element's
 * phases keeps it.
 */
export class ResendController implements ReactiveController {
  /** Client-clock ms epoch from which a new code may be requested; `undefined` before the first code. */
  deadline: number | undefined;

  private readonly scheduler: Scheduler;
  private timer: unknown;
  private connected = false;
  private wasWaiting = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResendControllerOptions,
  ) {
    this.scheduler = options.scheduler ?? browserScheduler;
    host.addController(this);
  }

  /** Whole seconds until a new code may be requested (0 when it may be requested now). */
  get secondsLeft(): number {
    return this.deadline === undefined ? 0 : secondsUntil(this.deadline, this.options.clock().now());
  }

  /** True while the person has to wait. */
  get waiting(): boolean {
    return this.secondsLeft > 0;
  }

  /**
   * Starts the wait after a code (or an e-mail) was sent: the later of
   * `sent + resendSeconds` and the server's deadline.
   */
  startFromSent(result: Pick<SmsSentResult, 'resendAvailableAt' | 'now' | 'receivedAt'>): void {
    const receivedAt = result.receivedAt ?? this.options.clock().now();
    const client = receivedAt + this.options.resendSeconds() * 1000;
    const server = toClientDeadline({ resendAvailableAt: result.resendAvailableAt, serverNow: result.now, receivedAt });
    this.setDeadline(laterDeadline(client, server));
  }

  /**
   * Restarts the wait from a 'rate_limited' error (the server's deadline wins);
   * returns false, changing nothing, for any other error or one without timing.
   */
  startFromError(error: PforteError): boolean {
    if (error.code !== 'rate_limited') return false;
    const receivedAt = error.receivedAt ?? this.options.clock().now();
    let deadline: number | undefined;
    if (error.resendAvailableAt !== undefined && error.now !== undefined) {
      deadline = toClientDeadline({ resendAvailableAt: error.resendAvailableAt, serverNow: error.now, receivedAt });
    } else if (error.retryAfterSeconds !== undefined) {
      deadline = receivedAt + error.retryAfterSeconds * 1000;
    }
    if (deadline === undefined) return false;
    this.setDeadline(deadline);
    return true;
  }

  /** Sets the deadline (client-clock ms epoch) directly, e.g. one kept from an earlier copy of the step. */
  setDeadline(deadline: number | undefined): void {
    this.deadline = deadline;
    this.refresh();
  }

  /** Re-reads the clock: re-renders the host, reports a transition, schedules the next tick. */
  refresh(): void {
    const waiting = this.waiting;
    if (waiting !== this.wasWaiting) {
      this.wasWaiting = waiting;
      this.options.onTransition?.(waiting ? 'waiting' : 'available');
    }
    this.host.requestUpdate();
    this.schedule();
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.cancel();
  }

  private schedule(): void {
    this.cancel();
    if (!this.connected || this.deadline === undefined || !this.waiting) return;
    // Wake up when the displayed whole second changes.
    const remainder = (this.deadline - this.options.clock().now()) % 1000;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, remainder > 0 ? remainder : 1000);
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
