import type { CallOptions, ContractMethod, PforteAdapter } from './adapter.js';
import type { PforteAccountAdapter } from './account-adapter.js';
import type { PforteSignInAdapter } from './sign-in-adapter.js';
import { PforteError, type PforteErrorCode } from './errors.js';
import type { Problem } from './http-contract.js';
import { httpRouteBases, isPforteErrorCode, routeBaseOf, type HttpRouteBase } from './http-routes.js';
import { loadValidation } from './load-validation.js';

/** Options of `createHttpAdapter`. */
export interface HttpAdapterOptions {
  /** Base URL of the backend, e.g. `https://auth.example.com/pforte` (a trailing slash is fine). */
  baseUrl: string;
  /** The fetch to use (default: `globalThis.fetch`); inject one in tests or to add tracing. */
  fetch?: typeof globalThis.fetch;
  /** Extra request headers (e.g. a product key); a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Time for one call including the adapter's own retry (default 15 000 ms); then 'timeout'. */
  timeoutMs?: number;
  /** `credentials` of every fetch (default 'same-origin'); 'include' for cookies on a cross-origin backend. */
  credentials?: RequestCredentials;
  /** Sent as `Accept-Language`; a function is asked per request, so a runtime locale switch is honoured. */
  locale?: string | (() => string | undefined);
  /**
   * Retries after a network failure or a 502/503/504, with the same
   * Idempotency-Key so the server answers a repeat from its record instead of
   * acting twice (default 1; 0 turns retries off).
   */
  retries?: number;
  /** Pause before a retry (default 300 ms). */
  retryDelayMs?: number;
}

const retryableStatus = new Set([502, 503, 504]);
const maxServerMessageLength = 500;

/**
 * An adapter that talks to a backend implementing the Pforte HTTP contract
 * (see `http-contract.ts` and docs/openapi.json): one `POST` per method, JSON
 * bodies, every success body validated with the result schemas (anything
 * malformed becomes 'response.invalid'), errors read from
 * `application/problem+json`. Network failures become 'network', timeouts
 * and aborts 'timeout'. Every call sends a fresh `Idempotency-Key`, reused
 * only on the adapter's own retry.
 */
