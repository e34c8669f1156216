import { ConfigError, parseConfig, policyPresets, safeParseConfig, type PforteConfig } from '../src/index.js';
import { deepEqual, describe, equal, it, ok, throws } from './assert.js';

function configError(input: unknown): ConfigError {
  const result = safeParseConfig(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error;
}

function expectError(input: unknown, message: string) {
  const error = configError(input);
  ok(error instanceof ConfigError, 'a ConfigError');
  equal(error.message, message);
}

describe('parseConfig', () => {
  it('fills every default for an empty config', () => {
    const config = parseConfig({});
    deepEqual<PforteConfig>(config, {
      product: 'Pforte',
      steps: [
        { id: 'credentials', optional: false },
        { id: 'done', optional: false },
      ],
      username: { kind: 'email', minLength: 3, maxLength: 64 },
      passwordPolicy: policyPresets.nist,
      strings: { de: {}, en: {} },
      requestTimeoutMs: 15000,
    });
    deepEqual(parseConfig(undefined), config, 'undefined means all defaults');
    deepEqual(parseConfig(null), config, 'null (a missing attribute) means all defaults');
  });

  it('resolves the seed 001 flow with step defaults', () => {
    const config = parseConfig({
      product: 'VideoSprechstunde',
      steps: ['credentials', 'pin', { id: 'sms', optional: true }, 'visibility', 'done'],
      locale: 'de',
    });
    deepEqual(config.steps, [
      { id: 'credentials', optional: false },
      { id: 'pin', optional: false, mode: 'generated', length: 6 },
      { id: 'sms', optional: true, codeLength: 8, resendSeconds: 60, defaultCountry: 'DE', mobileOnly: true },
      { id: 'visibility', optional: false },
      { id: 'done', optional: false },
    ]);
    equal(config.locale, 'de');
    equal(config.product, 'VideoSprechstunde');
  });

  it('keeps the configured order, drops omitted steps and appends done', () => {
    const config = parseConfig({ steps: ['credentials', 'visibility', { id: 'pin', mode: 'chosen', length: 4 }] });
    deepEqual(
      config.steps.map((step) => step.id),
      ['credentials', 'visibility', 'pin', 'done'],
    );
    deepEqual(config.steps[2], { id: 'pin', optional: false, mode: 'chosen', length: 4 });
  });

  it('resolves password policy presets and custom rules', () => {
    equal(parseConfig({ passwordPolicy: 'strict10' }).passwordPolicy, policyPresets.strict10);
    equal(parseConfig({ passwordPolicy: 'min8' }).passwordPolicy, policyPresets.min8);
    const rules = [{ kind: 'minLength', value: 12 }, { kind: 'notBlocklisted', words: ['praxis'] }] as const;
    deepEqual(parseConfig({ passwordPolicy: { rules: [...rules] } }).passwordPolicy, {
      rules: [
        { kind: 'minLength', value: 12 },
        { kind: 'notBlocklisted', words: ['praxis'] },
      ],
    });
  });

  it('keeps string overrides per locale', () => {
    const config = parseConfig({ strings: { de: { organisation: 'Praxis' } } });
    deepEqual(config.strings, { de: { organisation: 'Praxis' }, en: {} });
  });

  it('accepts a JSON string', () => {
    const config = parseConfig('{"steps":["credentials",{"id":"sms","codeLength":6}],"requestTimeoutMs":5000}');
    equal(config.requestTimeoutMs, 5000);
    equal(config.steps[1]?.id === 'sms' && config.steps[1].codeLength, 6);
  });

  it('throws a ConfigError from parseConfig', () => {
    throws(
      () => parseConfig({ steps: ['credentials', { id: 'sms', codeLength: 3 }] }),
      (error) => {
        ok(error instanceof ConfigError);
        equal(error.path, 'steps[1].codeLength');
        equal(error.issue, 'expected 4–10');
        equal(error.message, 'steps[1].codeLength: expected 4–10');
      },
    );
  });

  describe('bad configs name the path and the problem', () => {
    const cases: Array<[string, unknown, string]> = [
      ['JSON syntax', '{"steps": [', ''],
      ['not an object', [1], 'config must be an object, got a list'],
      ['unknown top-level option', { stpes: [] }, 'unknown option "stpes"'],
      ['empty product', { product: '' }, 'product: must not be empty'],
      ['steps not a list', { steps: 'credentials' }, 'steps: expected a list, got "credentials"'],
      ['empty steps', { steps: [] }, 'steps: expected at least one step'],
      ['unknown bare step', { steps: ['credentials', 'foo'] }, 'steps[1]: unknown step "foo"'],
      ['unknown step object', { steps: ['credentials', { id: 'captcha' }] }, 'steps[1]: unknown step "captcha"'],
      ['step object without id', { steps: ['credentials', {}] }, 'steps[1]: a step needs an "id"'],
      ['step of wrong type', { steps: ['credentials', 7] }, 'steps[1]: expected one of credentials, pin, sms, visibility, done or an object, got 7'],
      ['duplicate', { steps: ['credentials', 'pin', 'pin'] }, 'steps: "pin" appears twice'],
      ['duplicate in object form', { steps: ['credentials', 'sms', { id: 'sms' }] }, 'steps: "sms" appears twice'],
      ['prerequisite', { steps: ['sms', 'credentials'] }, 'steps[0]: "sms" needs "credentials" before it'],
      ['missing credentials', { steps: ['pin'] }, 'steps[0]: "pin" needs "credentials" before it'],
      ['only done', { steps: ['done'] }, 'steps: expected a "credentials" step'],
      ['done not last', { steps: ['credentials', 'done', 'visibility'] }, 'steps[1]: "done" must be the last step'],
      ['codeLength too small', { steps: ['credentials', { id: 'sms', codeLength: 3 }] }, 'steps[1].codeLength: expected 4–10'],
      ['codeLength too big', { steps: ['credentials', 'pin', { id: 'sms', codeLength: 11 }] }, 'steps[2].codeLength: expected 4–10'],
      ['codeLength fraction', { steps: ['credentials', { id: 'sms', codeLength: 6.5 }] }, 'steps[1].codeLength: expected a whole number'],
      ['codeLength as text', { steps: ['credentials', { id: 'sms', codeLength: '6' }] }, 'steps[1].codeLength: expected a whole number, got "6"'],
      ['resendSeconds', { steps: ['credentials', { id: 'sms', resendSeconds: 5 }] }, 'steps[1].resendSeconds: expected 10–600'],
      ['defaultCountry lower case', { steps: ['credentials', { id: 'sms', defaultCountry: 'de' }] }, 'steps[1].defaultCountry: expected a two-letter country code in upper case, e.g. "DE"'],
      ['mobileOnly not boolean', { steps: ['credentials', { id: 'sms', mobileOnly: 'yes' }] }, 'steps[1].mobileOnly: expected true or false, got "yes"'],
      ['unknown step option', { steps: ['credentials', { id: 'sms', codelength: 6 }] }, 'steps[1]: unknown option "codelength"'],
      ['pin length', { steps: ['credentials', { id: 'pin', length: 3 }] }, 'steps[1].length: expected 4–12'],
      ['pin mode', { steps: ['credentials', { id: 'pin', mode: 'random' }] }, 'steps[1].mode: expected one of generated, chosen'],
      ['optional credentials', { steps: [{ id: 'credentials', optional: true }] }, 'steps[0].optional: "credentials" cannot be optional'],
      ['optional pin', { steps: ['credentials', { id: 'pin', optional: true }] }, 'steps[1].optional: "pin" cannot be optional'],
      ['optional done', { steps: ['credentials', { id: 'done', optional: true }] }, 'steps[1].optional: "done" cannot be optional'],
      ['username kind', { username: { kind: 'phone' } }, 'username.kind: expected one of email, username'],
      ['username lengths', { username: { minLength: 10, maxLength: 5 } }, 'username.maxLength: must be at least username.minLength (10)'],
      ['unknown preset', { passwordPolicy: 'nist2' }, 'passwordPolicy: expected one of nist, strict10, min8'],
      ['policy of wrong type', { passwordPolicy: 8 }, 'passwordPolicy: expected one of nist, strict10, min8 or an object, got 8'],
      ['policy without rules', { passwordPolicy: {} }, 'passwordPolicy.rules: is required'],
      ['empty rules', { passwordPolicy: { rules: [] } }, 'passwordPolicy.rules: expected at least one rule'],
      ['unknown rule kind', { passwordPolicy: { rules: [{ kind: 'entropy' }] } }, 'passwordPolicy.rules[0].kind: expected one of minLength, maxLength, lowercase, uppercase, digit, symbol, notIdentifier, notBlocklisted'],
      ['rule without value', { passwordPolicy: { rules: [{ kind: 'minLength' }] } }, 'passwordPolicy.rules[0].value: is required'],
      ['maxLength below 64', { passwordPolicy: { rules: [{ kind: 'maxLength', value: 20 }] } }, 'passwordPolicy.rules[0].value: expected 64–4096'],
      ['max below min', { passwordPolicy: { rules: [{ kind: 'minLength', value: 100 }, { kind: 'maxLength', value: 80 }] } }, 'passwordPolicy.rules[1].value: must be at least the minimum length (100)'],
      ['blocklist words', { passwordPolicy: { rules: [{ kind: 'notBlocklisted', words: ['ok', 3] }] } }, 'passwordPolicy.rules[0].words[1]: expected text, got 3'],
      ['locale', { locale: 'fr' }, 'locale: expected one of de, en'],
      ['strings locale', { strings: { fr: {} } }, 'strings: unknown option "fr"'],
      ['strings value', { strings: { de: { title: 1 } } }, 'strings.de.title: expected text, got 1'],
      ['timeout too small', { requestTimeoutMs: 10 }, 'requestTimeoutMs: expected 1000–120000'],
    ];
    for (const [name, input, message] of cases) {
      it(name, () => {
        if (message === '') {
          const error = configError(input);
          equal(error.path, '');
          equal(error.message, error.issue, 'an empty path leaves the message as just the issue');
          ok(error.message.length > 10, 'a readable message');
        } else expectError(input, message);
      });
    }
  });

  it('reports a readable JSON syntax error', () => {
    const error = configError('{"steps": [');
    ok(error.message.startsWith('config is not valid JSON ('), error.message);
  });
});
