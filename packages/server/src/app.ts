import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import {
  PforteError,
  matchLocale,
  generatePin,
  httpRoutes,
  problemMediaType,
  problemStatus,
  systemClock,
  type Clock,
  type HttpRoute,
  type PforteConfigInput,
  type PforteErrorCode,
  type StepRegistry,
} from '@pforte/core';
import * as rules from '@pforte/core/rules';
import { openPglite, migrate, type Database, type Queryable } from './db.js';
import { HashQueue, HashQueueFull, type HashQueueOptions } from './hash-queue.js';
import { createIdempotencyCrypto } from './idempotency.js';
import { problemText } from './messages.js';
import { defaultScryptCost, hashSecret, verifySecret, type ScryptCost } from './secrets.js';
import {
  missingEmailSender,
  outboxEmailSender,
  refusingCaptchaVerifier,
  testCaptchaVerifier,
  type CaptchaVerifier,
  type EmailSender,
} from './email.js';
import { createService, type RequestContext, type SeedData, type Service } from './service.js';
import { checkProductionSetup } from './production.js';
import { missingSmsSender, outboxSmsSender, type SmsSender } from './sms.js';

/** Options of {@link createPforteServer}. Limits default to `backendDefaults` of `@pforte/core/rules`, as the memory adapter's do. */
export interface ServerOptions extends Partial<rules.BackendLimits> {
  /**
   * The products this server serves, by id (what a flow starts with): the
   * same configs the widget gets. Each flow is bound to one at start and every
   * route enforces it. Without products (development only) the open product.
   */
  products?: Record<string, PforteConfigInput | string>;
  /** The product of flows that start without an id (default: the only product). */
  defaultProduct?: string;
  /** Steps of the products' own besides the built-in ones. */
  registry?: StepRegistry;
  clock?: Clock;
  scryptCost?: ScryptCost;
  /**
   * The server's secret, kept outside the database: it keys the code HMAC,
   * the idempotency fingerprints and the encryption of stored answers.
   * Production needs at least 32 bytes.
   */
  codePepper?: string;
  smsSender?: SmsSender;
  emailSender?: EmailSender;
  captchaVerifier?: CaptchaVerifier;
  /** Refuses passwords known from breaches, e.g. `createRangeBreachChecker` of `@pforte/core/rules` (default: no such check). */
  breachedPasswordChecker?: rules.BreachedPasswordChecker;
  /** Storage; default: a fresh in-memory PGlite (migrated). A given database is migrated too. */
  database?: Database;
  /**
   * Origins of the pages that may call the API (exact, e.g.
   * `https://praxis.example`), the server's own included when it serves the
   * pages itself: a request with any other `Origin` is refused. The Host
   * header is never trusted for this.
   */
  allowedOrigins?: string[];
  /** Answer CORS with `Access-Control-Allow-Credentials` (for adapters with `credentials: 'include'`). */
  allowCredentials?: boolean;
  /**
   * Production mode (default: NODE_ENV === 'production'): no /dev/outbox, and
   * refused without products, a code pepper, or the senders the products'
   * steps need (see `checkProductionSetup`).
   */
  production?: boolean;
  /**
   * Proxies you run in front of the server, each appending to
   * `X-Forwarded-For` (default 0: the client IP is the socket's). With `n`,
   * the client IP is the `n`-th entry from the right, the one your outermost
   * proxy wrote; entries further left are the client's own words.
   */
  trustProxyHops?: number;
  /**
   * Requests per client address per second, sustained (default 5; a person
   * makes far fewer), and the burst allowed above it (default 30): past them
   * 429 before any database work, so a flood from one address costs little.
   */
  requestsPerIpPerSecond?: number;
  requestBurstPerIp?: number;
  /** Slow hashing: how many at once, how many waiting, how many per client. */
  hashQueue?: HashQueueOptions;
  /** Time to receive a request's headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, body included (default 30 s): slow bodies are cut off. */
  requestTimeoutMs?: number;
  /**
   * Open connections per client address (default 50). Behind proxies the
   * socket address is the proxy's, so the cap is off by default there; cap
   * connections in the proxy instead.
   */
  maxConnectionsPerIp?: number;
  /** Path prefix of every route, e.g. `/pforte` (default none). */
  basePath?: string;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /** Invitations, customers and organizations to load at start (idempotent), e.g. for the demo. */
  seed?: SeedData;
  /**
   * The bearer token of the admin API (`POST /admin/accounts`, `POST /admin/guest-invitations`, `POST /admin/service-pin-checks`), e.g. from
   * PFORTE_ADMIN_TOKEN; at least 32 characters. Without it the admin API
   * answers 404.
   */
  adminToken?: string;
}

/** The session cookie: `__Host-` binds it to this host, over HTTPS, for every path. */
export const sessionCookieName = '__Host-pforte-session';

