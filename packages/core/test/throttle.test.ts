import { formatCountdown, laterDeadline, secondsUntil, toClientDeadline } from '../src/index.js';
import { describe, equal, it } from './assert.js';

describe('throttle', () => {
  const receivedAt = 1_000_000;

  it('cancels a server clock that runs ahead', () => {
    const deadline = toClientDeadline({ serverNow: receivedAt + 30_000, resendAvailableAt: receivedAt + 90_000, receivedAt });
    equal(deadline, receivedAt + 60_000);
    equal(secondsUntil(deadline, receivedAt), 60);
  });

  it('cancels a server clock that runs behind', () => {
    const deadline = toClientDeadline({ serverNow: receivedAt - 45_000, resendAvailableAt: receivedAt + 15_000, receivedAt });
    equal(deadline, receivedAt + 60_000);
    equal(secondsUntil(deadline, receivedAt + 59_000), 1);
  });

  it('rounds up and never goes negative', () => {
    equal(secondsUntil(10_000, 0), 10);
    equal(secondsUntil(10_000, 1), 10);
    equal(secondsUntil(10_000, 9_001), 1);
    equal(secondsUntil(10_000, 10_000), 0);
    equal(secondsUntil(10_000, 20_000), 0);
  });

  it('lets the later deadline win', () => {
    equal(laterDeadline(5, undefined, 9, 7), 9);
    equal(laterDeadline(undefined, 3), 3);
    equal(laterDeadline(), undefined);
    equal(laterDeadline(undefined), undefined);
  });

  it('formats countdowns', () => {
    equal(formatCountdown(42), '0:42');
    equal(formatCountdown(60), '1:00');
    equal(formatCountdown(5), '0:05');
    equal(formatCountdown(0), '0:00');
    equal(formatCountdown(-3), '0:00');
    equal(formatCountdown(3725), '62:05');
  });
});
