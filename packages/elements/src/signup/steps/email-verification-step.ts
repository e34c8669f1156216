import { html } from 'lit';
import { knownValues } from '../known-values.js';
import '../../define/email-verification-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `emailVerification` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('emailVerification', (step, context) => {
  const { adapter, flowId, config, clock, canGoBack } = context;
  const known = knownValues(context.flow, context.config.username.kind);
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
});
