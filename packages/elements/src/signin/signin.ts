import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  createHttpAdapter,
  evaluatePassword,
  formatCountdown,
  guardSignInAdapter,
  loadValidation,
  noticeText,
  passwordRulesAttribute,
  PforteError,
  systemClock,
  toClientDeadline,
} from '@pforte/core';
import type { Clock, ConfigError, PforteConfig, PforteConfigInput, PforteSignInAdapter, SessionInfo, SignInResult } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { renderActions, renderTextField, renderVisibilityToggle, usernameFieldOptions } from '../internal/form-controls.js';
import { renderCodeEntryForm } from '../internal/code-entry-form.js';
import { safeUrl } from '../internal/safe-url.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { CodeEntryController } from '../controllers/code-entry-controller.js';
import { DocumentLangController } from '../controllers/document-lang-controller.js';
import { ResendController } from '../controllers/resend-controller.js';
import { applyLanguage, getLocale, isolated, resolveLocale, setLocale, setStringOverrides, useMessages } from '../localization/localization.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { emit } from '../events.js';
import type { SignInStage } from '../events.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import { signinStyles } from './signin.styles.js';
import '../define/code-input.js';
import '../define/password-checklist.js';
import '../localization/step-error-messages.js';

void useMessages('signin');
void useMessages('sms');
void useMessages('emailCode');

type Field = 'identifier' | 'password' | 'newPassword';

/** Where a sign-in between the password and the session stands: its id and the second factor's channel. */
interface OpenSignIn {
  signInId: string;
  method?: 'sms' | 'email';
  /** No code went out yet: one sent moments ago (e.g. at registration) holds the next back until the resend deadline. */
  heldBack?: boolean;
}

/**
 * @summary Sign-in: identifier (username or e-mail address, as the product
 * registers) and current password in a real form that password managers
 * fill; then the second factor the account chose (an SMS or e-mail code,
 * with the resend countdown and WebOTP of registration), a forced change of
 * an initial password with the live checklist, the product's first-sign-in
 * notice, and the signed-in state with "Sign out". A wrong password says how
 * many attempts are left; a lock counts down to the server's deadline. Both
 * read the same whether the account exists or not.
 *
 * @event {CustomEvent<PforteSignedInDetail>} pforte-signed-in - The person is signed in (after the first-sign-in notice, where there is one); `detail: {accountId, username, secondFactor}`, never a password, code or session token.
 * @event {CustomEvent<PforteSignedOutDetail>} pforte-signed-out - "Sign out" ended the session.
 * @event {CustomEvent<PforteStepChangeDetail>} pforte-step-change - A stage is shown; `detail.step` is one of `password`, `locked`, `secondFactor`, `passwordChange`, `firstSignInNotice`, `signedIn`; `index` counts the stages shown before it in this sign-in (`position` = `total` = `index + 1`: what comes next depends on the backend's answer).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed or the config is invalid; `detail.code` (and `detail.path` for configs), `detail.step` the stage.
 *
 * @cssproperty --pforte-color-primary - Buttons, links and focus rings.
 * @cssproperty --pforte-color-text - Body text.
 * @cssproperty --pforte-color-muted - Secondary text.
 * @cssproperty --pforte-color-surface - Background.
 * @cssproperty --pforte-color-border - Field and card borders.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-color-success - Met password rules.
 * @cssproperty --pforte-radius - Corner radius.
 * @cssproperty --pforte-space - Base spacing.
 */
