import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { intlLocale, systemClock } from '@pforte/core';
import type { GuestInvitationInfo, PforteError, PforteSignInAdapter, SessionInfo } from '@pforte/core';
import { PforteElement, uniqueId } from '../internal/pforte-element.js';
import { renderActions } from '../internal/form-controls.js';
import { renderCodeEntryForm } from '../internal/code-entry-form.js';
import { AdapterCallController } from '../controllers/adapter-call-controller.js';
import { CodeEntryController } from '../controllers/code-entry-controller.js';
import { EmailLinkController } from '../controllers/email-link-controller.js';
import { renderAlert } from '../localization/error-messages.js';
import { getLocale, useMessages } from '../localization/localization.js';
import { emit } from '../events.js';
import type { PforteCodeInput } from '../code-input/code-input.js';
import { guestAccessStyles } from './guest-access.styles.js';
import '../define/code-input.js';
import '../localization/step-error-messages.js';
import { PageLocaleController } from '../controllers/page-locale-controller.js';

/** This element's text in the active locale: it renders once that is there, never first in English. */
const textLoaded = useMessages('guest');

/** The fragment member of a guest invitation link: `#pforte-guest-invitation=…`. */
export const guestInvitationFragment = 'pforte-guest-invitation';

/**
 * Where the element is: no invitation in the URL, opening it, entering the
 * code, signed in as a guest, or an invitation that no longer lets anyone in.
 */
export type GuestAccessStage = 'noInvitation' | 'opening' | 'openFailed' | 'code' | 'done' | 'expired' | 'used' | 'invalid' | 'blocked';

/**
 * @summary "Sign in with TAN": a guest joins without an account. The
 * practice's invitation e-mail links here with the invitation in the URL
 * fragment (`#pforte-guest-invitation=…`, removed from the address bar at
 * once); the element opens it, the guest enters the one-time code from the
 * e-mail (or from its own message) and gets a guest session limited to the
 * invitation. A wrong code says how many attempts are left; an expired,
 * used-up or blocked invitation says to ask for a new one.
 *
 * Load it on demand: `@pforte/elements/guest-access.js`, or
 * `pforte-guest-access.js` beside `pforte.js` on a CDN.
 *
 * @event {CustomEvent<PforteGuestSignedInDetail>} pforte-guest-signed-in - The guest session started; the invitation's id, the product and the session's end, never the code.
 * @event {CustomEvent<PforteErrorDetail>} pforte-error - A call failed; `detail.code` is the stable error code.
 *
 * @cssproperty --pforte-color-primary - Buttons and focus.
 * @cssproperty --pforte-color-danger - Errors of the code.
 * @cssproperty --pforte-color-surface-raised - Fill of the code boxes.
 */
export class PforteGuestAccess extends PforteElement {
  /** Follows the page's Pforte locale (`setLocale`); renders once its text is there. */
  private readonly pageLocale = new PageLocaleController(this, textLoaded);

  static override pforteStyles = [...PforteElement.pforteStyles, guestAccessStyles];

  /** The backend: any adapter with the sign-in contract (`createHttpAdapter`, the memory adapter). */
  @property({ attribute: false }) adapter: PforteSignInAdapter | undefined;

  /** The product's id, as in its config: an invitation of another product is refused. */
  @property() product = '';

  @state() private stage: GuestAccessStage = 'noInvitation';
  @state() private invitationInfo: GuestInvitationInfo | undefined;
  /** Client ms epoch when the guest session ends unless used again. */
  @state() private sessionEndsAt = 0;

  private readonly opening = new AdapterCallController(this);
  private readonly entry = new CodeEntryController(this, {
    clock: () => systemClock,
    resendSeconds: () => 0,
    codeLength: () => this.invitationInfo?.codeLength ?? 6,
    input: () => this.querySelector<PforteCodeInput>('pforte-code-input'),
    onError: (error) => emit(this, 'pforte-error', { code: error.code }),
  });
  private readonly codeErrorId = uniqueId('pforte-guest-code-error');
  /** The invitation's token, from the fragment; held here only, never in an attribute, event or storage. */
  private invitation = '';
  /** An invitation arrived before the adapter was set: it opens once there is one. */
  private openWhenReady = false;