/** A route's answer with headers of its own (a session cookie). */
class Answer {
  constructor(
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {}
}

/** A running (or listenable) reference server. */
export interface PforteServer {
  readonly db: Database;
  readonly service: Service;
  /** The slow-hash queue, for its statistics. */
  readonly hashQueue: HashQueue;
  /**
   * Creates an account with an initial password that its first sign-in must
   * replace; errors as PforteError ('identifier.unavailable', the password
   * policy's, 'phone.invalid', 'profile.invalid', 'product.unknown').
   */
  createAccount(input: rules.NewAccountInput): Promise<{ accountId: string; username: string }>;
  /**
   * Creates an account without a password and e-mails a link with which the
   * person sets one (the reset link's mechanism); errors as `createAccount`,
   * and 'link.invalid' (field 'returnUrl').
   */
  inviteAccount(input: rules.AccountInvitationInput): Promise<{ accountId: string; username: string }>;
  /**
   * Invites a guest (access by TAN) by e-mail; answers the invitation's id,
   * never its token or code. Errors: 'profile.invalid', 'phone.invalid',
   * 'link.invalid', 'step.unavailable' (the product has no guest access).
   */
  inviteGuest(input: rules.GuestInvitationInput): Promise<{ invitationId: string; expiresAt: number; maxUses: number }>;
  /**
   * The support's check of a service PIN the person names on the phone:
   * whether it is the account's PIN. Five checks per account and hour
   * ('rate_limited' beyond).
   */
  checkServicePin(input: { product?: string; username: string; pin: string }): Promise<{ matches: boolean }>;
  /** The node:http request listener, to mount in your own server. */
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
  /** Listens on `port` (0: a free one) at `host`; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening and closes the database if the server opened it. */
  close(): Promise<void>;
}

interface Outcome {
  status: number;
  /** JSON text of the body; none for 204. */
  body?: string;
  headers?: Record<string, string>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Creates the reference server of the Pforte HTTP contract. Stateless apart
 * from the database: any number of instances can share one PostgreSQL.
 */
export async function createPforteServer(options: ServerOptions = {}): Promise<PforteServer> {
  const production = options.production ?? process.env['NODE_ENV'] === 'production';
  if (production) checkProductionSetup(options);
  // Products without SMS, e-mail steps or captcha need none: in production the defaults refuse instead of pretending.
  const smsSender = options.smsSender ?? (production ? missingSmsSender : outboxSmsSender);
  const emailSender = options.emailSender ?? (production ? missingEmailSender : outboxEmailSender);
  const captchaVerifier = options.captchaVerifier ?? (production ? refusingCaptchaVerifier : testCaptchaVerifier);
  if (production && captchaVerifier.development) {
    throw new Error('the test captcha verifier accepts test tokens only: pass a real captchaVerifier in production');
  }
  const ownsDatabase = options.database === undefined;
  const db = options.database ?? (await openPglite());
  await migrate(db);
  const limits: rules.BackendLimits = { ...rules.backendDefaults };
  for (const key of Object.keys(limits) as Array<keyof rules.BackendLimits>) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  const catalog = rules.createProductCatalog({
    ...(options.products ? { products: options.products } : {}),
    ...(options.defaultProduct ? { defaultProduct: options.defaultProduct } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  const scryptCost = options.scryptCost ?? defaultScryptCost;
  const service = createService({
    clock: options.clock ?? systemClock,
    catalog,
    limits,
    codePepper: options.codePepper ?? '',
    smsSender,
    emailSender,
    captchaVerifier,
    breachedPasswordChecker: options.breachedPasswordChecker,
  });
  if (options.seed) {
    const seed = options.seed;
    await db.transaction((tx) => service.seed(tx, seed));
  }
  const clock = options.clock ?? systemClock;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const proxyHops = options.trustProxyHops ?? 0;
  const hashQueue = new HashQueue(options.hashQueue);
  const requestBudget = createRequestBudget(options.requestsPerIpPerSecond ?? 5, options.requestBurstPerIp ?? 30);
  const idempotency = createIdempotencyCrypto(options.codePepper ?? '');
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const routes = httpRoutes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace(/\{\w+\}/, '([^/]+)')}$`),
  }));
  if (options.adminToken !== undefined && options.adminToken.length < 32) throw new Error('the admin token needs at least 32 characters');
  const adminTokenDigest = options.adminToken === undefined ? undefined : createHash('sha256').update(options.adminToken).digest();
  const verifyPassword = rules.createPasswordVerifier({ hash: (secret) => hashSecret(secret, scryptCost), verify: verifySecret });

  /** The address the outermost trusted proxy saw: the chain is [client's own entries…, proxies' entries…, socket]. */
  function clientIp(request: IncomingMessage): string {
    const socketAddress = request.socket.remoteAddress ?? 'unknown';
    if (proxyHops === 0) return socketAddress;
    const header = request.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chain = [...forwarded, socketAddress];
    return chain[Math.max(0, chain.length - 1 - proxyHops)]!;
  }

  async function readBody(request: IncomingMessage): Promise<string> {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) throw new HttpProblem(413, 'Request body too large');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) throw new HttpProblem(413, 'Request body too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Runs `work` in a transaction with the Idempotency-Key protocol; business errors commit (attempt counters). */
  async function transact(
    route: HttpRoute,
    key: string | undefined,
    fingerprint: string,
    locale: string,
    work: (tx: Queryable) => Promise<unknown>,
  ): Promise<Outcome> {
    return db.transaction(async (tx) => {
      const useKey = key !== undefined && route.storesAnswer;
      if (useKey) {
        const inserted = await tx.query(
          'INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key',
          [key, fingerprint, clock.now()],
        );
        if (inserted.length === 0) {
          const [stored] = await tx.query<{ fingerprint: string; status: number | null; body: string | null }>(
            'SELECT fingerprint, status, body FROM idempotency_keys WHERE key = $1',
            [key],
          );
          if (!stored || stored.fingerprint !== fingerprint) {
            throw new HttpProblem(422, 'Idempotency-Key reused for a different request');
          }
          if (stored.status === null) throw new HttpProblem(409, 'A request with this Idempotency-Key is in progress');
          const replay = outcomeFromStored(stored.status, stored.body === null ? null : idempotency.open(stored.body));
          return { ...replay, headers: { ...replay.headers, 'Idempotent-Replayed': 'true' } };
        }
      }
      let outcome: Outcome;
      try {
        const result = await work(tx);
        const body = result instanceof Answer ? result.body : result;
        outcome = route.response
          ? { status: route.status, body: JSON.stringify(body) }
          : { status: 204 };
        if (result instanceof Answer) outcome.headers = result.headers;
      } catch (error) {
        if (!(error instanceof PforteError)) throw error;
        outcome = problemOutcome(error.code, locale, error);
      }
      if (useKey) {
        await tx.query('UPDATE idempotency_keys SET status = $2, body = $3 WHERE key = $1', [
          key,
          outcome.status,
          outcome.body === undefined ? null : idempotency.seal(outcome.body),
        ]);
      }
      return outcome;
    });
  }


  /** The work of one route; slow hashing happens here, after the cheap checks and outside the route's transaction. */
  async function dispatch(route: HttpRoute, flowId: string, input: Record<string, unknown>, context: RequestContext & { sessionToken?: string | undefined }) {
    /** The cheap checks that must pass before any slow hash (the flow, its step, the input, the throttles), in their own short transaction. */
    const precheck = <T>(work: (actions: rules.FlowActions) => Promise<T>) => db.transaction((tx) => work(service.actions(tx, context)));
    const hash = (secret: string) => hashQueue.run(context.ip, () => hashSecret(secret, scryptCost));
    const str = (name: string) => String(input[name]);
    const optional = (name: string) => (input[name] === undefined ? undefined : str(name));
    const run = <T>(work: (actions: rules.FlowActions) => Promise<T>) => (tx: Queryable) => work(service.actions(tx, context));
    switch (route.method) {
      case 'startRegistration':
        return run((actions) => actions.startRegistration({ locale: str('locale'), product: optional('product') }));
      case 'submitCredentials': {
        const credentials = { username: str('username'), password: str('password') };
        const username = await precheck((actions) => actions.precheckCredentials(flowId, credentials));
        const passwordHash = await hash(credentials.password);
        return run((actions) => actions.submitCredentials(flowId, username, passwordHash));
      }
      case 'issuePin': {
        const length = Number(input['length']);
        await precheck((actions) => actions.precheckPin(flowId, { length }));
        const pin = generatePin(length, (max) => randomInt(max));
        const pinHash = await hash(pin);
        return run((actions) => actions.issuePin(flowId, length, pin, pinHash));
      }
      case 'setPin': {
        const pin = str('pin');
        await precheck((actions) => actions.precheckPin(flowId, { pin }));
        const pinHash = await hash(pin);
        return run((actions) => actions.setPin(flowId, pin, pinHash));
      }
      case 'confirmPinSaved':
        return run((actions) => actions.confirmPinSaved(flowId));
      case 'sendSmsCode':
        return run((actions) => actions.sendSmsCode(flowId, str('phone')));
      case 'verifySmsCode':
        return run((actions) => actions.verifySmsCode(flowId, str('code')));
      case 'skipStep':
        return run((actions) => actions.skipStep(flowId, input['step'] as never));
      case 'setVisibility':
        return run((actions) => actions.setVisibility(flowId, input['visible'] === true));
      case 'openInvitation':
        return run((actions) => actions.openInvitation(flowId, str('token')));
      case 'submitProfile':
        return run((actions) => actions.submitProfile(flowId, input['profile'] as Record<string, unknown>));
      case 'acceptTerms':
        return run((actions) => actions.acceptTerms(flowId, Number(input['acceptedAt']), optional('version')));
      case 'sendVerificationEmail':
        return run((actions) => actions.sendVerificationEmail(flowId, str('returnUrl')));
      case 'confirmEmail':
        return run((actions) => actions.confirmEmail(str('token')));
      case 'lookupCustomer':
        return run((actions) =>
          actions.lookupCustomer(flowId, { customerNumber: str('customerNumber'), email: str('email'), captchaToken: optional('captchaToken') }),
        );
      case 'verifyCaptcha':
        return run((actions) => actions.verifyCaptcha(flowId, str('token')));
      case 'registerOrganization':
        return run((actions) =>
          actions.registerOrganization(flowId, { name: str('name'), postalCode: str('postalCode'), customerNumber: optional('customerNumber') }),
        );
      case 'joinOrganization':
        return run((actions) => actions.joinOrganization(flowId, { customerNumber: str('customerNumber'), postalCode: str('postalCode') }));
      case 'chooseSecondFactor':
        return run((actions) => actions.chooseSecondFactor(flowId, str('method')));
      case 'sendEmailCode':
        return run((actions) => actions.sendEmailCode(flowId));
      case 'verifyEmailCode':
        return run((actions) => actions.verifyEmailCode(flowId, str('code')));
      case 'complete':
        return run((actions) => actions.complete(flowId));
      default:
        return dispatchSignIn(route, flowId, input, context);
    }
  }

  /** The sign-in routes: a new session goes out as the cookie, never in a body. */
  async function dispatchSignIn(route: HttpRoute, signInId: string, input: Record<string, unknown>, context: RequestContext & { sessionToken?: string | undefined }) {
    const precheck = <T>(work: (actions: rules.SignInActions) => Promise<T>) => db.transaction((tx) => work(service.signIn(tx, context)));
    const slow = <T>(work: () => Promise<T>) => hashQueue.run(context.ip, work);
    const run = <T>(work: (actions: rules.SignInActions) => Promise<T>) => (tx: Queryable) => work(service.signIn(tx, context));
    const signedIn = (work: (actions: rules.SignInActions) => Promise<rules.SignInOutcome>) =>
      run(async (actions) => {
        const { result, sessionToken } = await work(actions);
        return sessionToken === undefined ? result : new Answer(result, { 'Set-Cookie': sessionCookie(sessionToken) });
      });
    const str = (name: string) => String(input[name]);
    const optional = (name: string) => (input[name] === undefined ? undefined : str(name));
    switch (route.method) {
      case 'signIn': {
        const attempt = { identifier: str('identifier'), locale: str('locale'), product: optional('product') };
        const checked = await precheck((actions) => actions.precheckSignIn(attempt));
        if (checked.locked) return async () => checked.locked;
        const matches = await slow(() => verifyPassword(str('password'), checked.passwordHash));
        return signedIn((actions) => actions.finishSignIn(attempt, matches));
      }
      case 'resendSignInCode':
        return run((actions) => actions.resendSignInCode(signInId));
      case 'verifySignInCode':
        return signedIn((actions) => actions.verifySignInCode(signInId, str('code')));
      case 'changePassword': {
        const password = str('password');
        const { passwordHash } = await precheck((actions) => actions.precheckPasswordChange(signInId, password));
        const sameAsOld = await slow(() => verifyPassword(password, passwordHash));
        const newHash = await slow(() => hashSecret(password, scryptCost));
        return signedIn((actions) => actions.finishPasswordChange(signInId, newHash, sameAsOld));
      }
      case 'requestPasswordReset':
        return run((actions) =>
          actions.requestPasswordReset({ identifier: str('identifier'), locale: str('locale'), returnUrl: str('returnUrl'), product: optional('product') }),
        );
      case 'resetPassword': {
        const token = str('token');
        const password = str('password');
        await precheck((actions) => actions.precheckReset(token, password));
        const passwordHash = await slow(() => hashSecret(password, scryptCost));
        return run((actions) => actions.finishReset(token, passwordHash));
      }
      case 'getSession':
        return run(async (actions) => ({ session: await actions.getSession(context.sessionToken) }));
      case 'signOut':
        return run(async (actions) => {
          await actions.signOut(context.sessionToken);
          return new Answer(undefined, { 'Set-Cookie': sessionCookie('', 0) });
        });
      case 'openGuestInvitation':
        return (tx: Queryable) => service.guest(tx, context).openGuestInvitation({ invitation: str('invitation'), product: optional('product') });
      case 'signInAsGuest':
        return async (tx: Queryable) => {
          const { result, sessionToken } = await service.guest(tx, context).signInAsGuest({
            invitation: str('invitation'),
            code: str('code'),
            product: optional('product'),
          });
          return new Answer(result, { 'Set-Cookie': sessionCookie(sessionToken) });
        };
      default:
        return dispatchAccount(route, input, context);
    }
  }

  /** The account area's routes: every one acts for the session of the cookie. */
  function dispatchAccount(route: HttpRoute, input: Record<string, unknown>, context: RequestContext & { sessionToken?: string | undefined }) {
    const run = <T>(work: (actions: rules.OrganizationActions) => Promise<T>) => (tx: Queryable) => work(service.organizations(tx, context));
    const { sessionToken } = context;
    switch (route.method) {
      case 'getOrganization':
        return run(async (actions) => ({ organization: await actions.getOrganization(sessionToken) }));
      case 'decideJoinRequest':
        return run(async (actions) => ({
          organization: await actions.decideJoinRequest(sessionToken, {
            accountId: String(input['accountId']),
            approve: input['approve'] === true,
            locale: String(input['locale']),
          }),
        }));
      case 'removeMember':
        return run(async (actions) => ({ organization: await actions.removeMember(sessionToken, { accountId: String(input['accountId']) }) }));
      case 'inviteMember':
        return run(async (actions) => ({
          organization: await actions.inviteMember(sessionToken, {
            email: String(input['email']),
            locale: String(input['locale']),
            returnUrl: String(input['returnUrl']),
          }),
        }));
      default:
        return dispatchSettings(route, input, context);
    }
  }

  /** The routes of what a person changes later; the password and the new PIN are hashed outside the route's transaction. */
  async function dispatchSettings(route: HttpRoute, input: Record<string, unknown>, context: RequestContext & { sessionToken?: string | undefined }) {
    const settings = (tx: Queryable) => service.accountSettings(tx, context);
    const run = <T>(work: (actions: rules.AccountSettingsActions) => Promise<T>) => (tx: Queryable) => work(settings(tx));
    const precheck = <T>(work: (actions: rules.AccountSettingsActions) => Promise<T>) => db.transaction((tx) => work(settings(tx)));
    const slow = <T>(work: () => Promise<T>) => hashQueue.run(context.ip, work);
    const { sessionToken } = context;
    switch (route.method) {
      case 'getAccountSettings':
        return run(async (actions) => ({ settings: await actions.getAccountSettings(sessionToken) }));
      case 'reauthenticate': {
        const checked = await db.transaction((tx) => service.signIn(tx, context).precheckReauth(sessionToken));
        if ('locked' in checked) return () => Promise.resolve(checked.locked);
        const matches = await slow(() => verifyPassword(String(input['password']), checked.passwordHash));
        return async (tx: Queryable) => {
          const outcome = await service.signIn(tx, context).finishReauth(sessionToken, matches);
          if (outcome.status !== 'confirmed') return outcome;
          return { status: 'confirmed', settings: await settings(tx).getAccountSettings(sessionToken) };
        };
      }
      case 'setContactVisibility':
        return run(async (actions) => ({ settings: await actions.setContactVisibility(sessionToken, input['visible'] === true) }));
      case 'sendSecondFactorSmsCode':
        return run((actions) => actions.sendSecondFactorSmsCode(sessionToken, { phone: String(input['phone']), locale: String(input['locale']) }));
      case 'verifySecondFactorSmsCode':
        return run(async (actions) => ({ settings: await actions.verifySecondFactorSmsCode(sessionToken, String(input['code'])) }));
      case 'setSecondFactor':
        return run(async (actions) => ({ settings: await actions.setSecondFactor(sessionToken, String(input['method'])) }));
      case 'changeAccountPassword': {
        const password = String(input['password']);
        const checked = await precheck((actions) => actions.precheckPasswordChange(sessionToken, password));
        if ('locked' in checked) return () => Promise.resolve(checked.locked);
        const currentMatches = await slow(() => verifyPassword(String(input['currentPassword']), checked.passwordHash));
        const sameAsOld = await slow(() => verifyPassword(password, checked.passwordHash));
        const passwordHash = await slow(() => hashSecret(password, scryptCost));
        return async (tx: Queryable) => {
          const outcome = await settings(tx).finishPasswordChange(sessionToken, currentMatches, passwordHash, sameAsOld);
          return outcome.sessionToken === undefined ? outcome.result : new Answer(outcome.result, { 'Set-Cookie': sessionCookie(outcome.sessionToken) });
        };
      }
      case 'renewServicePin': {
        const length = await precheck((actions) => actions.precheckServicePin(sessionToken));
        const pin = generatePin(length, (max) => randomInt(max));
        const pinHash = await slow(() => hashSecret(pin, scryptCost));
        return run(async (actions) => {
          await actions.renewServicePin(sessionToken, pinHash);
          return { pin };
        });
      }
      default:
        throw new Error(`no dispatch for ${route.method}`);
    }
  }

  /** An account with an initial password that its first sign-in must replace (the admin API and `pforte-server create-account`). */
  async function createAccount(input: rules.NewAccountInput): Promise<{ accountId: string; username: string }> {
    rules.checkInputText(input);
    const username = await db.transaction((tx) => service.signIn(tx).precheckNewAccount(input));
    const passwordHash = await hashQueue.run('admin', () => hashSecret(input.password, scryptCost));
    return db.transaction((tx) => service.signIn(tx).createAccount(input, username, passwordHash));
  }

  /** An account without a password whose holder gets an e-mailed link to set one (the admin API and `pforte-server create-account --invite`). */
  async function inviteAccount(input: rules.AccountInvitationInput): Promise<{ accountId: string; username: string }> {
    rules.checkInputText(input);
    return db.transaction((tx) => service.signIn(tx).inviteAccount(input));
  }

  /** A guest invitation by e-mail: the link and the one-time code (the admin API and `pforte-server invite-guest`). */
  async function inviteGuest(input: rules.GuestInvitationInput): Promise<{ invitationId: string; expiresAt: number; maxUses: number }> {
    rules.checkInputText(input);
    return db.transaction((tx) => service.guest(tx).inviteGuest(input));
  }

  /** The support's check of a service PIN the person names (the admin API): whether it is the account's; five checks per account and hour. */
  async function checkServicePin(input: { product?: string | undefined; username: string; pin: string }): Promise<{ matches: boolean }> {
    rules.checkInputText(input);
    const pinHash = await db.transaction((tx) => service.accountSettings(tx).precheckServicePinCheck(input));
    return { matches: pinHash !== null && (await hashQueue.run('admin', () => verifySecret(input.pin, pinHash))) };
  }

  /** A request of the admin API: the bearer token checked in constant time, then the body against `schema`, then `work`; answers 201. */
  async function adminRequest<S extends z.ZodMiniType>(
    request: IncomingMessage,
    locale: string,
    schema: S,
    work: (input: z.output<S>) => Promise<unknown>,
  ): Promise<Outcome> {
    const authorization = request.headers.authorization ?? '';
    const presented = createHash('sha256').update(authorization.replace(/^Bearer\s+/i, '')).digest();
    if (!adminTokenDigest || !/^Bearer\s+/i.test(authorization) || !timingSafeEqual(presented, adminTokenDigest)) {
      throw new HttpProblem(401, 'Admin token required', { 'WWW-Authenticate': 'Bearer' });
    }
    let json: unknown;
    try {
      json = JSON.parse(await readBody(request));
    } catch {
      throw new HttpProblem(400, 'Malformed JSON');
    }
    const parsed = z.safeParse(schema, json);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      const error = new PforteError('input.invalid', typeof field === 'string' ? { field } : {});
      return problemOutcome(error.code, locale, error);
    }
    try {
      return { status: 201, body: JSON.stringify(await work(parsed.data)) };
    } catch (error) {
      if (!(error instanceof PforteError)) throw error;
      return problemOutcome(error.code, locale, error);
    }
  }

  /**
   * `POST /admin/accounts`: creates an account with an initial password (the
   * first sign-in must replace it), or, without one and with `returnUrl`, by
   * invitation: the person sets their own password with an e-mailed link.
   */
  function createAccountByAdmin(request: IncomingMessage, locale: string): Promise<Outcome> {
    return adminRequest(request, locale, adminAccountRequestSchema, async ({ password, returnUrl, locale: mailLocale, ...account }) => {
      if (password !== undefined) return createAccount({ ...account, password });
      if (returnUrl === undefined) throw new PforteError('input.invalid', { field: 'password' });
      return inviteAccount({ ...account, returnUrl, locale: mailLocale });
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<Outcome> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (basePath && !url.pathname.startsWith(`${basePath}/`)) throw new HttpProblem(404, 'Not found');
    const path = url.pathname.slice(basePath.length);
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!allowedOrigins.has(origin)) throw new HttpProblem(403, 'Origin not allowed');
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
      if (options.allowCredentials) response.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'POST, GET',
          'Access-Control-Allow-Headers': 'Content-Type, Accept, Accept-Language, Idempotency-Key',
          'Access-Control-Max-Age': '600',
        },
      };
    }
    if (request.method === 'GET' && path === '/health') return { status: 200, body: JSON.stringify({ ok: true }) };
    if (request.method === 'GET' && path === '/dev/outbox' && !production) {
      // `phone` and `to` both filter by recipient; `channel` by 'sms' or 'email'.
      const rows = await db.query<Record<string, unknown>>(
        `SELECT channel, recipient AS "to", body AS text, code, link, flow_id AS "flowId", sent_at AS "sentAt" FROM outbox
         WHERE ($1::text IS NULL OR lower(recipient) = lower($1)) AND ($2::text IS NULL OR flow_id = $2)
           AND ($3::text IS NULL OR channel = $3) ORDER BY id`,
        [
          url.searchParams.get('phone') ?? url.searchParams.get('to'),
          url.searchParams.get('flowId'),
          url.searchParams.get('channel'),
        ],
      );
      const messages = rows.map((row) => {
        const message: Record<string, unknown> = { ...row, sentAt: Number(row['sentAt']) };
        if (message['code'] === null) delete message['code'];
        if (message['link'] === null) delete message['link'];
        return message;
      });
      return { status: 200, body: JSON.stringify({ messages }) };
    }
    if (path === '/admin/accounts' && adminTokenDigest) {
      if (request.method !== 'POST') throw new HttpProblem(405, 'Method not allowed', { Allow: 'POST' });
      return createAccountByAdmin(request, pickLocale(request.headers['accept-language']));
    }
    if (path === '/admin/service-pin-checks' && adminTokenDigest) {
      if (request.method !== 'POST') throw new HttpProblem(405, 'Method not allowed', { Allow: 'POST' });
      return adminRequest(request, pickLocale(request.headers['accept-language']), adminServicePinCheckSchema, checkServicePin);
    }
    if (path === '/admin/guest-invitations' && adminTokenDigest) {
      if (request.method !== 'POST') throw new HttpProblem(405, 'Method not allowed', { Allow: 'POST' });
      return adminRequest(request, pickLocale(request.headers['accept-language']), adminGuestInvitationRequestSchema, inviteGuest);
    }
    const match = routes.map(({ route, pattern }) => ({ route, found: pattern.exec(path) })).find(({ found }) => found);
    if (!match) throw new HttpProblem(404, 'Not found');
    const waitSeconds = requestBudget.spend(clientIp(request), clock.now());
    if (waitSeconds > 0) {
      const error = new PforteError('rate_limited', { retryAfterSeconds: waitSeconds });
      return problemOutcome(error.code, pickLocale(request.headers['accept-language']), error);
    }
    const { route } = match;
    const verb = route.verb ?? 'POST';
    if (request.method !== verb) throw new HttpProblem(405, 'Method not allowed', { Allow: verb });
    let flowId = '';
    try {
      flowId = decodeURIComponent(match.found![1] ?? '');
    } catch {
      throw new HttpProblem(400, 'Malformed flow id');
    }
    const contentType = request.headers['content-type'] ?? '';
    // Only JSON: a cross-site form cannot send it without a CORS preflight.
    if (verb === 'POST' && !/^application\/json\s*(;|$)/i.test(contentType)) throw new HttpProblem(415, 'Send application/json');
    const text = verb === 'POST' ? await readBody(request) : '';
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpProblem(400, 'Malformed JSON');
    }
    const parsed = z.safeParse(route.request, json);
    if (!parsed.success) {
      // A member of the wrong type or size: the contract's own error, naming the member.
      const field = parsed.error.issues[0]?.path[0];
      const error = new PforteError('input.invalid', typeof field === 'string' ? { field } : {});
      return problemOutcome(error.code, pickLocale(request.headers['accept-language']), error);
    }
    const keyHeader = request.headers['idempotency-key'];
    const key = typeof keyHeader === 'string' ? keyHeader : undefined;
    if (key !== undefined && !idempotencyKeyPattern.test(key)) throw new HttpProblem(400, 'Malformed Idempotency-Key');
    const locale = pickLocale(request.headers['accept-language']);
    const input = parsed.data as Record<string, unknown>;
    const fingerprint = idempotency.fingerprint(route.method, flowId, input);
    let work: (tx: Queryable) => Promise<unknown>;
    try {
      // No string of the contract may hold a control character or a lone surrogate; refused before anything else.
      rules.checkInputText({ flowId, ...input });
      work = await dispatch(route, flowId, input, {
        ip: clientIp(request),
        origin: typeof origin === 'string' ? origin : undefined,
        locale: requestLocale(request.headers['accept-language']),
        sessionToken: cookieValue(request.headers.cookie, sessionCookieName),
      });
    } catch (error) {
      if (error instanceof HashQueueFull) {
        throw new HttpProblem(503, 'Busy: retry shortly', { 'Retry-After': String(error.retryAfterSeconds) });
      }
      if (!(error instanceof PforteError)) throw error;
      return problemOutcome(error.code, locale, error);
    }
    return transact(route, key, fingerprint, locale, work);
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response)
      .catch((error: unknown): Outcome => {
        if (error instanceof HttpProblem) return plainProblem(error.status, error.title, error.headers);
        // A client that went away (or was cut off by a timeout) needs no answer and is no server error.
        if (request.destroyed) return plainProblem(400, 'Request aborted');
        console.error('pforte-server: unexpected error', error instanceof Error ? error.message : error);
        return problemOutcome('unknown', pickLocale(request.headers['accept-language']));
      })
      .then((outcome) => send(response, outcome))
      .catch(() => response.destroy());
  };

  let server: Server | undefined;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  const maxConnectionsPerIp = options.maxConnectionsPerIp ?? (proxyHops === 0 ? 50 : Infinity);
  const connectionsByIp = new Map<string, number>();

  /** Refuses a connection past the client address's cap; counts it until it closes. */
  function admit(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    const open = connectionsByIp.get(address) ?? 0;
    if (open >= maxConnectionsPerIp) {
      socket.destroy();
      return;
    }
    connectionsByIp.set(address, open + 1);
    socket.once('close', () => {
      const left = (connectionsByIp.get(address) ?? 1) - 1;
      if (left === 0) connectionsByIp.delete(address);
      else connectionsByIp.set(address, left);
    });
  }

  return {
    db,
    service,
    hashQueue,
    handler,
    createAccount,
    inviteAccount,
    inviteGuest,
    checkServicePin,
    listen(port = 0, host = '127.0.0.1') {
      server = createServer(
        // Node checks the timeouts on this interval; its default (30 s) would let a stalled body outlive the request timeout.
        { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
        handler,
      );
      server.on('connection', admit);
      const listening = server;
      return new Promise((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          const address = listening.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}${basePath}`);
        });
      });
    },
    async close() {
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => {
          closing.close(() => resolve());
          closing.closeAllConnections();
        });
      }
      if (ownsDatabase) await db.close();
    },
  };
}

