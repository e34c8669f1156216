/**
 * Whether a PIN is too easy to guess: one digit repeated (000000), a straight
 * run up or down (123456, 654321) or a repeated two-digit pattern (121212).
 */
export function isTrivialPin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  const digits = [...pin].map(Number);
  const step = (i: number) => digits[i + 1]! - digits[i]!;
  const ascending = digits.every((_, i) => i === digits.length - 1 || step(i) === 1);
  const descending = digits.every((_, i) => i === digits.length - 1 || step(i) === -1);
  // Period 2 covers 000000 (same digit) as well as 121212.
  const repeatedPair = digits.every((digit, i) => i < 2 || digit === digits[i - 2]);
  return ascending || descending || repeatedPair;
}

/** Uniform random integer in [0, max) from the platform CSPRNG (`crypto.getRandomValues`), without modulo bias. */
export function cryptoRandom(max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
}

/**
 * Generates a random numeric PIN of `length` digits that is not trivial.
 * @param random source of integers in [0, max); defaults to `crypto.getRandomValues`
 */
export function generatePin(length: number, random: (max: number) => number = cryptoRandom): string {
  if (!Number.isInteger(length) || length < 4) throw new RangeError('PIN length must be a whole number ≥ 4');
  // A trivial PIN comes up with probability ≈ 10^-(length-2); 100 rolls only fail with a broken `random`.
  for (let roll = 0; roll < 100; roll++) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += String(random(10));
    if (!isTrivialPin(pin)) return pin;
  }
  throw new Error('the random source keeps producing trivial PINs');
}
