import { createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost. The default is one of OWASP's equivalent settings (N=2^14, r=8, p=5: 16 MiB, ~the work of 2^17/8/1). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const defaultScryptCost: ScryptCost = { N: 2 ** 14, r: 8, p: 5 };

function scryptAsync(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Hashes a long-lived secret (password, service PIN) with scrypt and a random
 * salt: `scrypt$N$r$p$salt$hash` (base64url). The text is NFC-normalised
 * first (never truncated, never case-folded), so the same characters typed on
 * two systems give the same hash.
 */
export async function hashSecret(secret: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a secret against {@link hashSecret}'s output in constant time. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A random code of `length` decimal digits from the CSPRNG (crypto.randomInt: uniform, no modulo bias). */
export function randomDigits(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/** A random id with a prefix: 128 bits, base64url. Flow ids are bearer secrets, so they must not be guessable. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/**
 * Hashes a short-lived SMS code: HMAC-SHA-256 over a per-code random salt and
 * the code, keyed with the server's pepper (empty when none is configured).
 * A fast hash is enough here: a code lives ≤ 10 minutes and allows a handful
 * of online tries; hashing keeps live codes out of backups, dumps and support
 * views, and with a pepper kept outside the database a stolen table cannot
 * even be brute-forced offline in that window. A slow hash would only turn
 * the verify route into a CPU amplifier.
 */
export function hashCode(code: string, salt: string, pepper: string): string {
  return createHmac('sha256', pepper).update(salt).update('\0').update(code).digest('base64url');
}

/** A fresh salt for {@link hashCode}. */
export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** Compares a submitted code with the stored hash in constant time. */
export function codeMatches(code: string, salt: string, storedHash: string, pepper: string): boolean {
  const expected = Buffer.from(storedHash, 'base64url');
  const actual = Buffer.from(hashCode(code, salt, pepper), 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Hashes a long random token (invitation, e-mail link, captcha) for storage:
 * SHA-256, base64url. The tokens carry ≥ 128 bits, so a fast hash suffices;
 * the database never holds a usable token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
