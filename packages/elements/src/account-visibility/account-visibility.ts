import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { PforteAccountSectionElement, stepAdapter } from '../internal/account-section-element.js';
import type { PforteStepDoneDetail } from '../events.js';
import { useMessages } from '../localization/localization.js';
import { accountVisibilityStyles } from './account-visibility.styles.js';
import '../define/visibility-step.js';

void useMessages('accountVisibility');

/**
 * @summary The contact-search opt-in, changed later in the account area: the
 * registration's visibility step (its explanation and its box), saved to the
 * account. Needs no re-authentication.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - The choice was saved; `detail.values.visible` is true or false.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Loading or saving failed; `detail.code` is the stable error code, `detail.section` is `'visibility'`.
 *
 * @csspart status - The line that confirms the saved choice.
 *
 * @cssproperty --pforte-color-border - Frame of the choice.
 * @cssproperty --pforte-color-primary - Buttons, the tick and focus.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteAccountVisibility extends PforteAccountSectionElement {
  static override pforteStyles = [...PforteAccountSectionElement.pforteStyles, accountVisibilityStyles];

  readonly section = 'visibility' as const;

  @state() private status = '';

  private readonly step = stepAdapter({
    setVisibility: async ({ visible }, options) => {
      this.status = '';
      const { settings } = await this.account.setContactVisibility({ visible: visible === true }, options);
      this.keep(settings);
    },
  });

  protected heading(): string {
    return msg('Visibility in the contact search', { id: 'accountVisibility.heading' });
  }

  protected renderSection(settings: { visible: boolean }) {
    return html`
      <pforte-visibility-step
        .adapter=${this.step}
        .visible=${settings.visible}
        submit-label=${msg('Save', { id: 'accountVisibility.save' })}
        @pforte-step-done=${this.onDone}
        @pforte-error=${this.onStepError}
      ></pforte-visibility-step>
      <p class="pf-status" part="status" role="status">${this.status}</p>
    `;
  }

  private onDone(event: CustomEvent<PforteStepDoneDetail>): void {
    event.stopPropagation();
    const visible = event.detail.values['visible'] === true;
    this.status = visible
      ? msg('Saved: others can find you in the contact search.', { id: 'accountVisibility.saved.visible' })
      : msg('Saved: others cannot find you in the contact search.', { id: 'accountVisibility.saved.hidden' });
    this.changed({ visible });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-account-visibility': PforteAccountVisibility;
  }
}