export function createHttpClient(options: HttpAdapterOptions): PforteAdapter & PforteSignInAdapter & PforteAccountAdapter {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = Math.max(0, options.retries ?? 1);
  const retryDelayMs = options.retryDelayMs ?? 300;

  function headersFor(key: string, fallbackLocale: string | undefined): Headers {
    const extra = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    const headers = new Headers(extra);
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json, application/problem+json');
    headers.set('Idempotency-Key', key);
    const locale = (typeof options.locale === 'function' ? options.locale() : options.locale) ?? fallbackLocale;
    if (locale) headers.set('Accept-Language', locale);
    return headers;
  }

  async function call<T>(
    method: ContractMethod,
    input: object = {},
    callOptions: CallOptions | undefined,
  ): Promise<T> {
    const route = routeBaseOf(method);
    const body: Record<string, unknown> = { ...input };
    // Path members (`{flowId}`, `{signInId}`) go into the URL, not the body.
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = body[name];
      delete body[name];
      return encodeURIComponent(typeof value === 'string' ? value : '');
    });
    const get = route.verb === 'GET';
    const outer = callOptions?.signal;
    if (outer?.aborted) throw new PforteError('timeout', { cause: outer.reason });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new PforteError('timeout')), timeoutMs);
    const onAbort = () => controller.abort(new PforteError('timeout', { cause: outer?.reason }));
    outer?.addEventListener('abort', onAbort, { once: true });
    // One key per logical submit; a retry re-sends it so the server can tell.
    const key = randomUuid();
    const locale = typeof body['locale'] === 'string' ? body['locale'] : undefined;
    const headers = headersFor(key, locale);
    if (get) {
      headers.delete('Content-Type');
      headers.delete('Idempotency-Key');
    }
    const init: RequestInit = {
      method: get ? 'GET' : 'POST',
      headers,
      ...(get ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
      credentials: options.credentials ?? 'same-origin',
      cache: 'no-store',
      // A redirect could send the body (a password) elsewhere.
      redirect: 'error',
    };
    try {
      for (let attempt = 0; ; attempt++) {
        let response: Response;
        try {
          response = await fetchImpl(`${base}${path}`, init);
        } catch (error) {
          if (controller.signal.aborted) throw timeoutFrom(controller.signal);
          if (attempt < retries) {
            await pause(retryDelayMs, controller.signal);
            continue;
          }
          throw new PforteError('network', { cause: error });
        }
        if (retryableStatus.has(response.status) && attempt < retries && !hasProblemBody(response)) {
          await response.body?.cancel().catch(() => undefined);
          await pause(retryDelayMs, controller.signal);
          continue;
        }
        return (await interpret(route, response)) as T;
      }
    } catch (error) {
      if (error instanceof PforteError) throw error;
      if (controller.signal.aborted) throw timeoutFrom(controller.signal);
      // Reading the body failed mid-way: the connection broke.
      throw new PforteError('network', { cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  // One method per route: the contract table is the whole API.
  return Object.fromEntries(
    httpRouteBases.map((route) => [
      route.method,
      (input: object | undefined, callOptions?: CallOptions) => call(route.method, input, callOptions),
    ]),
  ) as unknown as PforteAdapter & PforteSignInAdapter & PforteAccountAdapter;
}

function timeoutFrom(signal: AbortSignal): PforteError {
  return signal.reason instanceof PforteError ? signal.reason : new PforteError('timeout', { cause: signal.reason });
}

function hasProblemBody(response: Response): boolean {
  return (response.headers.get('Content-Type') ?? '').includes('json');
}

async function interpret(route: HttpRouteBase, response: Response): Promise<unknown> {
  if (response.ok) {
    if (route.status === 204) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PforteError('response.invalid');
    }
    // The answer schemas load with zod on the first answer (see load-validation.ts).
    return (await loadValidation()).parseResponse(route.method, json);
  }
  throw await errorFrom(response);
}

/** Turns an error answer into a {@link PforteError}: problem+json first, then the status. */
export async function errorFrom(response: Response): Promise<PforteError> {
  const contentType = response.headers.get('Content-Type') ?? '';
  const text = await response.text().catch(() => '');
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let problem: Problem | undefined;
  if (contentType.includes('json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON after all: fall back to the status.
    }
    if (json !== undefined) problem = (await loadValidation()).parseProblem(json);
  }
  const serverMessage = plainText(problem ? problem.detail : contentType.startsWith('text/plain') ? text : undefined);
  const code: PforteErrorCode =
    problem && isPforteErrorCode(problem.code) ? problem.code : (codeForStatus(response.status) ?? 'unknown');
  const retryAfterSeconds = problem?.retryAfterSeconds ?? (code === 'rate_limited' ? retryAfter : undefined);
  return new PforteError(code, {
    field: problem?.field,
    attemptsRemaining: problem?.attemptsRemaining,
    retryAfterSeconds,
    resendAvailableAt: problem?.resendAvailableAt,
    now: problem?.now,
    validityDays: problem?.validityDays,
    validityHours: problem?.validityHours,
    serverMessage,
  });
}

function codeForStatus(status: number): PforteErrorCode | undefined {
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 502 || status === 503) return 'network';
  return undefined;
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** A backend's text, reduced to one plain line of bounded length (it is shown, never parsed as HTML). */
function plainText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (text === '') return undefined;
  return [...text].slice(0, maxServerMessageLength).join('');
}

/** Waits `ms`, rejecting with the signal's reason when it aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(timeoutFrom(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(timeoutFrom(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A random (v4) UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function randomUuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
