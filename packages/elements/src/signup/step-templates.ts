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

/** Renders a step's element, wired to the flow (see {@link renderStepElement}). */
export type StepTemplate<Id extends StepId> = (step: Extract<ResolvedStep, { id: Id }>, context: StepContext) => TemplateResult;

const templates: { [Id in StepId]?: StepTemplate<Id> } = {
  credentials: (_step, context) => {
    const { adapter, flowId, flow, config, canGoBack } = context;
    const known = knownValues(flow, config.username.kind);
    return html`<pforte-credentials-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      username-kind=${config.username.kind}
      .policy=${config.passwordPolicy}
      .username=${stepValues<{ username?: string }>(flow, 'credentials')?.username ??
      (config.username.kind === 'email' ? (known.email ?? '') : '')}
      ?can-go-back=${canGoBack}
    ></pforte-credentials-step>`;
  },
  done: (_step, context) => {
    const { flow, config } = context;
    return html`<pforte-done-step
      data-pforte-step
      product=${config.product}
      username=${context.completeResult?.username ?? ''}
      sign-in-url=${config.signInUrl ?? ''}
      .organization=${context.completeResult?.organization ??
      stepValues<{ organization?: DoneOrganization }>(flow, 'organization')?.organization}
    ></pforte-done-step>`;
  },
};

/** Adds the template of a step whose code loads on demand (src/signup/steps/). */
export function addStepTemplate<Id extends StepId>(id: Id, template: StepTemplate<Id>): void {
  (templates as Record<StepId, unknown>)[id] = template;
}

/**
 * The element for `step`, wired to the flow: the adapter, the step's options
 * from the config, and what earlier steps learned (prefill). Every element
 * carries `data-pforte-step` so the host can focus its heading. A step that
 * loads on demand has its template once its code is there.
 */
export function renderStepElement(step: ResolvedStep, context: StepContext): TemplateResult | undefined {
  return (templates[step.id] as StepTemplate<StepId> | undefined)?.(step, context);
}
