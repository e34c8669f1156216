import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage } from '../localization/error-messages.js';
import { visibilityStepStyles } from './visibility-step.styles.js';
import '../localization/step-messages.js';

/**
 * @summary Opt-in to the contact search: other registered users can then find
 * the person, add them to their contacts and contact them by SMS. The box is
 * unticked by default; the choice can be changed later in the profile.
 *
 * @event pforte-step-done - The choice was saved; `detail.values.visible` is true or false.
 * @event pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event pforte-error - Saving failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-border - Frame of the choice.
 * @cssproperty --pforte-color-primary - Buttons, the tick and focus.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteVisibilityStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, visibilityStepStyles];

  readonly step = 'visibility' as const;

  /** Whether the box is ticked: unticked unless set, and kept when the person comes back. */
  @property({ type: Boolean }) visible = false;

  private readonly submission = new AdapterCallController(this);
  private readonly ids = { explanation: uniqueId('pforte-visibility-explanation') };

  override render() {
    const pending = this.submission.pending;
    const error = this.submission.error;
    return html`
      <h2 tabindex="-1">${msg('Visibility in the contact search', { id: 'visibility.heading' })}</h2>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <p id=${this.ids.explanation}>
          ${msg(
            'If you are visible, other registered users can find you in the contact search, add you to their contacts and contact you by SMS. You can change this at any time in your profile settings.',
            { id: 'visibility.explanation' },
          )}
        </p>
        <label class="pf-check">
          <input
            type="checkbox"
            name="visible"
            .checked=${live(this.visible)}
            aria-describedby=${this.ids.explanation}
            @change=${this.onChange}
          />
          <span>${msg('Show me in the contact search', { id: 'visibility.label' })}</span>
        </label>
        <div class="pf-alert" role="alert">${error ? errorMessage(error) : nothing}</div>
        <div class="pf-actions">
          <button type="submit" class="pf-primary" ?disabled=${pending}>
            ${pending ? msg('Please wait…', { id: 'common.pending' }) : msg('Continue', { id: 'common.continue' })}
          </button>
          ${this.canGoBack
            ? html`<button type="button" ?disabled=${pending} @click=${this.onBack}>${msg('Back', { id: 'common.back' })}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private onChange(event: Event): void {
    this.visible = (event.target as HTMLInputElement).checked;
    this.submission.clearError();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    const adapter = this.requireAdapter();
    const visible = this.visible;
    await this.submission.run((signal) => adapter.setVisibility({ flowId: this.flowId, visible }, { signal }));
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      return;
    }
    this.finish({ visible });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-visibility-step': PforteVisibilityStep;
  }
}
