import { property } from 'lit/decorators.js';
import type { PforteAdapter, PforteError, StepId } from '@pforte/core';
import { PforteElement } from './pforte-element.js';
import { emit } from '../events.js';

/**
 * Shared surface of the step elements: the adapter and flow they act on, the
 * heading the flow host focuses, and the navigation events they send.
 */
export abstract class PforteStepElement extends PforteElement {
  /** The step id this element implements. */
  abstract readonly step: StepId;

  /** The backend the step talks to. `<pforte-signup>` sets it; set it yourself when using the step alone. */
  @property({ attribute: false }) adapter: PforteAdapter | undefined;

  /** The registration this step belongs to, from `adapter.startRegistration`. */
  @property({ attribute: 'flow-id' }) flowId = '';

  /** Offers a "Back" button that sends `pforte-step-back`. */
  @property({ type: Boolean, attribute: 'can-go-back' }) canGoBack = false;

  /** Moves focus to the step's heading, so screen readers announce the new step. */
  focusHeading(): void {
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  protected finish(values: Record<string, unknown> = {}): void {
    emit(this, 'pforte-step-done', { step: this.step, values });
  }

  protected goBack(): void {
    emit(this, 'pforte-step-back', { step: this.step });
  }

  /** "Back" was chosen; a listener, so it runs with the step as `this`. */
  protected onBack(): void {
    this.goBack();
  }

  protected skipStep(): void {
    emit(this, 'pforte-step-skip', { step: this.step });
  }

  /** Tells the page a call failed: the stable code only, never what was typed. */
  protected reportError(error: PforteError): void {
    emit(this, 'pforte-error', { code: error.code, step: this.step });
  }

  protected requireAdapter(): PforteAdapter {
    if (!this.adapter) throw new Error(`<pforte-${this.step}-step> needs its adapter property set.`);
    return this.adapter;
  }
}
