import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { policyPresets } from '@pforte/core';
import type { PasswordPolicy, PforteError } from '@pforte/core';
import { PforteFormStepElement } from '../internal/form-step-element.js';
import type { FieldErrors } from '../internal/form-step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { newPasswordField, newPasswordProblem } from '../internal/new-password-field.js';
import { usernameFieldOptions } from '../internal/form-controls.js';

type Field = 'username' | 'password';

/**
 * @summary Username (or e-mail) and password, with a live password checklist.
 * The inputs are light-DOM inputs in a real `<form>` with `name`, `id`,
 * label, `autocomplete` and `passwordrules`, so password managers can fill
 * and save them.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The adapter accepted the credentials; `detail.values.username` holds the username (never the password).
 * @event {CustomEvent<PforteStepNavigationDetail>} pforte-step-back - The person chose "Back" (only when `can-go-back`).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A submission failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Field errors.
 */
export class PforteCredentialsStep extends PforteFormStepElement<Field> {
  readonly step = 'credentials' as const;

  protected readonly fieldOrder = ['username', 'password'] as const;

  /** `email` when the e-mail address is the username, else a free username. */
  @property({ attribute: 'username-kind' }) usernameKind: 'email' | 'username' = 'email';

  /** The product's password policy. */
  @property({ attribute: false }) policy: PasswordPolicy = policyPresets.nist;

  /** The username: prefilled, and kept when the person comes back. */
  @property() username = '';

  @state() private password = '';
  @state() private passwordVisible = false;

  private readonly rulesId = uniqueId('pforte-password-rules');

  override render() {
    const isEmail = this.usernameKind === 'email';
    return html`
      <h2 tabindex="-1">${isEmail
        ? msg('Enter your e-mail address and choose a password', { id: 'credentials.heading.email' })
        : msg('Choose your username and password', { id: 'credentials.heading' })}</h2>
      <p class="pf-muted">
        ${msg('The password requirements are shown below and tick green as you type.', { id: 'credentials.intro' })}
      </p>
      ${this.renderForm(html`
        ${this.renderTextField('username', {
          ...usernameFieldOptions(isEmail),
          value: this.username,
          onValue: (value) => (this.username = value),
        })}
        ${this.renderTextField(
          'password',
          newPasswordField({
            policy: this.policy,
            password: this.password,
            identifier: this.username,
            inputId: this.idsOf('password').input,
            rulesId: this.rulesId,
            visible: this.passwordVisible,
            onValue: (value) => (this.password = value),
            onToggle: () => this.togglePasswordVisibility(),
          }),
        )}
        ${this.renderFooter({ submitLabel: msg('Confirm & continue', { id: 'credentials.submit' }) })}
      `)}
    `;
  }

  private togglePasswordVisibility(): void {
    this.passwordVisible = !this.passwordVisible;
  }

  protected override fieldOf(error: PforteError): Field | undefined {
    if (error.field === 'username' || error.field === 'password') return error.field;
    if (error.code.startsWith('identifier.')) return 'username';
    if (error.code.startsWith('password.')) return 'password';
    return undefined;
  }

  private localErrors(): FieldErrors<Field> {
    const errors: FieldErrors<Field> = {};
    const username = this.username.trim();
    if (username === '') {
      errors.username =
        this.usernameKind === 'email'
          ? msg('Please enter your e-mail address.', { id: 'credentials.email.missing' })
          : msg('Please enter a username.', { id: 'credentials.username.missing' });
    } else if (this.usernameKind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(username)) {
      errors.username = msg('Please enter a valid e-mail address, e.g. name@example.com.', {
        id: 'credentials.email.invalid',
      });
    }
    const password = newPasswordProblem(this.policy, this.password, username);
    if (password !== undefined) errors.password = password;
    return errors;
  }

  protected override async onSubmit(): Promise<void> {
    const username = this.username.trim();
    const password = this.password;
    await this.submitStep({
      check: () => this.localErrors(),
      call: (adapter, signal) => adapter.submitCredentials({ flowId: this.flowId, username, password }, { signal }),
      done: (result) => {
        this.password = '';
        return { username: result.username };
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-credentials-step': PforteCredentialsStep;
  }
}
