import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  activeSteps,
  advance,
  canGoBack,
  createFlowState,
  createHttpAdapter,
  currentStep,
  draftConfig,
  flowProgress,
  goBack,
  guardAdapter,
  loadValidation,
  skip,
} from '@pforte/core';
import { PforteError, systemClock } from '@pforte/core';
import type {
  CallOptions,
  Clock,
  CompleteResult,
  ConfigError,
  FlowState,
  PforteAdapter,
  PforteConfig,
  PforteConfigInput,
  ResolvedStep,
  StepId,
} from '@pforte/core';
import { PforteElement } from '../internal/pforte-element.js';
import type { PforteStepElement } from '../internal/step-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { DocumentLangController } from '../controllers/document-lang-controller.js';
import { applyLanguage, messagesLoaded, resolveLocale, setLocale, setLocaleForFirstStep, setStringOverrides } from '../localization/localization.js';
import { renderAlert } from '../localization/error-messages.js';
import { emit } from '../events.js';
import type { PforteStepDoneDetail } from '../events.js';
import { signupStyles } from './signup.styles.js';
import { EmailLinkController, productParameter } from '../controllers/email-link-controller.js';
import { EmailConfirmationChannel } from '../controllers/email-confirmation-channel.js';
import type { EmailConfirmationMessage } from '../controllers/email-confirmation-channel.js';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import { lazyStepLoaders } from './step-loaders.js';
import { renderStepElement } from './step-templates.js';
import '../define/credentials-step.js';
import '../define/done-step.js';

/** Steps the flow never returns to: their effect on the server is final. */
const finalSteps: ReadonlySet<StepId> = new Set(['invitation', 'customerLookup', 'captcha', 'credentials', 'emailVerification']);

/**
 * @summary The registration flow: renders the configured steps in order
 * against a backend adapter, keeps what was entered across steps, and moves
 * focus to each new step's heading.
 *
 * @event {CustomEvent<PforteStepChangeDetail>} pforte-step-change - A step is shown; `detail: {step, index, position, total}`: `position` of `total` as the step indicator counts them (done not counted), `index` in the configured step list.
 * @event {CustomEvent<PforteCompleteDetail>} pforte-complete - The registration finished; `detail` is the adapter's result (no secrets).
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A step failed or the config is invalid; `detail.code` (and `detail.path` for configs).
 *
 * @cssproperty --pforte-color-primary - Buttons, links and focus rings.
 * @cssproperty --pforte-color-text - Body text.
 * @cssproperty --pforte-color-muted - Secondary text.
 * @cssproperty --pforte-color-surface - Background.
 * @cssproperty --pforte-color-border - Field and card borders.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-color-success - Met rules and success marks.
 * @cssproperty --pforte-radius - Corner radius.
 * @cssproperty --pforte-space - Base spacing.
 * @cssproperty --pforte-font-family - Font.
 * @cssproperty --pforte-max-width - Widest the widget grows.
 */
