import { parseConfig, resolveSignIn, safeParseConfig } from '../src/index.js';
import { createPasswordVerifier, type PasswordHasher } from '../src/rules/index.js';
import { createPbkdf2Hasher } from '../src/memory/password-hash.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

describe('signIn config section', () => {
  it('fills every default and keeps the section out of configs without one', () => {
    equal(parseConfig({}).signIn, undefined);
    deepEqual(parseConfig({ signIn: {} }).signIn, resolveSignIn());
    deepEqual(resolveSignIn().lockout, { maxAttempts: 5, lockSeconds: 300 });
    equal(parseConfig({ signIn: { lockout: { maxAttempts: 3 } } }).signIn?.lockout.lockSeconds, 300);
  });

  it('names the option that is out of range', () => {
    const result = safeParseConfig({ signIn: { lockout: { lockSeconds: 5 } } });
    ok(!result.ok);
    equal(result.error.message, 'signIn.lockout.lockSeconds: expected 10–86400');
    const origin = safeParseConfig({ signIn: { resetUrlOrigins: ['https://praxis.example/reset'] } });
    ok(!origin.ok && origin.error.message.startsWith('signIn.resetUrlOrigins[0]'));
  });

  it('keeps a first-sign-in notice as given, and refuses an empty one', () => {
    const notice = 'Herzlich willkommen! Bitte ändern Sie bei Ihrem ersten Besuch Ihr Passwort.';
    equal(parseConfig({ signIn: { firstSignInNotice: notice } }).signIn?.firstSignInNotice, notice);
    ok(!('firstSignInNotice' in resolveSignIn()));
    const empty = safeParseConfig({ signIn: { firstSignInNotice: '' } });
    ok(!empty.ok && empty.error.message === 'signIn.firstSignInNotice: must not be empty', empty.ok ? '' : empty.error.message);
  });
});

describe('password hashes for sign-in', () => {
  it('PBKDF2: salted, verifies the right password only', async () => {
    const hasher = createPbkdf2Hasher(1000);
    const first = await hasher.hash('Passwort mit 🔑');
    const second = await hasher.hash('Passwort mit 🔑');
    ok(first.startsWith('pbkdf2-sha256$1000$'), first);
    ok(first !== second, 'a fresh salt each time');
    ok(!first.includes('Passwort'), 'no password in the hash');
    equal(await hasher.verify('Passwort mit 🔑', first), true);
    equal(await hasher.verify('Passwort mit 🔐', first), false);
    equal(await hasher.verify('Passwort mit 🔑', 'scrypt$1$2$3$4$5'), false);
  });

  it('an unknown account costs one verification of a dummy hash, and never matches', async () => {
    const calls: string[] = [];
    const inner = createPbkdf2Hasher(1000);
    const counting: PasswordHasher = {
      hash: (password) => inner.hash(password),
      verify: async (password, hash) => {
        calls.push(hash);
        return inner.verify(password, hash);
      },
    };
    const verify = createPasswordVerifier(counting);
    const dummyTarget = await inner.hash('pforte: no account has this password');
    equal(await verify('pforte: no account has this password', undefined), false);
    equal(await verify('anything', null), false);
    equal(calls.length, 2);
    equal(calls[0], calls[1], 'the same dummy hash each time');
    equal(await verify('right', await inner.hash('right')), true);
    ok(dummyTarget !== calls[0], 'the dummy has its own salt');
  });
});
