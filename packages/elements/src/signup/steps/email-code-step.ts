import { html } from 'lit';
import { knownValues } from '../known-values.js';
import '../../define/email-code-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `emailCode` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('emailCode', (step, context) => {
  const { adapter, flowId, clock, canGoBack } = context;
  const known = knownValues(context.flow, context.config.username.kind);
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
});
