import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { stepValues } from '@pforte/core';
import type {
  Clock,
  CompleteResult,
  FlowState,
  PforteAdapter,
  PforteConfig,
  ResolvedStep,
  SecondFactorMethod,
  StepId,
} from '@pforte/core';
import type { CaptchaProvider } from '../captcha/captcha-provider.js';
import type { DoneOrganization } from '../done-step/done-step.js';
import { knownValues } from './known-values.js';

/** What `<pforte-signup>` hands to the element of the current step. */
export interface StepContext {
  adapter: PforteAdapter | undefined;
  flowId: string;
  flow: FlowState;
  config: PforteConfig;
  clock: Clock;
  canGoBack: boolean;
  invitationToken: string;
  captchaProvider: CaptchaProvider | undefined;
  /** Resend deadlines of code steps, kept while the person visits other steps. */
  resendDeadlines: Partial<Record<StepId, number>>;
  /** The number typed into the SMS step before a code was verified. */
  smsDraftPhone: string;
  /** The adapter's answer to `complete`, for the done step. */
  completeResult: CompleteResult | undefined;
}

/**
 * The element for `step`, wired to the flow: the adapter, the step's options
 * from the config, and what earlier steps learned (prefill). Every element
 * carries `data-pforte-step` so the host can focus its heading.
 */
export function renderStepElement(step: ResolvedStep, context: StepContext): TemplateResult {
  const { adapter, flowId, flow, config, clock, canGoBack } = context;
  const known = knownValues(flow, config.username.kind);
  const stored = <T>(id: StepId) => stepValues<T>(flow, id);
  switch (step.id) {
    case 'invitation':
      return html`<pforte-invitation-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        token=${context.invitationToken}
        product=${config.product}
        sign-in-url=${config.signInUrl ?? ''}
      ></pforte-invitation-step>`;
    case 'customerLookup':
      return html`<pforte-customer-lookup-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        .captcha=${step.captcha}
        .repeatEmail=${step.repeatEmail}
        .captchaProvider=${context.captchaProvider}
        ?can-go-back=${canGoBack}
      ></pforte-customer-lookup-step>`;
    case 'captcha':
      return html`<pforte-captcha-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        .captchaProvider=${context.captchaProvider}
        ?can-go-back=${canGoBack}
      ></pforte-captcha-step>`;
    case 'credentials':
      return html`<pforte-credentials-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        username-kind=${config.username.kind}
        .policy=${config.passwordPolicy}
        .username=${stored<{ username?: string }>('credentials')?.username ??
        (config.username.kind === 'email' ? (known.email ?? '') : '')}
        ?can-go-back=${canGoBack}
      ></pforte-credentials-step>`;
    case 'profile':
      return html`<pforte-profile-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        .fields=${step.fields}
        default-country=${step.defaultCountry}
        .values=${known.profile}
        ?can-go-back=${canGoBack}
      ></pforte-profile-step>`;
    case 'terms':
      return html`<pforte-terms-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        terms-url=${step.termsUrl}
        privacy-url=${step.privacyUrl}
        .version=${step.version}
        .clock=${clock}
        ?accepted=${stored<{ accepted?: boolean }>('terms')?.accepted ?? false}
        ?can-go-back=${canGoBack}
      ></pforte-terms-step>`;
    case 'emailVerification':
      return html`<pforte-email-verification-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        email=${known.email ?? ''}
        product-id=${config.id ?? ''}
        resend-seconds=${step.resendSeconds}
        .clock=${clock}
        .resendDeadline=${context.resendDeadlines.emailVerification}
        ?sent=${context.resendDeadlines.emailVerification !== undefined}
        ?can-go-back=${canGoBack}
      ></pforte-email-verification-step>`;
    case 'organization':
      return html`<pforte-organization-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        .modes=${step.modes}
        max-members=${step.maxMembers}
        ?can-go-back=${canGoBack}
      ></pforte-organization-step>`;
    case 'secondFactorChoice':
      return html`<pforte-second-factor-choice-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        .choices=${step.choices}
        preselected=${stored<{ method?: SecondFactorMethod }>('secondFactorChoice')?.method ?? step.preselected}
        ?can-go-back=${canGoBack}
      ></pforte-second-factor-choice-step>`;
    case 'pin':
      return html`<pforte-pin-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        mode=${step.mode}
        length=${step.length}
        product=${config.product}
        .clock=${clock}
        ?can-go-back=${canGoBack}
      ></pforte-pin-step>`;
    case 'sms':
      return html`<pforte-sms-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        code-length=${step.codeLength}
        resend-seconds=${step.resendSeconds}
        default-country=${step.defaultCountry}
        .mobileOnly=${step.mobileOnly}
        ?optional=${step.optional}
        .clock=${clock}
        .phone=${stored<{ phone?: string }>('sms')?.phone ?? (context.smsDraftPhone || known.profile.mobile || '')}
        .resendDeadline=${context.resendDeadlines.sms}
        ?can-go-back=${canGoBack}
      ></pforte-sms-step>`;
    case 'emailCode':
      return html`<pforte-email-code-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        code-length=${step.codeLength}
        resend-seconds=${step.resendSeconds}
        ?optional=${step.optional}
        email=${known.email ?? ''}
        .clock=${clock}
        .resendDeadline=${context.resendDeadlines.emailCode}
        ?can-go-back=${canGoBack}
      ></pforte-email-code-step>`;
    case 'visibility':
      return html`<pforte-visibility-step
        data-pforte-step
        .adapter=${adapter}
        flow-id=${flowId}
        ?visible=${stored<{ visible?: boolean }>('visibility')?.visible ?? false}
        ?can-go-back=${canGoBack}
      ></pforte-visibility-step>`;
    case 'done':
      return html`<pforte-done-step
        data-pforte-step
        product=${config.product}
        username=${context.completeResult?.username ?? ''}
        sign-in-url=${config.signInUrl ?? ''}
        .organization=${context.completeResult?.organization ??
        stored<{ organization?: DoneOrganization }>('organization')?.organization}
      ></pforte-done-step>`;
  }
}
