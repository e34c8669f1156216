import { html } from 'lit';
import '../../define/invitation-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `invitation` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('invitation', (step, context) => {
  const { adapter, flowId, config } = context;
  return html`<pforte-invitation-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      token=${context.invitationToken}
      product=${config.product}
      sign-in-url=${config.signInUrl ?? ''}
    ></pforte-invitation-step>`;
});
