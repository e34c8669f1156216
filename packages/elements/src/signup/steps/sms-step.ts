import { html } from 'lit';
import { stepValues } from '@pforte/core';
import type { StepId } from '@pforte/core';
import { knownValues } from '../known-values.js';
import '../../define/sms-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `sms` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('sms', (step, context) => {
  const { adapter, flowId, clock, canGoBack } = context;
  const known = knownValues(context.flow, context.config.username.kind);
  const stored = <T>(id: StepId) => stepValues<T>(context.flow, id);
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
});
