import {
  activeSteps,
  advance,
  canGoBack,
  createFlowState,
  currentStep,
  flowProgress,
  goBack,
  isFinished,
  isStepActive,
  parseConfig,
  skip,
  stepValues,
  type FlowState,
} from '../src/index.js';
import { deepEqual, describe, equal, it, ok, throws } from './assert.js';

const seed001 = parseConfig({
  steps: ['credentials', 'pin', { id: 'sms', optional: true }, { id: 'visibility', optional: true }, 'done'],
}).steps;

const ids = (state: FlowState) => state.steps.map((step) => step.id);

describe('progress', () => {
  it('counts the steps that run, without done', () => {
    let state = createFlowState(seed001);
    deepEqual(flowProgress(state), { position: 1, total: 4 });
    state = skip(advance(advance(state)));
    deepEqual(flowProgress(state), { position: 4, total: 4 });
  });
});

describe('flow engine', () => {
  it('starts at the first step', () => {
    const state = createFlowState(seed001);
    equal(currentStep(state).id, 'credentials');
    equal(canGoBack(state), false);
    equal(isFinished(state), false);
    deepEqual(state.completed, []);
  });

  it('follows a reordered list and drops omitted steps', () => {
    const steps = parseConfig({ steps: ['credentials', 'visibility', 'pin'] }).steps;
    let state = createFlowState(steps);
    deepEqual(ids(state), ['credentials', 'visibility', 'pin', 'done']);
    const visited: string[] = [];
    while (!isFinished(state)) {
      visited.push(currentStep(state).id);
      state = advance(state);
    }
    deepEqual(visited, ['credentials', 'visibility', 'pin']);
    deepEqual(state.completed, ['credentials', 'visibility', 'pin']);
  });

  it('skips optional steps and records them', () => {
    let state = advance(advance(createFlowState(seed001)));
    equal(currentStep(state).id, 'sms');
    state = skip(state);
    equal(currentStep(state).id, 'visibility');
    deepEqual(state.skipped, ['sms']);
    state = advance(state, { visible: true });
    deepEqual(state.skipped, ['sms']);
    ok(isFinished(state));
  });

  it('refuses to skip a required step', () => {
    const state = createFlowState(seed001);
    throws(() => skip(state), 'step "credentials" is not optional');
    throws(() => skip(advance(state)), 'step "pin" is not optional');
  });

  it('completing a step that was skipped earlier removes it from skipped', () => {
    let state = skip(advance(advance(createFlowState(seed001))));
    state = goBack(state);
    equal(currentStep(state).id, 'sms');
    state = advance(state, { phone: '+4915112345678' });
    deepEqual(state.skipped, []);
    deepEqual(state.completed, ['credentials', 'pin', 'sms']);
  });

  it('going back keeps values and stores in-progress values', () => {
    let state = advance(createFlowState(seed001), { username: 'anna@example.de' });
    state = advance(state);
    state = goBack(state, { phone: '+49151' });
    equal(currentStep(state).id, 'pin');
    state = goBack(state);
    equal(currentStep(state).id, 'credentials');
    deepEqual(stepValues(state, 'credentials'), { username: 'anna@example.de' });
    deepEqual(stepValues<{ phone: string }>(state, 'sms'), { phone: '+49151' });
    state = advance(advance(state));
    equal(currentStep(state).id, 'sms');
    equal(stepValues<{ phone: string }>(state, 'sms')?.phone, '+49151', 'the entered number comes back');
    equal(stepValues(state, 'visibility'), undefined);
  });

  it('never goes below the first step', () => {
    const state = createFlowState(seed001);
    equal(goBack(state), state);
  });

  it('done is final: no way back, advance stays', () => {
    let state = createFlowState(parseConfig({}).steps);
    state = advance(state);
    ok(isFinished(state));
    equal(canGoBack(state), false);
    equal(goBack(state), state);
    const again = advance(state);
    equal(currentStep(again).id, 'done');
    equal(again.index, state.index);
  });

  it('updates immutably', () => {
    const start = createFlowState(seed001);
    const next = advance(start, { username: 'a@b.de' });
    equal(start.index, 0);
    deepEqual(start.completed, []);
    deepEqual(start.values, {});
    ok(Object.isFrozen(next) && Object.isFrozen(next.values) && Object.isFrozen(next.completed));
  });

  describe('second-factor routing', () => {
    const steps = parseConfig({
      steps: ['credentials', 'secondFactorChoice', { id: 'sms', optional: true }, 'emailCode', 'visibility', 'done'],
    }).steps;
    const at = (state: FlowState) => currentStep(state).id;
    const toChoice = () => advance(createFlowState(steps));

    it('runs both code steps before a choice is made', () => {
      const state = createFlowState(steps);
      ok(state.steps.every((step) => isStepActive(state, step)));
      equal(activeSteps(state).length, 6);
    });

    it('counts the routed code steps as one until the choice, so the total never shrinks', () => {
      let state = createFlowState(steps);
      deepEqual(flowProgress(state), { position: 1, total: 4 });
      state = advance(state);
      deepEqual(flowProgress(state), { position: 2, total: 4 });
      const viaSms = advance(state, { method: 'sms' });
      deepEqual(flowProgress(viaSms), { position: 3, total: 4 });
      deepEqual(flowProgress(advance(viaSms)), { position: 4, total: 4 });
      const viaNone = advance(state, { method: 'none' });
      deepEqual(flowProgress(viaNone), { position: 3, total: 3 });
    });

    it('choosing sms jumps over emailCode', () => {
      let state = advance(toChoice(), { method: 'sms' });
      equal(at(state), 'sms');
      deepEqual(activeSteps(state).map((step) => step.id), ['credentials', 'secondFactorChoice', 'sms', 'visibility', 'done']);
      state = advance(state, { phone: '+4915112345678' });
      equal(at(state), 'visibility');
      state = goBack(state);
      equal(at(state), 'sms');
    });

    it('choosing email jumps over sms, forward and back', () => {
      let state = advance(toChoice(), { method: 'email' });
      equal(at(state), 'emailCode');
      state = goBack(state);
      equal(at(state), 'secondFactorChoice');
      state = advance(state);
      state = advance(state);
      equal(at(state), 'visibility');
      state = goBack(state);
      equal(at(state), 'emailCode', 'back jumps over the inactive sms step');
      deepEqual(state.completed, ['credentials', 'secondFactorChoice', 'emailCode']);
    });

    it('choosing none jumps over both and records neither as skipped', () => {
      let state = advance(toChoice(), { method: 'none' });
      equal(at(state), 'visibility');
      deepEqual(state.skipped, []);
      ok(!isStepActive(state, steps[2]!) && !isStepActive(state, steps[3]!));
      equal(activeSteps(state).length, 4);
      state = goBack(state);
      equal(at(state), 'secondFactorChoice');
    });

    it('skip moves to the next active step', () => {
      let state = advance(toChoice(), { method: 'sms' });
      state = skip(state);
      equal(at(state), 'visibility');
      deepEqual(state.skipped, ['sms']);
    });

    it('changing the choice forgets the code step that no longer runs', () => {
      let state = advance(toChoice(), { method: 'sms' });
      state = skip(state);
      state = goBack(goBack(state));
      equal(at(state), 'secondFactorChoice');
      state = advance(state, { method: 'email' });
      equal(at(state), 'emailCode');
      deepEqual(state.skipped, [], 'the skipped sms step is forgotten');
      state = advance(state);
      deepEqual(state.completed, ['credentials', 'secondFactorChoice', 'emailCode']);
    });

    it('cannot go back from the first active step', () => {
      const state = createFlowState(steps);
      equal(canGoBack(state), false);
    });
  });
});
