import { html } from 'lit';
import '../../define/pin-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `pin` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('pin', (step, context) => {
  const { adapter, flowId, config, clock, canGoBack } = context;
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
});
