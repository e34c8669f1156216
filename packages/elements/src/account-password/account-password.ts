import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { policyPresets } from '@pforte/core';
import type { AccountSettings, PasswordPolicy, PforteError } from '@pforte/core';
import { currentPasswordField, missingPasswordMessage, PforteAccountSectionElement, wrongPasswordMessage } from '../internal/account-section-element.js';
import { renderActions, renderTextField } from '../internal/form-controls.js';
import { newPasswordField, newPasswordProblem } from '../internal/new-password-field.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { useMessages } from '../localization/localization.js';
import { accountPasswordStyles } from './account-password.styles.js';

void useMessages('accountPassword');

type Field = 'current' | 'password';

/**
 * @summary A new password, chosen in the account area: the current password
 * and a new one with the registration's field, show toggle and live
 * checklist of the product's policy. Wrong current passwords count towards
 * the sign-in's lock. Every other session ends; the person stays signed in.
 * Neither password goes into an event, storage or a log, and both are
 * dropped from the fields once the change is saved.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - The password was changed; `detail.values` is empty.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code, `detail.section` is `'password'`.
 *
 * @csspart status - The line that confirms the change.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-success - The confirmation and met rules.
 * @cssproperty --pforte-color-danger - Errors.
 */
export class PforteAccountPassword extends PforteAccountSectionElement {
  static override pforteStyles = [...PforteAccountSectionElement.pforteStyles, accountPasswordStyles];

  readonly section = 'password' as const;

  /** The product's password policy, for the checklist (the backend enforces it too). */
  @property({ attribute: false }) policy: PasswordPolicy = policyPresets.nist;

  @state() private current = '';
  @state() private newPassword = '';
  @state() private currentVisible = false;
  @state() private newPasswordVisible = false;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private saved = false;

  private readonly saving = new AdapterCallController(this);
  private readonly fieldIds = {
    current: uniqueId('pforte-account-current-password'),
    currentError: uniqueId('pforte-account-current-password-error'),
    password: uniqueId('pforte-account-new-password'),
    passwordError: uniqueId('pforte-account-new-password-error'),
    rules: uniqueId('pforte-account-password-rules'),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.current = '';
    this.newPassword = '';
  }

  protected heading(): string {
    return msg('Your password', { id: 'accountPassword.heading' });
  }

  protected renderSection(settings: AccountSettings) {
    const pending = this.saving.pending;
    const error = this.saving.error;
    const general = error && !this.isPasswordError(error) ? error : undefined;
    return html`
      ${this.renderHeading()}
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <!-- The account's name beside the passwords, so a password manager updates the right entry. -->
        <input
          type="text"
          name="username"
          autocomplete="username"
          aria-label=${msg('Username', { id: 'credentials.username' })}
          .value=${settings.username}
          hidden
          readonly
        />
        ${renderTextField(
          currentPasswordField({
            id: this.fieldIds.current,
            errorId: this.fieldIds.currentError,
            value: this.current,
            error: this.errors.current,
            visible: this.currentVisible,
            onToggle: () => (this.currentVisible = !this.currentVisible),
            onValue: (value) => this.edit('current', () => (this.current = value)),
          }),
        )}
        ${renderTextField({
          ...newPasswordField({
            policy: this.policy,
            password: this.newPassword,
            identifier: settings.username,
            inputId: this.fieldIds.password,
            rulesId: this.fieldIds.rules,
            visible: this.newPasswordVisible,
            label: msg('New password', { id: 'accountPassword.new' }),
            onValue: (value) => this.edit('password', () => (this.newPassword = value)),
            onToggle: () => (this.newPasswordVisible = !this.newPasswordVisible),
          }),
          id: this.fieldIds.password,
          errorId: this.fieldIds.passwordError,
          error: this.errors.password,
        })}
        <div class="pf-alert" role="alert">${general ? renderAlert(general) : nothing}</div>
        ${renderActions({ pending, primary: { label: msg('Change password', { id: 'accountPassword.submit' }), busy: pending } })}
      </form>
      <p class="pf-status" part="status" role="status">
        ${this.saved ? msg('Your password was changed. You were signed out everywhere else.', { id: 'accountPassword.saved' }) : nothing}
      </p>
    `;
  }

  private edit(field: Field, apply: () => void): void {
    apply();
    this.saved = false;
    if (this.errors[field] !== undefined) this.errors = { ...this.errors, [field]: undefined };
    if (this.saving.error && (field === 'password' || !this.isPasswordError(this.saving.error))) this.saving.clearError();
  }

  private isPasswordError(error: PforteError): boolean {
    return error.field === 'password' || error.code.startsWith('password.');
  }

  private async focusField(field: Field): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#${field === 'current' ? this.fieldIds.current : this.fieldIds.password}`)?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving.pending) return;
    const username = this.settings?.username ?? '';
    const errors: Partial<Record<Field, string>> = {};
    if (this.current === '') errors.current = missingPasswordMessage();
    const problem = newPasswordProblem(this.policy, this.newPassword, username);
    if (problem) errors.password = problem;
    this.errors = errors;
    if (errors.current !== undefined || errors.password !== undefined) {
      await this.focusField(errors.current !== undefined ? 'current' : 'password');
      return;
    }
    const input = { currentPassword: this.current, password: this.newPassword };
    const result = await this.saving.run((signal) => this.account.changeAccountPassword(input, { signal }));
    const error = this.saving.error;
    if (error) {
      this.reportError(error);
      if (this.isPasswordError(error)) {
        this.errors = { password: errorMessage(error) };
        await this.focusField('password');
      }
      return;
    }
    if (!result) return;
    if (result.status !== 'changed') {
      if (result.status === 'locked') this.newPassword = '';
      this.current = '';
      this.errors = { current: wrongPasswordMessage(result) };
      await this.focusField('current');
      return;
    }
    this.keep(result.settings);
    this.current = '';
    this.newPassword = '';
    this.saved = true;
    this.changed({});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-account-password': PforteAccountPassword;
  }
}
