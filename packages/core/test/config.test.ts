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
      strings: {},
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
    deepEqual(config.strings, { de: { organisation: 'Praxis' } });
  });

  it('accepts a JSON string', () => {
    const config = parseConfig('{"steps":["credentials",{"id":"sms","codeLength":6}],"requestTimeoutMs":5000}');
    equal(config.requestTimeoutMs, 5000);
    equal(config.steps[1]?.id === 'sms' && config.steps[1].codeLength, 6);
  });

  it('resolves the seed-product steps with their defaults', () => {
    const config = parseConfig({
      signInUrl: 'https://portal.example.de/login',
      steps: [
        'invitation',
        'credentials',
        'profile',
        { id: 'terms', termsUrl: 'https://example.de/agb', privacyUrl: '/datenschutz' },
        'emailVerification',
        'organization',
        'secondFactorChoice',
        'sms',
        'emailCode',
        'done',
      ],
    });
    equal(config.signInUrl, 'https://portal.example.de/login');
    deepEqual(config.steps, [
      { id: 'invitation', optional: false },
      { id: 'credentials', optional: false },
      {
        id: 'profile',
        optional: false,
        fields: {
          salutation: 'absent',
          title: 'absent',
          firstName: 'required',
          lastName: 'required',
          position: 'absent',
          mobile: 'absent',
          phone: 'absent',
          email: 'absent',
        },
        defaultCountry: 'DE',
      },
      { id: 'terms', optional: false, termsUrl: 'https://example.de/agb', privacyUrl: '/datenschutz' },
      { id: 'emailVerification', optional: false, resendSeconds: 60, returnUrlOrigins: [] },
      { id: 'organization', optional: false, modes: ['register', 'join'], maxMembers: 5, managedBy: 'members' },
      { id: 'secondFactorChoice', optional: false, choices: ['none', 'email', 'sms'], preselected: 'none' },
      { id: 'sms', optional: false, codeLength: 8, resendSeconds: 60, defaultCountry: 'DE', mobileOnly: true },
      { id: 'emailCode', optional: false, codeLength: 6, resendSeconds: 60 },
      { id: 'done', optional: false },
    ]);
  });

  it('resolves the seed 003 flow (customer lookup before the account)', () => {
    const config = parseConfig({
      username: { kind: 'username' },
      steps: [
        { id: 'customerLookup', repeatEmail: false },
        'emailVerification',
        { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'], preselected: 'email' },
        { id: 'profile', fields: { salutation: 'required', mobile: 'optional' }, defaultCountry: 'AT' },
        'credentials',
        { id: 'emailCode', codeLength: 8, optional: true },
        { id: 'sms', optional: true },
        { id: 'terms', termsUrl: '/agb', privacyUrl: '/datenschutz', version: '2026-01' },
      ],
    });
    deepEqual(config.steps[0], { id: 'customerLookup', optional: false, captcha: true, repeatEmail: false });
    deepEqual(config.steps[2], { id: 'secondFactorChoice', optional: false, choices: ['none', 'email', 'sms'], preselected: 'email' });
    const profile = config.steps[3];
    ok(profile?.id === 'profile');
    equal(profile.fields.salutation, 'required');
    equal(profile.fields.firstName, 'required', 'unlisted fields keep their defaults');
    equal(profile.fields.mobile, 'optional');
    equal(profile.fields.email, 'absent');
    equal(profile.defaultCountry, 'AT');
    deepEqual(config.steps[5], { id: 'emailCode', optional: true, codeLength: 8, resendSeconds: 60 });
    deepEqual(config.steps[7], { id: 'terms', optional: false, termsUrl: '/agb', privacyUrl: '/datenschutz', version: '2026-01' });
    equal(config.steps[8]?.id, 'done');
  });

  it('accepts every source of an e-mail address before emailVerification', () => {
    const sources: unknown[] = [
      ['credentials', 'emailVerification'],
      ['invitation', 'emailVerification', 'credentials'],
      ['customerLookup', 'emailVerification', 'credentials'],
      [{ id: 'profile', fields: { email: 'optional' } }, 'emailVerification', 'credentials'],
    ];
    ok(safeParseConfig({ steps: sources[0] }).ok, 'credentials with an e-mail username');
    for (const steps of sources.slice(1)) ok(safeParseConfig({ username: { kind: 'username' }, steps }).ok, JSON.stringify(steps));
  });

  it('allows a choice that offers only none, and steps without a choice', () => {
    ok(safeParseConfig({ steps: ['credentials', { id: 'secondFactorChoice', choices: ['none'] }] }).ok);
    ok(safeParseConfig({ steps: ['credentials', 'sms', 'emailCode'] }).ok);
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
      ['unknown step object', { steps: ['credentials', { id: 'captch' }] }, 'steps[1]: unknown step "captch"'],
      ['step object without id', { steps: ['credentials', {}] }, 'steps[1]: a step needs an "id"'],
      ['step of wrong type', { steps: ['credentials', 7] }, 'steps[1]: expected one of invitation, customerLookup, captcha, credentials, profile, terms, emailVerification, organization, secondFactorChoice, pin, sms, emailCode, visibility, done or an object, got 7'],
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
      ['locale', { locale: 'pt' }, 'locale: expected one of de, en, tr, ar, uk, ru, pl, fr, it, es'],
      ['strings locale', { strings: { pt: {} } }, 'strings: unknown option "pt"'],
      ['strings value', { strings: { de: { title: 1 } } }, 'strings.de.title: expected text, got 1'],
      ['timeout too small', { requestTimeoutMs: 10 }, 'requestTimeoutMs: expected 1000–120000'],
      // Seed-product steps: options.
      ['signInUrl', { signInUrl: 'login' }, 'signInUrl: expected an http(s) URL or a path starting with "/"'],
      ['signInUrl javascript', { signInUrl: 'javascript:alert(1)' }, 'signInUrl: expected an http(s) URL or a path starting with "/"'],
      ['optional invitation', { steps: [{ id: 'invitation', optional: true }, 'credentials'] }, 'steps[0].optional: "invitation" cannot be optional'],
      ['invitation option', { steps: [{ id: 'invitation', days: 14 }, 'credentials'] }, 'steps[0]: unknown option "days"'],
      ['profile field name', { steps: ['credentials', { id: 'profile', fields: { nickname: 'optional' } }] }, 'steps[1].fields: unknown option "nickname"'],
      ['profile field mode', { steps: ['credentials', { id: 'profile', fields: { mobile: 'yes' } }] }, 'steps[1].fields.mobile: expected one of required, optional, absent'],
      ['profile all absent', { steps: ['credentials', { id: 'profile', fields: { firstName: 'absent', lastName: 'absent' } }] }, 'steps[1].fields: expected at least one field that is not "absent"'],
      ['profile country', { steps: ['credentials', { id: 'profile', defaultCountry: 'Germany' }] }, 'steps[1].defaultCountry: expected a two-letter country code in upper case, e.g. "DE"'],
      ['terms bare', { steps: ['credentials', 'terms'] }, 'steps[1].termsUrl: is required'],
      ['terms without privacy', { steps: ['credentials', { id: 'terms', termsUrl: '/agb' }] }, 'steps[1].privacyUrl: is required'],
      ['terms url', { steps: ['credentials', { id: 'terms', termsUrl: 'agb.html', privacyUrl: '/privacy' }] }, 'steps[1].termsUrl: expected an http(s) URL or a path starting with "/"'],
      ['terms version empty', { steps: ['credentials', { id: 'terms', termsUrl: '/agb', privacyUrl: '/privacy', version: '' }] }, 'steps[1].version: must not be empty'],
      ['emailVerification resendSeconds', { steps: ['credentials', { id: 'emailVerification', resendSeconds: 601 }] }, 'steps[1].resendSeconds: expected 10–600'],
      ['customerLookup captcha', { steps: [{ id: 'customerLookup', captcha: 'yes' }, 'credentials'] }, 'steps[0].captcha: expected true or false, got "yes"'],
      ['customerLookup repeatEmail', { steps: [{ id: 'customerLookup', repeatEmail: 1 }, 'credentials'] }, 'steps[0].repeatEmail: expected true or false, got 1'],
      ['optional captcha', { steps: [{ id: 'captcha', optional: true }, 'credentials'] }, 'steps[0].optional: "captcha" cannot be optional'],
      ['organization modes', { steps: ['credentials', { id: 'organization', modes: ['create'] }] }, 'steps[1].modes[0]: expected one of register, join'],
      ['organization modes empty', { steps: ['credentials', { id: 'organization', modes: [] }] }, 'steps[1].modes: expected at least one entry'],
      ['organization modes twice', { steps: ['credentials', { id: 'organization', modes: ['join', 'join'] }] }, 'steps[1].modes: expected each entry only once'],
      ['organization maxMembers', { steps: ['credentials', { id: 'organization', maxMembers: 0 }] }, 'steps[1].maxMembers: expected 1–10000'],
      ['choice unknown method', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'fax'] }] }, 'steps[1].choices[1]: expected one of none, email, sms'],
      ['choice empty', { steps: ['credentials', { id: 'secondFactorChoice', choices: [] }] }, 'steps[1].choices: expected at least one entry'],
      ['choice twice', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'none'] }] }, 'steps[1].choices: expected each entry only once'],
      ['choice preselected unknown', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none'], preselected: 'tan' }] }, 'steps[1].preselected: expected one of none, email, sms'],
      ['choice preselected not offered', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'sms'], preselected: 'email' }, 'sms'] }, 'steps[1].preselected: expected one of none, sms'],
      ['emailCode codeLength', { steps: ['credentials', { id: 'emailCode', codeLength: 3 }] }, 'steps[1].codeLength: expected 4–10'],
      ['emailCode codeLength big', { steps: ['credentials', { id: 'emailCode', codeLength: 11 }] }, 'steps[1].codeLength: expected 4–10'],
      ['emailCode resendSeconds', { steps: ['credentials', { id: 'emailCode', resendSeconds: 9 }] }, 'steps[1].resendSeconds: expected 10–600'],
      // Seed-product steps: order rules.
      ['invitation not first', { steps: ['credentials', 'invitation'] }, 'steps[1]: "invitation" must be the first step'],
      ['emailCode before credentials', { steps: ['emailCode', 'credentials'] }, 'steps[0]: "emailCode" needs "credentials" before it'],
      ['organization before credentials', { steps: ['organization', 'credentials'] }, 'steps[0]: "organization" needs "credentials" before it'],
      ['emailVerification without address', { steps: [{ id: 'emailVerification' }, 'credentials'] }, 'steps[0]: "emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field'],
      ['emailVerification after username credentials', { username: { kind: 'username' }, steps: ['credentials', 'emailVerification'] }, 'steps[1]: "emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field'],
      ['emailVerification before the profile e-mail', { username: { kind: 'username' }, steps: ['credentials', 'emailVerification', { id: 'profile', fields: { email: 'required' } }] }, 'steps[1]: "emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field'],
      ['emailVerification after a profile without e-mail', { username: { kind: 'username' }, steps: ['credentials', 'profile', 'emailVerification'] }, 'steps[2]: "emailVerification" needs an e-mail address from an earlier step: "credentials" with username.kind "email", "customerLookup", "invitation" or "profile" with its email field'],
      ['sms before the choice', { steps: ['credentials', 'sms', { id: 'secondFactorChoice', choices: ['none', 'sms'] }] }, 'steps[1]: "sms" must come after "secondFactorChoice"'],
      ['emailCode before the choice', { steps: ['credentials', 'emailCode', { id: 'secondFactorChoice', choices: ['none', 'email'] }] }, 'steps[1]: "emailCode" must come after "secondFactorChoice"'],
      ['choice offers email without emailCode', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'email'] }] }, 'steps[1].choices: offers "email", which needs an "emailCode" step after it'],
      ['choice offers sms without sms', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['sms'] }] }, 'steps[1].choices: offers "sms", which needs an "sms" step after it'],
      ['choice does not offer sms but sms step', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none'] }, 'sms'] }, 'steps[1].choices: must offer "sms": the "sms" step runs only when it is chosen'],
      ['choice does not offer email but emailCode step', { steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'sms'] }, 'sms', 'emailCode'] }, 'steps[1].choices: must offer "email": the "emailCode" step runs only when it is chosen'],
      ['duplicate new step', { steps: ['credentials', 'captcha', 'captcha'] }, 'steps: "captcha" appears twice'],
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
