import { html } from 'lit';
import '../../define/customer-lookup-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `customerLookup` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('customerLookup', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  return html`<pforte-customer-lookup-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .captcha=${step.captcha}
      .repeatEmail=${step.repeatEmail}
      .captchaProvider=${context.captchaProvider}
      ?can-go-back=${canGoBack}
    ></pforte-customer-lookup-step>`;
});
