import { html } from 'lit';
import '../../define/account-pin.js';
import { addAccountSection } from '../section-registry.js';

/** The `servicePin` section of `<pforte-account>`: its element, loaded with it. */
addAccountSection(
  'servicePin',
  (context) => html`<pforte-account-pin
    embedded
    .adapter=${context.backend}
    .clock=${context.clock}
    request-timeout=${context.config.requestTimeoutMs}
    product=${context.config.product}
  ></pforte-account-pin>`,
);
