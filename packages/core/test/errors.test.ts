import { PforteError, isPforteError, toPforteError } from '../src/index.js';
import { describe, equal, it, ok } from './assert.js';

describe('PforteError', () => {
  it('carries the code as its message and only the details given', () => {
    const error = new PforteError('code.invalid', { field: 'code', attemptsRemaining: 2 });
    equal(error.name, 'PforteError');
    equal(error.message, 'code.invalid');
    equal(error.field, 'code');
    equal(error.attemptsRemaining, 2);
    ok(!('retryAfterSeconds' in error));
    ok(isPforteError(error));
    ok(!isPforteError(new Error('code.invalid')));
  });

  it('recognises a PforteError from another copy of the module', () => {
    const foreign = Object.assign(new Error('network'), { name: 'PforteError', code: 'network' });
    ok(isPforteError(foreign));
    ok(!isPforteError(Object.assign(new Error('x'), { name: 'PforteError', code: 'made.up' })));
  });

  it('normalises anything thrown', () => {
    const original = new PforteError('rate_limited');
    equal(toPforteError(original), original);
    equal(toPforteError(new TypeError('Failed to fetch')).code, 'network');
    equal(toPforteError('offline').code, 'network');
    equal(toPforteError(new DOMException('aborted', 'AbortError')).code, 'timeout');
    equal(toPforteError(new DOMException('slow', 'TimeoutError')).code, 'timeout');
    equal(toPforteError(new Error('boom')).code, 'unknown');
    equal(toPforteError(42).code, 'unknown');
  });

  it('never puts the cause text into the message', () => {
    const error = toPforteError(new Error('password=hunter2 rejected'));
    equal(error.message, 'unknown');
  });

  it('knows the seed-product codes and carries link validity', () => {
    for (const code of ['link.invalid', 'profile.invalid', 'customer.mismatch', 'captcha.invalid', 'organization.not_found', 'organization.full', 'organization.invalid', 'terms.required']) {
      const foreign = Object.assign(new Error(code), { name: 'PforteError', code });
      ok(isPforteError(foreign), code);
    }
    const days = new PforteError('link.expired', { validityDays: 14 });
    equal(days.validityDays, 14);
    ok(!('validityHours' in days));
    equal(new PforteError('link.expired', { validityHours: 24 }).validityHours, 24);
  });
});
