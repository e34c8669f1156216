import { html } from 'lit';
import { stepValues } from '@pforte/core';
import type { SecondFactorMethod, StepId } from '@pforte/core';
import '../../define/second-factor-choice-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `secondFactorChoice` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('secondFactorChoice', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  const stored = <T>(id: StepId) => stepValues<T>(context.flow, id);
  return html`<pforte-second-factor-choice-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .choices=${step.choices}
      preselected=${stored<{ method?: SecondFactorMethod }>('secondFactorChoice')?.method ?? step.preselected}
      ?can-go-back=${canGoBack}
    ></pforte-second-factor-choice-step>`;
});
