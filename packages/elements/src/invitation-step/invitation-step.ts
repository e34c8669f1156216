import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { intlLocale, PforteError } from '@pforte/core';
import type { InvitationDetails } from '@pforte/core';
import { PforteStepElement } from '../internal/step-element.js';
import { safeUrl } from '../internal/safe-url.js';
import { renderActions } from '../internal/form-controls.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { renderAlert } from '../localization/error-messages.js';
import { duration, getLocale, useMessages } from '../localization/localization.js';
import { invitationStepStyles } from './invitation-step.styles.js';

void useMessages('invitation');

type Outcome = 'loading' | 'valid' | 'link.expired' | 'link.used' | 'link.invalid' | 'failed';

/**
 * @summary The start of a registration from a registration link (invitation):
 * checks the link's `token` with the backend, then welcomes the person with
 * what the invitation says about them (name, e-mail address, organization)
 * and who invited them. An expired link says how long it was valid and whom
 * to ask for a new one; a used link says the person is already registered
 * and offers to sign in; an unknown link says it is not valid. A network
 * failure offers to try again.
 *
 * @event {CustomEvent<PforteStepDoneDetail>} pforte-step-done - The person continued; `detail.values` holds the invitation's prefill data (`email`, `salutation`, `title`, `firstName`, `lastName`, `organization`, each only when known), never the token.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - The link was not accepted or the call failed; `detail.code` is e.g. `link.expired`, `link.used`, `link.invalid`, `network`.
 *
 * @cssproperty --pforte-color-primary - Buttons, links and focus.
 * @cssproperty --pforte-color-surface-raised - Background of the invitation details.
 * @cssproperty --pforte-color-border - Frame of the invitation details.
 * @cssproperty --pforte-color-danger - Errors.
 * @cssproperty --pforte-space - Base spacing.
 * @cssproperty --pforte-radius - Corner radius.
 * @cssproperty --pforte-color-on-primary - Text on the primary button.
 * @cssproperty --pforte-color-focus - Focus ring.
 */