/**
 * A token bucket per client address: `burst` requests at once, refilled at
 * `perSecond`. Kept in memory, per instance: it guards this process's work.
 * Full buckets are dropped at most once a minute, so the map holds only active clients.
 */
function createRequestBudget(perSecond: number, burst: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, now: number) =>
    Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  let lastSweep = 0;
  return {
    /** Takes one request from `client`'s bucket; 0 when allowed, else the seconds until one is. */
    spend(client: string, now: number): number {
      if (now - lastSweep > 60_000) {
        lastSweep = now;
        for (const [key, bucket] of buckets) if (refill(bucket, now) >= burst) buckets.delete(key);
      }
      const bucket = buckets.get(client) ?? { tokens: burst, at: now };
      const tokens = refill(bucket, now);
      if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / perSecond));
      buckets.set(client, { tokens: tokens - 1, at: now });
      return 0;
    },
  };
}

function send(response: ServerResponse, outcome: Outcome): void {
  response.statusCode = outcome.status;
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(outcome.headers ?? {})) response.setHeader(name, value);
  if (outcome.body === undefined || outcome.status === 204) {
    response.end();
    return;
  }
  if (!response.hasHeader('Content-Type')) {
    response.setHeader('Content-Type', outcome.status >= 400 ? problemMediaType : 'application/json');
  }
  response.end(outcome.body);
}