export class PforteSignup extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, signupStyles];

  /**
   * The product configuration: an object (property) or JSON (attribute).
   * An invalid one renders an error naming the path, never a blank widget.
   */
  @property({
    converter: { fromAttribute: (value: string | null) => value ?? undefined },
  })
  config: PforteConfigInput | string | undefined;

  /** The backend. `createMemoryAdapter()` (`@pforte/core/memory`) gives a complete in-browser one for demos and tests. */
  @property({ attribute: false }) adapter: PforteAdapter | undefined;

  /** A language Pforte speaks (`de`, `en`, `tr`, `ar`, `uk`, `ru`, `pl`, `fr`, `it`, `es`; a regional tag such as `de-AT` matches its language). Without it: the config's locale, `<html lang>`, the browser, English. */
  @property() locale: string | undefined;

  /** Base URL of a backend speaking the Pforte HTTP contract; used when no `adapter` is set. */
  @property() endpoint: string | undefined;

  /** Time source of countdowns and dates; tests and docs inject a manual clock. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The registration link's token for an `invitation` step; without it, `?token=` of the page URL. */
  @property() invitation: string | undefined;

  /** Renders captcha challenges; the built-in test provider when unset. */
  @property({ attribute: false }) captchaProvider: CaptchaProvider | undefined;

  @state() private resolvedConfig: PforteConfig | undefined;
  @state() private configError: ConfigError | undefined;
  @state() private flow: FlowState | undefined;
  @state() private flowId = '';
  @state() private completeResult: CompleteResult | undefined;
  @state() private localeReady = false;
  /** Lazily loaded steps whose elements are defined, and those whose code failed to load. */
  @state() private loadedSteps: ReadonlySet<StepId> = new Set();
  @state() private failedSteps: ReadonlySet<StepId> = new Set();
  /** The config's validation could not be loaded (offline). */
  @state() private validationFailed = false;

  private guardedAdapter: PforteAdapter | undefined;
  /** Resolves once the current config passed the full validation; never for an invalid one. */
  private configValidated: Promise<void> = Promise.resolve();
  /** The validation of the current config; an answer for an older config is ignored. */
  private configValidation: Promise<unknown> | undefined;
  private markFlowStarted: () => void = () => {};
  /** Resolves once the backend opened the flow (`flowId` is known). */
  private readonly flowStarted = new Promise<void>((resolve) => (this.markFlowStarted = resolve));
  private endpointAdapter: { endpoint: string; adapter: PforteAdapter } | undefined;
  private readonly startCall = new AdapterCallController(this);
  private readonly completeCall = new AdapterCallController(this);
  private shownStepIndex: number | undefined;
  /** Resend deadlines of the code steps, kept while the person visits other steps. */
  private resendDeadlines: Partial<Record<StepId, number>> = {};
  /** The number typed into the SMS step, kept when going back before a code was verified. */
  private smsDraftPhone = '';
  /** An e-mail confirmation token from the URL that arrived before a flow existed. */
  private pendingEmailToken: string | undefined;
  /** This tab opened a confirmation link, and the tab where the flow started went on with it. */
  @state() private continuedElsewhere = false;
  /** This tab opened a confirmation link of another product's registration than its config's. */
  @state() private foreignLink = false;
  private readonly confirmations = new EmailConfirmationChannel(this, (message) => this.onConfirmationMessage(message));

  constructor() {
    super();
    new DocumentLangController(this, () => this.applyLocale());
    new EmailLinkController(this, (token) => this.onEmailToken(token));
    this.addEventListener('pforte-step-done', (event) => this.onStepDone(event.detail));
    this.addEventListener('pforte-step-back', () => this.onStepBack());
    this.addEventListener('pforte-step-skip', () => void this.onStepSkip());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Without a config the defaults apply, so the first update parses too.
    const configChanged = changed.has('config') || !this.hasUpdated;
    if (configChanged) this.applyConfig();
    if (configChanged || changed.has('locale')) this.applyLocale();
    // `flow` is private, so PropertyValues<this> does not name it.
    if ((changed as Map<PropertyKey, unknown>).has('flow')) this.loadUpcomingSteps();
    const backend = this.backend;
    const backendChanged = changed.has('adapter') || changed.has('endpoint') || changed.has('clock');
    // Without a draft (a config that is no object yet) the backend is connected once the validated config arrives.
    if ((backendChanged || configChanged || !this.guardedAdapter) && this.resolvedConfig && backend) {
      this.guardedAdapter = this.gated(guardAdapter(backend, { timeoutMs: this.resolvedConfig.requestTimeoutMs, clock: this.clock }));
      if (!this.flowId) void (this.pendingEmailToken ? this.resume(this.pendingEmailToken) : this.start());
    }
  }

  protected override async updated(): Promise<void> {
    const index = this.flow?.index;
    const stepElement = this.querySelector<PforteStepElement>('[data-pforte-step]');
    if (index === undefined || index === this.shownStepIndex || !stepElement) return;
    const isFirstShown = this.shownStepIndex === undefined;
    this.shownStepIndex = index;
    // The same numbers as the step indicator ("Step 2 of 5"), so a page's own indicator agrees with the widget's.
    const { position, total } = flowProgress(this.flow!);
    emit(this, 'pforte-step-change', { step: stepElement.step, index, position, total });
    // Focus follows the flow only once the person is in it, not on page load.
    if (isFirstShown) return;
    await stepElement.updateComplete;
    stepElement.focusHeading();
  }

  /**
   * Renders the first step from a draft of the config (read without the
   * schema, so the first step need not wait for zod) while the full validation
   * loads; every call after the start waits for it (see {@link gated}). An
   * invalid config then replaces the step with the error naming its path
   * before anything the person entered is sent.
   */
  private applyConfig(): void {
    const input = this.config ?? {};
    const draft = draftConfig(input);
    this.resolvedConfig = draft;
    this.configError = undefined;
    this.validationFailed = false;
    this.flow = draft ? createFlowState(draft.steps) : undefined;
    if (draft) setStringOverrides(draft.strings);
    let passed: () => void = () => {};
    this.configValidated = new Promise((resolve) => (passed = resolve));
    const validation = loadValidation().then((validation) => validation.safeParseConfig(input));
    this.configValidation = validation;
    validation.then(
      (result) => {
        if (this.configValidation !== validation) return;
        if (!result.ok) {
          this.rejectConfig(result.error);
          return;
        }
        this.resolvedConfig = result.config;
        // Nothing was submitted yet, so the flow is still at its start: it now holds the steps' resolved options.
        this.flow = createFlowState(result.config.steps);
        setStringOverrides(result.config.strings);
        passed();
      },
      () => {
        if (this.configValidation === validation) this.validationFailed = true;
      },
    );
  }

  private rejectConfig(error: ConfigError): void {
    this.resolvedConfig = undefined;
    this.flow = undefined;
    this.configError = error;
    console.error(`[pforte] Invalid configuration: ${error.message}`);
    emit(this, 'pforte-error', { code: 'config.invalid', path: error.path });
  }

  /**
   * The adapter the steps get: every call but the start waits until the
   * config passed its validation, and never goes out for an invalid one. The
   * first step shows while the flow starts, so a call about the flow also
   * waits for it, and goes out with its id.
   */
  private gated(adapter: PforteAdapter): PforteAdapter {
    const gated: Record<string, unknown> = {};
    for (const method of Object.keys(adapter) as (keyof PforteAdapter)[]) {
      const call = (adapter[method] as (input: object, options?: CallOptions) => Promise<unknown>).bind(adapter);
      gated[method] =
        method === 'startRegistration'
          ? call
          : async (input: object, options?: CallOptions) => {
              await this.configValidated;
              if (!('flowId' in input)) return call(input, options);
              await this.flowStarted;
              return call({ ...input, flowId: this.flowId }, options);
            };
    }
    return gated as unknown as PforteAdapter;
  }

  /**
   * Loads the code of the current step and of the one after it, so the next
   * step is there before the person finishes this one, while the steps
   * further on do not compete with it for a slow connection. Where a choice
   * routes the flow, every step it may lead to is fetched. Steps the flow never
   * reaches are never fetched.
   */
  private loadUpcomingSteps(): void {
    const flow = this.flow;
    if (!flow) return;
    const shown = activeSteps(flow);
    const current = currentStep(flow);
    const at = shown.indexOf(current);
    const upcoming = current.id === 'secondFactorChoice' ? flow.steps.slice(flow.index) : shown.slice(at, at + 2);
    for (const step of upcoming) void this.loadStep(step.id);
  }

  private async loadStep(id: StepId): Promise<void> {
    const load = lazyStepLoaders[id];
    if (!load || this.loadedSteps.has(id)) return;
    try {
      // The step's code, then the active locale's text of the messages it declared.
      await load();
      await messagesLoaded();
      this.loadedSteps = new Set([...this.loadedSteps, id]);
      this.failedSteps = new Set([...this.failedSteps].filter((failed) => failed !== id));
    } catch {
      this.failedSteps = new Set([...this.failedSteps, id]);
    }
  }

  private applyLocale(): void {
    const locale = this.activeLocale;
    // On the first step, the error sentences and the done step's text need not hold up the switch.
    const switchTo = (this.flow?.index ?? 0) === 0 ? setLocaleForFirstStep : setLocale;
    void switchTo(locale).then(() => {
      applyLanguage(this, locale);
      this.localeReady = true;
    });
  }

  private async start(): Promise<void> {
    const adapter = this.guardedAdapter;
    if (!adapter || !this.resolvedConfig) return;
    // The backend binds the flow to the product with this id and enforces its config.
    const product = this.resolvedConfig.id;
    const locale = this.activeLocale;
    const invitation = this.resolvedConfig.steps.some((step) => step.id === 'invitation') ? this.invitationToken : '';
    const started = await this.startCall.run((signal) =>
      adapter.startRegistration({ locale, ...(product ? { product } : {}), ...(invitation ? { invitation } : {}) }, { signal }),
    );
    if (started) {
      this.flowId = started.flowId;
      this.markFlowStarted();
    }
    else if (this.startCall.error) emit(this, 'pforte-error', { code: this.startCall.error.code });
  }

  /** The locale this widget renders and asks the backend for. */
  private get activeLocale() {
    return resolveLocale(this.locale ?? this.resolvedConfig?.locale, this.resolvedConfig?.locales);
  }

  /** The token of the registration link: the `invitation` property, else `?token=` in the page URL. */
  private get invitationToken(): string {
    return this.invitation ?? new URLSearchParams(location.search).get('token') ?? '';
  }

  /**
   * A confirmation link was followed. In the tab that waits on the
   * verification step, that step confirms it; in a fresh tab the flow the
   * link belongs to is resumed after its verification step.
   */
  private onEmailToken(token: string): void {
    if (!this.flowId) {
      this.pendingEmailToken = token;
      if (this.guardedAdapter) void this.resume(token);
      return;
    }
    const step = this.querySelector<HTMLElement & { confirm?: (token: string) => Promise<boolean> }>(
      'pforte-email-verification-step',
    );
    void step?.confirm?.(token);
  }

  private async resume(token: string): Promise<void> {
    const adapter = this.guardedAdapter;
    const config = this.resolvedConfig;
    if (!adapter || !config) return;
    // The link names the product its registration belongs to; this page's config must be that product.
    const linkProduct = new URLSearchParams(location.search).get(productParameter);
    if (linkProduct && config.id && linkProduct !== config.id) {
      this.foreignLink = true;
      return;
    }
    const confirmed = await this.startCall.run((signal) => adapter.confirmEmail({ token }, { signal }));
    if (!confirmed) {
      if (this.startCall.error) emit(this, 'pforte-error', { code: this.startCall.error.code, step: 'emailVerification' });
      return;
    }
    this.pendingEmailToken = undefined;
    const done = new Set<StepId>([...confirmed.completedSteps, 'emailVerification']);
    let flow = createFlowState(config.steps);
    while (done.has(currentStep(flow).id) && currentStep(flow).id !== 'done') flow = advance(flow);
    this.flow = flow;
    this.flowId = confirmed.flowId;
    this.markFlowStarted();
    // The tab that waits on "check your inbox" may take it from here (it answers "continuing").
    this.confirmations.post({ kind: 'confirmed', flowId: confirmed.flowId });
    if (currentStep(flow).id === 'done') void this.complete();
  }

  private onConfirmationMessage(message: EmailConfirmationMessage): void {
    if (!this.flow || message.flowId !== this.flowId) return;
    if (message.kind === 'continuing') {
      this.continuedElsewhere = true;
      return;
    }
    if (currentStep(this.flow).id !== 'emailVerification') return;
    this.confirmations.post({ kind: 'continuing', flowId: this.flowId });
    this.onStepDone({ step: 'emailVerification', values: { emailVerified: true } });
  }

  private onStepDone(detail: PforteStepDoneDetail): void {
    if (!this.flow || currentStep(this.flow).id !== detail.step) return;
    this.rememberStepState();
    this.flow = advance(this.flow, detail.values);
    if (currentStep(this.flow).id === 'done') void this.complete();
  }

  private onStepBack(): void {
    if (!this.flow || !this.canGoBackFromCurrent()) return;
    this.rememberStepState();
    this.flow = goBack(this.flow);
  }

  /** Steps are re-created when shown again; a code step's throttle and a typed number must survive that. */
  private rememberStepState(): void {
    const stepElement = this.querySelector<PforteStepElement & { resendDeadline?: number; phone?: string }>(
      '[data-pforte-step]',
    );
    if (!stepElement) return;
    if (stepElement.resendDeadline !== undefined) {
      this.resendDeadlines = { ...this.resendDeadlines, [stepElement.step]: stepElement.resendDeadline };
    }
    if (stepElement.step === 'sms') this.smsDraftPhone = stepElement.phone ?? '';
  }

  private async onStepSkip(): Promise<void> {
    const flow = this.flow;
    const adapter = this.guardedAdapter;
    if (!flow || !adapter || !currentStep(flow).optional) return;
    const step = currentStep(flow).id;
    await this.completeCall.run((signal) => adapter.skipStep({ flowId: this.flowId, step }, { signal }));
    if (this.completeCall.error) {
      emit(this, 'pforte-error', { code: this.completeCall.error.code, step });
      return;
    }
    this.rememberStepState();
    this.flow = skip(flow);
    if (currentStep(this.flow).id === 'done') void this.complete();
  }

  private async complete(): Promise<void> {
    const adapter = this.guardedAdapter;
    if (!adapter) return;
    const result = await this.completeCall.run((signal) => adapter.complete({ flowId: this.flowId }, { signal }));
    if (result) {
      this.completeResult = result;
      emit(this, 'pforte-complete', result);
    } else if (this.completeCall.error) {
      emit(this, 'pforte-error', { code: this.completeCall.error.code, step: 'done' });
    }
  }

  /**
   * Back goes to the previous step shown, except to steps whose work is done
   * for good on the server: the account exists once credentials are
   * accepted, a link is spent once opened, a lookup or captcha once passed.
   */
  private canGoBackFromCurrent(): boolean {
    const flow = this.flow;
    if (!flow || !canGoBack(flow)) return false;
    const shown = activeSteps(flow);
    const previous = shown[shown.indexOf(currentStep(flow)) - 1];
    return previous !== undefined && !finalSteps.has(previous.id);
  }

  /** The `adapter` property, else an HTTP adapter for `endpoint` (created once per endpoint). */
  private get backend(): PforteAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.endpointAdapter?.endpoint !== this.endpoint) {
      const adapter = createHttpAdapter({
        baseUrl: this.endpoint,
        locale: () => this.activeLocale,
      });
      this.endpointAdapter = { endpoint: this.endpoint, adapter };
    }
    return this.endpointAdapter.adapter;
  }

  override render() {
    if (this.configError) return this.renderConfigError(this.configError);
    if (this.validationFailed) return this.renderFailure(new PforteError('network'), () => this.applyConfig());
    if (!this.localeReady) return nothing;
    if (!this.backend) {
      return html`<div class="pf-alert" role="alert">
        ${msg('This registration cannot start: no backend is connected.', { id: 'signup.noAdapter' })}
      </div>`;
    }
    if (this.foreignLink) {
      return html`<div class="pf-alert" role="alert">
        ${msg('This confirmation link belongs to a registration for another product. Please open it on the page where you registered.', {
          id: 'signup.link.otherProduct',
        })}
      </div>`;
    }
    if (this.continuedElsewhere) {
      return html`<h2 tabindex="-1">${msg('E-mail address confirmed', { id: 'signup.confirmedElsewhere.heading' })}</h2>
        <p role="status">
          ${msg('Your registration continues in the tab where you started it. You can close this tab.', {
            id: 'signup.confirmedElsewhere',
          })}
        </p>`;
    }
    // The first step shows while the flow starts (its calls wait for it, see gated); a link's flow resumes first.
    if (!this.flowId && (this.startCall.error || this.pendingEmailToken || !this.flow || this.flow.index !== 0)) return this.renderStart();
    const flow = this.flow!;
    const step = currentStep(flow);
    const { position, total } = flowProgress(flow);
    return html`
      ${step.id === 'done'
        ? nothing
        : html`<p class="pf-progress">${msg(str`Step ${position} of ${total}`, { id: 'signup.progress' })}</p>`}
      ${this.renderStep(step)}
    `;
  }

  private renderConfigError(error: ConfigError) {
    return html`<div class="pf-alert pf-config-error" role="alert">
      <strong>${msg('This registration cannot start: its configuration is invalid.', { id: 'signup.configInvalid' })}</strong>
      <code>${error.message}</code>
    </div>`;
  }

  private renderStart() {
    const error = this.startCall.error;
    if (!error) {
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`;
    }
    return this.renderFailure(error, () => void this.start());
  }

  private renderStep(step: ResolvedStep) {
    if (lazyStepLoaders[step.id] && !this.loadedSteps.has(step.id)) {
      if (this.failedSteps.has(step.id)) {
        return this.renderFailure(new PforteError('network'), () => void this.loadStep(step.id));
      }
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`;
    }
    if (step.id === 'done' && !this.completeResult) {
      const error = this.completeCall.error;
      if (!error) {
        return html`<p role="status" aria-busy="true">${msg('Finishing your registration…', { id: 'signup.finishing' })}</p>`;
      }
      return this.renderFailure(error, () => void this.complete());
    }
    return (
      renderStepElement(step, {
        adapter: this.guardedAdapter,
        flowId: this.flowId,
        flow: this.flow!,
        config: this.resolvedConfig!,
        clock: this.clock,
        canGoBack: this.canGoBackFromCurrent(),
        invitationToken: this.invitationToken,
        captchaProvider: this.captchaProvider,
        resendDeadlines: this.resendDeadlines,
        smsDraftPhone: this.smsDraftPhone,
        completeResult: this.completeResult,
      }) ?? nothing
    );
  }

  private renderFailure(error: PforteError, retry: () => void) {
    return html`
      <div class="pf-alert" role="alert">${renderAlert(error)}</div>
      <p class="pf-actions">
        <button type="button" class="pf-primary" @click=${retry}>${msg('Try again', { id: 'common.retry' })}</button>
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-signup': PforteSignup;
  }
}
