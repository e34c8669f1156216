import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatCountdown, systemClock } from '@pforte/core';
import type { CallOptions, Clock, PforteAdapter, PforteError } from '@pforte/core';
import { PforteStepElement } from './step-element.js';
import { uniqueId } from './pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { CodeEntryController } from '../controllers/code-entry-controller.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import type { CodeEntryFormOptions } from './code-entry-form.js';
import type { ActionButton } from './form-controls.js';
import '../define/code-input.js';
import { useMessages } from '../localization/localization.js';

void useMessages('sms');

/**
 * Shared surface of the steps that send a one-time code and take it back
 * (SMS, e-mail TAN): the code length, the resend throttle with its
 * deadline, verifying, and Back / "Activate later". Subclasses send the code
 * their way and say which adapter method verifies it.
 */
export abstract class PforteCodeStepElement extends PforteStepElement {
  /** Digits of the code (the server's `codeLength` wins once a code was sent). */
  @property({ type: Number, attribute: 'code-length' }) codeLength = 8;

  /** Minimum seconds between two codes; the server's `resendAvailableAt` wins when it is later. */
  @property({ type: Number, attribute: 'resend-seconds' }) resendSeconds = 60;

  /** Offers "Activate later", which sends `pforte-step-skip`. */
  @property({ type: Boolean }) optional = false;

  /** Source of time for the resend countdown; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The failure of the last send, shown before any code was sent. */
  @state() protected sendError: PforteError | undefined;

  protected readonly sending = new AdapterCallController(this);
  protected readonly entry = new CodeEntryController(this, {
    clock: () => this.clock,
    resendSeconds: () => this.resendSeconds,
    codeLength: () => this.codeLength,
    input: () => this.codeInput,
    onError: (error) => this.reportError(error),
  });
  protected readonly resend = this.entry.resend;
  protected readonly ids = { codeError: uniqueId('pforte-code-error') };

  /**
   * When a new code may be requested, in client-clock ms since the epoch
   * (`undefined` before the first code). Keep it if you re-create the step,
   * e.g. `step.resendDeadline = old.resendDeadline`.
   */
  get resendDeadline(): number | undefined {
    return this.resend.deadline;
  }

  set resendDeadline(deadline: number | undefined) {
    this.resend.setDeadline(deadline);
  }

  /** Re-reads the clock and re-renders the countdown now (the element also does this about once a second). */
  refreshCountdown(): void {
    this.resend.refresh();
  }

  /** Calls the adapter method that checks a code of this step. */
  protected abstract verifyCode(adapter: PforteAdapter, code: string, options: CallOptions): Promise<void>;

  /** Values for `pforte-step-done` once the code is verified (never the code). */
  protected abstract doneValues(): Record<string, unknown>;

  /** Requests a new code ("New code"), within the throttle. */
  protected abstract onResend(): Promise<void>;

  protected get codeInput(): PforteCodeInput | null {
    return this.querySelector('pforte-code-input');
  }

  protected get pending(): boolean {
    return this.sending.pending || this.entry.verifying.pending;
  }

  /** "Send code" of the first form, counting down while the throttle holds. */
  protected sendCodeButton(): ActionButton {
    const waiting = this.resend.waiting;
    return {
      label: waiting
        ? msg(str`Send code in ${formatCountdown(this.resend.secondsLeft)}`, { id: 'sms.send.wait' })
        : msg('Send code', { id: 'sms.send' }),
      className: 'pf-resend',
      busy: this.sending.pending,
      waiting,
    };
  }

  /** What the shared code form needs; `label` names the code input. */
  protected codeFormOptions(label: string): CodeEntryFormOptions {
    return {
      entry: this.entry,
      label,
      errorId: this.ids.codeError,
      pending: this.pending,
      canGoBack: this.canGoBack,
      optional: this.optional,
      onSubmit: this.onVerifySubmit,
      onComplete: this.onCodeComplete,
      onInput: this.onCodeInput,
      onResend: this.onResend,
      onBack: this.onBack,
      onSkip: this.onSkip,
    };
  }

  protected onCodeInput(): void {
    this.entry.onInput();
  }

  protected onCodeComplete(): void {
    if (!this.entry.dead) void this.verify();
  }

  protected onVerifySubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.verify();
  }

  private async verify(): Promise<void> {
    if (this.pending) return;
    const adapter = this.requireAdapter();
    const verified = await this.entry.verify((code, signal) => this.verifyCode(adapter, code, { signal }));
    if (verified) this.finish(this.doneValues());
  }

  protected onSkip(): void {
    this.skipStep();
  }
}
