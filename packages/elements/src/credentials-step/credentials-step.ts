import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { evaluatePassword, passwordRulesAttribute, policyPresets } from '@pforte/core';
import type { PasswordPolicy, PforteError } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { credentialsStepStyles } from './credentials-step.styles.js';
import '../define/password-checklist.js';

type Field = 'username' | 'password';

/**
 * @summary Username (or e-mail) and password, with a live password checklist.
 * The inputs are light-DOM inputs in a real `<form>` with `name`, `id`,
 * label, `autocomplete` and `passwordrules`, so password managers can fill
 * and save them.
 *
 * @event pforte-step-done - The adapter accepted the credentials; `detail.values.username` holds the username (never the password).
 * @event pforte-error - A submission failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Field errors.
 */
export class PforteCredentialsStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, credentialsStepStyles];

  readonly step = 'credentials' as const;

  /** `email` when the e-mail address is the username, else a free username. */
  @property({ attribute: 'username-kind' }) usernameKind: 'email' | 'username' = 'email';

  /** The product's password policy. */
  @property({ attribute: false }) policy: PasswordPolicy = policyPresets.nist;

  /** The username: prefilled, and kept when the person comes back. */
  @property() username = '';

  @state() private password = '';
  @state() private passwordVisible = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  private readonly submission = new AdapterCallController(this);
  private readonly ids = {
    username: uniqueId('pforte-username'),
    password: uniqueId('pforte-password'),
    rules: uniqueId('pforte-password-rules'),
    usernameError: uniqueId('pforte-username-error'),
    passwordError: uniqueId('pforte-password-error'),
  };

  override render() {
    const isEmail = this.usernameKind === 'email';
    const pending = this.submission.pending;
    const generalError = this.submission.error && !this.fieldOf(this.submission.error) ? this.submission.error : undefined;
    return html`
      <h2 tabindex="-1">${msg('Choose your username and password', { id: 'credentials.heading' })}</h2>
      <p class="pf-muted">
        ${msg('The password requirements are shown below and tick green as you type.', { id: 'credentials.intro' })}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <div class="pf-field">
          <label for=${this.ids.username}>
            ${isEmail ? msg('E-mail address', { id: 'credentials.email' }) : msg('Username', { id: 'credentials.username' })}
          </label>
          <input
            id=${this.ids.username}
            name="username"
            type=${isEmail ? 'email' : 'text'}
            autocomplete="username"
            inputmode=${isEmail ? 'email' : 'text'}
            autocapitalize="none"
            spellcheck="false"
            required
            .value=${this.username}
            aria-invalid=${this.fieldErrors.username ? 'true' : 'false'}
            aria-describedby=${this.ids.usernameError}
            @input=${this.onUsernameInput}
          />
          <p class="pf-error" id=${this.ids.usernameError}>${this.fieldErrors.username ?? ''}</p>
        </div>
        <div class="pf-field">
          <label for=${this.ids.password}>${msg('Password', { id: 'credentials.password' })}</label>
          <div class="pf-input-row">
            <input
              id=${this.ids.password}
              name="password"
              type=${this.passwordVisible ? 'text' : 'password'}
              autocomplete="new-password"
              passwordrules=${passwordRulesAttribute(this.policy)}
              autocapitalize="none"
              spellcheck="false"
              required
              .value=${this.password}
              aria-invalid=${this.fieldErrors.password ? 'true' : 'false'}
              aria-describedby="${this.ids.passwordError} ${this.ids.rules}"
              @input=${this.onPasswordInput}
            />
            <button
              type="button"
              class="pf-toggle"
              aria-controls=${this.ids.password}
              aria-pressed=${this.passwordVisible ? 'true' : 'false'}
              @click=${this.togglePasswordVisibility}
            >
              ${msg('Show password', { id: 'credentials.show' })}
            </button>
          </div>
          <p class="pf-error" id=${this.ids.passwordError}>${this.fieldErrors.password ?? ''}</p>
          <pforte-password-checklist
            list-id=${this.ids.rules}
            .policy=${this.policy}
            .password=${this.password}
            .identifier=${this.username}
          ></pforte-password-checklist>
        </div>
        <div class="pf-alert" role="alert">${generalError ? renderAlert(generalError) : nothing}</div>
        <div class="pf-actions">
          <button type="submit" class="pf-primary" ?disabled=${pending}>
            ${pending
              ? msg('Please wait…', { id: 'common.pending' })
              : msg('Confirm & continue', { id: 'credentials.submit' })}
          </button>
        </div>
      </form>
    `;
  }

  private onUsernameInput(event: InputEvent): void {
    this.username = (event.target as HTMLInputElement).value;
    this.clearFieldError('username');
  }

  private onPasswordInput(event: InputEvent): void {
    this.password = (event.target as HTMLInputElement).value;
    this.clearFieldError('password');
  }

  private togglePasswordVisibility(): void {
    this.passwordVisible = !this.passwordVisible;
  }

  private clearFieldError(field: Field): void {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    if (this.submission.error && this.fieldOf(this.submission.error) === field) this.submission.clearError();
  }

  private fieldOf(error: PforteError): Field | undefined {
    if (error.field === 'username' || error.field === 'password') return error.field;
    if (error.code.startsWith('identifier.')) return 'username';
    if (error.code.startsWith('password.')) return 'password';
    return undefined;
  }

  private localErrors(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
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
    if (this.password === '') {
      errors.password = msg('Please choose a password.', { id: 'credentials.password.missing' });
    } else if (!evaluatePassword(this.policy, this.password, { identifier: username }).ok) {
      errors.password = msg('The password does not meet all requirements yet.', { id: 'credentials.password.unmet' });
    }
    return errors;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submission.pending) return;
    const errors = this.localErrors();
    this.fieldErrors = errors;
    if (errors.username || errors.password) {
      await this.updateComplete;
      this.focusField(errors.username ? 'username' : 'password');
      return;
    }
    const adapter = this.requireAdapter();
    const username = this.username.trim();
    const result = await this.submission.run((signal) =>
      adapter.submitCredentials({ flowId: this.flowId, username, password: this.password }, { signal }),
    );
    const error = this.submission.error;
    if (error) {
      this.reportError(error);
      const field = this.fieldOf(error);
      if (field) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
      await this.updateComplete;
      if (field) this.focusField(field);
      return;
    }
    if (result) {
      this.password = '';
      this.finish({ username: result.username });
    }
  }

  private focusField(field: Field): void {
    this.querySelector<HTMLInputElement>(`#${this.ids[field]}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-credentials-step': PforteCredentialsStep;
  }
}
