import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatCountdown, policyPresets, systemClock } from '@pforte/core';
import type { Clock, PasswordPolicy, PforteError, PforteSignInAdapter, ResetRequestedResult } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { renderActions, renderTextField, usernameFieldOptions } from '../internal/form-controls.js';
import { newPasswordField, newPasswordProblem } from '../internal/new-password-field.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { EmailLinkController } from '../controllers/email-link-controller.js';
import { ResendController } from '../controllers/resend-controller.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { duration, getLocale, isolated, useMessages } from '../localization/localization.js';
import { safeUrl } from '../internal/safe-url.js';
import { emit } from '../events.js';
import { passwordResetStyles } from './password-reset.styles.js';
import '../localization/step-error-messages.js';
import { PageLocaleController } from '../controllers/page-locale-controller.js';

/** This element's text in the active locale: it renders once that is there, never first in English. */
const textLoaded = useMessages('reset');

/** The fragment member of a reset link (and of an account invitation): `#pforte-reset-token=…`. */
export const resetTokenFragment = 'pforte-reset-token';

/**
 * Where the element is: asking for a link, told it was sent, setting the new
 * password (opened from the link), done, or a link that no longer works.
 */
export type PasswordResetStage = 'request' | 'requested' | 'newPassword' | 'done' | 'linkExpired' | 'linkUsed' | 'linkInvalid';

type Field = 'identifier' | 'password';

/**
 * @summary "Forgot your password?": the person asks for a link by e-mail
 * (the answer is the same whether an account exists or not), opens it, and
 * sets a new password with the live checklist; then signs in with it. The
 * link's token comes in the URL fragment (`#pforte-reset-token=…`), is taken
 * from the address bar at once and never stored. "No e-mail received?"
 * offers help and, after the server's deadline, a new link. An account
 * created by invitation sets its first password the same way.
 *
 * Place it on the page the reset e-mail links to (`return-url`, default:
 * this page). Load it on demand: `@pforte/elements/password-reset.js`, or
 * `pforte-password-reset.js` beside `pforte.js` on a CDN.
 *
 * @event {CustomEvent<PfortePasswordResetDetail>} pforte-password-reset - The new password was set; every session of the account ended. Carries nothing.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons, links and focus.
 * @cssproperty --pforte-color-danger - Field errors.
 * @cssproperty --pforte-color-muted - Hints.
 */
export class PfortePasswordReset extends PforteElement {
  /** Follows the page's Pforte locale (`setLocale`); renders once its text is there. */
  private readonly pageLocale = new PageLocaleController(this, textLoaded);

  static override pforteStyles = [...PforteElement.pforteStyles, passwordResetStyles];

  /** The backend: any adapter with the sign-in contract (`createHttpAdapter`, the memory adapter). */
  @property({ attribute: false }) adapter: PforteSignInAdapter | undefined;

  /** The product's id, as in its config. */
  @property() product = '';

  /** `email` when people sign in with their e-mail address, else with a username. */
  @property({ attribute: 'username-kind' }) usernameKind: 'email' | 'username' = 'email';

  /** The product's password policy, for the checklist (the backend enforces it too). */
  @property({ attribute: false }) policy: PasswordPolicy = policyPresets.nist;

  /** The page the e-mailed link leads to (default: this page, without its fragment). */
  @property({ attribute: 'return-url' }) returnUrl = '';

  /** Where people sign in: linked once the password is set. */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  /** The support page the "No e-mail received?" help names. */
  @property({ attribute: 'support-url' }) supportUrl = '';

  /** Minimum seconds before another link may be requested; the server's `resendAvailableAt` wins when later. */
  @property({ type: Number, attribute: 'resend-seconds' }) resendSeconds = 60;

  /** Source of time for the resend countdown; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The identifier: prefilled (e.g. from the sign-in form), and kept when the person asks again. */
  @property() identifier = '';

  @state() private stage: PasswordResetStage = 'request';
  @state() private password = '';
  @state() private passwordVisible = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private requested: ResetRequestedResult | undefined;
  /** Text of the polite live region: that a link was sent again, that a new one may be requested. */
  @state() private announcement = '';

