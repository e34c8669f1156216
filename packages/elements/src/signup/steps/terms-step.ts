import { html } from 'lit';
import { stepValues } from '@pforte/core';
import type { StepId } from '@pforte/core';
import '../../define/terms-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `terms` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('terms', (step, context) => {
  const { adapter, flowId, clock, canGoBack } = context;
  const stored = <T>(id: StepId) => stepValues<T>(context.flow, id);
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
});
