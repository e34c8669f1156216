import { generatePin, isTrivialPin } from '../src/index.js';
import { describe, equal, it, ok, throws } from './assert.js';

describe('pin', () => {
  it('detects trivial PINs', () => {
    for (const pin of ['000000', '1111', '123456', '654321', '0123', '3456789', '121212', '9090', '474747']) {
      equal(isTrivialPin(pin), true, pin);
    }
    for (const pin of ['483920', '1357', '120120', '902137', '112233']) equal(isTrivialPin(pin), false, pin);
    equal(isTrivialPin('9012'), false, 'no wrap-around runs');
  });

  it('generates PINs of the requested length that are never trivial', () => {
    for (let i = 0; i < 500; i++) {
      const pin = generatePin(4);
      ok(/^\d{4}$/.test(pin), pin);
      equal(isTrivialPin(pin), false, pin);
    }
    equal(generatePin(12).length, 12);
  });

  it('re-rolls trivial PINs from the random source', () => {
    const digits = [1, 2, 3, 4, 5, 6, 4, 8, 3, 9, 2, 0];
    let next = 0;
    equal(generatePin(6, () => digits[next++]!), '483920');
  });

  it('rejects impossible lengths and broken random sources', () => {
    throws(() => generatePin(3), /PIN length/);
    throws(() => generatePin(6, () => 0), /trivial/);
  });
});