  private readonly call = new AdapterCallController(this);
  private readonly resend = new ResendController(this, {
    clock: () => this.clock,
    resendSeconds: () => this.resendSeconds,
    onTransition: (transition) => {
      if (transition === 'available' && this.stage === 'requested') {
        this.announcement = msg('You can now request a new link.', { id: 'reset.resend.available' });
      }
    },
  });
  private readonly ids = {
    identifier: uniqueId('pforte-reset-identifier'),
    identifierError: uniqueId('pforte-reset-identifier-error'),
    password: uniqueId('pforte-reset-password'),
    passwordError: uniqueId('pforte-reset-password-error'),
    rules: uniqueId('pforte-reset-rules'),
  };
  /** The link's token, from the fragment; held here only, never in an attribute, event or storage. */
  private token = '';

  constructor() {
    super();
    new EmailLinkController(this, (token) => this.openLink(token), resetTokenFragment);
  }

  /** Where the element is; read-only (the person moves it on). */
  get currentStage(): PasswordResetStage {
    return this.stage;
  }

  /** Re-reads the clock and re-renders the resend countdown now (the element also does this about once a second). */
  refreshCountdown(): void {
    this.resend.refresh();
  }

  /**
   * Opens the new-password form with a reset link's token, as the link in
   * the fragment does by itself. For pages that receive the token another way.
   */
  openLink(token: string): void {
    this.token = token;
    this.password = '';
    this.fieldErrors = {};
    this.call.clearError();
    void this.show('newPassword');
  }

  override render() {
    if (!this.pageLocale.ready) return nothing;
    switch (this.stage) {
      case 'request':
        return this.renderRequest();
      case 'requested':
        return this.renderRequested();
      case 'newPassword':
        return this.renderNewPassword();
      case 'done':
        return this.renderDone();
      default:
        return this.renderDeadLink(this.stage);
    }
  }

  private renderRequest() {
    const isEmail = this.usernameKind === 'email';
    return html`
      <h2 tabindex="-1">${msg('Forgot your password?', { id: 'reset.heading' })}</h2>
      <p class="pf-muted">
        ${isEmail
          ? msg('Enter the e-mail address you sign in with. We will send you a link to set a new password.', { id: 'reset.intro.email' })
          : msg('Enter the username you sign in with. We will send a link to set a new password to the e-mail address of your account.', {
              id: 'reset.intro',
            })}
      </p>
      <form method="post" action="" novalidate aria-busy=${this.call.pending ? 'true' : 'false'} @submit=${this.onRequestSubmit}>
        ${renderTextField({
          id: this.ids.identifier,
          errorId: this.ids.identifierError,
          error: this.fieldErrors.identifier,
          ...usernameFieldOptions(isEmail),
          value: this.identifier,
          onValue: (value) => {
            this.identifier = value;
            this.clearFieldError('identifier');
          },
        })}
        ${this.renderFooter(msg('Send link', { id: 'reset.send' }), this.signInLink())}
      </form>
    `;
  }

