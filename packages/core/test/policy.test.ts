import {
  evaluatePassword,
  passwordRulesAttribute,
  policyPresets,
  type PasswordPolicy,
  type PasswordRule,
} from '../src/index.js';
import { deepEqual, describe, equal, it, ok } from './assert.js';

const only = (rule: PasswordRule): PasswordPolicy => ({ rules: [rule] });
const met = (rule: PasswordRule, password: string, identifier?: string) =>
  evaluatePassword(only(rule), password, identifier === undefined ? {} : { identifier }).ok;

describe('password policy', () => {
  it('shows every rule unmet for an empty password', () => {
    for (const policy of Object.values(policyPresets)) {
      const evaluation = evaluatePassword(policy, '');
      equal(evaluation.metCount, 0);
      equal(evaluation.ok, false);
      equal(evaluation.total, policy.rules.length);
    }
  });

  it('reports stable ids and counts', () => {
    const evaluation = evaluatePassword(policyPresets.strict10, 'Abcdefgh1!');
    deepEqual(
      evaluation.results.map((result) => result.id),
      ['minLength', 'maxLength', 'lowercase', 'uppercase', 'digit', 'symbol', 'notIdentifier'],
    );
    equal(evaluation.ok, true);
    equal(evaluation.metCount, 7);
    const repeated = evaluatePassword({ rules: [{ kind: 'minLength', value: 2 }, { kind: 'minLength', value: 4 }] }, 'abc');
    deepEqual(
      repeated.results.map((result) => [result.id, result.met]),
      [
        ['minLength', true],
        ['minLength-2', false],
      ],
    );
  });

  it('counts code points, not UTF-16 units', () => {
    const rule: PasswordRule = { kind: 'minLength', value: 8 };
    const emoji = '😀😀😀😀😀😀😀'; // 7 code points, 14 UTF-16 units
    equal(emoji.length, 14);
    equal(met(rule, emoji), false);
    equal(met(rule, emoji + '😀'), true);
    equal(met({ kind: 'maxLength', value: 4 }, '𝔸𝔹ℂ𝔻'), true, '4 astral letters fit maxLength 4');
    equal(met({ kind: 'maxLength', value: 4 }, '𝔸𝔹ℂ𝔻𝔼'), false);
  });

  it('flips each length rule at its boundary', () => {
    equal(met({ kind: 'minLength', value: 10 }, 'a'.repeat(9)), false);
    equal(met({ kind: 'minLength', value: 10 }, 'a'.repeat(10)), true);
    equal(met({ kind: 'maxLength', value: 128 }, 'a'.repeat(128)), true);
    equal(met({ kind: 'maxLength', value: 128 }, 'a'.repeat(129)), false);
  });

  it('never truncates: a 200-character password is judged whole', () => {
    const long = 'Ab1!'.repeat(50);
    equal([...long].length, 200);
    equal(evaluatePassword(policyPresets.min8, long).ok, false, 'over maxLength 128, not cut to 128');
    const lateUpper = 'a1!'.repeat(66) + 'Zz';
    equal(met({ kind: 'uppercase' }, lateUpper), true, 'a character at position 199 counts');
  });

  it('flips character classes both ways, with Unicode', () => {
    const cases: Array<[PasswordRule['kind'], string[], string[]]> = [
      ['lowercase', ['a', 'ß', 'é', 'ж'], ['A', '1', '!', '😀', 'Ä']],
      ['uppercase', ['A', 'Ä', 'Ж', 'É'], ['a', 'ß', '1', ' ']],
      ['digit', ['0', '9', '٣'], ['a', 'Ⅻ', '!']],
      ['symbol', ['!', ' ', '😀', '€', '-'], ['a', 'Z', '5', 'ä']],
    ];
    for (const [kind, yes, no] of cases) {
      const rule = { kind } as PasswordRule;
      for (const sample of yes) equal(met(rule, sample), true, `${kind} met by ${sample}`);
      for (const sample of no) equal(met(rule, sample), false, `${kind} not met by ${sample}`);
    }
  });

  it('rejects passwords that contain the username or e-mail local part, case-insensitively', () => {
    const rule: PasswordRule = { kind: 'notIdentifier' };
    equal(met(rule, 'xxAnna.Schmidt99', 'anna.schmidt@praxis.de'), false);
    equal(met(rule, 'ganz-anders-2026', 'anna.schmidt@praxis.de'), true);
    equal(met(rule, 'Dr-Meier-2026', 'meier'), false);
    equal(met(rule, 'ab-cd-ef-gh', 'ab'), true, 'identifiers under 3 characters are ignored');
    equal(met(rule, 'ab-cd-ef-gh'), true, 'no identifier: met');
    equal(met(rule, 'ab-cd-ef-gh', 'ab@x.de'), true, 'a short local part is ignored');
  });

  it('blocks common passwords exactly and product words anywhere, case-insensitively', () => {
    const rule: PasswordRule = { kind: 'notBlocklisted', words: ['Sprechstunde', 'Pforte'] };
    for (const common of ['password', 'Passwort', 'PASSWORT123', '123456789', 'qwertz123', 'Hallo123']) {
      equal(met(rule, common), false, common);
    }
    equal(met(rule, 'passwort-ist-lang-genug'), true, 'common passwords block only as exact matches');
    equal(met(rule, 'MeinePforte!2026'), false, 'product word inside');
    equal(met(rule, 'sprechSTUNDE'), false);
    equal(met({ kind: 'notBlocklisted' }, 'MeinePforte!2026'), true, 'no product words configured');
  });

  it('does not case-fold or change the password', () => {
    const password = 'ÄÖÜ ßtraße 😀';
    const evaluation = evaluatePassword({ rules: [{ kind: 'uppercase' }, { kind: 'lowercase' }] }, password);
    equal(evaluation.ok, true);
    equal(password, 'ÄÖÜ ßtraße 😀');
  });

  it('builds the passwordrules attribute', () => {
    equal(
      passwordRulesAttribute(policyPresets.strict10),
      'minlength: 10; maxlength: 128; required: lower; required: upper; required: digit; required: special;',
    );
    equal(passwordRulesAttribute(policyPresets.nist), 'minlength: 8; maxlength: 128;');
    equal(
      passwordRulesAttribute({ rules: [{ kind: 'digit' }, { kind: 'minLength', value: 8 }, { kind: 'minLength', value: 12 }] }),
      'minlength: 12; required: digit;',
    );
  });

  it('evaluates a 128-character password in well under 0.1 ms', () => {
    const password = 'Ab1!äÖ😀 '.repeat(16).slice(0, 128);
    const policy: PasswordPolicy = {
      rules: [...policyPresets.strict10.rules, { kind: 'notBlocklisted', words: ['pforte', 'praxis'] }],
    };
    for (let i = 0; i < 200; i++) evaluatePassword(policy, password, { identifier: 'anna@praxis.de' });
    const times: number[] = [];
    for (let round = 0; round < 1000; round += 100) {
      const start = performance.now();
      for (let i = 0; i < 100; i++) evaluatePassword(policy, password, { identifier: 'anna@praxis.de' });
      times.push((performance.now() - start) / 100);
    }
    times.sort((a, b) => a - b);
    const median = times[times.length / 2]!;
    // warn, because the runner shows only warnings and errors from the browser.
    console.warn(`evaluatePassword, 128 characters: median ${(median * 1000).toFixed(1)} µs per evaluation`);
    // Loose bound against flakiness on slow CI; the budget (0.1 ms) is reported, not timed here.
    ok(median < 0.5, `median ${median} ms`);
  });
});
