import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { guardAccountAdapter, guardSignInAdapter, PforteError, systemClock } from '@pforte/core';
import type { Clock, JoinRequest, OrganizationMember, OrganizationOverview, SessionInfo } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { renderActions, renderTextField } from '../internal/form-controls.js';
import { errorMessage, renderAlert } from '../localization/error-messages.js';
import { resolveLocale, useMessages } from '../localization/localization.js';
import { emit } from '../events.js';
import type { AccountBackend } from '../account/section-registry.js';
import { ReauthController, renderReauthForm } from '../account/reauth.js';
import { organizationAdminStyles } from './organization-admin.styles.js';
import '../localization/step-error-messages.js';

void useMessages('orgAdmin');
void useMessages('account');

/** A decision waiting for the person's "yes": denying a request or removing a member. */
interface PendingConfirmation {
  kind: 'deny' | 'remove';
  accountId: string;
}

/**
 * @summary The organization administration (a section of `<pforte-account>`):
 * the organization's name and places taken, the pending join requests with
 * what each requester entered (name, e-mail address, when), "Approve" and
 * "Deny" (after a confirmation), the members, and "Remove" (after a
 * confirmation and, where the sign-in is not recent, the current password),
 * and "Invite a new user" by e-mail while places are free (the invitation
 * takes one; the e-mail links to `set-password-url`). Who may decide and
 * invite follows the product (`organization.managedBy`): every member, or
 * only the master user; the others see the lists.
 *
 * @event {CustomEvent<PforteAccountChangeDetail>} pforte-account-change - A request was approved or denied, a member removed or invited; `detail: {section: 'organization', change, accountId}`.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code`, `detail.section`.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus rings.
 * @cssproperty --pforte-color-text - Body text.
 * @cssproperty --pforte-color-muted - Secondary text.
 * @cssproperty --pforte-color-border - List separators.
 * @cssproperty --pforte-color-danger - Errors and the destructive buttons.
 * @cssproperty --pforte-space - Base spacing.
 */
