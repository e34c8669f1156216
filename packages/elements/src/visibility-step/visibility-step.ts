import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { visibilityStepStyles } from './visibility-step.styles.js';
import { useMessages } from '../localization/localization.js';

void useMessages('visibility');

/**
 * @summary Opt-in to the contact search: other registered users can then find
 * the person, add them to their contacts and contact them by SMS. The box is
 * unticked by default; the choice can be changed later in the profile.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The choice was saved; `detail.values.visible` is true or false.
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Saving failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-border - Frame of the choice.
 * @cssproperty --pforte-color-primary - Buttons, the tick and focus.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PforteVisibilityStep extends PforteFormStepElement<'visible'> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, visibilityStepStyles];

  readonly step = 'visibility' as const;

  protected readonly fieldOrder = ['visible'] as const;

  /** The submit button's label (default "Continue"), e.g. "Save" in the account area. */
  @property({ attribute: 'submit-label' }) submitLabel = '';

  /** Whether the box is ticked: unticked unless set, and kept when the person comes back. */
  @property({ type: Boolean }) visible = false;

  private readonly explanationId = uniqueId('pforte-visibility-explanation');

  override render() {
    return html`
      <h2 tabindex="-1">${msg('Visibility in the contact search', { id: 'visibility.heading' })}</h2>
      ${this.renderForm(html`
        <p id=${this.explanationId}>
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
            aria-describedby=${this.explanationId}
            @change=${this.onChange}
          />
          <span>${msg('Show me in the contact search', { id: 'visibility.label' })}</span>
        </label>
        ${this.renderFooter(this.submitLabel ? { submitLabel: this.submitLabel } : {})}
      `)}
    `;
  }

  private onChange(event: Event): void {
    this.visible = (event.target as HTMLInputElement).checked;
    this.clearFieldError('visible');
  }

  protected override async onSubmit(): Promise<void> {
    const visible = this.visible;
    await this.submitStep({
      call: (adapter, signal) => adapter.setVisibility({ flowId: this.flowId, visible }, { signal }),
      done: () => ({ visible }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-visibility-step': PforteVisibilityStep;
  }
}
