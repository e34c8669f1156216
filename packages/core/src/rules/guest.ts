import { resolveSignIn, type GuestAccessConfig } from '../config.js';
import { PforteError } from '../errors.js';
import type { GuestInvitationInfo, SessionInfo } from '../sign-in-adapter.js';
import type { FlowActionOptions, OutgoingMessage, RequestContext } from './actions.js';
import { checkAttempts, windowStart, type AttemptLimit } from './attempts.js';
import { verifyCode } from './codes.js';
import { isEmailAddress } from './email.js';
import { messageTexts, webOtpHost } from './messages.js';
import { e164Pattern } from './phone.js';
import type { Product } from './product.js';
import { fragmentLink, signInLimits, signInSettings, type AccountStore, type StoredSession } from './sign-in.js';
import { checkLocale, hasForbiddenCharacters } from './text.js';
import type { CodeView } from './view.js';

/** The fragment member of a guest invitation link: `#pforte-guest-invitation=<token>`. */
export const guestInvitationFragment = 'pforte-guest-invitation';

/**
 * A guest invitation as a store keeps it (found by the hash of its token).
 * The code stays beside it, hashed; `code` holds only its state: wrong
 * attempts over the invitation's life, and `dead` once they ran out.
 */
export interface GuestInvitationView {
  id: string;
  product: string;
  /** Who was invited, as shown to them: the practice's name for them, else the address. */
  guest: string;
  email: string;
  /** E.164, where the code goes by SMS. */
  phone?: string | undefined;
  locale: string;
  /** Where the code went. */
  codeSent: GuestInvitationInfo['codeSent'];
  codeLength: number;
  createdAt: number;
  expiresAt: number;
  maxUses: number;
  uses: number;
  code: CodeView;
}

/** A guest invitation to send (admin API, CLI). */
export interface GuestInvitationInput {
  product?: string | undefined;
  email: string;
  /** How the guest is named in the widget (default: the address). */
  name?: string | undefined;
  /** E.164: where a code sent `separately` goes by SMS. */
  phone?: string | undefined;
  /** The page with `<pforte-guest-access>`; the token goes into its fragment. */
  returnUrl: string;
  locale?: string | undefined;
}

/** The `guestAccess` settings of a product; the open product: the defaults. A product without them has no guest access ('step.unavailable'). */
export function guestSettings(product: Product): GuestAccessConfig {
  const settings = signInSettings(product).guestAccess;
  if (settings) return settings;
  if (product.open) return resolveSignIn({ guestAccess: {} }).guestAccess!;
  throw new PforteError('step.unavailable');
}

/** The wrong-code limit of guest codes from one client address (beside each invitation's own). */
function guestCodesByIp(options: FlowActionOptions['limits'], ip: string): AttemptLimit {
  return { ...signInLimits.byIp(options, ip), bucket: `guest:ip:${ip}` };
}

/**
 * Guest access by TAN, once for every backend, over its {@link AccountStore}:
 * a practice invites by e-mail (a link with the invitation in its fragment,
 * and a one-time code), the guest opens the link and enters the code, and
 * gets a session limited to the invitation: it ends when the invitation
 * does, the invitation lets in at most `maxUses` times and takes at most
 * `maxAttempts` wrong codes, and the session has no account behind it.
 */