function outcomeFromStored(status: number, body: string | null): Outcome {
  const outcome: Outcome = { status };
  if (body !== null) outcome.body = body;
  if (status === 429 && body !== null) {
    const retry = (JSON.parse(body) as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retry !== undefined) outcome.headers = { 'Retry-After': String(Math.ceil(retry)) };
  }
  return outcome;
}

/** A problem document for a Pforte error; `detail` in the request's language. */
function problemOutcome(code: PforteErrorCode, locale: string, error?: PforteError): Outcome {
  const status = problemStatus[code];
  const { title, detail } = problemText(code, locale);
  const body: Record<string, unknown> = { type: `urn:pforte:error:${code}`, title, status, detail, code };
  if (error) {
    const members = [
      'field',
      'attemptsRemaining',
      'retryAfterSeconds',
      'resendAvailableAt',
      'now',
      'validityDays',
      'validityHours',
    ] as const;
    for (const member of members) {
      if (error[member] !== undefined) body[member] = error[member];
    }
  }
  const headers: Record<string, string> = {};
  if (code === 'rate_limited' && error?.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(Math.ceil(error.retryAfterSeconds));
  }
  return { status, body: JSON.stringify(body), headers };
}

/** A protocol-level problem (no Pforte business rule): code 'unknown' with the HTTP status. */
function plainProblem(status: number, title: string, headers: Record<string, string> = {}): Outcome {
  return {
    status,
    body: JSON.stringify({ type: 'about:blank', title, status, code: 'unknown' }),
    headers,
  };
}