  private renderRequested() {
    const minutes = this.requested?.validityMinutes ?? 0;
    const waiting = this.resend.waiting;
    return html`
      <h2 tabindex="-1">${msg('Check your inbox', { id: 'reset.requested.heading' })}</h2>
      <p class="pf-reset-identifier">
        ${msg(str`If an account exists for ${isolated(this.identifier.trim())}, we have sent an e-mail with a link to set a new password.`, {
          id: 'reset.requested',
        })}
        ${msg(str`The link works once, for ${duration(minutes, 'minute')}.`, { id: 'reset.requested.validity' })}
      </p>
      <details class="pf-reset-help">
        <summary>${msg('No e-mail received?', { id: 'reset.help.summary' })}</summary>
        <ul>
          <li>
            ${msg('Check that you entered the address (or username) you registered with, and look in your junk or spam folder.', {
              id: 'reset.help.address',
            })}
          </li>
          <li>
            ${msg(
              'A spam filter may hold back automatic e-mails. Put our sender on your allow list (“whitelist”), or ask whoever runs your e-mail.',
              { id: 'reset.help.filter' },
            )}
          </li>
          <li>${this.supportLine()}</li>
        </ul>
        <form method="post" action="" novalidate aria-busy=${this.call.pending ? 'true' : 'false'} @submit=${this.onResendSubmit}>
          <div class="pf-alert" role="alert">${this.call.error ? renderAlert(this.call.error) : nothing}</div>
          ${renderActions({
            pending: this.call.pending,
            primary: {
              label: waiting
                ? msg(str`Send the link again in ${formatCountdown(this.resend.secondsLeft)}`, { id: 'reset.resend.wait' })
                : msg('Send the link again', { id: 'reset.resend' }),
              className: 'pf-resend',
              busy: this.call.pending,
              waiting,
            },
            secondary: [{ label: msg('Use another address', { id: 'reset.other' }), className: 'pf-link', onClick: this.onOtherAddress }],
          })}
        </form>
      </details>
      <p class="pf-visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private supportLine(): TemplateResult | string {
    const text = msg('If that does not help, please contact our support.', { id: 'reset.help.support' });
    const url = safeUrl(this.supportUrl);
    return url ? html`<a href=${url}>${text}</a>` : text;
  }

  private renderNewPassword() {
    return html`
      <h2 tabindex="-1">${msg('Set a new password', { id: 'reset.new.heading' })}</h2>
      <p class="pf-muted">${msg('The requirements are shown below and tick green as you type.', { id: 'reset.new.intro' })}</p>
      <form method="post" action="" novalidate aria-busy=${this.call.pending ? 'true' : 'false'} @submit=${this.onNewPasswordSubmit}>
        ${renderTextField({
          id: this.ids.password,
          errorId: this.ids.passwordError,
          error: this.fieldErrors.password,
          ...newPasswordField({
            policy: this.policy,
            password: this.password,
            identifier: this.identifier.trim(),
            inputId: this.ids.password,
            rulesId: this.ids.rules,
            visible: this.passwordVisible,
            label: msg('New password', { id: 'reset.new.password' }),
            onValue: (value) => {
              this.password = value;
              this.clearFieldError('password');
            },
            onToggle: () => (this.passwordVisible = !this.passwordVisible),
          }),
        })}
        ${this.renderFooter(msg('Save password', { id: 'reset.new.submit' }))}
      </form>
    `;
  }

  private renderDone() {
    const url = safeUrl(this.signInUrl);
    return html`
      <h2 tabindex="-1">${msg('Your password was changed', { id: 'reset.done.heading' })}</h2>
      <p>
        ${msg('You can now sign in with your new password. For your security, every earlier sign-in was ended.', { id: 'reset.done' })}
      </p>
      ${url ? html`<p><a class="pf-button pf-primary" href=${url}>${msg('Sign in', { id: 'reset.signIn' })}</a></p>` : nothing}
    `;
  }

  private renderDeadLink(stage: 'linkExpired' | 'linkUsed' | 'linkInvalid') {
    const text = {
      linkExpired: msg('This link has expired. Links to set a new password work only for a short time.', { id: 'reset.link.expired' }),
      linkUsed: msg('This link was used already. Each link works once.', { id: 'reset.link.used' }),
      linkInvalid: msg('This link is not valid. Please check that you opened the complete link from the e-mail.', { id: 'reset.link.invalid' }),
    }[stage];
    return html`
      <h2 tabindex="-1">${msg('This link no longer works', { id: 'reset.link.heading' })}</h2>
      <p>${text} ${msg('Request a new link, or sign in if you have set your password already.', { id: 'reset.link.next' })}</p>
      ${renderActions({
        pending: false,
        primary: { label: msg('Request a new link', { id: 'reset.link.request' }), onClick: this.onRequestNew },
      })}
      ${this.signInLink()}
    `;
  }

  private signInLink(): TemplateResult | typeof nothing {
    const url = safeUrl(this.signInUrl);
    return url ? html`<p class="pf-reset-sign-in"><a href=${url}>${msg('Back to sign-in', { id: 'reset.backToSignIn' })}</a></p>` : nothing;
  }

  /** The alert for a failure about no field, then the submit button; `after` below the row. */
  private renderFooter(label: string, after: TemplateResult | typeof nothing = nothing) {
    const error = this.call.error;
    const general = error && fieldOf(error) === undefined ? error : undefined;
    return html`
      <div class="pf-alert" role="alert">${general ? renderAlert(general) : nothing}</div>
      ${renderActions({ pending: this.call.pending, primary: { label, busy: this.call.pending } })}
      ${after}
    `;
  }

  private clearFieldError(field: Field): void {
    if (this.fieldErrors[field] !== undefined) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    const error = this.call.error;
    if (error && (fieldOf(error) === undefined || fieldOf(error) === field)) this.call.clearError();
  }

  private requireAdapter(): PforteSignInAdapter {
    if (!this.adapter) throw new Error('<pforte-password-reset> needs its adapter property set.');
    return this.adapter;
  }

  private link(): string {
    if (this.returnUrl) return new URL(this.returnUrl, location.href).href;
    const url = new URL(location.href);
    url.hash = '';
    return url.href;
  }

  private async onRequestSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.call.pending) return;
    const identifier = this.identifier.trim();
    if (identifier === '') {
      this.fieldErrors = {
        identifier:
          this.usernameKind === 'email'
            ? msg('Please enter your e-mail address.', { id: 'credentials.email.missing' })
            : msg('Please enter your username.', { id: 'reset.username.missing' }),
      };
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#${this.ids.identifier}`)?.focus();
      return;
    }
    if (await this.request(identifier)) await this.show('requested');
  }

  private async onResendSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.call.pending || this.resend.waiting) return;
    if (await this.request(this.identifier.trim())) {
      this.announcement = msg('We have sent the link again.', { id: 'reset.resent' });
    }
  }

  /** Asks for a link; resolves whether the backend took the request (the answer never tells whether the account exists). */
  private async request(identifier: string): Promise<boolean> {
    const adapter = this.requireAdapter();
    const input = { identifier, locale: getLocale(), returnUrl: this.link(), ...(this.product ? { product: this.product } : {}) };
    const result = await this.call.run((signal) => adapter.requestPasswordReset(input, { signal }));
    const error = this.call.error;
    if (error) {
      await this.failed(error);
      this.resend.startFromError(error);
      return false;
    }
    if (!result) return false;
    this.requested = result;
    this.resend.startFromSent(result);
    return true;
  }

  private async onNewPasswordSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.call.pending) return;
    const problem = newPasswordProblem(this.policy, this.password, this.identifier.trim());
    if (problem !== undefined) {
      this.fieldErrors = { password: problem };
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#${this.ids.password}`)?.focus();
      return;
    }
    const adapter = this.requireAdapter();
    const input = { token: this.token, password: this.password };
    await this.call.run((signal) => adapter.resetPassword(input, { signal }));
    const error = this.call.error;
    if (error) {
      const dead = deadLinkStage(error);
      emit(this, 'pforte-error', { code: error.code });
      if (dead) {
        this.token = '';
        this.password = '';
        await this.show(dead);
      } else {
        await this.failed(error, false);
      }
      return;
    }
    this.token = '';
    this.password = '';
    await this.show('done');
    emit(this, 'pforte-password-reset', {});
  }

  /** Reports a failure and shows it at its field (focused) or in the alert; what was typed stays. */
  private async failed(error: PforteError, report = true): Promise<void> {
    if (report) emit(this, 'pforte-error', { code: error.code });
    const field = fieldOf(error);
    if (field === 'identifier' && this.stage !== 'request') return;
    if (field !== undefined) this.fieldErrors = { ...this.fieldErrors, [field]: errorMessage(error) };
    await this.updateComplete;
    if (field !== undefined) this.querySelector<HTMLElement>(`#${field === 'password' ? this.ids.password : this.ids.identifier}`)?.focus();
  }

  private onOtherAddress(): void {
    this.call.clearError();
    void this.show('request');
  }

  private onRequestNew(): void {
    this.call.clearError();
    void this.show('request');
  }

  /** Moves to `stage` and its heading, so screen readers announce where the person is. */
  private async show(stage: PasswordResetStage): Promise<void> {
    this.stage = stage;
    this.announcement = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('h2')?.focus();
  }
}

/** The field an error is about, in this element. */
function fieldOf(error: PforteError): Field | undefined {
  if (error.field === 'password' || error.code.startsWith('password.')) return 'password';
  if (error.field === 'identifier' || error.code === 'identifier.invalid') return 'identifier';
  return undefined;
}

function deadLinkStage(error: PforteError): 'linkExpired' | 'linkUsed' | 'linkInvalid' | undefined {
  if (error.code === 'link.expired') return 'linkExpired';
  if (error.code === 'link.used') return 'linkUsed';
  if (error.code === 'link.invalid') return 'linkInvalid';
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-password-reset': PfortePasswordReset;
  }
}
