import { html } from 'lit';
import '../../define/organization-admin.js';
import { addAccountSection } from '../section-registry.js';

/** The `organization` section of `<pforte-account>`: its element, loaded with it. */
addAccountSection(
  'organization',
  (context) => html`<pforte-organization-admin
    .adapter=${context.backend}
    .session=${context.session}
    .clock=${context.clock}
    product=${context.config.id ?? ''}
    locale=${context.locale}
    request-timeout-ms=${context.config.requestTimeoutMs}
    set-password-url=${context.config.signIn?.forgotPasswordUrl ?? ''}
  ></pforte-organization-admin>`,
);