/** Body of `POST /admin/accounts`: an initial `password`, or none and a `returnUrl` (invitation). */
const adminAccountRequestSchema = z.object({
  product: z.optional(z.string().check(z.maxLength(200))),
  username: z.string().check(z.maxLength(2000)),
  password: z.optional(z.string().check(z.maxLength(20000))),
  returnUrl: z.optional(z.string().check(z.maxLength(2000))),
  locale: z.optional(z.string().check(z.maxLength(35))),
  secondFactor: z.optional(z.enum(['none', 'sms', 'email'])),
  phone: z.optional(z.string().check(z.maxLength(32))),
  email: z.optional(z.string().check(z.maxLength(320))),
});

/** Body of `POST /admin/service-pin-checks`. */
const adminServicePinCheckSchema = z.object({
  product: z.optional(z.string().check(z.maxLength(200))),
  username: z.string().check(z.maxLength(320)),
  pin: z.string().check(z.maxLength(32)),
});

/** Body of `POST /admin/guest-invitations`. */
const adminGuestInvitationRequestSchema = z.object({
  product: z.optional(z.string().check(z.maxLength(200))),
  email: z.string().check(z.maxLength(320)),
  name: z.optional(z.string().check(z.maxLength(200))),
  phone: z.optional(z.string().check(z.maxLength(32))),
  returnUrl: z.string().check(z.maxLength(2000)),
  locale: z.optional(z.string().check(z.maxLength(35))),
});

/** The session cookie with `token` (empty and `maxAge` 0 to remove it); a browser session cookie, the server enforces the timeouts. */
function sessionCookie(token: string, maxAge?: number): string {
  return `${sessionCookieName}=${token}; HttpOnly; Secure; SameSite=Lax; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
}

/** The value of cookie `name` in a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The first language of an `Accept-Language` header Pforte speaks (`tr-TR,tr;q=0.9` → `tr`), else none. */
function requestLocale(header: string | undefined): string | undefined {
  for (const tag of header?.split(',') ?? []) {
    const locale = matchLocale(tag.split(';')[0]);
    if (locale) return locale;
  }
  return undefined;
}

/** The language of an answer's problem details (title, detail: German or English; the widget shows its own text by `code`). */
function pickLocale(header: string | undefined): string {
  return requestLocale(header) === 'de' ? 'de' : 'en';
}
