import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Clock, PforteSignInAdapter, SignInResult } from '@pforte/core';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { CodeEntryController } from '../controllers/code-entry-controller.js';
import { renderCodeEntryForm } from '../internal/code-entry-form.js';
import { renderActions, renderTextField, renderVisibilityToggle } from '../internal/form-controls.js';
import { uniqueId } from '../internal/pforte-element.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { useMessages } from '../localization/localization.js';
import '../define/code-input.js';

void useMessages('account');
void useMessages('sms');
void useMessages('emailCode');
void useMessages('signin');

/** Where the re-authentication signs in again: the session's account and product, in the page's locale. */
export interface ReauthOptions {
  /** The guarded sign-in backend. */
  backend: () => PforteSignInAdapter | undefined;
  /** The signed-in account's username (the identifier of the new sign-in). */
  identifier: () => string;
  product: () => string | undefined;
  locale: () => string;
  /** Time of the code's resend countdown. */
  clock: () => Clock;
}

/**
 * Re-authentication inside the account area: a security-relevant change the
 * backend refused with 'reauth.required' asks for the current password,
 * signs in again with it (a fresh session, which the backend keeps), asks
 * for the account's second factor where it has one (the sign-in's SMS or
 * e-mail code, with the resend countdown), and repeats the change. The password lives only in this controller, only until
 * the sign-in answers or the host goes. Every section that changes something
 * security-relevant (a member's removal, the e-mail address, the password,
 * the second factor, the service PIN) uses it the same way:
 * `reauth.request(() => this.retry())`, then `renderReauthForm(reauth, …)`.
 */
export class ReauthController implements ReactiveController {
  /** The form is shown. */
  open = false;
  /** The password, or the second factor's code after it. */
  stage: 'password' | 'code' = 'password';
  /** The second factor's channel while the code is asked for. */
  method: 'sms' | 'email' | undefined;
  /** What the person typed, until they confirm or cancel. */
  password = '';
  passwordVisible = false;
  /** The answer to the last try, shown under the field. */
  error: string | undefined;
  readonly call: AdapterCallController;
  readonly ids = {
    password: uniqueId('pforte-reauth-password'),
    error: uniqueId('pforte-reauth-error'),
    heading: uniqueId('pforte-reauth-heading'),
    codeError: uniqueId('pforte-reauth-code-error'),
  };
  readonly entry: CodeEntryController;
  private retry: (() => Promise<void>) | undefined;
  private signInId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReauthOptions,
  ) {
    host.addController(this);
    this.call = new AdapterCallController(host);
    this.entry = new CodeEntryController(host, {
      clock: () => options.clock(),
      // The backend's answer carries the code's length and resend deadline; these are fallbacks only.
      resendSeconds: () => 60,
      codeLength: () => 6,
      input: () => host.querySelector<PforteCodeInput>('.pf-reauth pforte-code-input'),
      onError: () => undefined,
    });
  }

  /** Shows the form; `retry` repeats the refused change once the person signed in again. Focus goes to the password field. */
  request(retry: () => Promise<void>): void {
    this.retry = retry;
    this.open = true;
    this.stage = 'password';
    this.password = '';
    this.error = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.querySelector<HTMLElement>(`#${this.ids.password}`)?.focus());
  }

  /** Closes the form without a change. */
  cancel(): void {
    this.close();
  }

  /** Signs in again with the typed password, then runs the refused change once more. */
  async confirm(): Promise<void> {
    const backend = this.options.backend();
    if (!backend || this.call.pending) return;
    if (this.password === '') {
      this.error = msg('Please enter your password.', { id: 'account.reauth.missing' });
      this.host.requestUpdate();
      this.focusPassword();
      return;
    }
    const product = this.options.product();
    const password = this.password;
    const result = await this.call.run((signal) =>
      backend.signIn({ identifier: this.options.identifier(), password, locale: this.options.locale(), ...(product ? { product } : {}) }, { signal }),
    );
    this.password = '';
    if (!result) {
      this.focusPassword();
      return;
    }
    await this.onResult(result);
  }

  /** Checks the second factor's code; then the change runs again. */
  async verifyCode(): Promise<void> {
    const backend = this.options.backend();
    const signInId = this.signInId;
    if (!backend || signInId === undefined) return;
    let answer: SignInResult | undefined;
    const verified = await this.entry.verify(async (code, signal) => {
      answer = await backend.verifySignInCode({ signInId, code }, { signal });
    });
    const error = this.entry.verifying.error;
    if (error && (error.code === 'flow.expired' || error.code === 'flow.unknown')) {
      this.stage = 'password';
      this.error = msg('This sign-in has expired. Please sign in again.', { id: 'signin.expired' });
      this.focusPassword();
      return;
    }
    if (verified && answer) await this.onResult(answer);
  }

  /** "Send new code" of the second factor. */
  async resendCode(): Promise<void> {
    const backend = this.options.backend();
    const signInId = this.signInId;
    if (!backend || signInId === undefined || this.call.pending || this.entry.resend.waiting) return;
    this.entry.setError('');
    const sent = await this.call.run((signal) => backend.resendSignInCode({ signInId }, { signal }));
    const error = this.call.error;
    if (error) {
      this.entry.resend.startFromError(error);
      this.entry.setError(errorMessage(error));
      return;
    }
    if (sent) await this.entry.codeSent(sent, true);
  }

  /** Where the sign-in's answer leads: the change again, the code, or why not. */
  private async onResult(result: SignInResult): Promise<void> {
    switch (result.status) {
      case 'signedIn': {
        const retry = this.retry;
        this.close();
        await retry?.();
        return;
      }
      case 'secondFactor':
        this.signInId = result.signInId;
        this.method = result.method;
        this.stage = 'code';
        this.host.requestUpdate();
        await this.entry.codeSent(result, false);
        return;
      case 'failed':
        this.error = msg(str`The password is not correct. Attempts left: ${result.attemptsRemaining}.`, { id: 'account.reauth.failed' });
        break;
      case 'locked':
        this.error = msg('Too many wrong passwords: signing in is locked for a while. Please try again later.', { id: 'account.reauth.locked' });
        break;
      default:
        // A forced password change cannot be completed here: the sign-in page does it.
        this.stage = 'password';
        this.error = msg('Please sign out and sign in again, then repeat this change.', { id: 'account.reauth.fullSignIn' });
    }
    this.host.requestUpdate();
    this.focusPassword();
  }

  /** The person typed: the answer to the last try goes. */
  setPassword(value: string): void {
    this.password = value;
    this.error = undefined;
    this.call.clearError();
    this.host.requestUpdate();
  }

  toggleVisibility(): void {
    this.passwordVisible = !this.passwordVisible;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.password = '';
  }

  private close(): void {
    this.open = false;
    this.stage = 'password';
    this.signInId = undefined;
    this.entry.setError('');
    this.password = '';
    this.error = undefined;
    this.retry = undefined;
    this.call.clearError();
    this.host.requestUpdate();
  }

  private focusPassword(): void {
    void this.host.updateComplete.then(() => this.host.querySelector<HTMLElement>(`#${this.ids.password}`)?.focus());
  }
}

