import { createHash, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import {
  PforteError,
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
import { problemText } from './messages.js';
import { defaultScryptCost, hashSecret, type ScryptCost } from './secrets.js';
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
  /** Key of the code HMAC; keep it outside the database. Production needs at least 32 bytes. */
  codePepper?: string;
  smsSender?: SmsSender;
  emailSender?: EmailSender;
  captchaVerifier?: CaptchaVerifier;
  /** Refuses passwords known from breaches, e.g. `createRangeBreachChecker` of `@pforte/core/rules` (default: no such check). */
  breachedPasswordChecker?: rules.BreachedPasswordChecker;
  /** Storage; default: a fresh in-memory PGlite (migrated). A given database is migrated too. */
  database?: Database;
  /** Origins allowed by CORS (exact, e.g. `https://praxis.example`); same-origin requests always pass. */
  allowedOrigins?: string[];
  /** Answer CORS with `Access-Control-Allow-Credentials` (for adapters with `credentials: 'include'`). */
  allowCredentials?: boolean;
  /**
   * Production mode (default: NODE_ENV === 'production'): no /dev/outbox, and
   * refused without products, a code pepper, or the senders the products'
   * steps need (see `checkProductionSetup`).
   */
  production?: boolean;
  /** Take the client IP from the first `X-Forwarded-For` entry (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Path prefix of every route, e.g. `/pforte` (default none). */
  basePath?: string;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /** Invitations, customers and organizations to load at start (idempotent), e.g. for the demo. */
  seed?: SeedData;
}

/** A running (or listenable) reference server. */
export interface PforteServer {
  readonly db: Database;
  readonly service: Service;
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
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const routes = httpRoutes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.replace('{flowId}', '([^/]+)')}$`),
  }));

  function clientIp(request: IncomingMessage): string {
    if (options.trustProxy) {
      const forwarded = request.headers['x-forwarded-for'];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
      if (first) return first;
    }
    return request.socket.remoteAddress ?? 'unknown';
  }

  function originAllowed(origin: string, host: string | undefined): boolean {
    if (allowedOrigins.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
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
          const replay = outcomeFromStored(stored.status, stored.body);
          return { ...replay, headers: { ...replay.headers, 'Idempotent-Replayed': 'true' } };
        }
      }
      let outcome: Outcome;
      try {
        const result = await work(tx);
        outcome = route.response
          ? { status: route.status, body: JSON.stringify(result) }
          : { status: 204 };
      } catch (error) {
        if (!(error instanceof PforteError)) throw error;
        outcome = problemOutcome(error.code, locale, error);
      }
      if (useKey) {
        await tx.query('UPDATE idempotency_keys SET status = $2, body = $3 WHERE key = $1', [
          key,
          outcome.status,
          outcome.body ?? null,
        ]);
      }
      return outcome;
    });
  }

  /** The cheap checks that must pass before any slow hash (the flow, its step, the input), in their own short transaction. */
  const precheck = <T>(work: (actions: rules.FlowActions) => Promise<T>) => db.transaction((tx) => work(service.actions(tx)));
  const hash = (secret: string) => hashSecret(secret, scryptCost);

  /** The work of one route; slow hashing happens here, after the cheap checks and outside the route's transaction. */
  async function dispatch(route: HttpRoute, flowId: string, input: Record<string, unknown>, context: RequestContext) {
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
        return run((actions) => actions.sendSmsCode(flowId, str('phone'), context));
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
        return run((actions) => actions.sendVerificationEmail(flowId, str('returnUrl'), context));
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
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<Outcome> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (basePath && !url.pathname.startsWith(`${basePath}/`)) throw new HttpProblem(404, 'Not found');
    const path = url.pathname.slice(basePath.length);
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(origin, request.headers.host)) throw new HttpProblem(403, 'Origin not allowed');
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
    const match = routes.map(({ route, pattern }) => ({ route, found: pattern.exec(path) })).find(({ found }) => found);
    if (!match) throw new HttpProblem(404, 'Not found');
    if (request.method !== 'POST') throw new HttpProblem(405, 'Method not allowed', { Allow: 'POST' });
    const { route } = match;
    let flowId = '';
    try {
      flowId = decodeURIComponent(match.found![1] ?? '');
    } catch {
      throw new HttpProblem(400, 'Malformed flow id');
    }
    const contentType = request.headers['content-type'] ?? '';
    // Only JSON: a cross-site form cannot send it without a CORS preflight.
    if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new HttpProblem(415, 'Send application/json');
    const text = await readBody(request);
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
    const fingerprint = createHash('sha256').update(`${route.method}\n${flowId}\n${text}`).digest('base64url');
    const locale = pickLocale(request.headers['accept-language']);
    const input = parsed.data as Record<string, unknown>;
    let work: (tx: Queryable) => Promise<unknown>;
    try {
      // No string of the contract may hold a control character or a lone surrogate; refused before anything else.
      rules.checkInputText({ flowId, ...input });
      work = await dispatch(route, flowId, input, { ip: clientIp(request), origin: typeof origin === 'string' ? origin : undefined });
    } catch (error) {
      if (!(error instanceof PforteError)) throw error;
      return problemOutcome(error.code, locale, error);
    }
    return transact(route, key, fingerprint, locale, work);
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response)
      .catch((error: unknown): Outcome => {
        if (error instanceof HttpProblem) return plainProblem(error.status, error.title, error.headers);
        console.error('pforte-server: unexpected error', error instanceof Error ? error.message : error);
        return problemOutcome('unknown', pickLocale(request.headers['accept-language']));
      })
      .then((outcome) => send(response, outcome))
      .catch(() => response.destroy());
  };

  let server: Server | undefined;
  return {
    db,
    service,
    handler,
    listen(port = 0, host = '127.0.0.1') {
      server = createServer(handler);
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

function pickLocale(header: string | undefined): string {
  return header?.trim().toLowerCase().startsWith('de') ? 'de' : 'en';
}
