import { html } from 'lit';
import '../../define/account-password.js';
import { addAccountSection } from '../section-registry.js';

/** The `password` section of `<pforte-account>`: its element, loaded with it. */
addAccountSection(
  'password',
  (context) => html`<pforte-account-password
    embedded
    .adapter=${context.backend}
    .clock=${context.clock}
    request-timeout=${context.config.requestTimeoutMs}
    .policy=${context.config.passwordPolicy}
  ></pforte-account-password>`,
);
