import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { accountSectionsFor, createHttpAdapter, guardSignInAdapter, loadValidation, PforteError, systemClock } from '@pforte/core';
import type { AccountSectionId, Clock, ConfigError, PforteConfig, PforteConfigInput, PforteSignInAdapter, SessionInfo } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { renderActions } from '../internal/form-controls.js';
import { safeUrl } from '../internal/safe-url.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { DocumentLangController } from '../controllers/document-lang-controller.js';
import { messagesLoaded, resolveLocale, setLocale, setStringOverrides, useMessages } from '../localization/localization.js';
import { renderAlert } from '../localization/error-messages.js';
import { emit } from '../events.js';
import { accountSectionTemplate, type AccountBackend } from './section-registry.js';
import { accountSectionEntries } from './section-loaders.js';
import { accountStyles } from './account.styles.js';
import '../localization/step-error-messages.js';

void useMessages('account');

/** Where a section's code stands. */
type SectionLoad = 'loading' | 'ready' | 'failed';

/**
 * @summary The account area of a signed-in person: what registration set
 * and the person changes later, in sections the product lists (`account.sections`
 * in the config, e.g. the organization administration), each loaded when the
 * person may use it. It shows who is signed in, a region per section with its
 * heading, and, without a session, where to sign in.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - A section changed something (from the section's element); never a secret.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed or the config is invalid; `detail.code` (and `detail.path` for configs, `detail.section` for a section).
 *
 * @csspart section - Each section's region.
 *
 * @cssproperty --pforte-color-primary - Buttons, links and focus rings.
 * @cssproperty --pforte-color-text - Body text.
 * @cssproperty --pforte-color-muted - Secondary text.
 * @cssproperty --pforte-color-surface - Background.
 * @cssproperty --pforte-color-border - Card borders and separators.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-radius - Corner radius.
 * @cssproperty --pforte-space - Base spacing.
 */
