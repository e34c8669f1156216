import { createHmac } from 'node:crypto';
import type { SmsSender } from '../sms.js';

/** The least length of a webhook secret, in bytes (UTF-8). */
export const minimumSecretBytes = 32;

/** Options of {@link createWebhookSmsSender}. */
export interface WebhookSmsSenderOptions {
  /** Where to POST: `https://…` (plain `http://` only to this machine, e.g. a gateway on 127.0.0.1). */
  url: string;
  /** The HMAC key the receiver checks `Pforte-Signature` with; at least 32 bytes. */
  secret: string;
  /** How long to wait for the answer (default 5000 ms). */
  timeoutMs?: number;
  /** The clock of the signature's timestamp (ms epoch; default `Date.now`). */
  now?: () => number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

/** The signature header of a webhook body sent at `unixSeconds`: `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "t.body">`. */
export function webhookSignature(body: string, secret: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Sends SMS through an HTTPS webhook of your SMS gateway or of a small relay
 * to your provider: `POST url` with the JSON body `{"to": "+49…", "text":
 * "…"}` (the text holds the code and ends with the WebOTP line; the code does
 * not travel a second time) and the header `Pforte-Signature: t=<unix
 * seconds>,v1=<hex>`, the HMAC-SHA-256 of `<t>.<body>` keyed with the
 * secret. The receiver recomputes it over the raw body, compares in constant
 * time and refuses timestamps older than a few minutes (replays). Any answer
 * but 2xx, a network error or the timeout throws, so the code is not stored.
 */
export function createWebhookSmsSender(options: WebhookSmsSenderOptions): SmsSender {
  const url = new URL(options.url);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error('the SMS webhook URL must be https:// (the body holds the code)');
  }
  if (Buffer.byteLength(options.secret, 'utf8') < minimumSecretBytes) {
    throw new Error(`the SMS webhook secret must have at least ${minimumSecretBytes} bytes`);
  }
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const post = options.fetch ?? fetch;
  return {
    async send(message) {
      const body = JSON.stringify({ to: message.to, text: message.text });
      let response: Response;
      try {
        response = await post(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Pforte-Signature': webhookSignature(body, options.secret, Math.floor(now() / 1000)),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'not reachable';
        throw new Error(`SMS webhook ${reason}`, { cause: error });
      }
      // Read to the end so the connection can be reused; what it says is the gateway's business.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`SMS webhook answered ${response.status}`);
    },
  };
}
