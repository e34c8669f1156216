import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Members of a request that hold a low-entropy secret (password, PIN, code).
 * They never enter a fingerprint: a fast hash over them could be brute-forced
 * from the table in seconds. Long random tokens (links, captcha) may enter.
 */
const secretMembers = new Set(['password', 'pin', 'code']);

/** JSON with object keys sorted, so that two spellings of one request match. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The Idempotency-Key protocol's crypto, keyed by the server's secret:
 * fingerprints are HMACs over the request without its secret members, and
 * stored answers (a generated PIN among them) are sealed with AES-256-GCM, so
 * the idempotency table holds no secret in clear nor under a fast hash.
 */
export function createIdempotencyCrypto(serverSecret: string) {
  const derive = (purpose: string) => createHmac('sha256', serverSecret).update(`pforte idempotency ${purpose}`).digest();
  const fingerprintKey = derive('fingerprint');
  const answerKey = derive('answer');
  return {
    /** Which request a key was used for: method, flow and the members that are not secrets. */
    fingerprint(method: string, flowId: string, input: Record<string, unknown>): string {
      const kept = Object.fromEntries(Object.entries(input).filter(([name]) => !secretMembers.has(name)));
      return createHmac('sha256', fingerprintKey).update(canonicalJson([method, flowId, kept])).digest('base64url');
    },
    /** Encrypts an answer for storage: `iv.tag.ciphertext`, base64url. */
    seal(answer: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', answerKey, iv);
      const sealed = Buffer.concat([cipher.update(answer, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
    },
    /** Decrypts what {@link seal} stored; throws when it was altered or sealed with another secret. */
    open(stored: string): string {
      const [iv = '', tag = '', sealed = ''] = stored.split('.');
      const decipher = createDecipheriv('aes-256-gcm', answerKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