export class PforteInvitationStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, invitationStepStyles];

  readonly step = 'invitation' as const;

  /** The registration link's token (from the link's `?token=`). Not reflected; never put into an event. */
  @property() token = '';

  /** The product's name, e.g. "Videosprechstunde": "Registration for Videosprechstunde". */
  @property() product = '';

  /** Where people sign in; offered when the link was already used. */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  /** Where people reach support; offered when the link expired or is not valid. */
  @property({ attribute: 'support-url' }) supportUrl = '';

  @state() private details: InvitationDetails | undefined;
  @state() private localError: PforteError | undefined;

  /** The token the last check was started for; `undefined` until one starts. */
  private openedToken: string | undefined;
  private readonly opening = new AdapterCallController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // A check aborted by leaving the page starts again on return.
    if (this.hasUpdated && this.openedToken === undefined) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.outcome === 'loading') this.openedToken = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.adapter !== undefined && this.isConnected && this.openedToken !== this.token) void this.open();
  }

  private get error(): PforteError | undefined {
    return this.localError ?? this.opening.error;
  }

  private get outcome(): Outcome {
    if (this.details) return 'valid';
    const error = this.error;
    if (!error) return 'loading';
    if (error.code === 'link.expired' || error.code === 'link.used' || error.code === 'link.invalid') return error.code;
    return 'failed';
  }

  override render() {
    const outcome = this.outcome;
    // One heading element per outcome, so moving focus to it announces the new page.
    return html`
      ${keyed(outcome, html`<h2 tabindex="-1">${this.heading(outcome)}</h2>`)}
      ${this.body(outcome)}
    `;
  }

  private heading(outcome: Outcome): string {
    switch (outcome) {
      case 'valid':
        return msg('Welcome', { id: 'invitation.heading' });
      case 'link.expired':
        return msg('This registration link has expired', { id: 'invitation.expired.heading' });
      case 'link.used':
        return msg('You are already registered', { id: 'invitation.used.heading' });
      case 'link.invalid':
        return msg('This link is not valid', { id: 'invitation.invalid.heading' });
      case 'loading':
      case 'failed':
        return this.product
          ? msg(str`Registration for ${this.product}`, { id: 'invitation.product' })
          : msg('Registration', { id: 'invitation.heading.neutral' });
    }
  }

  private body(outcome: Outcome) {
    switch (outcome) {
      case 'loading':
        return html`<p role="status" aria-busy="true">
          ${msg('Checking your registration link…', { id: 'invitation.loading' })}
        </p>`;
      case 'valid':
        return this.renderWelcome(this.details!);
      case 'link.expired': {
        const days = this.error?.validityDays;
        return html`
          <p>
            ${days === undefined
              ? msg('This registration link is no longer valid.', { id: 'invitation.expired' })
              : msg(str`This registration link was valid for ${duration(days, 'day')} and has expired.`, {
                  id: 'invitation.expired.days',
                })}
            ${msg('Please contact our support; they will send you the registration e-mail again with a new link.', {
              id: 'invitation.expired.ask',
            })}
          </p>
          ${this.renderWayForward([this.supportLink(), this.signInLink(msg('Already registered? Sign in', { id: 'invitation.signIn.already' }))])}
        `;
      }
      case 'link.used':
        return html`
          <p>
            ${msg('This registration link has already been used. Please sign in with your username and password.', {
              id: 'invitation.used',
            })}
          </p>
          ${this.renderWayForward([this.signInLink(msg('Sign in', { id: 'common.signIn' }), true)])}
        `;
      case 'link.invalid':
        return html`
          <p>
            ${msg(
              'Please check that you opened the complete link from the e-mail, for example by clicking it instead of copying it. If it still does not work, please contact our support.',
              { id: 'invitation.invalid' },
            )}
          </p>
          ${this.renderWayForward([this.supportLink()])}
        `;
      case 'failed':
        return html`
          <div class="pf-alert" role="alert">${renderAlert(this.error!)}</div>
          ${renderActions({
            pending: this.opening.pending,
            primary: { label: msg('Try again', { id: 'common.retry' }), onClick: this.onRetry },
          })}
        `;
    }
  }

  private renderWelcome(details: InvitationDetails) {
    const name = [details.salutation, details.title, details.firstName, details.lastName].filter(Boolean).join(' ');
    const validUntil = new Intl.DateTimeFormat(intlLocale(getLocale()), { dateStyle: 'long' }).format(details.validUntil);
    const rows: Array<[string, string | undefined]> = [
      [msg('Name', { id: 'invitation.name' }), name || undefined],
      [msg('E-mail address', { id: 'credentials.email' }), details.email],
      [msg('Organization', { id: 'invitation.organization' }), details.organization],
    ];
    const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
    return html`
      ${this.product
        ? html`<p class="pf-invitation-product">${msg(str`Registration for ${this.product}`, { id: 'invitation.product' })}</p>`
        : nothing}
      <p>
        ${details.invitedBy
          ? msg(str`${details.invitedBy} has invited you to register.`, { id: 'invitation.invitedBy' })
          : msg('You have been invited to register.', { id: 'invitation.invited' })}
        ${shown.length > 0
          ? msg('Please check the details from your invitation; you can complete them in the next steps.', {
              id: 'invitation.check',
            })
          : nothing}
      </p>
      ${shown.length > 0
        ? html`<dl class="pf-invitation-details">
            ${shown.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
          </dl>`
        : nothing}
      <p class="pf-muted">${msg(str`This registration link is valid until ${validUntil}.`, { id: 'invitation.validUntil' })}</p>
      <form method="post" action="" novalidate @submit=${this.onSubmit}>
        ${renderActions({ pending: false, primary: { label: msg('Continue', { id: 'common.continue' }) } })}
      </form>
    `;
  }

  private renderWayForward(links: unknown[]) {
    const present = links.filter((link) => link !== nothing);
    return present.length > 0 ? html`<div class="pf-actions">${present}</div>` : nothing;
  }

  private supportLink() {
    const href = safeUrl(this.supportUrl);
    return href ? html`<a href=${href}>${msg('Contact support', { id: 'invitation.support' })}</a>` : nothing;
  }

  private signInLink(text: string, primary = false) {
    const href = safeUrl(this.signInUrl);
    return href ? html`<a class=${primary ? 'pf-button' : ''} href=${href}>${text}</a>` : nothing;
  }

  private async open(): Promise<void> {
    const token = this.token.trim();
    this.openedToken = this.token;
    this.details = undefined;
    this.localError = undefined;
    const focusHeading = this.headingHasFocus();
    if (token === '') {
      this.localError = new PforteError('link.invalid');
    } else {
      const adapter = this.requireAdapter();
      const details = await this.opening.run((signal) => adapter.openInvitation({ flowId: this.flowId, token }, { signal }));
      // A newer token took over meanwhile, or the element left the page.
      if (this.openedToken !== this.token || !this.isConnected) return;
      this.details = details;
    }
    const error = this.error;
    if (error) this.reportError(error);
    if (focusHeading || this.headingHasFocus()) {
      await this.updateComplete;
      this.focusHeading();
    }
  }

  /**
   * True when focus is inside this step (on the heading the flow host
   * focused, or on "Try again"), so the outcome's heading takes it over.
   * Focus is never pulled into the widget on page load.
   */
  private headingHasFocus(): boolean {
    return this.contains(document.activeElement);
  }

  private onRetry(): void {
    this.openedToken = undefined;
    this.requestUpdate();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const details = this.details;
    if (!details) return;
    const values: Record<string, string> = {};
    for (const key of ['email', 'salutation', 'title', 'firstName', 'lastName', 'organization'] as const) {
      const value = details[key];
      if (value) values[key] = value;
    }
    this.finish(values);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-invitation-step': PforteInvitationStep;
  }
}
