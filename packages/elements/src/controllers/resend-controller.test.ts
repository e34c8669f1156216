import { expect } from '@open-wc/testing';
import { createManualClock, PforteError } from '@pforte/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ResendController } from './resend-controller.js';
import type { ResendTransition } from './resend-controller.js';
import { manualScheduler } from '../../test/helpers.js';

function fakeHost() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const host: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => void (updates += 1),
    updateComplete: Promise.resolve(true),
  };
  return { host, controllers, updates: () => updates };
}

function setup(resendSeconds = 60) {
  const clock = createManualClock();
  const { scheduler, timers, runAll } = manualScheduler();
  const { host, controllers, updates } = fakeHost();
  const transitions: ResendTransition[] = [];
  const controller = new ResendController(host, {
    clock: () => clock,
    resendSeconds: () => resendSeconds,
    scheduler,
    onTransition: (transition) => transitions.push(transition),
  });
  controllers.forEach((c) => c.hostConnected?.());
  return { clock, controller, timers, runAll, transitions, updates, disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()) };
}

const sent = (now: number, resendAvailableAt = now + 60_000) => ({
  resendAvailableAt,
  expiresAt: now + 600_000,
  now,
  codeLength: 8,
});

describe('ResendController', () => {
  it('derives the seconds left from the deadline and the clock, never from ticks', () => {
    const { clock, controller, runAll } = setup();
    controller.startFromSent(sent(clock.now()));
    expect(controller.secondsLeft).to.equal(60);
    runAll();
    runAll();
    expect(controller.secondsLeft, 'ticks alone change nothing').to.equal(60);
    clock.advance(59_001);
    expect(controller.secondsLeft).to.equal(1);
    expect(controller.waiting).to.be.true;
    clock.advance(999);
    expect(controller.waiting).to.be.false;
  });

  it('ticks on the next whole second, only while waiting, and reports start and end once', () => {
    const { clock, controller, timers, runAll, transitions, updates } = setup();
    controller.startFromSent(sent(clock.now()));
    expect(transitions).to.deep.equal(['waiting']);
    expect([...timers.values()][0]!.ms).to.equal(1000);
    clock.advance(400);
    runAll();
    expect([...timers.values()][0]!.ms, 'wakes up when the shown second changes').to.equal(600);
    const before = updates();
    clock.advance(59_600);
    runAll();
    expect(updates()).to.equal(before + 1);
    expect(transitions).to.deep.equal(['waiting', 'available']);
    expect(timers.size, 'no timer once available').to.equal(0);
  });

  it('takes the later of the client minimum and the server deadline, cancelling skew', () => {
    const { clock, controller } = setup();
    const now = clock.now();
    controller.startFromSent(sent(now, now + 90_000));
    expect(controller.secondsLeft).to.equal(90);
    // Server clock two minutes ahead, deadline 30 s after its now: the client minimum (60 s) wins.
    controller.startFromSent({ ...sent(now + 120_000, now + 150_000), receivedAt: now });
    expect(controller.secondsLeft).to.equal(60);
  });

  it('restarts from rate_limited with the server deadline or retryAfterSeconds', () => {
    const { clock, controller } = setup();
    const now = clock.now();
    expect(controller.startFromError(new PforteError('network'))).to.be.false;
    expect(controller.startFromError(new PforteError('rate_limited', { resendAvailableAt: now + 42_000, now }))).to.be.true;
    expect(controller.secondsLeft).to.equal(42);
    expect(controller.startFromError(new PforteError('rate_limited', { retryAfterSeconds: 7 }))).to.be.true;
    expect(controller.secondsLeft).to.equal(7);
  });

  it('clears its timer on disconnect and schedules none while disconnected', () => {
    const { clock, controller, timers, disconnect } = setup();
    controller.startFromSent(sent(clock.now()));
    expect(timers.size).to.equal(1);
    disconnect();
    expect(timers.size).to.equal(0);
    controller.refresh();
    expect(timers.size).to.equal(0);
  });
});
