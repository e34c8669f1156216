import { PforteError } from '../errors.js';

/**
 * Whether a password appeared in a data breach, asked of a service that
 * knows (a backend option: the rules call it after every cheap check).
 */
export interface BreachedPasswordChecker {
  /**
   * True when the password is known from a breach. When the service cannot
   * answer, a fail-open checker answers false and a fail-closed one throws.
   */
  isBreached(password: string): Promise<boolean>;
}

/** Options of {@link createRangeBreachChecker}. */
export interface RangeBreachCheckerOptions {
  /**
   * Base URL of a k-anonymity range API: the checker asks `GET {baseUrl}/range/{first 5 hex of SHA-1}`,
   * e.g. `https://api.pwnedpasswords.com` (Have I Been Pwned) or a mirror of your own.
   */
  baseUrl: string;
  /** How long to wait for the answer (default 2000 ms). */
  timeoutMs?: number;
  /**
   * What happens when the service is down, slow or answers nonsense:
   * `'open'` (the default) accepts the password and reports it through
   * `onUnavailable`, so an outage never stops registrations; `'closed'`
   * throws 'network' (HTTP 503), so no password goes unchecked.
   */
  failMode?: 'open' | 'closed';
  /** Called whenever the service could not answer; `count` is the total so far (a fail-open checker's warning). */
  onUnavailable?: (count: number, cause: unknown) => void;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** A {@link BreachedPasswordChecker} that counts the times its service could not answer. */
export interface RangeBreachChecker extends BreachedPasswordChecker {
  /** How often the service could not answer. */
  readonly unavailableCount: number;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/**
 * The k-anonymity range check of Have I Been Pwned's Pwned Passwords API:
 * only the first 5 hex characters of the password's SHA-1 leave the server,
 * with `Add-Padding: true` so the size of the answer tells nothing either;
 * the rest of the hash is compared locally. SHA-1 here is the protocol's
 * lookup key, never a way of storing the password.
 */
export function createRangeBreachChecker(options: RangeBreachCheckerOptions): RangeBreachChecker {
  const base = options.baseUrl.replace(/\/+$/u, '');
  const timeoutMs = options.timeoutMs ?? 2000;
  const doFetch = options.fetch ?? fetch;
  let unavailableCount = 0;

  async function lookUp(prefix: string, suffix: string): Promise<boolean> {
    const response = await doFetch(`${base}/range/${prefix}`, {
      headers: { 'Add-Padding': 'true' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`range API answered ${response.status}`);
    const body = await response.text();
    for (const line of body.split('\n')) {
      const [candidate, count] = line.trim().split(':');
      // Padding entries carry the count 0.
      if (candidate?.toUpperCase() === suffix) return Number(count) > 0;
    }
    return false;
  }

  return {
    get unavailableCount() {
      return unavailableCount;
    },
    async isBreached(password) {
      const hash = await sha1Hex(password);
      try {
        return await lookUp(hash.slice(0, 5), hash.slice(5));
      } catch (cause) {
        unavailableCount += 1;
        options.onUnavailable?.(unavailableCount, cause);
        // 'network' (503): the person may try again once the service answers.
        if (options.failMode === 'closed') throw new PforteError('network', { cause });
        return false;
      }
    },
  };
}
