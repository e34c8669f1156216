import type { PasswordHasher } from '../rules/sign-in.js';

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  // WebCrypto exists in secure contexts only (https, localhost): the memory adapter signs in nowhere else.
  if (!subtle) throw new Error('the memory adapter needs WebCrypto (a secure context) to hash passwords');
  const key = await subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/**
 * The memory adapter's password hash: PBKDF2-SHA-256 over WebCrypto with a
 * random salt, `pbkdf2-sha256$iterations$salt$hash`. A demo backend holds no
 * real passwords, so the default cost (100 000 iterations) is below OWASP's
 * 600 000 to keep tests quick; it is still never plain text nor a fast hash.
 */
export function createPbkdf2Hasher(iterations = 100_000): PasswordHasher {
  return {
    async hash(password) {
      const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
      const hash = await derive(password, salt, iterations);
      return ['pbkdf2-sha256', iterations, toBase64Url(salt), toBase64Url(hash)].join('$');
    },
    async verify(password, stored) {
      const [scheme, rounds, salt, hash] = stored.split('$');
      if (scheme !== 'pbkdf2-sha256' || !salt || !hash) return false;
      const expected = fromBase64Url(hash);
      const actual = await derive(password, fromBase64Url(salt), Number(rounds));
      let difference = expected.length ^ actual.length;
      for (let i = 0; i < expected.length; i++) difference |= expected[i]! ^ (actual[i] ?? 0);
      return difference === 0;
    },
  };
}
