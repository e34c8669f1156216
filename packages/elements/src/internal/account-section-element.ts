import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { guardAccountAdapter, PforteError, systemClock } from '@pforte/core';
import type { AccountSectionId, AccountSettings, Clock, PforteAccountAdapter, PforteAdapter } from '@pforte/core';
import { PforteElement, uniqueId } from './pforte-element.js';
import { renderActions, renderTextField, renderVisibilityToggle } from './form-controls.js';
import type { TextFieldOptions } from './form-controls.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { renderAlert } from '../localization/error-messages.js';
import { useMessages } from '../localization/localization.js';
import { emit } from '../events.js';
import type { PforteErrorDetail } from '../events.js';
import '../localization/step-error-messages.js';

void useMessages('accountSettings');

/** The settings as loaded, with the client time they arrived (the re-authentication window is counted on the client clock). */
type LoadedSettings = AccountSettings & { receivedAt: number };

/** A change that needs a recent sign-in: runs again once the password is confirmed. */
type Change = () => Promise<void>;

/**
 * Shared surface of the account area's sections: the account adapter
 * (guarded: timeout, errors, validated answers), the settings loaded on
 * connect with a retry, and the re-authentication that security-relevant
 * changes need. When the window of the sign-in has closed (or the backend
 * says 'reauth.required'), the section asks for the current password inline
 * and then repeats the change. Each section reuses the registration step's
 * element for the change itself, with an adapter for the step that calls
 * the account contract.
 */
export abstract class PforteAccountSectionElement extends PforteElement {
  /** Which section this is, in its events. */
  abstract readonly section: AccountSectionId;

  /** The backend: the account half of the adapter contract, acting for the signed-in person. */
  @property({ attribute: false }) adapter: PforteAccountAdapter | undefined;

  /** Source of time for the re-authentication window, countdowns and dates; inject a manual clock in tests and docs. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** Milliseconds before a call gives up with 'timeout'. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeoutMs = 20_000;

  /** The settings as they stand, once loaded. */
  @state() protected settings: LoadedSettings | undefined;

  /** The change that waits for the current password. */
  @state() private waitingChange: Change | undefined;
  @state() private password = '';
  @state() private passwordVisible = false;
  @state() private passwordError = '';

  private readonly loading = new AdapterCallController(this);
  private readonly confirming = new AdapterCallController(this);
  private guarded: { of: PforteAccountAdapter; clock: Clock; adapter: PforteAccountAdapter } | undefined;
  private readonly ids = { password: uniqueId('pforte-account-password'), passwordError: uniqueId('pforte-account-password-error') };

