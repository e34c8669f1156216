import type { PforteError } from '../src/index.js';
import * as rules from '../src/rules/index.js';
import { deepEqual, describe, equal, it, ok, throws } from './assert.js';

describe('rules: e-mail addresses (one check for widget and backends)', () => {
  const valid = [
    'anna@praxis.de',
    'first.last@iana.org',
    'a+tag@example.com',
    "o'brien@example.ie",
    'x@sub.domain.example',
    'müller@bäckerei.example',
    'user@xn--bcher-kva.example',
    '1234567890@example.com',
    `${'a'.repeat(64)}@example.org`,
  ];
  const invalid = [
    '',
    'not-an-email',
    'a@b',
    '<max@gmx.de>',
    '.test@iana.org',
    'test.@iana.org',
    'te..st@iana.org',
    'test@iana..com',
    'test@.iana.org',
    'test@iana.org.',
    'test@-iana.org',
    'test@iana-.org',
    'test@iana.123',
    'a b@iana.org',
    '"quoted"@iana.org',
    'test@[127.0.0.1]',
    '@iana.org',
    'test@',
    `${'a'.repeat(65)}@example.org`,
    `a@${'b'.repeat(64)}.org`,
    `a@${'b.'.repeat(127)}org`,
  ];
  for (const address of valid) it(`accepts ${JSON.stringify(address.slice(0, 40))}`, () => equal(rules.isEmailAddress(address), true));
  for (const address of invalid) it(`refuses ${JSON.stringify(address.slice(0, 40))}`, () => equal(rules.isEmailAddress(address), false));
});

describe('rules: text of every input', () => {
  it('refuses control characters and lone surrogates, naming the key that holds them', () => {
    for (const value of ['a\u0000b', 'line\nbreak', '\u007f', 'x\uD800', '\uDC00y']) {
      const error = throws(() => rules.checkInputText({ profile: { firstName: value } })) as PforteError;
      equal(error.code, 'input.invalid');
      equal(error.field, 'profile');
    }
    rules.checkInputText({ name: 'Zoë 🦊 Ärztin', nested: { list: ['ok'] } });
  });

  it('takes locale tags and nothing else', () => {
    equal(rules.checkLocale('de-DE'), 'de-DE');
    for (const locale of ['', 'de_DE', 'x'.repeat(30), '../etc']) throws(() => rules.checkLocale(locale));
  });
});

describe('rules: codes', () => {
  const live = { expiresAt: 1000, attempts: 0, state: 'live' as const };

  it('rounds a retry up to whole seconds, never below 1', () => {
    equal(rules.rateLimited(1001, 1000).retryAfterSeconds, 1);
    equal(rules.rateLimited(60_001, 1000).retryAfterSeconds, 60);
  });

  it('caps a code at 10 minutes whatever the setting', () => {
    equal(rules.issueCode(0, 60, 3600).expiresAt, 600_000);
  });

  it('counts wrong tries, dies at the limit, works once, expires', () => {
    let verdict = rules.verifyCode(live, false, 0, 2);
    equal(verdict.error?.code, 'code.invalid');
    equal(verdict.error?.attemptsRemaining, 1);
    verdict = rules.verifyCode(verdict.code, false, 0, 2);
    equal(verdict.error?.code, 'code.max_attempts');
    equal(rules.verifyCode(verdict.code, true, 0, 2).error?.code, 'code.max_attempts');
    const used = rules.verifyCode(live, true, 0, 5);
    equal(used.error, undefined);
    equal(rules.verifyCode(used.code, true, 0, 5).error?.code, 'code.expired');
    equal(rules.verifyCode(live, true, 1000, 5).error?.code, 'code.expired');
  });
});

describe('rules: a product binds the flow', () => {
  const product = rules.defineProduct('p', { steps: ['credentials', 'pin', 'sms'] });
  const view = () => rules.newFlowView('flow_1', 'p', 'de', 10_000);

  it('refuses actions of steps it lacks, and steps whose prerequisite is open', () => {
    ok(!product.open);
    const error = throws(() => rules.requireStep(product, view(), 'submitProfile')) as PforteError;
    equal(error.code, 'step.unavailable');
    equal((throws(() => rules.requireStep(product, view(), 'issuePin')) as PforteError).code, 'step.required');
  });

  it('completes only with every required step done', () => {
    const flow = view();
    flow.username = 'anna';
    equal(rules.completionProblem(product, flow)?.code, 'step.required');
    Object.assign(flow, { pin: 'issued', pinConfirmed: true, smsVerified: true });
    equal(rules.completionProblem(product, flow), undefined);
    deepEqual(rules.completedSteps(product, flow), ['credentials', 'pin', 'sms']);
  });

  it('is found by its id; an unknown one is product.unknown', () => {
    const catalog = rules.createProductCatalog({ products: { a: { steps: ['credentials'] }, b: { steps: ['credentials'] } } });
    equal(catalog.resolve('b').id, 'b');
    equal((throws(() => catalog.resolve('c')) as PforteError).code, 'product.unknown');
    equal((throws(() => catalog.resolve(undefined)) as PforteError).code, 'product.unknown', 'two products and no default');
  });

  it('sends SMS to mobile numbers, to landlines only where the product allows it', () => {
    const sms = rules.productStep(rules.defineProduct('s', { steps: ['credentials', { id: 'sms', mobileOnly: false }] }), 'sms')!;
    rules.checkSmsPhone(sms, 'fixedLine');
    throws(() => rules.checkSmsPhone(sms, 'other'));
    throws(() => rules.checkSmsPhone(rules.productStep(product, 'sms')!, 'fixedLine'));
  });
});
