import { html } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { knownValues } from '../known-values.js';
import '../../define/profile-step.js';
import { addStepTemplate } from '../step-templates.js';

/** The `profile` step in `<pforte-signup>`: its element, loaded with it. */
addStepTemplate('profile', (step, context) => {
  const { adapter, flowId, canGoBack } = context;
  const known = knownValues(context.flow, context.config.username.kind);
  // Lit sets an object property on every render; the element keeps what the person types in `values`, so the
  // prefill goes in once per flow state, not again when the host re-renders (a locale switch, the next step's code).
  return html`<pforte-profile-step
      data-pforte-step
      .adapter=${adapter}
      flow-id=${flowId}
      .fields=${step.fields}
      default-country=${step.defaultCountry}
      .values=${guard([context.flow], () => known.profile)}
      ?can-go-back=${canGoBack}
    ></pforte-profile-step>`;
});
