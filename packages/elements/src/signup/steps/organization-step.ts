import { html } from 'lit';
import '../../define/organization-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `organization` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('organization', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  return html`<pforte-organization-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .modes=${step.modes}
      max-members=${step.maxMembers}
      ?can-go-back=${canGoBack}
    ></pforte-organization-step>`;
});
