import { createRequire } from 'node:module';
import { evaluatePassword, policyPresets, type PasswordPolicy } from '../src/index.js';
import * as rules from '../src/rules/index.js';
import { describe, equal, it, ok } from './assert.js';

const ranked: string[] = createRequire(import.meta.url)('@zxcvbn-ts/language-common/src/passwords.json');
const capitalised = (password: string) => password.charAt(0).toUpperCase() + password.slice(1);

/** Every policy a product can name, and the example of a long one. */
const policies: Record<string, PasswordPolicy> = {
  ...policyPresets,
  min6: { rules: [{ kind: 'minLength', value: 6 }, { kind: 'maxLength', value: 128 }] },
  min12: { rules: [{ kind: 'minLength', value: 12 }, { kind: 'maxLength', value: 128 }] },
};

describe('rules: common passwords (OWASP ASVS 5.0 V6.2.4)', () => {
  for (const [name, policy] of Object.entries(policies)) {
    it(`policy ${name}: the top 3,000 ranked passwords that meet the policy are refused`, async () => {
      // As typed and with a capital first letter plus "1!" (what a policy with classes makes people do).
      const candidates = ranked.flatMap((password) => [password, `${capitalised(password)}1!`]);
      const meeting = candidates.filter((password) => evaluatePassword(policy, password).ok).slice(0, 3000);
      ok(meeting.length > 0 || name === 'strict10', `candidates for ${name}`);
      const accepted: string[] = [];
      for (const password of meeting) if (!(await rules.isCommonPassword(password))) accepted.push(password);
      equal(accepted.length, 0, `accepted: ${accepted.slice(0, 10).join(', ')}`);
    });
  }

  it('the top 3,000 of the ranked list are refused whatever their length', async () => {
    for (const password of ranked.slice(0, 3000)) ok(await rules.isCommonPassword(password), password);
  });

  it('refuses German passwords and common words with digits and symbols around them', async () => {
    for (const password of ['Passwort1!', 'Sommer2026!', 'Hallo123!', 'passwort', 'PASSWORT123', 'Schatz2024', '!!Fussball1', 'Fußball2026', 'Schoen2026!', 'P@ssw0rt1', 'Michael1987!', 'Deutschland1!']) {
      ok(await rules.isCommonPassword(password), password);
    }
  });

  it('accepts passwords that are not common', async () => {
    for (const password of ['Qx7ü #a🔑Zr9ßkV2mW-', 'correct horse battery staple', 'Blaue-Ente-tanzt-7', 'Zahnarzt Termin Dienstag', 'kT9#mQ2v']) {
      equal(await rules.isCommonPassword(password), false, password);
    }
  });
});
