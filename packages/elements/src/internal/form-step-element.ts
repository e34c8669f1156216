import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { PforteAdapter, PforteError } from '@pforte/core';
import { PforteStepElement } from './step-element.js';
import { uniqueId } from './pforte-element.js';
import { renderActions, renderTextField } from './form-controls.js';
import type { ActionButton, TextFieldOptions } from './form-controls.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';

/** Messages by field; a field present with `''` is invalid with its reason shown elsewhere (e.g. by its own control). */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** One submission of a form step, for {@link PforteFormStepElement.submitStep}. */
export interface StepSubmission<Field extends string, Result> {
  /** Checks the entries before any call; resolves the invalid fields with their messages. */
  check?: () => FieldErrors<Field> | Promise<FieldErrors<Field>>;
  /** The adapter call(s) of the step. */
  call: (adapter: PforteAdapter, signal: AbortSignal) => Promise<Result>;
  /** The values of `pforte-step-done` (never a secret), once `call` succeeded. */
  done: (result: Result) => Record<string, unknown>;
  /** Runs once a failure was reported, before it is shown, e.g. to renew a used-up captcha. */
  failed?: (error: PforteError) => void | Promise<void>;
}

/**
 * A step that is a form: the fields of type `Field` with their errors, one
 * adapter submission at a time, and the alert and action row under the
 * fields. An adapter error that names a field (`PforteError.field`, or
 * `fieldOf` of the step) is shown at that field and focuses it; any other
 * goes to the alert.
 */
export abstract class PforteFormStepElement<Field extends string> extends PforteStepElement {
  /** The fields in page order: the first invalid one takes focus. */
  protected abstract readonly fieldOrder: readonly Field[];

  @state() protected fieldErrors: FieldErrors<Field> = {};

  protected readonly submission = new AdapterCallController(this);

  /** True from the start of a submission (its checks included) until its call is over. */
  private submitting = false;
  private readonly fieldIds = new Map<Field, { input: string; error: string }>();

  /** True while the step's submission runs: buttons are disabled and the form is busy. */
  protected get pending(): boolean {
    return this.submission.pending;
  }

  /** The ids of a field's control and of its error message, unique in the document. */
  protected idsOf(field: Field): { input: string; error: string } {
    let ids = this.fieldIds.get(field);
    if (!ids) {
      const prefix = `pforte-${kebab(this.step)}-${kebab(field)}`;
      ids = { input: uniqueId(prefix), error: uniqueId(`${prefix}-error`) };
      this.fieldIds.set(field, ids);
    }
    return ids;
  }

  /** The field an adapter error is about: by default its `field`, when the step shows that field. */
  protected fieldOf(error: PforteError): Field | undefined {
    const field = this.fieldOrder.find((candidate) => candidate === error.field);
    return field && this.fieldControl(field) ? field : undefined;
  }

  /** Whether editing `field` answers `error`, so its message goes: its own field's error, or one about no field. */
  protected editAnswers(error: PforteError, field: Field): boolean {
    const about = this.fieldOf(error);
    return about === undefined || about === field;
  }

  /** The control of a field, the one that takes focus. */
  protected fieldControl(field: Field): HTMLElement | null {
    return this.querySelector<HTMLElement>(`#${this.idsOf(field).input}`);
  }

  protected focusField(field: Field): void {
    this.fieldControl(field)?.focus();
  }

  /** The person changed a field: its message, and a step error it answers, go. */
  protected clearFieldError(field: Field): void {
    if (this.fieldErrors[field] !== undefined) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    const error = this.submission.error;
    if (error && this.editAnswers(error, field)) this.submission.clearError();
  }

  /**
   * Submits the step once: ignored while a submission runs; checks the
   * entries (the first invalid field takes focus), then runs the adapter
   * call, reports and shows a failure (at its field, or in the alert), and
   * finishes the step with `done`'s values. Resolves whether it finished.
   */
  protected async submitStep<Result>(submission: StepSubmission<Field, Result>): Promise<boolean> {
    if (this.submitting) return false;
    this.submitting = true;
    let firstInvalid: Field | undefined;
    let outcome: { result: Result } | undefined;
    try {
      this.submission.clearError();
      const checked = submission.check?.() ?? {};
      // Set in the same task as the submit when the check is synchronous, so the messages render at once.
      this.fieldErrors = checked instanceof Promise ? await checked : checked;
      firstInvalid = this.fieldOrder.find((field) => this.fieldErrors[field] !== undefined);
      if (firstInvalid === undefined) {
        const adapter = this.requireAdapter();
        // Wrapped, so a call that resolves nothing still counts as done, unlike one aborted by leaving the page.
        outcome = await this.submission.run(async (signal) => ({ result: await submission.call(adapter, signal) }));
      }
    } finally {
      // Released as soon as the call is over: the person may try again while the outcome is shown.
      this.submitting = false;
    }
    if (firstInvalid !== undefined) {
      await this.updateComplete;
      this.focusField(firstInvalid);
      return false;
    }
    const error = this.submission.error;
    if (error) {
      await this.showFailure(error, submission.failed);
      return false;
    }
    if (!outcome) return false;
    this.finish(submission.done(outcome.result));
    return true;
  }

  private async showFailure(error: PforteError, failed: StepSubmission<Field, unknown>['failed']): Promise<void> {
    this.reportError(error);
    await failed?.(error);
    const field = this.fieldOf(error);
    if (field !== undefined) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
    await this.updateComplete;
    if (field !== undefined) this.focusField(field);
  }

  /** The text of the alert for an error that is about no field. */
  protected alertContent(error: PforteError): TemplateResult | string {
    return renderAlert(error);
  }

  /** A text field of `field`: its ids, value handling and error come from the step. */
  protected renderTextField(
    field: Field,
    options: Omit<TextFieldOptions, 'id' | 'errorId' | 'error'>,
  ): TemplateResult {
    const { input, error } = this.idsOf(field);
    return renderTextField({
      ...options,
      id: input,
      errorId: error,
      error: this.fieldErrors[field],
      onValue: (value) => {
        options.onValue(value);
        this.clearFieldError(field);
      },
    });
  }

  /** The step's `<form>`, busy while the submission runs; submitting it calls `onSubmit`. */
  protected renderForm(content: TemplateResult): TemplateResult {
    return html`<form method="post" action="" novalidate aria-busy=${this.pending ? 'true' : 'false'} @submit=${this.onFormSubmit}>
      ${content}
    </form>`;
  }

  /** Submits the step: calls {@link submitStep} with this step's checks and call. */
  protected abstract onSubmit(): Promise<void>;

  private onFormSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.onSubmit();
  }

  /** The alert for a failure about no field, then the submit button ("Continue" unless named), further actions and "Back". */
  protected renderFooter(options: { submitLabel?: string; submitDisabled?: boolean; secondary?: ActionButton[] } = {}) {
    const error = this.submission.error;
    const general = error && this.fieldOf(error) === undefined ? error : undefined;
    return html`
      <div class="pf-alert" role="alert">${general ? this.alertContent(general) : nothing}</div>
      ${renderActions({
        pending: this.pending,
        primary: {
          label: options.submitLabel ?? msg('Continue', { id: 'common.continue' }),
          disabled: options.submitDisabled ?? false,
          busy: this.submission.pending,
        },
        ...(options.secondary ? { secondary: options.secondary } : {}),
        ...(this.canGoBack ? { onBack: this.onBack } : {}),
      })}
    `;
  }
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
