import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toPforteError } from '@pforte/core';
import type { PforteError } from '@pforte/core';

/**
 * Runs one adapter call at a time for an element: tracks `pending` (to
 * disable submit buttons against double submits) and the last `error`, and
 * aborts the call in flight when the element is removed.
 */
export class AdapterCallController implements ReactiveController {
  /** True while a call runs. */
  pending = false;
  /** The failure of the last call, cleared when the next one starts. */
  error: PforteError | undefined;

  private abortController: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Runs `call` unless one is already running (then resolves `undefined`).
   * Resolves its result, or `undefined` after recording the failure in `error`.
   */
  async run<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.pending) return undefined;
    const abortController = new AbortController();
    this.abortController = abortController;
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      return await call(abortController.signal);
    } catch (error) {
      if (!abortController.signal.aborted) this.error = toPforteError(error);
      return undefined;
    } finally {
      if (this.abortController === abortController) {
        this.pending = false;
        this.abortController = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Forgets the last error, e.g. once the person edits the field it was about. */
  clearError(): void {
    if (!this.error) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abortController?.abort();
    this.abortController = undefined;
    this.pending = false;
  }
}
