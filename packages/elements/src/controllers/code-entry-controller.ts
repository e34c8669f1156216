import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { Clock, CodeSentResult, PforteError } from '@pforte/core';
import { AdapterCallController } from './adapter-call-controller.js';
import { ResendController } from './resend-controller.js';
import type { ResendTransition } from './resend-controller.js';
import type { Scheduler } from './scheduler.js';
import { errorMessage } from '../localization/error-messages.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import { duration, useMessages } from '../localization/localization.js';
import '../localization/step-error-messages.js';

void useMessages('sms');

export interface CodeEntryOptions {
  /** The clock of the resend countdown (read on every use). */
  clock: () => Clock;
  /** The product's minimum gap between two codes, in seconds. */
  resendSeconds: () => number;
  /** Digits of the code before the server said otherwise. */
  codeLength: () => number;
  /** The rendered `<pforte-code-input>`, if any. */
  input: () => PforteCodeInput | null;
  /** Told of every failed verification (the host sends `pforte-error`). */
  onError: (error: PforteError) => void;
  scheduler?: Scheduler;
}

/**
 * The part the SMS and the e-mail code steps share: entering a one-time code
 * that was sent somewhere, with the resend throttle. It keeps the message
 * tied to the code input, knows when a code is dead (expired or too many
 * tries, so only a new one helps), verifies a full code, and feeds a polite
 * live region that announces when a code was sent and when a new one may be
 * requested (never every second). Sending stays with the host, because what
 * a code is sent to differs.
 */
export class CodeEntryController {
  /** The message shown with the code input; `''` when there is none. */
  error = '';
  /** True once the code expired or took too many wrong tries: only a new code helps. */
  dead = false;
  /** Text of the host's polite live region (`role="status"`). */
  announcement = '';
  /** Digits of the code last sent, as the server said; `undefined` before the first code. */
  sentCodeLength: number | undefined;

  readonly verifying: AdapterCallController;
  readonly resend: ResendController;

  /**
   * The code the backend last rejected. Sending it again would only burn an
   * attempt (a full code submits itself, and Enter then re-submits the same
   * digits), so it is answered here until the person changes it.
   */
  private rejected: { code: string; message: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CodeEntryOptions,
  ) {
    // Its parts (the call and the throttle) register themselves with the host.
    this.verifying = new AdapterCallController(host);
    this.resend = new ResendController(host, {
      clock: options.clock,
      resendSeconds: options.resendSeconds,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      onTransition: (transition) => this.onResendTransition(transition),
    });
  }

  /** Digits the code input expects now. */
  get length(): number {
    return this.sentCodeLength ?? this.options.codeLength();
  }

  /** Sets (or with `''` clears) the message of the code input. */
  setError(message: string): void {
    if (this.error === message) return;
    this.error = message;
    this.host.requestUpdate();
  }

  /** Call from the code input's `input` event: an edit clears the message. */
  onInput(): void {
    // A full code is verified at once, and its answer can arrive before this
    // input event has finished bubbling: only an edit below full length clears.
    if ((this.options.input()?.value.length ?? 0) < this.length) this.setError('');
  }

  /**
   * A code was sent: starts the resend wait, announces it, then empties and
   * focuses the code input (the host has switched to its code phase already).
   */
  async codeSent(result: CodeSentResult, resending: boolean): Promise<void> {
    this.sentCodeLength = result.codeLength;
    this.dead = false;
    this.error = '';
    this.rejected = undefined;
    this.resend.startFromSent(result);
    const wait = duration(this.resend.secondsLeft, 'second');
    void this.announce(
      resending
        ? msg(str`A new code was sent. You can request another one in ${wait}.`, { id: 'sms.resent' })
        : msg(str`Code sent. You can request a new code in ${wait}.`, { id: 'sms.sentStatus' }),
    );
    await this.host.updateComplete;
    const input = this.options.input();
    if (input) {
      input.value = '';
      await input.updateComplete;
      input.focus();
    }
  }

  /**
   * Verifies the code in the input with `call`. Resolves true once it was
   * accepted (the input is emptied), false after a local or server error,
   * which is then shown with the input, which gets focus.
   */
  async verify(call: (code: string, signal: AbortSignal) => Promise<void>): Promise<boolean> {
    if (this.verifying.pending || this.dead) return false;
    const input = this.options.input();
    if (!input) return false;
    const code = input.value;
    const length = this.length;
    if (code.length !== length) {
      this.setError(msg(str`Please enter all ${length} digits of the code.`, { id: 'sms.code.incomplete' }));
      input.focus();
      return false;
    }
    if (code === this.rejected?.code) {
      this.setError(this.rejected.message);
      input.focus();
      input.select();
      return false;
    }
    this.setError('');
    await this.verifying.run((signal) => call(code, signal));
    const error = this.verifying.error;
    if (error) {
      this.options.onError(error);
      this.resend.startFromError(error);
      this.error = errorMessage(error);
      if (error.code === 'code.invalid') this.rejected = { code, message: this.error };
      if (error.code === 'code.expired' || error.code === 'code.max_attempts') this.dead = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
      input.focus();
      if (error.code === 'code.invalid') input.select();
      return false;
    }
    input.value = '';
    return true;
  }

  /** Sets the live region; an identical message is cleared first so it is read again. */
  async announce(text: string): Promise<void> {
    if (this.announcement === text) {
      this.announcement = '';
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.announcement = text;
    this.host.requestUpdate();
  }

  private onResendTransition(transition: ResendTransition): void {
    // The start of a wait is announced with the message that caused it; here only its end.
    if (transition === 'available' && this.sentCodeLength !== undefined) {
      void this.announce(msg('You can now request a new code.', { id: 'sms.resend.available' }));
    }
  }
}