export class PforteAccount extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, accountStyles];

  /**
   * The product configuration, the same as `<pforte-signup>`'s and
   * `<pforte-signin>`'s: an object (property) or JSON (attribute). Its
   * `account.sections` lists the sections in their order (default: every
   * section whose registration step the product has); `signInUrl` is linked
   * when nobody is signed in.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => value ?? undefined },
  })
  config: PforteConfigInput | string | undefined;

  /** The backend: `createMemoryAdapter()` (`@pforte/core/memory`) or any implementation of the sign-in and account contracts. */
  @property({ attribute: false }) adapter: AccountBackend | undefined;

  /** Base URL of a backend speaking the Pforte HTTP contract; used when no `adapter` is set. */
  @property() endpoint: string | undefined;

  /** A language Pforte speaks (`de`, `en`, `tr`, `ar`, `uk`, `ru`, `pl`, `fr`, `it`, `es`; a regional tag such as `de-AT` matches its language). Without it: the config's locale, `<html lang>`, the browser, English. */
  @property() locale: string | undefined;

  /** Time source; tests and docs inject a manual clock. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private resolvedConfig: PforteConfig | undefined;
  @state() private configError: ConfigError | undefined;
  @state() private validationFailed = false;
  @state() private localeReady = false;
  @state() private session: SessionInfo | null | undefined;
  @state() private sessionError: PforteError | undefined;
  @state() private sectionLoads: Partial<Record<AccountSectionId, SectionLoad>> = {};

  private guarded: PforteSignInAdapter | undefined;
  private endpointAdapter: { endpoint: string; adapter: AccountBackend } | undefined;
  private configValidation: Promise<unknown> | undefined;
  private readonly call = new AdapterCallController(this);
  private readonly headingId = uniqueId('pforte-account-heading');
  private readonly sectionHeadingIds = new Map<AccountSectionId, string>();

  constructor() {
    super();
    new DocumentLangController(this, () => this.applyLocale());
  }

  /** Moves focus to the account area's heading, so screen readers announce it. */
  focusHeading(): void {
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Asks the backend again who is signed in (after a sign-in or sign-out elsewhere on the page). */
  async refresh(): Promise<void> {
    const adapter = this.guarded;
    if (!adapter) return;
    this.sessionError = undefined;
    const answer = await this.call.run((signal) => adapter.getSession({}, { signal }));
    const error = this.call.error;
    if (error) {
      this.sessionError = error;
      emit(this, 'pforte-error', { code: error.code });
      return;
    }
    if (!answer) return;
    const session = answer.session;
    // A guest (access by TAN) has no account to manage; the backend answers every section's call for the session's own product.
    this.session = session && !session.guest ? session : null;
    for (const id of this.sections) void this.loadSection(id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = changed.has('config') || !this.hasUpdated;
    if (configChanged) this.applyConfig();
    if (configChanged || changed.has('locale')) this.applyLocale();
    // `resolvedConfig` is private, so PropertyValues<this> does not name it; it arrives once the config is validated.
    const validated = (changed as Map<PropertyKey, unknown>).has('resolvedConfig');
    if (changed.has('adapter') || changed.has('endpoint') || changed.has('clock') || validated) this.connectBackend();
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
      this.lang = locale;
      this.localeReady = true;
    });
  }

  private get activeLocale() {
    return resolveLocale(this.locale ?? this.resolvedConfig?.locale);
  }

  /** The `adapter` property, else an HTTP adapter for `endpoint` (created once per endpoint). */
  private get backend(): AccountBackend | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.endpointAdapter?.endpoint !== this.endpoint) {
      this.endpointAdapter = { endpoint: this.endpoint, adapter: createHttpAdapter({ baseUrl: this.endpoint, locale: () => this.activeLocale }) };
    }
    return this.endpointAdapter.adapter;
  }

  private connectBackend(): void {
    const backend = this.backend;
    const config = this.resolvedConfig;
    this.guarded = backend && config ? guardSignInAdapter(backend, { timeoutMs: config.requestTimeoutMs, clock: this.clock }) : undefined;
    this.session = undefined;
    if (this.guarded) void this.refresh();
  }

  /** The sections the product lists that the signed-in person may use, in the product's order. */
  private get sections(): AccountSectionId[] {
    const config = this.resolvedConfig;
    return config && this.session ? accountSectionsFor(config, this.session) : [];
  }

  /** Loads a section's code (once; again after a failure, by "Try again"), then its text in the active locale. */
  private async loadSection(id: AccountSectionId): Promise<void> {
    const status = this.sectionLoads[id];
    if (status === 'ready' || status === 'loading') return;
    this.sectionLoads = { ...this.sectionLoads, [id]: 'loading' };
    try {
      await accountSectionEntries[id].load();
      await messagesLoaded();
      this.sectionLoads = { ...this.sectionLoads, [id]: 'ready' };
    } catch {
      this.sectionLoads = { ...this.sectionLoads, [id]: 'failed' };
      emit(this, 'pforte-error', { code: 'network', section: id });
    }
  }

  override render() {
    if (this.configError) {
      return html`<div class="pf-alert pf-config-error" role="alert">
        <strong>${msg('The account area is not available: its configuration is invalid.', { id: 'account.configInvalid' })}</strong>
        <code>${this.configError.message}</code>
      </div>`;
    }
    if (this.validationFailed) return this.renderFailure(new PforteError('network'), () => this.applyConfig());
    if (!this.localeReady) return nothing;
    if (!this.backend) {
      return html`<div class="pf-alert" role="alert">${msg('The account area is not available: no backend is connected.', { id: 'account.noAdapter' })}</div>`;
    }
    if (this.sessionError) return this.renderFailure(this.sessionError, () => void this.refresh());
    if (!this.resolvedConfig || this.session === undefined) {
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`;
    }
    const heading = html`<h2 id=${this.headingId} tabindex="-1">${msg('Your account', { id: 'account.heading' })}</h2>`;
    if (this.session === null) {
      const signInUrl = safeUrl(this.resolvedConfig.signInUrl);
      return html`${heading}
        <p>${msg('Please sign in to see your account.', { id: 'account.signedOut' })}</p>
        ${signInUrl ? html`<p><a class="pf-button" href=${signInUrl}>${msg('Sign in', { id: 'common.signIn' })}</a></p>` : nothing}`;
    }
    const sections = this.sections;
    return html`${heading}
      <p class="pf-muted">${msg(str`Signed in as ${this.session.username}.`, { id: 'account.signedInAs' })}</p>
      ${sections.length === 0
        ? html`<p>${msg('There is nothing to manage here for your account.', { id: 'account.empty' })}</p>`
        : sections.map((id) => this.renderSection(id, this.session!))}`;
  }

  private renderSection(id: AccountSectionId, session: SessionInfo): TemplateResult {
    let headingId = this.sectionHeadingIds.get(id);
    if (!headingId) {
      headingId = uniqueId(`pforte-account-${id}`);
      this.sectionHeadingIds.set(id, headingId);
    }
    const status = this.sectionLoads[id];
    const template = status === 'ready' ? accountSectionTemplate(id) : undefined;
    const entry = accountSectionEntries[id];
    if (template && entry.headedByElement) {
      return html`<section class="pf-account-section" part="section" aria-label=${entry.heading()} data-section=${id}>
        ${template({ backend: this.backend!, session, config: this.resolvedConfig!, clock: this.clock, locale: this.activeLocale })}
      </section>`;
    }
    return html`<section class="pf-account-section" part="section" aria-labelledby=${headingId} data-section=${id}>
      <h3 id=${headingId}>${accountSectionEntries[id].heading()}</h3>
      ${template
        ? template({ backend: this.backend!, session, config: this.resolvedConfig!, clock: this.clock, locale: this.activeLocale })
        : status === 'failed'
          ? this.renderFailure(new PforteError('network'), () => void this.loadSection(id))
          : html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`}
    </section>`;
  }

  private renderFailure(error: PforteError, retry: () => void): TemplateResult {
    return html`<div class="pf-alert" role="alert">${renderAlert(error)}</div>
      ${renderActions({ pending: this.call.pending, primary: { label: msg('Try again', { id: 'common.retry' }), onClick: retry } })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-account': PforteAccount;
  }
}
