import { html } from 'lit';
import { stepValues } from '@pforte/core';
import type { StepId } from '@pforte/core';
import '../../define/visibility-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `visibility` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('visibility', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  const stored = <T>(id: StepId) => stepValues<T>(context.flow, id);
  return html`<pforte-visibility-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      ?visible=${stored<{ visible?: boolean }>('visibility')?.visible ?? false}
      ?can-go-back=${canGoBack}
    ></pforte-visibility-step>`;
});
