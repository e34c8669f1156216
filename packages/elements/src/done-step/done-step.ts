import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { safeUrl } from '../internal/safe-url.js';
import { PforteStepElement } from '../internal/step-element.js';
import { doneStepStyles } from './done-step.styles.js';
import { isolated, useMessages } from '../localization/localization.js';

void useMessages('flow');

/** The practice (organization) the account joined or registered, as far as the done page needs it. */
export interface DoneOrganization {
  name: string;
  /** `pending`: a member of the practice must still approve the access. */
  status: 'member' | 'pending';
}

/**
 * @summary The closing page of a registration: the account is ready — or,
 * after joining a practice (`organization.status` `pending`), waits for a
 * member of the practice to approve the access.
 *
 * @cssproperty --pforte-color-success - Background of the check mark.
 * @cssproperty --pforte-space - Base spacing.
 * @cssproperty --pforte-color-surface - Background.
 */
export class PforteDoneStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, doneStepStyles];

  readonly step = 'done' as const;

  /** The product's name, e.g. "Videosprechstunde". */
  @property() product = '';

  /** The username the account was created with. */
  @property() username = '';

  /** The practice joined or registered (from the organization step); `status: 'pending'` shows the waiting state. */
  @property({ attribute: false }) organization: DoneOrganization | undefined;

  /** Where the person signs in with the new account: offered as the next action (http(s) only). */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  override render() {
    return html`
      <div class="pf-done-mark" aria-hidden="true">${this.organization?.status === 'pending' ? '…' : '✓'}</div>
      <h2 tabindex="-1">${msg('Registration complete', { id: 'done.heading' })}</h2>
      <p>${this.body()}</p>
      ${this.username
        ? html`<p class="pf-muted">${msg(str`Your username: ${isolated(this.username)}`, { id: 'done.username' })}</p>`
        : nothing}
      ${this.renderSignIn()}
    `;
  }

  private renderSignIn() {
    const href = safeUrl(this.signInUrl);
    if (!href || this.organization?.status === 'pending') return nothing;
    return html`<div class="pf-actions">
      <a class="pf-button" href=${href}>${msg('Sign in', { id: 'common.signIn' })}</a>
    </div>`;
  }

  private body() {
    const organization = this.organization;
    if (organization?.status === 'pending') {
      return organization.name
        ? msg(
            str`Almost there: a member of ${organization.name} must approve your access. You will get an e-mail once it is approved.`,
            { id: 'done.pending' },
          )
        : msg('Almost there: a member of your practice must approve your access. You will get an e-mail once it is approved.', {
            id: 'done.pending.unnamed',
          });
    }
    return this.product
      ? msg(str`Your account is active. You can now use ${this.product}.`, { id: 'done.body.product' })
      : msg('Your account is active.', { id: 'done.body' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-done-step': PforteDoneStep;
  }
}
