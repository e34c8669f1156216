import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isCommonPassword } from '@pforte/core';

/**
 * Asks the rules whether the password typed is a common one (the list loads
 * on the first check, never with the first step) and updates the host with
 * the answer for the password still shown. Answers that arrive after the
 * password changed, or after the host left the page, are dropped.
 */
export class CommonPasswordController implements ReactiveController {
  private checked = '';
  private answer: boolean | undefined;
  private pending = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether `password` is common: undefined while the answer is not in yet (and for no password). */
  commonFor(password: string): boolean | undefined {
    return password === this.checked ? this.answer : undefined;
  }

  /** Starts checking `password` unless it is the one checked last. */
  check(password: string): void {
    if (password === this.checked) return;
    this.checked = password;
    this.answer = undefined;
    const ticket = ++this.pending;
    if (password === '') return;
    void isCommonPassword(password).then(
      (common) => {
        if (ticket !== this.pending) return;
        this.answer = common;
        this.host.requestUpdate();
      },
      // The list could not load (offline): the line stays unticked; the backend decides anyway.
      () => undefined,
    );
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.pending++;
    this.checked = '';
    this.answer = undefined;
  }
}