  constructor() {
    super();
    new EmailLinkController(
      this,
      (token) => {
        this.invitation = token;
        this.openWhenReady = true;
        this.stage = 'opening';
      },
      guestInvitationFragment,
    );
  }

  protected override updated(): void {
    if (!this.openWhenReady || !this.adapter) return;
    this.openWhenReady = false;
    void this.open(this.invitation);
  }

  /** Where the element is; read-only (the guest moves it on). */
  get currentStage(): GuestAccessStage {
    return this.stage;
  }

  /** Opens an invitation by its token, as the link's fragment does by itself; for pages that receive it another way. */
  async open(token: string): Promise<void> {
    this.invitation = token;
    this.invitationInfo = undefined;
    await this.show('opening', false);
    const adapter = this.requireAdapter();
    const input = { invitation: token, ...(this.product ? { product: this.product } : {}) };
    const info = await this.opening.run((signal) => adapter.openGuestInvitation(input, { signal }));
    const error = this.opening.error;
    if (error) {
      emit(this, 'pforte-error', { code: error.code });
      await this.show(closedStage(error) ?? 'openFailed');
      return;
    }
    if (!info) return;
    this.invitationInfo = info;
    await this.show('code', false);
    await this.updateComplete;
    this.querySelector<PforteCodeInput>('pforte-code-input')?.focus();
  }

  override render() {
    if (!this.pageLocale.ready) return nothing;
    switch (this.stage) {
      case 'noInvitation':
        return this.renderClosed(
          msg('Sign in with TAN', { id: 'guest.heading' }),
          msg('Please open the link from your invitation e-mail. It brings you here with your invitation.', { id: 'guest.noInvitation' }),
        );
      case 'opening':
        return html`<h2 tabindex="-1">${msg('Sign in with TAN', { id: 'guest.heading' })}</h2>
          <p role="status" aria-busy="true">${msg('Opening your invitation…', { id: 'guest.opening' })}</p>`;
      case 'openFailed':
        return this.renderOpenFailed();
      case 'code':
        return this.renderCode();
      case 'done':
        return this.renderDone();
      default:
        return this.renderClosed(msg('This invitation no longer works', { id: 'guest.closed.heading' }), closedText(this.stage));
    }
  }

  private renderOpenFailed() {
    return html`
      <h2 tabindex="-1">${msg('Sign in with TAN', { id: 'guest.heading' })}</h2>
      <div class="pf-alert" role="alert">${this.opening.error ? renderAlert(this.opening.error) : nothing}</div>
      ${renderActions({ pending: this.opening.pending, primary: { label: msg('Try again', { id: 'guest.retry' }), onClick: this.onRetry } })}
    `;
  }

  private renderCode() {
    const info = this.invitationInfo!;
    const length = info.codeLength;
    const where = {
      withLink: msg(str`Enter the code of ${length} digits from your invitation e-mail.`, { id: 'guest.code.withLink' }),
      email: msg(str`Enter the code of ${length} digits from the e-mail with your code.`, { id: 'guest.code.email' }),
      sms: msg(str`Enter the code of ${length} digits from the SMS we sent you.`, { id: 'guest.code.sms' }),
    }[info.codeSent];
    const until = new Intl.DateTimeFormat(intlLocale(getLocale()), { dateStyle: 'long', timeStyle: 'short' }).format(
      (info.receivedAt ?? Date.now()) + info.expiresAt - info.now,
    );
    return html`
      <h2 tabindex="-1">${msg('Sign in with TAN', { id: 'guest.heading' })}</h2>
      <p class="pf-guest-name">${msg(str`Welcome, ${info.guest}. You are invited to ${info.product} as a guest, without an account.`, { id: 'guest.welcome' })}</p>
      <p>${where}</p>
      <p class="pf-muted">${msg(str`The invitation is valid until ${until}.`, { id: 'guest.validUntil' })}</p>
      ${renderCodeEntryForm({
        entry: this.entry,
        label: msg('Code (TAN)', { id: 'guest.code.label' }),
        submitLabel: msg('Sign in', { id: 'guest.submit' }),
        errorId: this.codeErrorId,
        pending: this.entry.verifying.pending,
        canGoBack: false,
        optional: false,
        onSubmit: this.onCodeSubmit,
        onComplete: this.onCodeComplete,
        onInput: this.onCodeInput,
        onBack: noop,
        onSkip: noop,
      })}
      <p class="pf-visually-hidden" role="status">${this.entry.announcement}</p>
    `;
  }