export function createGuestActions(store: AccountStore, options: FlowActionOptions, context: RequestContext = {}) {
  const { catalog, limits, now, random } = options;

  /** The invitation of `token`, usable now, in `productId` when one is named. */
  async function usable(token: string, productId: string | undefined): Promise<{ view: GuestInvitationView; product: Product; settings: GuestAccessConfig }> {
    const view = token === '' ? undefined : await store.findGuestInvitation(token);
    const product = view && catalog.get(view.product);
    if (!view || !product || (productId !== undefined && catalog.resolve(productId).id !== view.product)) throw new PforteError('link.invalid');
    const settings = guestSettings(product);
    if (now() >= view.expiresAt) throw new PforteError('link.expired', { validityHours: settings.validityHours });
    if (view.uses >= view.maxUses) throw new PforteError('link.used');
    if (view.code.state === 'dead') throw new PforteError('code.max_attempts');
    return { view, product, settings };
  }

  function info(view: GuestInvitationView, product: Product, settings: GuestAccessConfig): GuestInvitationInfo {
    return {
      product: product.config.product,
      guest: view.guest,
      codeLength: view.codeLength,
      codeSent: view.codeSent,
      expiresAt: view.expiresAt,
      usesRemaining: view.maxUses - view.uses,
      attemptsRemaining: Math.max(0, settings.maxAttempts - view.code.attempts),
      now: now(),
    };
  }

  return {
    /**
     * Invites a guest: stores the invitation and sends the link (and the code,
     * with it or apart). Answers the invitation's id and deadline, never its
     * token or code. Errors: 'profile.invalid' (field 'email'), 'phone.invalid',
     * 'link.invalid' (field 'returnUrl'), 'step.unavailable' (no guest access).
     */
    async inviteGuest(input: GuestInvitationInput): Promise<{ invitationId: string; expiresAt: number; maxUses: number }> {
      const product = catalog.resolve(input.product);
      const settings = guestSettings(product);
      const locale = checkLocale(input.locale ?? 'de');
      const email = input.email.trim();
      if (!isEmailAddress(email)) throw new PforteError('profile.invalid', { field: 'email' });
      const name = input.name?.trim();
      if (name !== undefined && (name === '' || [...name].length > 200 || hasForbiddenCharacters(name))) {
        throw new PforteError('profile.invalid', { field: 'name' });
      }
      if (input.phone !== undefined && !e164Pattern.test(input.phone)) throw new PforteError('phone.invalid', { field: 'phone' });
      const token = random.token();
      const code = random.digits(settings.codeLength);
      // The admin who invites is trusted with the page: without allowed origins, the return URL's own.
      const link = fragmentLink(signInSettings(product), input.returnUrl, originOf(input.returnUrl), guestInvitationFragment, token);
      const at = now();
      const expiresAt = at + settings.validityHours * 60 * 60_000;
      const codeSent: GuestInvitationView['codeSent'] = settings.code === 'withLink' ? 'withLink' : input.phone !== undefined ? 'sms' : 'email';
      const view: GuestInvitationView = {
        id: random.id('guest'),
        product: product.id,
        guest: name ?? email,
        email,
        phone: input.phone,
        locale,
        codeSent,
        codeLength: settings.codeLength,
        createdAt: at,
        expiresAt,
        maxUses: settings.maxUses,
        uses: 0,
        code: { expiresAt, attempts: 0, state: 'live' },
      };
      await store.createGuestInvitation(view, token, code);
      const about = { product: product.config.product, locale };
      const withLink = codeSent === 'withLink';
      const invitation: OutgoingMessage = {
        channel: 'email',
        to: email,
        ...messageTexts.guestInvitation(link, withLink ? code : undefined, settings.validityHours, about),
        link,
        ...(withLink ? { code } : {}),
        flowId: view.id,
        sentAt: at,
      };
      await store.send(invitation);
      if (codeSent === 'sms') {
        const text = messageTexts.smsCode(code, { ...about, host: webOtpHost(originOf(input.returnUrl)) });
        await store.send({ channel: 'sms', to: input.phone!, text, code, flowId: view.id, sentAt: at });
      } else if (codeSent === 'email') {
        await store.send({ channel: 'email', to: email, ...messageTexts.guestCode(code, about), code, flowId: view.id, sentAt: at });
      }
      return { invitationId: view.id, expiresAt, maxUses: view.maxUses };
    },

    /** What the code entry needs: who is invited, the code's length, uses and attempts left. */
    async openGuestInvitation(input: { invitation: string; product?: string | undefined }): Promise<GuestInvitationInfo> {
      const { view, product, settings } = await usable(input.invitation, input.product);
      return info(view, product, settings);
    },

    /**
     * Checks the code (every wrong one counts, per invitation and per client),
     * spends a use and starts a guest session that ends with the invitation.
     */
    async signInAsGuest(input: { invitation: string; code: string; product?: string | undefined }): Promise<{ result: { session: SessionInfo }; sessionToken: string }> {
      if (context.ip !== undefined) {
        const limit = guestCodesByIp(limits, context.ip);
        checkAttempts(limit, await store.recentAttempts(limit.bucket, windowStart(limit, now())), now());
      }
      const { view, product, settings } = await usable(input.invitation, input.product);
      const matches = await store.guestCodeMatches(view.id, input.code);
      const at = now();
      const verdict = verifyCode(view.code, matches, at, settings.maxAttempts);
      if (verdict.error) {
        view.code = verdict.code;
        await store.saveGuestInvitation(view);
        if (context.ip !== undefined) await store.recordAttempt(guestCodesByIp(limits, context.ip).bucket, at);
        throw verdict.error;
      }
      view.uses += 1;
      // A code good for several uses stays live until the last one.
      view.code = { ...verdict.code, state: view.uses >= view.maxUses ? 'used' : 'live' };
      await store.saveGuestInvitation(view);
      const sessionSettings = signInSettings(product);
      const token = random.token();
      const session: StoredSession = {
        accountId: view.id,
        guestInvitationId: view.id,
        product: product.id,
        createdAt: at,
        absoluteExpiresAt: Math.min(at + sessionSettings.sessionAbsoluteHours * 60 * 60_000, view.expiresAt),
        idleExpiresAt: at + sessionSettings.sessionIdleMinutes * 60_000,
      };
      session.idleExpiresAt = Math.min(session.idleExpiresAt, session.absoluteExpiresAt);
      await store.createSession(token, session);
      return { result: { session: guestSessionInfo(view, session, at) }, sessionToken: token };
    },
  };
}

/** The session a guest sees: the invitation's id and name, no account, no second factor. */
export function guestSessionInfo(view: GuestInvitationView, session: StoredSession, at: number): SessionInfo {
  return {
    accountId: view.id,
    username: view.guest,
    product: session.product,
    secondFactor: 'none',
    expiresAt: Math.min(session.idleExpiresAt, session.absoluteExpiresAt),
    now: at,
    guest: true,
  };
}

/** The origin of a URL, or undefined when it is none. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The actions of {@link createGuestActions}. */
export type GuestActions = ReturnType<typeof createGuestActions>;
