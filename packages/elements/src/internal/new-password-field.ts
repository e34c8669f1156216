import { html } from 'lit';
import { msg } from '@lit/localize';
import { evaluatePassword, passwordRulesAttribute } from '@pforte/core';
import type { PasswordPolicy } from '@pforte/core';
import { renderVisibilityToggle } from './form-controls.js';
import type { TextFieldOptions } from './form-controls.js';
import '../define/password-checklist.js';

/** What the new-password field needs from its element. */
export interface NewPasswordFieldOptions {
  policy: PasswordPolicy;
  password: string;
  /** The username or e-mail address, for the "must not contain your username" rule ('' when unknown). */
  identifier: string;
  /** Id of the input, which the show-password toggle controls. */
  inputId: string;
  /** Id of the checklist, which the input names in `aria-describedby`. */
  rulesId: string;
  visible: boolean;
  label?: string;
  onValue: (value: string) => void;
  onToggle: () => void;
}

/**
 * The field of a new password, as the credentials step and a password reset
 * show it: `autocomplete="new-password"` with the policy's `passwordrules`,
 * the show-password toggle, and the live checklist under it.
 */
export function newPasswordField(options: NewPasswordFieldOptions): Omit<TextFieldOptions, 'id' | 'errorId' | 'error'> {
  return {
    label: options.label ?? msg('Password', { id: 'credentials.password' }),
    name: 'password',
    type: options.visible ? 'text' : 'password',
    autocomplete: 'new-password',
    passwordrules: passwordRulesAttribute(options.policy),
    autocapitalize: 'none',
    required: true,
    value: options.password,
    describedBy: [options.rulesId],
    onValue: options.onValue,
    inside: renderVisibilityToggle({
      label: msg('Show password', { id: 'credentials.show' }),
      controls: options.inputId,
      visible: options.visible,
      onToggle: options.onToggle,
    }),
    after: html`<pforte-password-checklist
      list-id=${options.rulesId}
      .policy=${options.policy}
      .password=${options.password}
      .identifier=${options.identifier}
    ></pforte-password-checklist>`,
  };
}

/** Why a new password cannot be sent yet (empty, or a rule of the policy unmet), or `undefined`. */
export function newPasswordProblem(policy: PasswordPolicy, password: string, identifier: string): string | undefined {
  if (password === '') return msg('Please choose a password.', { id: 'credentials.password.missing' });
  if (!evaluatePassword(policy, password, { identifier }).ok) {
    return msg('The password does not meet all requirements yet.', { id: 'credentials.password.unmet' });
  }
  return undefined;
}
