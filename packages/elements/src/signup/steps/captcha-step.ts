import { html } from 'lit';
import '../../define/captcha-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `captcha` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('captcha', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  return html`<pforte-captcha-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .captchaProvider=${context.captchaProvider}
      ?can-go-back=${canGoBack}
    ></pforte-captcha-step>`;
});