/**
 * The form of a {@link ReauthController}: why it asks, the current password
 * (with the account's name beside it, so a password manager fills the pair),
 * "Confirm" and "Cancel". `confirmLabel` names the change ("Confirm and remove").
 * Escape cancels.
 */
export function renderReauthForm(reauth: ReauthController, options: { username: string; confirmLabel: string; onCancel: () => void }): TemplateResult {
  const pending = reauth.call.pending;
  if (reauth.stage === 'code') return renderReauthCode(reauth, options);
  return html`<form
    class="pf-reauth"
    method="post"
    action=""
    novalidate
    aria-labelledby=${reauth.ids.heading}
    aria-busy=${pending ? 'true' : 'false'}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void reauth.confirm();
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') options.onCancel();
    }}
  >
    <p class="pf-reauth-heading" id=${reauth.ids.heading}>
      <strong>${msg('For your security, please confirm this change with your current password.', { id: 'account.reauth.intro' })}</strong>
    </p>
    <!-- The account's name beside the password, so a password manager fills the pair. -->
    <input type="text" name="username" autocomplete="username" aria-label=${msg('Username', { id: 'credentials.username' })} .value=${options.username} hidden readonly />
    ${renderTextField({
      id: reauth.ids.password,
      errorId: reauth.ids.error,
      label: msg('Current password', { id: 'account.reauth.password' }),
      name: 'current-password',
      type: reauth.passwordVisible ? 'text' : 'password',
      autocomplete: 'current-password',
      autocapitalize: 'none',
      required: true,
      value: reauth.password,
      error: reauth.error,
      onValue: (value) => reauth.setPassword(value),
      inside: renderVisibilityToggle({
        label: msg('Show password', { id: 'credentials.show' }),
        controls: reauth.ids.password,
        visible: reauth.passwordVisible,
        onToggle: () => reauth.toggleVisibility(),
      }),
    })}
    <div class="pf-alert" role="alert">${reauth.call.error ? renderAlert(reauth.call.error) : nothing}</div>
    ${renderActions({
      pending,
      primary: { label: options.confirmLabel, busy: pending },
      secondary: [{ label: msg('Cancel', { id: 'account.cancel' }), onClick: options.onCancel }],
    })}
  </form>`;
}

/** The second factor's code after the password: the sign-in's code entry, "Cancel" as its way back. */
function renderReauthCode(reauth: ReauthController, options: { confirmLabel: string; onCancel: () => void }): TemplateResult {
  const sms = reauth.method === 'sms';
  const length = reauth.entry.length;
  return html`<div
    class="pf-reauth"
    role="group"
    aria-labelledby=${reauth.ids.heading}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') options.onCancel();
    }}
  >
    <p id=${reauth.ids.heading}>
      <strong>
        ${sms
          ? msg(str`We sent a code of ${length} digits by SMS to your mobile number.`, { id: 'signin.code.sms' })
          : msg(str`We sent a code of ${length} digits to your e-mail address.`, { id: 'signin.code.email' })}
      </strong>
    </p>
    ${renderCodeEntryForm({
      entry: reauth.entry,
      label: sms ? msg('Code from the SMS', { id: 'sms.code.label' }) : msg('Code from the e-mail', { id: 'emailCode.code.label' }),
      submitLabel: options.confirmLabel,
      errorId: reauth.ids.codeError,
      pending: reauth.call.pending || reauth.entry.verifying.pending,
      canGoBack: true,
      optional: false,
      onSubmit: (event: SubmitEvent) => {
        event.preventDefault();
        void reauth.verifyCode();
      },
      onComplete: () => {
        if (!reauth.entry.dead) void reauth.verifyCode();
      },
      onInput: () => reauth.entry.onInput(),
      onResend: () => void reauth.resendCode(),
      onBack: options.onCancel,
      onSkip: options.onCancel,
    })}
    <p class="pf-visually-hidden" role="status">${reauth.entry.announcement}</p>
  </div>`;
}
