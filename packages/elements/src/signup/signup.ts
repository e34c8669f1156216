import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  advance,
  canGoBack,
  createFlowState,
  createHttpAdapter,
  currentStep,
  goBack,
  guardAdapter,
  safeParseConfig,
  skip,
  stepValues,
} from '@pforte/core';
import { PforteError, systemClock } from '@pforte/core';
import type {
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
import { resolveLocale, setLocale, setStringOverrides } from '../localization/localization.js';
import { renderAlert } from '../localization/error-messages.js';
import { emit } from '../events.js';
import type { PforteStepDoneDetail } from '../events.js';
import { signupStyles } from './signup.styles.js';
import { lazyStepLoaders } from './step-loaders.js';
import '../define/credentials-step.js';
import '../define/done-step.js';
import type { PforteSmsStep } from '../sms-step/sms-step.js';

/**
 * @summary The registration flow: renders the configured steps in order
 * against a backend adapter, keeps what was entered across steps, and moves
 * focus to each new step's heading.
 *
 * @event pforte-step-change - A step is shown; `detail: {step, index, total}`.
 * @event pforte-complete - The registration finished; `detail` is the adapter's result (no secrets).
 * @event pforte-error - A step failed or the config is invalid; `detail.code` (and `detail.path` for configs).
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

  /** The backend. `createMemoryAdapter()` gives a complete in-browser one for demos and tests. */
  @property({ attribute: false }) adapter: PforteAdapter | undefined;

  /** `de` or `en`. Without it: the config's locale, `<html lang>`, the browser, English. */
  @property() locale: string | undefined;

  /** Base URL of a backend speaking the Pforte HTTP contract; used when no `adapter` is set. */
  @property() endpoint: string | undefined;

  /** Time source of countdowns and dates; tests and docs inject a manual clock. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private resolvedConfig: PforteConfig | undefined;
  @state() private configError: ConfigError | undefined;
  @state() private flow: FlowState | undefined;
  @state() private flowId = '';
  @state() private completeResult: CompleteResult | undefined;
  @state() private localeReady = false;
  /** Lazily loaded steps whose elements are defined, and those whose code failed to load. */
  @state() private loadedSteps: ReadonlySet<StepId> = new Set();
  @state() private failedSteps: ReadonlySet<StepId> = new Set();

  private guardedAdapter: PforteAdapter | undefined;
  private endpointAdapter: { endpoint: string; adapter: PforteAdapter } | undefined;
  private readonly startCall = new AdapterCallController(this);
  private readonly completeCall = new AdapterCallController(this);
  private shownStepIndex: number | undefined;
  /** The SMS step's resend deadline, kept while the person visits other steps. */
  private smsResendDeadline: number | undefined;
  /** The number typed into the SMS step, kept when going back before a code was verified. */
  private smsDraftPhone = '';

  constructor() {
    super();
    new DocumentLangController(this, () => this.applyLocale());
    this.addEventListener('pforte-step-done', (event) => this.onStepDone(event.detail));
    this.addEventListener('pforte-step-back', () => this.onStepBack());
    this.addEventListener('pforte-step-skip', () => void this.onStepSkip());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Without a config the defaults apply, so the first update parses too.
    const configChanged = changed.has('config') || !this.hasUpdated;
    if (configChanged) this.applyConfig();
    if (configChanged || changed.has('locale')) this.applyLocale();
    const backend = this.backend;
    const backendChanged = changed.has('adapter') || changed.has('endpoint') || changed.has('clock');
    if ((backendChanged || configChanged) && this.resolvedConfig && backend) {
      this.guardedAdapter = guardAdapter(backend, { timeoutMs: this.resolvedConfig.requestTimeoutMs, clock: this.clock });
      if (!this.flowId) void this.start();
    }
  }

  protected override async updated(): Promise<void> {
    const index = this.flow?.index;
    const stepElement = this.querySelector<PforteStepElement>('[data-pforte-step]');
    if (index === undefined || index === this.shownStepIndex || !stepElement) return;
    const isFirstShown = this.shownStepIndex === undefined;
    this.shownStepIndex = index;
    emit(this, 'pforte-step-change', { step: stepElement.step, index, total: this.flow!.steps.length });
    // Focus follows the flow only once the person is in it, not on page load.
    if (isFirstShown) return;
    await stepElement.updateComplete;
    stepElement.focusHeading();
  }

  private applyConfig(): void {
    const result = safeParseConfig(this.config ?? {});
    if (result.ok) {
      this.resolvedConfig = result.config;
      this.configError = undefined;
      this.flow = createFlowState(result.config.steps);
      setStringOverrides(result.config.strings);
      for (const step of result.config.steps) void this.loadStep(step.id);
      return;
    }
    this.resolvedConfig = undefined;
    this.flow = undefined;
    this.configError = result.error;
    console.error(`[pforte] Invalid configuration: ${result.error.message}`);
    emit(this, 'pforte-error', { code: 'config.invalid', path: result.error.path });
  }

  private async loadStep(id: StepId): Promise<void> {
    const load = lazyStepLoaders[id];
    if (!load || this.loadedSteps.has(id)) return;
    try {
      await load();
      this.loadedSteps = new Set([...this.loadedSteps, id]);
      this.failedSteps = new Set([...this.failedSteps].filter((failed) => failed !== id));
    } catch {
      this.failedSteps = new Set([...this.failedSteps, id]);
    }
  }

  private applyLocale(): void {
    const locale = resolveLocale(this.locale ?? this.resolvedConfig?.locale);
    void setLocale(locale).then(() => {
      this.lang = locale;
      this.localeReady = true;
    });
  }

  private async start(): Promise<void> {
    const adapter = this.guardedAdapter;
    if (!adapter || !this.resolvedConfig) return;
    const product = this.resolvedConfig.product;
    const started = await this.startCall.run((signal) =>
      adapter.startRegistration({ locale: resolveLocale(this.locale ?? this.resolvedConfig?.locale), product }, { signal }),
    );
    if (started) this.flowId = started.flowId;
    else if (this.startCall.error) emit(this, 'pforte-error', { code: this.startCall.error.code });
  }

  private onStepDone(detail: PforteStepDoneDetail): void {
    if (!this.flow || currentStep(this.flow).id !== detail.step) return;
    this.rememberSmsState();
    this.flow = advance(this.flow, detail.values);
    if (currentStep(this.flow).id === 'done') void this.complete();
  }

  private onStepBack(): void {
    if (!this.flow || !this.canGoBackFromCurrent()) return;
    this.rememberSmsState();
    this.flow = goBack(this.flow);
  }

  /** The SMS step is re-created when shown again; its throttle and typed number must survive that. */
  private rememberSmsState(): void {
    const smsStep = this.querySelector<PforteSmsStep>('pforte-sms-step');
    if (!smsStep) return;
    this.smsResendDeadline = smsStep.resendDeadline;
    this.smsDraftPhone = smsStep.phone;
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
    this.rememberSmsState();
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

  /** The account exists once credentials are accepted, so the flow never returns to them. */
  private canGoBackFromCurrent(): boolean {
    const flow = this.flow;
    if (!flow || !canGoBack(flow)) return false;
    return flow.steps[flow.index - 1]?.id !== 'credentials';
  }

  /** The `adapter` property, else an HTTP adapter for `endpoint` (created once per endpoint). */
  private get backend(): PforteAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (!this.endpoint) return undefined;
    if (this.endpointAdapter?.endpoint !== this.endpoint) {
      const adapter = createHttpAdapter({
        baseUrl: this.endpoint,
        locale: () => resolveLocale(this.locale ?? this.resolvedConfig?.locale),
      });
      this.endpointAdapter = { endpoint: this.endpoint, adapter };
    }
    return this.endpointAdapter.adapter;
  }

  override render() {
    if (this.configError) return this.renderConfigError(this.configError);
    if (!this.localeReady) return nothing;
    if (!this.backend) {
      return html`<div class="pf-alert" role="alert">
        ${msg('This registration cannot start: no backend is connected.', { id: 'signup.noAdapter' })}
      </div>`;
    }
    if (!this.flowId) return this.renderStart();
    const flow = this.flow!;
    const step = currentStep(flow);
    const countedSteps = flow.steps.filter((candidate) => candidate.id !== 'done').length;
    return html`
      ${step.id === 'done'
        ? nothing
        : html`<p class="pf-progress">
            ${msg(str`Step ${flow.index + 1} of ${countedSteps}`, { id: 'signup.progress' })}
          </p>`}
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
    const flow = this.flow!;
    const config = this.resolvedConfig!;
    const back = this.canGoBackFromCurrent();
    switch (step.id) {
      case 'credentials':
        return html`<pforte-credentials-step
          data-pforte-step
          .adapter=${this.guardedAdapter}
          flow-id=${this.flowId}
          username-kind=${config.username.kind}
          .policy=${config.passwordPolicy}
          .username=${stepValues<{ username?: string }>(flow, 'credentials')?.username ?? ''}
        ></pforte-credentials-step>`;
      case 'pin':
        return html`<pforte-pin-step
          data-pforte-step
          .adapter=${this.guardedAdapter}
          flow-id=${this.flowId}
          mode=${step.mode}
          length=${step.length}
          product=${config.product}
          .clock=${this.clock}
          ?can-go-back=${back}
        ></pforte-pin-step>`;
      case 'sms':
        return html`<pforte-sms-step
          data-pforte-step
          .adapter=${this.guardedAdapter}
          flow-id=${this.flowId}
          code-length=${step.codeLength}
          resend-seconds=${step.resendSeconds}
          default-country=${step.defaultCountry}
          .mobileOnly=${step.mobileOnly}
          ?optional=${step.optional}
          .clock=${this.clock}
          .phone=${stepValues<{ phone?: string }>(flow, 'sms')?.phone ?? this.smsDraftPhone}
          .resendDeadline=${this.smsResendDeadline}
          ?can-go-back=${back}
        ></pforte-sms-step>`;
      case 'visibility':
        return html`<pforte-visibility-step
          data-pforte-step
          .adapter=${this.guardedAdapter}
          flow-id=${this.flowId}
          ?visible=${stepValues<{ visible?: boolean }>(flow, 'visibility')?.visible ?? false}
          ?can-go-back=${back}
        ></pforte-visibility-step>`;
      case 'done':
        return this.renderDone();
    }
  }

  private renderDone() {
    if (this.completeResult) {
      return html`<pforte-done-step
        data-pforte-step
        product=${this.resolvedConfig!.product}
        username=${this.completeResult.username}
      ></pforte-done-step>`;
    }
    const error = this.completeCall.error;
    if (!error) return html`<p role="status" aria-busy="true">${msg('Finishing your registration…', { id: 'signup.finishing' })}</p>`;
    return this.renderFailure(error, () => void this.complete());
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
