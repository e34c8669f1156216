import * as rules from '../src/rules/index.js';
import { caseFold, identityKey, isMixedScript, skeleton } from '../src/rules/username-identity.js';
import { describe, equal, it, notEqual, ok, rejects } from './assert.js';

const free = rules.defineProduct('free', { username: { kind: 'username' }, steps: ['credentials'] });
const email = rules.defineProduct('mail', { steps: ['credentials'] });

const refusedAsInvalid = (product: rules.Product, name: string) =>
  rejects(rules.acceptUsername(product, name), 'identifier.invalid', JSON.stringify(name));

describe('rules: usernames (RFC 8265 UsernameCaseMapped, TR 39 skeleton)', () => {
  it('the look-alike pairs of the attack report get one key, or the second is refused outright', async () => {
    const sameKey: Array<[string, string]> = [
      ['Ärzte-Team', 'A\u0308rzte-Team'],
      ['ａdmin', 'admin'],
      ['straße', 'STRASSE'],
      ['Straße', 'STRAẞE'],
      ['paul', 'p\u0430ul'],
    ];
    for (const [first, second] of sameKey) {
      equal(await rules.usernameKey(first), await rules.usernameKey(second), `${first} / ${second}`);
    }
    await refusedAsInvalid(free, 'an\u200Bna');
    await refusedAsInvalid(free, 'p\u0430ul');
    await refusedAsInvalid(free, 'anna\uD800');
    equal(await rules.acceptUsername(free, 'ａdmin'), 'admin', 'fullwidth letters are stored in their usual width');
    equal(await rules.acceptUsername(free, 'A\u0308rzte-Team'), 'Ärzte-Team', 'stored in NFC, case as typed');
  });

  it('full case folding, not toLowerCase: ß, ẞ, ligatures, final sigma, Cherokee', () => {
    equal(caseFold('Straße'), 'strasse');
    equal(caseFold('STRAẞE'), 'strasse');
    equal(caseFold('ﬁle'), 'file');
    equal(caseFold('ΣΟΦΟΣ σοφος'), 'σοφοσ σοφοσ');
    equal(caseFold('ꭰ'), caseFold('Ꭰ'), 'Cherokee folds to its capitals');
    equal(caseFold('İ'), 'i\u0307');
    equal(caseFold('K'), 'k', 'Kelvin sign');
  });

  it('the skeleton maps confusables to one prototype (TR 39)', () => {
    equal(skeleton('p\u0430yp\u0430l'), skeleton('paypal'));
    equal(skeleton('𝔭𝒶ỿ𝕡𝕒ℓ'), skeleton('paypal'));
    equal(identityKey('paul0'), identityKey('PAULO'), 'digit zero and capital O');
    equal(identityKey('rnaria'), identityKey('maria'), '"rn" and "m"');
    notEqual(identityKey('paula'), identityKey('paul'));
    notEqual(identityKey('anna1'), identityKey('anna2'));
  });

  it('refuses invisible and non-text characters', async () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u00AD', '\uFE0F', '\uFEFF', '\u2060', '\u202E', '\u3164', '\uE000', '\uFFFF', '\u0378', ' ', '\u0007'];
    for (const char of invisible) await refusedAsInvalid(free, `an${char}na`);
  });

  it('refuses mixed scripts beyond TR 39 "Highly Restrictive", judging each part between @ and . apart', async () => {
    ok(isMixedScript('p\u0430ul'), 'Latin with a Cyrillic a');
    ok(isMixedScript('\u0440aypal'), 'Cyrillic r with Latin');
    ok(isMixedScript('abc\u0661'), 'Latin digits of another number system');
    ok(isMixedScript('12\u0663'), 'ASCII and Arabic-Indic digits');
    ok(!isMixedScript('müller-lüdenscheidt'));
    ok(!isMixedScript('иван'), 'Cyrillic alone');
    ok(!isMixedScript('東京tokyoとうきょうトウキョウ'), 'Japanese with Latin');
    ok(!isMixedScript('서울seoul'), 'Korean with Latin');
    ok(!isMixedScript('x1_2-3'));
    equal(await rules.acceptUsername(email, 'ivan@пример.рф'), 'ivan@пример.рф', 'each domain label is judged alone');
    equal(await rules.acceptUsername(email, 'иван@example.org'), 'иван@example.org');
    await refusedAsInvalid(email, 'p\u0430ul@example.org');
    await refusedAsInvalid(email, 'paul@ex\u0430mple.org');
  });

  it('keeps e-mail addresses and customer numbers working', async () => {
    for (const name of ['anna@praxis.de', 'müller@bäckerei.example', 'first.last+tag@example.org', 'K-100234']) {
      const product = name.includes('@') ? email : free;
      equal(await rules.acceptUsername(product, `  ${name} `), name);
    }
    equal(await rules.usernameKey('Anna@Praxis.de'), await rules.usernameKey('anna@praxis.de'));
  });
});
