import { html } from 'lit';
import { knownValues } from '../known-values.js';
import '../../define/profile-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `profile` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('profile', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  const known = knownValues(context.flow, context.config.username.kind);
  return html`<pforte-profile-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .fields=${step.fields}
      default-country=${step.defaultCountry}
      .values=${known.profile}
      ?can-go-back=${canGoBack}
    ></pforte-profile-step>`;
});