  private renderDone() {
    const until = new Intl.DateTimeFormat(intlLocale(getLocale()), { timeStyle: 'short' }).format(this.sessionEndsAt);
    return html`
      <h2 tabindex="-1">${msg('You are signed in as a guest', { id: 'guest.done.heading' })}</h2>
      <p>${msg(str`Your guest access is active until ${until} unless you leave earlier.`, { id: 'guest.done' })}</p>
    `;
  }

  private renderClosed(heading: string, text: string) {
    return html`
      <h2 tabindex="-1">${heading}</h2>
      <p>${text}</p>
    `;
  }

  private requireAdapter(): PforteSignInAdapter {
    if (!this.adapter) throw new Error('<pforte-guest-access> needs its adapter property set.');
    return this.adapter;
  }

  private onRetry(): void {
    void this.open(this.invitation);
  }

  private onCodeInput(): void {
    this.entry.onInput();
  }

  private onCodeComplete(): void {
    if (!this.entry.dead) void this.verify();
  }

  private onCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.verify();
  }

  private async verify(): Promise<void> {
    if (this.entry.verifying.pending) return;
    const adapter = this.requireAdapter();
    const product = this.product ? { product: this.product } : {};
    let session: SessionInfo | undefined;
    const verified = await this.entry.verify(async (code, signal) => {
      ({ session } = await adapter.signInAsGuest({ invitation: this.invitation, code, ...product }, { signal }));
    });
    const error = this.entry.verifying.error;
    const closed = error && closedStage(error);
    if (closed) {
      this.invitation = '';
      await this.show(closed);
      return;
    }
    if (!verified || !session) return;
    this.invitation = '';
    // The server's deadline on the client's clock, through the server's `now` of the answer.
    this.sessionEndsAt = Date.now() + session.expiresAt - session.now;
    await this.show('done');
    emit(this, 'pforte-guest-signed-in', { invitationId: session.accountId, product: session.product, expiresAt: session.expiresAt });
  }

  /** Moves to `stage`; with `focus`, to its heading, so screen readers announce it. */
  private async show(stage: GuestAccessStage, focus = true): Promise<void> {
    this.stage = stage;
    await this.updateComplete;
    if (focus) this.querySelector<HTMLElement>('h2')?.focus();
  }
}

function noop(): void {}

/** The stage of an invitation that lets no one in any more, for an error that says so. */
function closedStage(error: PforteError): 'expired' | 'used' | 'invalid' | 'blocked' | undefined {
  switch (error.code) {
    case 'link.expired':
    case 'code.expired':
      return 'expired';
    case 'link.used':
      return 'used';
    case 'link.invalid':
      return 'invalid';
    case 'code.max_attempts':
      return 'blocked';
    default:
      return undefined;
  }
}

function closedText(stage: GuestAccessStage): string {
  const next = msg('Please ask the practice for a new invitation.', { id: 'guest.closed.next' });
  switch (stage) {
    case 'expired':
      return `${msg('This invitation has expired.', { id: 'guest.expired' })} ${next}`;
    case 'used':
      return `${msg('This invitation has been used as often as it allows.', { id: 'guest.used' })} ${next}`;
    case 'blocked':
      return `${msg('The code was entered wrongly too often, so the invitation was blocked.', { id: 'guest.blocked' })} ${next}`;
    default:
      return `${msg('This invitation link is not valid. Please check that you opened the complete link from the e-mail.', { id: 'guest.invalid' })} ${next}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-guest-access': PforteGuestAccess;
  }
}