export class PforteSignin extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, signinStyles];

  /**
   * The product configuration, the same as `<pforte-signup>`'s: an object
   * (property) or JSON (attribute). Its `id` names the product, `username.kind`
   * the identifier, `passwordPolicy` the rules of a new password, and
   * `signIn` the links (`forgotPasswordUrl`, `registerUrl`) and the
   * `firstSignInNotice`.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => value ?? undefined },
  })
  config: PforteConfigInput | string | undefined;

  /** The backend: `createMemoryAdapter()` (`@pforte/core/memory`) or any other implementation of the sign-in contract. */
  @property({ attribute: false }) adapter: PforteSignInAdapter | undefined;

  /** Base URL of a backend speaking the Pforte HTTP contract; used when no `adapter` is set. */
  @property() endpoint: string | undefined;

  /** A language Pforte speaks (`de`, `en`, `tr`, `ar`, `uk`, `ru`, `pl`, `fr`, `it`, `es`; a regional tag such as `de-AT` matches its language). Without it: the config's locale, `<html lang>`, the browser, English. */
  @property() locale: string | undefined;

  /** Time source of the lock and resend countdowns; tests and docs inject a manual clock. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private resolvedConfig: PforteConfig | undefined;
  @state() private configError: ConfigError | undefined;
  @state() private validationFailed = false;
  @state() private localeReady = false;
  @state() private stage: SignInStage | 'checking' = 'checking';
  @state() private identifier = '';
  @state() private password = '';
  @state() private newPassword = '';
  @state() private passwordVisible = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  /** The answer to a wrong password: attempts left before the lock. */
  @state() private attemptsRemaining: number | undefined;
  /** The text of the polite live region. */
  @state() private announcement = '';

  private guarded: PforteSignInAdapter | undefined;
  private endpointAdapter: { endpoint: string; adapter: PforteSignInAdapter } | undefined;
  private open: OpenSignIn | undefined;
  private session: SessionInfo | undefined;
  /** The current password as typed, kept only until the sign-in ends, so a forced change can refuse it at once. */
  private currentPassword = '';
  private stagesShown = 0;
  private shownStage: SignInStage | undefined;
  private configValidation: Promise<unknown> | undefined;
  /** The identifier the lock answered for: the backend locks per identifier, so another one may be tried. */
  private lockedIdentifier: string | undefined;
  /** What takes focus after the next render: the heading of a new stage, or the input (by id) the person continues in. */
  private pendingFocus: string | undefined;

  /** One call at a time (double submits are ignored); its failure is the alert of the stage. */
  private readonly call = new AdapterCallController(this);
  /** The lock: the same deadline logic as a code's resend, from the server's `lockedUntil`. */
  private readonly lock = new ResendController(this, {
    clock: () => this.clock,
    resendSeconds: () => 0,
    onTransition: (transition) => this.onLockTransition(transition),
  });
  private readonly entry = new CodeEntryController(this, {
    clock: () => this.clock,
    resendSeconds: () => this.resolvedConfig?.signIn?.resendSeconds ?? 60,
    codeLength: () => this.resolvedConfig?.signIn?.codeLength ?? 6,
    input: () => this.querySelector<PforteCodeInput>('pforte-code-input'),
    onError: (error) => this.reportError(error),
  });
  private readonly ids = {
    identifier: uniqueId('pforte-signin-identifier'),
    identifierError: uniqueId('pforte-signin-identifier-error'),
    password: uniqueId('pforte-signin-password'),
    passwordError: uniqueId('pforte-signin-password-error'),
    newPassword: uniqueId('pforte-signin-new-password'),
    newPasswordError: uniqueId('pforte-signin-new-password-error'),
    rules: uniqueId('pforte-signin-rules'),
    codeError: uniqueId('pforte-signin-code-error'),
    attempts: uniqueId('pforte-signin-attempts'),
  };

  constructor() {
    super();
    new DocumentLangController(this, () => this.applyLocale());
  }

  /** Client-clock ms epoch until which sign-in is locked (`undefined` when it never was). */
  get lockedUntil(): number | undefined {
    return this.lock.deadline;
  }

  /** Re-reads the clock and re-renders the countdowns now (the element also does this about once a second). */
  refreshCountdown(): void {
    this.lock.refresh();
    this.entry.resend.refresh();
  }

  /** Moves focus to the stage's heading, so screen readers announce it. */
  focusHeading(): void {
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forgetSecrets();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = changed.has('config') || !this.hasUpdated;
    if (configChanged) this.applyConfig();
    if (configChanged || changed.has('locale')) this.applyLocale();
    // `resolvedConfig` is private, so PropertyValues<this> does not name it; it arrives once the config is validated.
    const validated = (changed as Map<PropertyKey, unknown>).has('resolvedConfig');
    if (changed.has('adapter') || changed.has('endpoint') || changed.has('clock') || validated) this.connectBackend();
  }

  protected override updated(): void {
    if (this.stage !== 'checking' && this.stage !== this.shownStage) {
      this.shownStage = this.stage;
      const index = this.stagesShown++;
      emit(this, 'pforte-step-change', { step: this.stage, index, position: index + 1, total: index + 1 });
    }
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus === 'heading') this.focusHeading();
    else if (focus) this.focusInput(focus);
  }

  private applyConfig(): void {
    const input = this.config ?? {};
    this.resolvedConfig = undefined;
    this.configError = undefined;
    this.validationFailed = false;
    const validation = loadValidation().then((validation) => validation.safeParseConfig(input));
    this.configValidation = validation;
    validation.then(
      (result) => {
        if (this.configValidation !== validation) return;
        if (!result.ok) {
          this.configError = result.error;
          console.error(`[pforte] Invalid configuration: ${result.error.message}`);
          emit(this, 'pforte-error', { code: 'config.invalid', path: result.error.path });
          return;
        }
        this.resolvedConfig = result.config;
        setStringOverrides(result.config.strings);
      },
      () => {
        if (this.configValidation === validation) this.validationFailed = true;
      },
    );
  }

  private applyLocale(): void {
    const locale = this.activeLocale;
    void setLocale(locale).then(() => {
      applyLanguage(this, locale);
      this.localeReady = true;
    });
  }

  private get activeLocale() {
    return resolveLocale(this.locale ?? this.resolvedConfig?.locale, this.resolvedConfig?.locales);
  }

  /** The `adapter` property, else an HTTP adapter for `endpoint` (created once per endpoint). */
  private get backend(): PforteSignInAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.endpointAdapter?.endpoint !== this.endpoint) {
      this.endpointAdapter = { endpoint: this.endpoint, adapter: createHttpAdapter({ baseUrl: this.endpoint, locale: () => this.activeLocale }) };
    }
    return this.endpointAdapter.adapter;
  }

  /** Guards the backend and asks it whether someone is signed in already: then the signed-in stage shows at once. */
  private connectBackend(): void {
    const backend = this.backend;
    const config = this.resolvedConfig;
    if (!backend || !config) {
      this.guarded = undefined;
      return;
    }
    this.guarded = guardSignInAdapter(backend, { timeoutMs: config.requestTimeoutMs, clock: this.clock });
    if (this.stage === 'checking') void this.checkSession();
  }

  private async checkSession(): Promise<void> {
    const adapter = this.guarded;
    if (!adapter) return;
    const answer = await this.call.run((signal) => adapter.getSession({}, { signal }));
    // A failed check must not keep anyone from signing in: the form shows, without an alert.
    this.call.clearError();
    const session = answer?.session;
    if (session && (!this.product || session.product === this.product)) {
      this.session = session;
      this.stage = 'signedIn';
    } else {
      this.stage = 'password';
    }
  }

  private get product(): string | undefined {
    return this.resolvedConfig?.id;
  }

  private get isEmail(): boolean {
    return this.resolvedConfig?.username.kind === 'email';
  }

  override render() {
    if (this.configError) {
      return html`<div class="pf-alert pf-config-error" role="alert">
        <strong>${msg('Sign-in is not available: its configuration is invalid.', { id: 'signin.configInvalid' })}</strong>
        <code>${this.configError.message}</code>
      </div>`;
    }
    if (this.validationFailed) return this.renderFailure(new PforteError('network'), () => this.applyConfig());
    if (!this.localeReady) return nothing;
    if (!this.backend) {
      return html`<div class="pf-alert" role="alert">${msg('Sign-in is not available: no backend is connected.', { id: 'signin.noAdapter' })}</div>`;
    }
    if (!this.resolvedConfig || this.stage === 'checking') {
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`;
    }
    return html`${this.renderStage()}<p class="pf-visually-hidden" role="status">${this.announcement || this.entry.announcement}</p>`;
  }

  private renderStage(): TemplateResult {
    switch (this.stage) {
      case 'secondFactor':
        return this.renderSecondFactor();
      case 'passwordChange':
        return this.renderPasswordChange();
      case 'firstSignInNotice':
        return this.renderFirstSignInNotice();
      case 'signedIn':
        return this.renderSignedIn();
      default:
        return this.renderPassword();
    }
  }

  private renderPassword(): TemplateResult {
    const signIn = this.resolvedConfig?.signIn;
    const forgot = safeUrl(signIn?.forgotPasswordUrl);
    const register = safeUrl(signIn?.registerUrl);
    const locked = this.lock.waiting;
    const pending = this.call.pending;
    return html`
      <h2 tabindex="-1">${msg('Sign in', { id: 'signin.heading' })}</h2>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onPasswordSubmit}>
        ${renderTextField({
          id: this.ids.identifier,
          errorId: this.ids.identifierError,
          ...usernameFieldOptions(this.isEmail),
          value: this.identifier,
          error: this.fieldErrors.identifier,
          onValue: (value) => this.edit('identifier', () => this.editIdentifier(value)),
        })}
        ${renderTextField({
          id: this.ids.password,
          errorId: this.ids.passwordError,
          label: msg('Password', { id: 'credentials.password' }),
          name: 'password',
          type: this.passwordVisible ? 'text' : 'password',
          autocomplete: 'current-password',
          autocapitalize: 'none',
          required: true,
          value: this.password,
          error: this.fieldErrors.password,
          describedBy: this.attemptsRemaining === undefined ? [] : [this.ids.attempts],
          onValue: (value) => this.edit('password', () => (this.password = value)),
          inside: this.visibilityToggle(this.ids.password),
        })}
        ${forgot
          ? html`<p class="pf-forgot"><a href=${forgot}>${msg('Forgot your password?', { id: 'signin.forgot' })}</a></p>`
          : nothing}
        <div class="pf-alert" role="alert">${this.passwordAlert()}</div>
        ${renderActions({
          pending,
          primary: {
            label: locked
              ? msg(str`Sign in again in ${formatCountdown(this.lock.secondsLeft)}`, { id: 'signin.submit.wait' })
              : msg('Sign in', { id: 'signin.submit' }),
            busy: pending,
            waiting: locked,
          },
        })}
      </form>
      ${register
        ? html`<p class="pf-register">
            ${msg('No account yet?', { id: 'signin.noAccount' })} <a href=${register}>${msg('Register', { id: 'signin.register' })}</a>
          </p>`
        : nothing}
    `;
  }

  /** The answer under the form: a lock (static text: the countdown is on the button), attempts left, or a failed call. */
  private passwordAlert(): TemplateResult | typeof nothing {
    if (this.lock.waiting) {
      return html`${msg(
        'Sign-in is temporarily locked after too many failed attempts. You can try again once the time shown on the button has run out, or reset your password.',
        { id: 'signin.locked' },
      )}`;
    }
    if (this.attemptsRemaining !== undefined) {
      const left = this.attemptsRemaining;
      return html`<span id=${this.ids.attempts}>${this.isEmail
        ? msg(str`The e-mail address or the password is not correct. Attempts left before sign-in is locked: ${left}.`, { id: 'signin.failed.email' })
        : msg(str`The username or the password is not correct. Attempts left before sign-in is locked: ${left}.`, { id: 'signin.failed' })}</span>`;
    }
    const error = this.call.error;
    return error && !this.fieldErrors.identifier ? renderAlert(error) : nothing;
  }

  private renderSecondFactor(): TemplateResult {
    const length = this.entry.length;
    const sms = this.open?.method === 'sms';
    return html`
      <h2 tabindex="-1">${msg('Confirm your sign-in', { id: 'signin.code.heading' })}</h2>
      <p>
        ${this.open?.heldBack
          ? msg('A code was sent moments ago. Please request a new one when the countdown has run out.', { id: 'signin.code.heldBack' })
          : sms
            ? msg(str`We sent a code of ${length} digits by SMS to your mobile number.`, { id: 'signin.code.sms' })
            : msg(str`We sent a code of ${length} digits to your e-mail address.`, { id: 'signin.code.email' })}
      </p>
      ${renderCodeEntryForm({
        entry: this.entry,
        label: sms ? msg('Code from the SMS', { id: 'sms.code.label' }) : msg('Code from the e-mail', { id: 'emailCode.code.label' }),
        errorId: this.ids.codeError,
        pending: this.call.pending || this.entry.verifying.pending,
        canGoBack: true,
        optional: false,
        onSubmit: this.onCodeSubmit,
        onComplete: this.onCodeComplete,
        onInput: this.onCodeInput,
        onResend: this.onResendClick,
        onBack: this.startOver,
        onSkip: this.startOver,
      })}
    `;
  }

  private renderPasswordChange(): TemplateResult {
    const config = this.resolvedConfig!;
    const pending = this.call.pending;
    return html`
      <h2 tabindex="-1">${msg('Choose a new password', { id: 'signin.change.heading' })}</h2>
      <p class="pf-muted">
        ${msg('Your password was set for you. Please replace it with one that only you know; it must differ from the current one.', {
          id: 'signin.change.intro',
        })}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onChangeSubmit}>
        <!-- The account's name beside the new password, so a password manager saves the pair. -->
        <input
          type="text"
          name="username"
          autocomplete="username"
          aria-label=${this.isEmail ? msg('E-mail address', { id: 'credentials.email' }) : msg('Username', { id: 'credentials.username' })}
          .value=${this.identifier}
          hidden
          readonly
        />
        ${renderTextField({
          id: this.ids.newPassword,
          errorId: this.ids.newPasswordError,
          label: msg('New password', { id: 'signin.change.password' }),
          name: 'new-password',
          type: this.passwordVisible ? 'text' : 'password',
          autocomplete: 'new-password',
          passwordrules: passwordRulesAttribute(config.passwordPolicy),
          autocapitalize: 'none',
          required: true,
          value: this.newPassword,
          error: this.fieldErrors.newPassword,
          describedBy: [this.ids.rules],
          onValue: (value) => this.edit('newPassword', () => (this.newPassword = value)),
          inside: this.visibilityToggle(this.ids.newPassword),
          after: html`<pforte-password-checklist
            list-id=${this.ids.rules}
            .policy=${config.passwordPolicy}
            .password=${this.newPassword}
            .identifier=${this.identifier}
          ></pforte-password-checklist>`,
        })}
        <div class="pf-alert" role="alert">${this.call.error && !this.fieldErrors.newPassword ? renderAlert(this.call.error) : nothing}</div>
        ${renderActions({
          pending,
          primary: { label: msg('Save password and sign in', { id: 'signin.change.submit' }), busy: pending },
        })}
      </form>
    `;
  }

  private renderFirstSignInNotice(): TemplateResult {
    return html`
      <h2 tabindex="-1">${msg('Welcome', { id: 'signin.notice.heading' })}</h2>
      <div class="pf-notice"><p class="pf-first-notice">${noticeText(this.resolvedConfig?.signIn?.firstSignInNotice ?? '', getLocale())}</p></div>
      ${renderActions({ pending: false, primary: { label: msg('Continue', { id: 'common.continue' }), onClick: () => this.acknowledgeNotice() } })}
    `;
  }

  private renderSignedIn(): TemplateResult {
    const username = this.session?.username ?? '';
    const pending = this.call.pending;
    return html`
      <h2 tabindex="-1">${msg('You are signed in', { id: 'signin.done.heading' })}</h2>
      <p>${msg(str`Signed in as ${isolated(username)}.`, { id: 'signin.done.as' })}</p>
      <div class="pf-alert" role="alert">${this.call.error ? renderAlert(this.call.error) : nothing}</div>
      ${renderActions({
        pending,
        primary: { label: msg('Sign out', { id: 'signin.signOut' }), busy: pending, onClick: () => void this.signOut() },
      })}
    `;
  }

  private renderFailure(error: PforteError, retry: () => void): TemplateResult {
    return html`
      <div class="pf-alert" role="alert">${renderAlert(error)}</div>
      <p class="pf-actions">
        <button type="button" class="pf-primary" @click=${retry}>${msg('Try again', { id: 'common.retry' })}</button>
      </p>
    `;
  }

  private visibilityToggle(controls: string): TemplateResult {
    return renderVisibilityToggle({
      label: msg('Show password', { id: 'credentials.show' }),
      controls,
      visible: this.passwordVisible,
      onToggle: () => (this.passwordVisible = !this.passwordVisible),
    });
  }

  /** The person changed a field: its message and the answer it replies to go. */
  private edit(field: Field, apply: () => void): void {
    apply();
    if (this.fieldErrors[field] !== undefined) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
    this.call.clearError();
  }

  /** A lock holds only for the identifier it answered: typing another one lifts it here (the backend still decides). */
  private editIdentifier(value: string): void {
    this.identifier = value;
    if (this.stage !== 'locked' || value.trim() === this.lockedIdentifier) return;
    this.lockedIdentifier = undefined;
    this.lock.setDeadline(undefined);
    this.stage = 'password';
  }

  private focusInput(id: string): void {
    this.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private async onPasswordSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.call.pending || this.lock.waiting) return;
    const identifier = this.identifier.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (identifier === '') {
      errors.identifier = this.isEmail
        ? msg('Please enter your e-mail address.', { id: 'credentials.email.missing' })
        : msg('Please enter your username.', { id: 'signin.username.missing' });
    }
    if (this.password === '') errors.password = msg('Please enter your password.', { id: 'signin.password.missing' });
    this.fieldErrors = errors;
    this.attemptsRemaining = undefined;
    if (errors.identifier !== undefined || errors.password !== undefined) {
      await this.updateComplete;
      this.focusInput(errors.identifier !== undefined ? this.ids.identifier : this.ids.password);
      return;
    }
    const adapter = this.requireAdapter();
    const password = this.password;
    const product = this.product;
    const result = await this.call.run((signal) =>
      adapter.signIn({ identifier, password, locale: this.activeLocale, ...(product ? { product } : {}) }, { signal }),
    );
    const error = this.call.error;
    if (error) {
      this.reportError(error);
      if (error.code === 'identifier.invalid') this.fieldErrors = { identifier: errorMessage(error) };
      await this.updateComplete;
      // Nothing typed is lost: the person retries with the same entries.
      this.focusInput(error.code === 'identifier.invalid' ? this.ids.identifier : this.ids.password);
      return;
    }
    if (!result) return;
    this.currentPassword = password;
    await this.onResult(result);
  }

  /** Goes where the backend's answer leads. */
  private async onResult(result: SignInResult): Promise<void> {
    switch (result.status) {
      case 'failed':
        this.password = '';
        this.attemptsRemaining = result.attemptsRemaining;
        this.stage = 'password';
        this.pendingFocus = this.ids.password;
        return;
      case 'locked':
        this.password = '';
        this.lockedIdentifier = this.identifier.trim();
        this.forgetSecrets();
        this.lock.setDeadline(
          toClientDeadline({ resendAvailableAt: result.lockedUntil, serverNow: result.now, receivedAt: result.receivedAt ?? this.clock.now() }),
        );
        this.stage = 'locked';
        this.pendingFocus = this.ids.password;
        return;
      case 'secondFactor':
        this.open = { signInId: result.signInId, method: result.method, heldBack: result.expiresAt <= result.now };
        this.stage = 'secondFactor';
        await this.entry.codeSent(result, false);
        return;
      case 'passwordChange':
        this.open = { signInId: result.signInId };
        this.stage = 'passwordChange';
        this.pendingFocus = this.ids.newPassword;
        return;
      case 'signedIn':
        this.open = undefined;
        this.forgetSecrets();
        this.session = result.session;
        this.stage = result.firstSignIn && this.resolvedConfig?.signIn?.firstSignInNotice ? 'firstSignInNotice' : 'signedIn';
        this.pendingFocus = 'heading';
        if (this.stage === 'signedIn') this.announceSignedIn();
        return;
    }
  }

  private onCodeInput(): void {
    this.entry.onInput();
  }

  private onCodeComplete(): void {
    if (!this.entry.dead) void this.verifyCode();
  }

  private onCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.verifyCode();
  }

  private async verifyCode(): Promise<void> {
    const open = this.open;
    if (!open || this.call.pending) return;
    const adapter = this.requireAdapter();
    let answer: SignInResult | undefined;
    const verified = await this.entry.verify(async (code, signal) => {
      answer = await adapter.verifySignInCode({ signInId: open.signInId, code }, { signal });
    });
    const error = this.entry.verifying.error;
    if (error && (error.code === 'flow.expired' || error.code === 'flow.unknown')) {
      await this.expired();
      return;
    }
    if (verified && answer) await this.onResult(answer);
  }

  /** "Send new code"; a listener, so it runs with the element as `this`. */
  private onResendClick(): void {
    void this.resend();
  }

  private async resend(): Promise<void> {
    const open = this.open;
    if (!open || this.call.pending || this.entry.resend.waiting) return;
    const adapter = this.requireAdapter();
    this.entry.setError('');
    const sent = await this.call.run((signal) => adapter.resendSignInCode({ signInId: open.signInId }, { signal }));
    const error = this.call.error;
    if (error) {
      this.reportError(error);
      if (error.code === 'flow.expired' || error.code === 'flow.unknown') {
        await this.expired();
        return;
      }
      this.entry.resend.startFromError(error);
      this.entry.setError(errorMessage(error));
      return;
    }
    if (!sent) return;
    open.heldBack = false;
    await this.entry.codeSent(sent, true);
  }

  private async onChangeSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const open = this.open;
    const config = this.resolvedConfig;
    if (!open || !config || this.call.pending) return;
    const password = this.newPassword;
    let problem: string | undefined;
    if (password === '') problem = msg('Please choose a password.', { id: 'credentials.password.missing' });
    else if (!evaluatePassword(config.passwordPolicy, password, { identifier: this.identifier.trim() }).ok) {
      problem = msg('The password does not meet all requirements yet.', { id: 'credentials.password.unmet' });
    } else if (password === this.currentPassword) {
      problem = msg('The new password must differ from the current one.', { id: 'signin.change.same' });
    }
    this.fieldErrors = problem === undefined ? {} : { newPassword: problem };
    if (problem !== undefined) {
      await this.updateComplete;
      this.focusInput(this.ids.newPassword);
      return;
    }
    const adapter = this.requireAdapter();
    const result = await this.call.run((signal) => adapter.changePassword({ signInId: open.signInId, password }, { signal }));
    const error = this.call.error;
    if (error) {
      this.reportError(error);
      if (error.code === 'flow.expired' || error.code === 'flow.unknown') {
        await this.expired();
        return;
      }
      if (error.field === 'password' || error.code.startsWith('password.')) this.fieldErrors = { newPassword: errorMessage(error) };
      await this.updateComplete;
      this.focusInput(this.ids.newPassword);
      return;
    }
    if (!result) return;
    this.newPassword = '';
    await this.onResult(result);
  }

  private acknowledgeNotice(): void {
    this.stage = 'signedIn';
    this.pendingFocus = 'heading';
    this.announceSignedIn();
  }

  /** Tells the page who signed in: the account, never a secret. */
  private announceSignedIn(): void {
    const session = this.session;
    if (!session) return;
    emit(this, 'pforte-signed-in', { accountId: session.accountId, username: session.username, secondFactor: session.secondFactor });
  }

  private async signOut(): Promise<void> {
    const adapter = this.requireAdapter();
    await this.call.run((signal) => adapter.signOut({}, { signal }));
    const error = this.call.error;
    if (error) {
      this.reportError(error);
      return;
    }
    this.session = undefined;
    this.password = '';
    this.attemptsRemaining = undefined;
    this.stage = 'password';
    this.pendingFocus = 'heading';
    emit(this, 'pforte-signed-out', {});
    this.announcement = msg('You are signed out.', { id: 'signin.signedOut' });
  }

  /** Back from the second factor: the sign-in starts again with the identifier kept. */
  private startOver(): void {
    this.open = undefined;
    this.password = '';
    this.forgetSecrets();
    this.entry.setError('');
    this.call.clearError();
    this.stage = 'password';
    this.pendingFocus = this.ids.password;
  }

  /** The open sign-in timed out on the backend: start again, and say why. */
  private async expired(): Promise<void> {
    this.startOver();
    this.announcement = msg('This sign-in has expired. Please sign in again.', { id: 'signin.expired' });
    await this.updateComplete;
  }

  private onLockTransition(transition: 'waiting' | 'available'): void {
    if (transition !== 'available' || this.stage !== 'locked') return;
    this.stage = 'password';
    this.announcement = msg('You can sign in again now.', { id: 'signin.unlocked' });
  }

  private forgetSecrets(): void {
    this.currentPassword = '';
  }

  private reportError(error: PforteError): void {
    emit(this, 'pforte-error', { code: error.code, step: this.stage === 'checking' ? 'password' : this.stage });
  }

  private requireAdapter(): PforteSignInAdapter {
    if (!this.guarded) throw new Error('<pforte-signin> needs its adapter or endpoint set.');
    return this.guarded;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-signin': PforteSignin;
  }
}
