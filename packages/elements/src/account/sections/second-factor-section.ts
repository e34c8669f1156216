import { html } from 'lit';
import '../../define/account-second-factor.js';
import { addAccountSection } from '../section-registry.js';

/** The `secondFactor` section of `<pforte-account>`: its element, loaded with it. */
addAccountSection(
  'secondFactor',
  (context) => html`<pforte-account-second-factor
    embedded
    .adapter=${context.backend}
    .clock=${context.clock}
    request-timeout=${context.config.requestTimeoutMs}
  ></pforte-account-second-factor>`,
);
