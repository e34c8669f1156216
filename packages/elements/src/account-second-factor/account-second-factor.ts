import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { AccountSettings, SecondFactorMethod } from '@pforte/core';
import { PforteAccountSectionElement, stepAdapter } from '../internal/account-section-element.js';
import { renderActions } from '../internal/form-controls.js';
import type { PforteStepElement } from '../internal/step-element.js';
import type { PforteStepDoneDetail } from '../events.js';
import { getLocale, useMessages } from '../localization/localization.js';
import { accountSecondFactorStyles } from './account-second-factor.styles.js';
import '../define/second-factor-choice-step.js';
import '../define/sms-step.js';

void useMessages('accountSecondFactor');

type View = 'overview' | 'choose' | 'sms';

/**
 * @summary The second factor, changed later in the account area: activate
 * the SMS factor that was put off at registration, move it to a new number
 * (a code to the new number, with the registration's resend countdown), or
 * switch between the factors the product offers (no TAN, e-mail TAN, mobile
 * TAN). Reuses the registration's choice and SMS steps. Every change needs a
 * recent sign-in: when it is too long ago, the section asks for the current
 * password first. The next sign-in asks for the factor as it now stands.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - The factor changed; `detail.values.method` is `'none'`, `'email'` or `'sms'` (never the number or a code).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code, `detail.section` is `'secondFactor'`.
 *
 * @csspart status - The line that confirms a saved change.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-success - The confirmation of a change.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteAccountSecondFactor extends PforteAccountSectionElement {
  static override pforteStyles = [...PforteAccountSectionElement.pforteStyles, accountSecondFactorStyles];

  readonly section = 'secondFactor' as const;

  @state() private view: View = 'overview';
  @state() private status = '';

  private readonly choiceStep = stepAdapter({
    chooseSecondFactor: async ({ method }, options) => {
      // SMS goes on to the number and its code; the others are saved at once.
      if (method !== 'none' && method !== 'email') return;
      const { settings } = await this.guardedCall(() => this.account.setSecondFactor({ method }, options));
      this.keep(settings);
    },
  });

  private readonly smsStep = stepAdapter({
    sendSmsCode: ({ phone }, options) => this.guardedCall(() => this.account.sendSecondFactorSmsCode({ phone, locale: getLocale() }, options)),
    verifySmsCode: async ({ code }, options) => {
      const { settings } = await this.guardedCall(() => this.account.verifySecondFactorSmsCode({ code }, options));
      this.keep(settings);
    },
  });

  /** A call of a change: 'reauth.required' asks for the password and opens the same view again afterwards. */
  private guardedCall<T>(call: () => Promise<T>): Promise<T> {
    const view = this.view;
    return this.reauthGuard(() => this.open(view))(call);
  }

  protected heading(): string {
    return msg('Two-factor authentication', { id: 'accountSecondFactor.heading' });
  }

  protected renderSection(settings: AccountSettings) {
    switch (this.view) {
      case 'choose':
        return html`<pforte-second-factor-choice-step
          .adapter=${this.choiceStep}
          .choices=${settings.secondFactorChoices}
          .preselected=${settings.secondFactor}
          can-go-back
          @pforte-step-done=${this.onChosen}
          @pforte-step-back=${this.onBackToOverview}
          @pforte-error=${this.onStepError}
        ></pforte-second-factor-choice-step>`;
      case 'sms':
        return html`<pforte-sms-step
          .adapter=${this.smsStep}
          .clock=${this.clock}
          .phone=${settings.phone ?? ''}
          can-go-back
          @pforte-step-done=${this.onSmsVerified}
          @pforte-step-back=${this.onBackToOverview}
          @pforte-error=${this.onStepError}
        ></pforte-sms-step>`;
      default:
        return this.renderOverview(settings);
    }
  }

  private renderOverview(settings: AccountSettings) {
    const choices = settings.secondFactorChoices;
    const canSwitch = choices.length > 1 || (choices.length === 1 && choices[0] !== settings.secondFactor);
    return html`
      ${this.renderHeading()}
      <p class="pf-current">${this.describe(settings)}</p>
      ${renderActions({
        pending: false,
        ...(canSwitch ? { primary: { label: this.switchLabel(settings), onClick: () => void this.withReauth(() => this.open(this.switchView(settings))) } } : {}),
        secondary:
          settings.secondFactor === 'sms'
            ? [{ label: msg('Change mobile number', { id: 'accountSecondFactor.changeNumber' }), onClick: () => void this.withReauth(() => this.open('sms')) }]
            : [],
      })}
      <p class="pf-status" part="status" role="status">${this.status}</p>
    `;
  }

  private describe(settings: AccountSettings): string {
    switch (settings.secondFactor) {
      case 'sms':
        return msg(str`Your sign-ins are confirmed with a TAN sent by SMS to ${settings.phone ?? ''}.`, { id: 'accountSecondFactor.current.sms' });
      case 'email':
        return msg(str`Your sign-ins are confirmed with a TAN sent to ${settings.email ?? ''}.`, { id: 'accountSecondFactor.current.email' });
      default:
        return msg('Two-factor authentication is off: your sign-ins need only your password.', { id: 'accountSecondFactor.current.none' });
    }
  }

  /** Where the product offers only none and SMS, turning the SMS factor on is the one change; otherwise the choice. */
  private switchView(settings: AccountSettings): View {
    const onlySms = settings.secondFactorChoices.every((method) => method === 'none' || method === 'sms');
    return onlySms && settings.secondFactor === 'none' ? 'sms' : 'choose';
  }

  private switchLabel(settings: AccountSettings): string {
    return this.switchView(settings) === 'sms'
      ? msg('Activate SMS authentication', { id: 'accountSecondFactor.activateSms' })
      : msg('Change method', { id: 'accountSecondFactor.change' });
  }

  private async open(view: View): Promise<void> {
    this.status = '';
    this.view = view;
    await this.updateComplete;
    const step = this.querySelector<PforteStepElement>('pforte-second-factor-choice-step, pforte-sms-step');
    if (step) {
      await step.updateComplete;
      step.focusHeading();
    } else {
      this.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  private async onChosen(event: CustomEvent<PforteStepDoneDetail>): Promise<void> {
    event.stopPropagation();
    const method = event.detail.values['method'] as SecondFactorMethod;
    if (method === 'sms') {
      await this.open('sms');
      return;
    }
    await this.open('overview');
    this.status =
      method === 'none'
        ? msg('Saved: two-factor authentication is off.', { id: 'accountSecondFactor.saved.none' })
        : msg('Saved: your next sign-in asks for a TAN sent by e-mail.', { id: 'accountSecondFactor.saved.email' });
    this.changed({ method });
  }

  private async onSmsVerified(event: CustomEvent<PforteStepDoneDetail>): Promise<void> {
    event.stopPropagation();
    await this.open('overview');
    this.status = msg('Saved: your next sign-in asks for a TAN sent by SMS.', { id: 'accountSecondFactor.saved.sms' });
    this.changed({ method: 'sms' });
  }

  private onBackToOverview(event: Event): void {
    event.stopPropagation();
    void this.open('overview');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-account-second-factor': PforteAccountSecondFactor;
  }
}