  /** The adapter, guarded. */
  protected get account(): PforteAccountAdapter {
    const adapter = this.adapter;
    if (!adapter) throw new Error(`<pforte-account-…> needs its adapter property set.`);
    if (this.guarded?.of !== adapter || this.guarded.clock !== this.clock) {
      this.guarded = { of: adapter, clock: this.clock, adapter: guardAccountAdapter(adapter, { timeoutMs: this.requestTimeoutMs, clock: this.clock }) };
    }
    return this.guarded.adapter;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.adapter && !this.settings && !this.loading.pending) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && changed.get('adapter') !== undefined) this.settings = undefined;
    if (changed.has('adapter') && this.adapter && this.isConnected && !this.loading.pending) void this.load();
  }

  /** Loads the settings again (after a failure: "Try again"). */
  async load(): Promise<void> {
    const result = await this.loading.run((signal) => this.account.getAccountSettings({}, { signal }));
    if (result) this.keep(result.settings);
    else if (this.loading.error) this.reportError(this.loading.error);
  }

  /** Keeps settings from an answer, with the client time they arrived. */
  protected keep(settings: AccountSettings): void {
    this.settings = { ...settings, receivedAt: this.clock.now() };
  }

  /** Whether a security-relevant change needs the password first: the window, counted on the client clock from the answer's arrival. */
  protected get reauthDue(): boolean {
    const settings = this.settings;
    if (!settings) return false;
    return this.clock.now() >= settings.receivedAt + (settings.reauthUntil - settings.now);
  }

  /**
   * Runs a security-relevant change: first the password when the window has
   * closed; again when the change still answers 'reauth.required' (the
   * change's own calls go through {@link reauthGuard}).
   */
  protected async withReauth(change: Change): Promise<void> {
    if (this.reauthDue) {
      await this.askPassword(change);
      return;
    }
    await change();
  }

  /** Wraps an adapter call of a change: 'reauth.required' asks for the password and repeats `change` after it. */
  protected reauthGuard(change: Change) {
    return async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (error instanceof PforteError && error.code === 'reauth.required') void this.askPassword(change);
        throw error;
      }
    };
  }

  private async askPassword(change: Change): Promise<void> {
    this.waitingChange = change;
    this.password = '';
    this.passwordError = '';
    this.confirming.clearError();
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#${this.ids.password}`)?.focus();
  }

  /** Tells the page a call failed: the stable code only. */
  protected reportError(error: PforteError): void {
    emit(this, 'pforte-error', { code: error.code, section: this.section });
  }

  /** A step inside the section failed: its error goes out as the section's. */
  protected onStepError(event: CustomEvent<PforteErrorDetail>): void {
    event.stopPropagation();
    emit(this, 'pforte-error', { code: event.detail.code, section: this.section });
  }

  /** Tells the page a change was saved; `values` never hold a secret. */
  protected changed(values: Record<string, unknown>): void {
    emit(this, 'pforte-account-change', { section: this.section, values });
  }

  /** The section's own content, once the settings are loaded. */
  protected abstract renderSection(settings: LoadedSettings): TemplateResult;

  /** The section's heading, shown above the loading and error states and the password confirmation. */
  protected abstract heading(): string;

  /**
   * Inside `<pforte-account>`, which heads each section itself: the element
   * then leaves out its own heading, so the page has one per section.
   */
  @property({ type: Boolean }) embedded = false;

  /** The section's own heading, unless {@link embedded}. */
  protected renderHeading() {
    return this.embedded ? nothing : html`<h2 tabindex="-1">${this.heading()}</h2>`;
  }

  override render() {
    const settings = this.settings;
    if (this.waitingChange) return this.renderPasswordConfirmation();
    if (!settings) {
      const error = this.loading.error;
      return html`
        ${this.renderHeading()}
        ${error
          ? html`<div class="pf-alert" role="alert">${renderAlert(error)}</div>
              ${renderActions({ pending: this.loading.pending, primary: { label: msg('Try again', { id: 'common.retry' }), onClick: () => void this.load() } })}`
          : html`<p role="status" aria-busy="true">${msg('Loading your settings…', { id: 'accountSettings.loading' })}</p>`}
      `;
    }
    return this.renderSection(settings);
  }

  private renderPasswordConfirmation() {
    const pending = this.confirming.pending;
    const error = this.confirming.error;
    return html`
      ${this.renderHeading()}
      <p class="pf-muted">
        ${msg('For your security, please confirm this change with your current password.', { id: 'accountSettings.reauth.intro' })}
      </p>
      <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.onConfirmPassword}>
        <!-- The account's name beside the password, so a password manager offers the right one. -->
        <input
          type="text"
          name="username"
          autocomplete="username"
          aria-label=${msg('Username', { id: 'credentials.username' })}
          .value=${this.settings?.username ?? ''}
          hidden
          readonly
        />
        ${renderTextField(
          currentPasswordField({
            id: this.ids.password,
            errorId: this.ids.passwordError,
            value: this.password,
            error: this.passwordError,
            visible: this.passwordVisible,
            onToggle: () => (this.passwordVisible = !this.passwordVisible),
            onValue: (value) => {
              this.password = value;
              this.passwordError = '';
            },
          }),
        )}
        <div class="pf-alert" role="alert">${error ? renderAlert(error) : nothing}</div>
        ${renderActions({
          pending,
          primary: { label: msg('Confirm', { id: 'accountSettings.reauth.confirm' }), busy: pending },
          secondary: [{ label: msg('Cancel', { id: 'accountSettings.cancel' }), className: 'pf-link', onClick: () => void this.cancelPassword() }],
        })}
      </form>
    `;
  }

  private async onConfirmPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.confirming.pending) return;
    if (this.password === '') {
      this.passwordError = missingPasswordMessage();
      this.querySelector<HTMLInputElement>(`#${this.ids.password}`)?.focus();
      return;
    }
    const password = this.password;
    const result = await this.confirming.run((signal) => this.account.reauthenticate({ password }, { signal }));
    if (!result) {
      if (this.confirming.error) this.reportError(this.confirming.error);
      return;
    }
    if (result.status === 'failed') {
      this.passwordError = wrongPasswordMessage(result);
      await this.updateComplete;
      this.querySelector<HTMLInputElement>(`#${this.ids.password}`)?.focus();
      return;
    }
    if (result.status === 'locked') {
      this.password = '';
      this.passwordError = wrongPasswordMessage(result);
      this.reportError(new PforteError('session.required'));
      return;
    }
    this.keep(result.settings);
    const change = this.waitingChange;
    this.waitingChange = undefined;
    this.password = '';
    await this.updateComplete;
    await change?.();
  }

  private async cancelPassword(): Promise<void> {
    this.waitingChange = undefined;
    this.password = '';
    this.passwordError = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('h2')?.focus();
  }
}

/** What a wrong current password means: the attempts left before the sign-in's lock, or the lock (which ended the session). */
export function wrongPasswordMessage(result: { status: 'failed'; attemptsRemaining: number } | { status: 'locked' }): string {
  if (result.status === 'locked') {
    return msg('Too many wrong passwords: you were signed out. Please sign in again later.', { id: 'accountSettings.reauth.locked' });
  }
  return result.attemptsRemaining === 1
    ? msg('The password is not correct. One more wrong attempt locks the sign-in for a while.', { id: 'accountSettings.reauth.wrong.last' })
    : msg(str`The password is not correct. Attempts left before sign-in is locked: ${result.attemptsRemaining}.`, { id: 'accountSettings.reauth.wrong' });
}

/** The current-password field of the account area: its label, name, autofill and show toggle. */
export function currentPasswordField(options: {
  id: string;
  errorId: string;
  value: string;
  error: string | undefined;
  visible: boolean;
  onToggle: () => void;
  onValue: (value: string) => void;
}): TextFieldOptions {
  return {
    id: options.id,
    errorId: options.errorId,
    label: msg('Current password', { id: 'accountSettings.reauth.password' }),
    name: 'current-password',
    type: options.visible ? 'text' : 'password',
    autocomplete: 'current-password',
    required: true,
    value: options.value,
    error: options.error,
    inside: renderVisibilityToggle({
      label: msg('Show password', { id: 'accountSettings.reauth.show' }),
      controls: options.id,
      visible: options.visible,
      onToggle: options.onToggle,
    }),
    onValue: options.onValue,
  };
}

/** The missing current password. */
export function missingPasswordMessage(): string {
  return msg('Please enter your current password.', { id: 'accountSettings.reauth.missing' });
}

/**
 * An adapter for a registration step inside a section: the methods the step
 * calls, over the account contract. A section's step calls nothing else.
 */
export function stepAdapter(methods: Partial<PforteAdapter>): PforteAdapter {
  return methods as PforteAdapter;
}