export class PforteOrganizationAdmin extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, organizationAdminStyles];

  /** The backend: the memory adapter, `createHttpAdapter(…)`, or any implementation of the sign-in and account contracts. */
  @property({ attribute: false }) adapter: AccountBackend | undefined;

  /** The signed-in person's session (`getSession`): who "you" are among the members. */
  @property({ attribute: false }) session: SessionInfo | undefined;

  /** The product's id, for signing in again before a removal. */
  @property() product: string | undefined;

  /** A language Pforte speaks, as `<pforte-signup>`'s `locale` (dates, and the language of the e-mail telling a requester the decision). */
  @property() locale: string | undefined;

  /** Milliseconds before a call counts as failed ('timeout'). */
  @property({ type: Number, attribute: 'request-timeout-ms' }) requestTimeoutMs = 15000;

  @property({ attribute: false }) clock: Clock = systemClock;

  /** The page with `<pforte-password-reset>` where an invited user sets a password (the link's origin must be one the product allows). Default: this page. */
  @property({ attribute: 'set-password-url' }) setPasswordUrl: string | undefined;

  @state() private overview: OrganizationOverview | undefined;
  @state() private loadError: PforteError | undefined;
  @state() private confirming: PendingConfirmation | undefined;
  /** The removal waiting for the re-authentication. */
  @state() private removalAwaitingReauth: string | undefined;
  @state() private announcement = '';
  @state() private inviteEmail = '';
  @state() private inviteError: string | undefined;

  private guarded: AccountBackend | undefined;
  /** What takes focus after the next render: an element id. */
  private pendingFocus: string | undefined;
  private readonly load = new AdapterCallController(this);
  private readonly change = new AdapterCallController(this);
  private readonly reauth = new ReauthController(this, {
    backend: () => this.guarded,
    identifier: () => this.session?.username ?? '',
    product: () => this.product || undefined,
    locale: () => this.activeLocale,
    clock: () => this.clock,
  });
  private readonly ids = {
    requests: uniqueId('pforte-org-requests'),
    members: uniqueId('pforte-org-members'),
    confirm: uniqueId('pforte-org-confirm'),
    invite: uniqueId('pforte-org-invite'),
    inviteEmail: uniqueId('pforte-org-invite-email'),
    inviteError: uniqueId('pforte-org-invite-error'),
    inviteIntro: uniqueId('pforte-org-invite-intro'),
  };
  private readonly invitation = new AdapterCallController(this);

  /** Loads the organization again (the "Try again" of a failed load does this). */
  async refresh(): Promise<void> {
    const backend = this.guarded;
    if (!backend) return;
    this.loadError = undefined;
    const answer = await this.load.run((signal) => backend.getOrganization({}, { signal }));
    if (this.load.error) {
      this.loadError = this.load.error;
      this.reportError(this.load.error);
      return;
    }
    if (answer) this.overview = answer.organization ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('requestTimeoutMs') || changed.has('clock')) {
      const adapter = this.adapter;
      const options = { timeoutMs: this.requestTimeoutMs, clock: this.clock };
      this.guarded = adapter && { ...guardSignInAdapter(adapter, options), ...guardAccountAdapter(adapter, options) };
      this.overview = undefined;
      void this.refresh();
    }
  }

  protected override updated(): void {
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus) this.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  private get activeLocale(): string {
    return resolveLocale(this.locale);
  }

  override render() {
    if (!this.adapter) {
      return html`<div class="pf-alert" role="alert">${msg('No backend is connected.', { id: 'orgAdmin.noAdapter' })}</div>`;
    }
    if (this.loadError) {
      return html`<div class="pf-alert" role="alert">${renderAlert(this.loadError)}</div>
        ${renderActions({ pending: this.load.pending, primary: { label: msg('Try again', { id: 'common.retry' }), onClick: () => void this.refresh() } })}`;
    }
    const overview = this.overview;
    if (!overview) {
      if (this.load.pending) return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'common.loading' })}</p>`;
      return html`<p>${msg('Your account belongs to no organization.', { id: 'orgAdmin.none' })}</p>`;
    }
    return html`
      <p class="pf-org-summary">
        <strong>${overview.name}</strong><br />
        ${msg(str`${overview.seatsTaken} of ${overview.maxMembers} places taken (members and open requests).`, { id: 'orgAdmin.seats' })}
      </p>
      ${overview.canManage
        ? nothing
        : html`<p class="pf-muted">${msg('The master user decides on requests and members.', { id: 'orgAdmin.masterDecides' })}</p>`}
      <div class="pf-alert" role="alert">${this.change.error && !this.reauth.open ? renderAlert(this.change.error) : nothing}</div>
      <h4 id=${this.ids.requests} tabindex="-1">${msg('Requests to join', { id: 'orgAdmin.requests.heading' })}</h4>
      ${overview.joinRequests.length === 0
        ? html`<p class="pf-muted">${msg('There are no open requests.', { id: 'orgAdmin.requests.none' })}</p>`
        : html`<ul class="pf-org-list" aria-labelledby=${this.ids.requests}>
            ${overview.joinRequests.map((request) => this.renderRequest(request, overview))}
          </ul>`}
      <h4 id=${this.ids.members} tabindex="-1">${msg('Members', { id: 'orgAdmin.members.heading' })}</h4>
      <ul class="pf-org-list" aria-labelledby=${this.ids.members}>
        ${overview.members.map((member) => this.renderMember(member, overview))}
      </ul>
      ${overview.canManage ? this.renderInvitation(overview) : nothing}
      <p class="pf-visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderRequest(request: JoinRequest, overview: OrganizationOverview): TemplateResult {
    const who = request.name ?? request.email ?? request.username;
    const address = request.email ?? request.username;
    const confirming = this.confirming?.kind === 'deny' && this.confirming.accountId === request.accountId;
    const pending = this.change.pending;
    return html`<li class="pf-org-entry">
      <p class="pf-org-who"><strong>${who}</strong></p>
      <p class="pf-muted">
        ${who === address ? nothing : html`${address}<br />`}
        ${msg(str`Asked to join on ${this.formatDate(request.requestedAt)}.`, { id: 'orgAdmin.requests.requestedAt' })}
      </p>
      ${!overview.canManage
        ? nothing
        : confirming
          ? this.renderConfirmation(
              msg(str`Deny the request of ${who}? They will be told by e-mail.`, { id: 'orgAdmin.deny.question' }),
              msg('Deny request', { id: 'orgAdmin.deny.confirm' }),
              () => void this.decide(request, false),
            )
          : html`<div class="pf-actions pf-org-actions">
              <button type="button" class="pf-primary" ?disabled=${pending} @click=${() => void this.decide(request, true)}>
                ${msg(str`Approve ${who}`, { id: 'orgAdmin.approve' })}
              </button>
              <button type="button" ?disabled=${pending} @click=${() => this.askToConfirm('deny', request.accountId)}>
                ${msg(str`Deny ${who}`, { id: 'orgAdmin.deny' })}
              </button>
            </div>`}
    </li>`;
  }

  private renderMember(member: OrganizationMember, overview: OrganizationOverview): TemplateResult {
    const self = member.accountId === this.session?.accountId;
    const removable = overview.canManage && !self && member.role !== 'master';
    const confirming = this.confirming?.kind === 'remove' && this.confirming.accountId === member.accountId;
    const awaitingReauth = this.reauth.open && this.removalAwaitingReauth === member.accountId;
    return html`<li class="pf-org-entry">
      <p class="pf-org-who">
        <strong>${member.username}</strong>
        ${self ? html` <span class="pf-org-tag">${msg('(you)', { id: 'orgAdmin.members.you' })}</span>` : nothing}
        ${member.role === 'master' ? html` <span class="pf-org-tag">${msg('Master user', { id: 'orgAdmin.members.master' })}</span>` : nothing}
      </p>
      <p class="pf-muted">${msg(str`Member since ${this.formatDate(member.since)}.`, { id: 'orgAdmin.members.since' })}</p>
      ${awaitingReauth
        ? renderReauthForm(this.reauth, {
            username: this.session?.username ?? '',
            confirmLabel: msg('Confirm and remove', { id: 'orgAdmin.remove.reauthConfirm' }),
            onCancel: () => this.cancelReauth(member.accountId),
          })
        : !removable
          ? nothing
          : confirming
            ? this.renderConfirmation(
                msg(str`Remove ${member.username} from ${overview.name}? They can no longer act for the organization.`, { id: 'orgAdmin.remove.question' }),
                msg('Remove member', { id: 'orgAdmin.remove.confirm' }),
                () => void this.removeMember(member),
              )
            : html`<div class="pf-actions pf-org-actions">
                <button type="button" ?disabled=${this.change.pending} @click=${() => this.askToConfirm('remove', member.accountId)}>
                  ${msg(str`Remove ${member.username}`, { id: 'orgAdmin.remove' })}
                </button>
              </div>`}
    </li>`;
  }

  /** "Invite a new user": the address, and while the organization is full, why it cannot take one. */
  private renderInvitation(overview: OrganizationOverview): TemplateResult {
    const full = overview.seatsTaken >= overview.maxMembers;
    const pending = this.invitation.pending;
    return html`<h4 id=${this.ids.invite} tabindex="-1">${msg('Invite a new user', { id: 'orgAdmin.invite.heading' })}</h4>
      ${full
        ? html`<p class="pf-muted">
            ${msg('All places are taken. To invite someone, remove a member or deny a request first.', { id: 'orgAdmin.invite.full' })}
          </p>`
        : html`<p class="pf-muted" id=${this.ids.inviteIntro}>
              ${msg('The new user gets an e-mail with a link to set a password; the invitation takes one of the places at once.', {
                id: 'orgAdmin.invite.intro',
              })}
            </p>
            <form method="post" action="" novalidate aria-labelledby=${this.ids.invite} aria-busy=${pending ? 'true' : 'false'} @submit=${this.onInviteSubmit}>
              ${renderTextField({
                id: this.ids.inviteEmail,
                errorId: this.ids.inviteError,
                label: msg('E-mail address of the new user', { id: 'orgAdmin.invite.email' }),
                name: 'invite-email',
                type: 'email',
                inputmode: 'email',
                autocomplete: 'off',
                autocapitalize: 'none',
                required: true,
                maxlength: 320,
                value: this.inviteEmail,
                error: this.inviteError,
                describedBy: [this.ids.inviteIntro],
                onValue: (value) => {
                  this.inviteEmail = value;
                  this.inviteError = undefined;
                },
              })}
              ${renderActions({ pending, primary: { label: msg('Send invitation', { id: 'orgAdmin.invite.submit' }), busy: pending } })}
            </form>`}`;
  }

  private async onInviteSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const backend = this.guarded;
    if (!backend || this.invitation.pending) return;
    const email = this.inviteEmail.trim();
    if (email === '') {
      this.inviteError = msg('Please enter the e-mail address of the new user.', { id: 'orgAdmin.invite.missing' });
      this.pendingFocus = this.ids.inviteEmail;
      return;
    }
    const returnUrl = new URL(this.setPasswordUrl || location.href, location.href).href;
    const answer = await this.invitation.run((signal) => backend.inviteMember({ email, locale: this.activeLocale, returnUrl }, { signal }));
    const error = this.invitation.error;
    if (error) {
      this.reportError(error);
      this.inviteError = errorMessage(error);
      if (error.code === 'organization.full') void this.refresh();
      this.pendingFocus = this.ids.inviteEmail;
      return;
    }
    if (!answer) return;
    this.overview = answer.organization;
    this.inviteEmail = '';
    this.announcement = msg(str`An invitation was sent to ${email}.`, { id: 'orgAdmin.invite.sent' });
    this.pendingFocus = answer.organization.seatsTaken >= answer.organization.maxMembers ? this.ids.invite : this.ids.inviteEmail;
    const invited = answer.organization.members.find((member) => member.username === email);
    emit(this, 'pforte-account-change', { section: 'organization', change: 'invite', ...(invited ? { accountId: invited.accountId } : {}) });
  }

  /** The question, the destructive "yes" and "Cancel"; Escape cancels, focus returns to the button that asked. */
  private renderConfirmation(question: string, confirmLabel: string, onConfirm: () => void): TemplateResult {
    const pending = this.change.pending;
    return html`<div
      class="pf-org-confirm"
      role="group"
      aria-labelledby=${this.ids.confirm}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') this.cancelConfirmation();
      }}
    >
      <p id=${this.ids.confirm} tabindex="-1">${question}</p>
      <div class="pf-actions">
        <button type="button" class="pf-primary" ?disabled=${pending} @click=${onConfirm}>
          ${pending ? msg('Please wait…', { id: 'common.pending' }) : confirmLabel}
        </button>
        <button type="button" ?disabled=${pending} @click=${() => this.cancelConfirmation()}>${msg('Cancel', { id: 'account.cancel' })}</button>
      </div>
    </div>`;
  }

  private formatDate(epochMs: number): string {
    return new Intl.DateTimeFormat(this.activeLocale, { dateStyle: 'long' }).format(new Date(epochMs));
  }

  private askToConfirm(kind: PendingConfirmation['kind'], accountId: string): void {
    this.change.clearError();
    this.confirming = { kind, accountId };
    this.pendingFocus = this.ids.confirm;
  }

  private cancelConfirmation(): void {
    const confirming = this.confirming;
    this.confirming = undefined;
    if (confirming) void this.focusTrigger(confirming);
  }

  private cancelReauth(accountId: string): void {
    this.reauth.cancel();
    this.removalAwaitingReauth = undefined;
    void this.focusTrigger({ kind: 'remove', accountId });
  }

  /** Focus back on the button that opened a confirmation (its entry's only button of that kind). */
  private async focusTrigger(confirming: PendingConfirmation): Promise<void> {
    await this.updateComplete;
    const list = this.querySelector(`[aria-labelledby="${confirming.kind === 'deny' ? this.ids.requests : this.ids.members}"]`);
    const entries = [...(list?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
    const index = (confirming.kind === 'deny' ? this.overview?.joinRequests : this.overview?.members)?.findIndex(
      (entry) => entry.accountId === confirming.accountId,
    );
    const buttons = index === undefined || index < 0 ? [] : [...(entries[index]?.querySelectorAll('button') ?? [])];
    buttons.at(-1)?.focus();
  }

  private async decide(request: JoinRequest, approve: boolean): Promise<void> {
    const backend = this.guarded;
    if (!backend) return;
    const who = request.name ?? request.email ?? request.username;
    const answer = await this.change.run((signal) =>
      backend.decideJoinRequest({ accountId: request.accountId, approve, locale: this.activeLocale }, { signal }),
    );
    if (this.failed()) return;
    if (!answer) return;
    this.confirming = undefined;
    this.overview = answer.organization;
    this.announcement = approve
      ? msg(str`${who} is now a member. They were told by e-mail.`, { id: 'orgAdmin.approved' })
      : msg(str`The request of ${who} was denied. They were told by e-mail.`, { id: 'orgAdmin.denied' });
    this.pendingFocus = this.ids.requests;
    emit(this, 'pforte-account-change', { section: 'organization', change: approve ? 'approve' : 'deny', accountId: request.accountId });
  }

  private async removeMember(member: OrganizationMember): Promise<void> {
    const backend = this.guarded;
    if (!backend) return;
    const answer = await this.change.run((signal) => backend.removeMember({ accountId: member.accountId }, { signal }));
    if (this.change.error?.code === 'reauth.required') {
      this.confirming = undefined;
      this.removalAwaitingReauth = member.accountId;
      this.reauth.request(() => this.removeMember(member));
      return;
    }
    if (this.failed()) return;
    if (!answer) return;
    this.confirming = undefined;
    this.removalAwaitingReauth = undefined;
    this.overview = answer.organization;
    this.announcement = msg(str`${member.username} was removed from the organization.`, { id: 'orgAdmin.removed' });
    this.pendingFocus = this.ids.members;
    emit(this, 'pforte-account-change', { section: 'organization', change: 'remove', accountId: member.accountId });
  }

  /** Reports a failed change; a request or member someone else handled meanwhile reloads the lists. */
  private failed(): boolean {
    const error = this.change.error;
    if (!error) return false;
    this.reportError(error);
    this.confirming = undefined;
    this.announcement = errorMessage(error);
    if (error.code === 'member.unknown') void this.refresh();
    this.pendingFocus = this.ids.requests;
    return true;
  }

  private reportError(error: PforteError): void {
    emit(this, 'pforte-error', { code: error.code, section: 'organization' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-organization-admin': PforteOrganizationAdmin;
  }
}
