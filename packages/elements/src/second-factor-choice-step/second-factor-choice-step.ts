import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { SecondFactorMethod } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import { renderChoices } from '../internal/choice-controls.js';
import { uniqueId } from '../internal/pforte-element.js';
import { choiceStyles } from '../styles/choice.styles.js';
import { secondFactorChoiceStepStyles } from './second-factor-choice-step.styles.js';
import { useMessages } from '../localization/localization.js';

void useMessages('secondFactor');

const allMethods: readonly SecondFactorMethod[] = ['none', 'email', 'sms'];

/**
 * @summary The choice of a second factor for sign-in (seed 003: "keine TAN",
 * "emailTAN", "mTAN"): a radio group with a short explanation of each option.
 * A TAN is recommended, the mobile TAN as the most secure. The flow then runs
 * the `emailCode` or the `sms` step, or neither.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The choice was saved; `detail.values.method` is `'none'`, `'email'` or `'sms'`.
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - Saving failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-border - Frame of each option.
 * @cssproperty --pforte-color-primary - Buttons, the chosen option and focus.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-radius - Corner radius.
 */
export class PforteSecondFactorChoiceStep extends PforteFormStepElement<'method'> {
  static override pforteStyles = [...PforteFormStepElement.pforteStyles, choiceStyles, secondFactorChoiceStepStyles];

  readonly step = 'secondFactorChoice' as const;

  protected readonly fieldOrder = ['method'] as const;

  /** The options offered, in this order (attribute: a JSON array, e.g. `["email","sms"]`). */
  @property({ type: Array }) choices: SecondFactorMethod[] = ['none', 'email', 'sms'];

  /** The option chosen at first (and when the person comes back); the first of `choices` when unset or not offered. */
  @property() preselected: SecondFactorMethod | undefined;

  @state() private chosen: SecondFactorMethod | undefined;

  private readonly ids = { intro: uniqueId('pforte-second-factor-intro'), option: uniqueId('pforte-second-factor') };

  /** The options actually offered: known methods of `choices`, without duplicates. */
  private get offered(): SecondFactorMethod[] {
    return this.choices.filter((method, index) => allMethods.includes(method) && this.choices.indexOf(method) === index);
  }

  /** The option selected now. */
  get method(): SecondFactorMethod | undefined {
    const offered = this.offered;
    if (this.chosen && offered.includes(this.chosen)) return this.chosen;
    if (this.preselected && offered.includes(this.preselected)) return this.preselected;
    return offered[0];
  }

  override render() {
    const offered = this.offered;
    const selected = this.method;
    return html`
      <h2 tabindex="-1">${msg('Authentication', { id: 'secondFactor.heading' })}</h2>
      ${this.renderIntro(offered)}
      ${this.renderForm(html`
        ${renderChoices({
          id: this.ids.option,
          legend: msg('How do you want to confirm your sign-ins?', { id: 'secondFactor.legend' }),
          name: 'secondFactor',
          choices: offered.map((method) => ({ value: method, label: this.label(method), hint: this.hint(method) })),
          selected,
          describedBy: this.hasIntro(offered) ? this.ids.intro : undefined,
          onChoose: (method) => {
            this.chosen = method;
            this.clearFieldError('method');
          },
        })}
        ${this.renderFooter({ submitDisabled: !selected })}
      `)}
    `;
  }

  /** The recommendation of a TAN matters only where "no TAN" is an option. */
  private hasIntro(offered: SecondFactorMethod[]): boolean {
    return offered.includes('none') && offered.length > 1;
  }

  private renderIntro(offered: SecondFactorMethod[]) {
    if (!this.hasIntro(offered)) return nothing;
    return html`<p id=${this.ids.intro}>
      ${offered.includes('sms')
        ? msg('To protect your data, please choose a TAN. The most secure method is the mobile TAN (SMS).', {
            id: 'secondFactor.intro.sms',
          })
        : msg('To protect your data, please choose a TAN.', { id: 'secondFactor.intro' })}
    </p>`;
  }

  private label(method: SecondFactorMethod): string {
    switch (method) {
      case 'none':
        return msg('No TAN', { id: 'secondFactor.none' });
      case 'email':
        return msg('E-mail TAN', { id: 'secondFactor.email' });
      case 'sms':
        return msg('Mobile TAN (SMS)', { id: 'secondFactor.sms' });
    }
  }

  private hint(method: SecondFactorMethod): string {
    switch (method) {
      case 'none':
        return msg('After signing in you go straight to your account.', { id: 'secondFactor.none.hint' });
      case 'email':
        return msg('At sign-in, a TAN is sent to your e-mail address.', { id: 'secondFactor.email.hint' });
      case 'sms':
        return msg('At sign-in, a TAN is sent by SMS to your mobile phone. The most secure method.', {
          id: 'secondFactor.sms.hint',
        });
    }
  }

  protected override async onSubmit(): Promise<void> {
    const method = this.method;
    if (!method) return;
    await this.submitStep({
      call: (adapter, signal) => adapter.chooseSecondFactor({ flowId: this.flowId, method }, { signal }),
      done: () => ({ method }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-second-factor-choice-step': PforteSecondFactorChoiceStep;
  }
}
