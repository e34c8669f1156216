import { html } from 'lit';
import '../../define/account-visibility.js';
import { addAccountSection } from '../section-registry.js';

/** The `visibility` section of `<pforte-account>`: its element, loaded with it. */
addAccountSection(
  'visibility',
  (context) => html`<pforte-account-visibility
    .adapter=${context.backend}
    .clock=${context.clock}
    request-timeout=${context.config.requestTimeoutMs}
  ></pforte-account-visibility>`,
);
