import type { ResolvedStep } from './config.js';
import type { StepId } from './steps/ids.js';
import { isRoutedTo, secondFactorRoutes } from './steps/routes.js';
import type { SecondFactorMethod } from './steps/types.js';

/**
 * Immutable state of a registration flow over the configured step list.
 *
 * `values` holds what a step entered (e.g. `{ phone: '+49151…' }` for sms,
 * `{ visible: true }`), so that back navigation can restore it. It must NEVER
 * hold secrets: the elements do not pass passwords, PINs or codes here, and
 * callers of {@link advance} and {@link goBack} must not either.
 */
export interface FlowState {
  readonly steps: readonly ResolvedStep[];
  /** Index of the current step in `steps`. */
  readonly index: number;
  /** Steps finished by `advance`, in the order they were finished. */
  readonly completed: readonly StepId[];
  /** Optional steps put off for later. */
  readonly skipped: readonly StepId[];
  readonly values: Readonly<Partial<Record<StepId, Readonly<Record<string, unknown>>>>>;
}

/** Starts a flow at its first step. `steps` comes from a parsed config, so it is known to be valid. */
export function createFlowState(steps: readonly ResolvedStep[]): FlowState {
  if (steps.length === 0) throw new Error('a flow needs at least one step');
  return Object.freeze({
    steps: Object.freeze([...steps]),
    index: 0,
    completed: Object.freeze([]),
    skipped: Object.freeze([]),
    values: Object.freeze({}),
  });
}

/** The step the flow is on. */
export function currentStep(state: FlowState): ResolvedStep {
  // index is kept within bounds by every transition.
  return state.steps[state.index]!;
}

function without(list: readonly StepId[], id: StepId): readonly StepId[] {
  return list.filter((entry) => entry !== id);
}

function withValues(state: FlowState, id: StepId, values: Record<string, unknown> | undefined): FlowState['values'] {
  if (values === undefined) return state.values;
  return Object.freeze({ ...state.values, [id]: Object.freeze({ ...state.values[id], ...values }) });
}

/**
 * Whether `step` runs in this flow as it stands: `sms` only when no second
 * factor was chosen or `sms` was, `emailCode` likewise for `email` (the choice
 * is the `method` stored by the `secondFactorChoice` step). An inactive step
 * is jumped over by {@link advance}, {@link goBack} and {@link skip}; it is
 * neither shown nor recorded as skipped.
 */
export function isStepActive(state: Pick<FlowState, 'values'>, step: ResolvedStep): boolean {
  const method = state.values.secondFactorChoice?.['method'];
  const choice = typeof method === 'string' ? (method as SecondFactorMethod) : undefined;
  return isRoutedTo(step.id, choice);
}

/** Whether the step is one a second-factor choice routes to or around. */
function isRouted(step: ResolvedStep): boolean {
  return secondFactorRoutes[step.id] !== undefined;
}

/** The steps that run, in order (for "Step 2 of 5"). */
export function activeSteps(state: FlowState): readonly ResolvedStep[] {
  return state.steps.filter((step) => isStepActive(state, step));
}

/** Where the person is, for "Step 2 of 5": both counted without the closing `done` step. */
export interface FlowProgress {
  /** 1-based position of the current step. */
  position: number;
  total: number;
}

/**
 * Progress through the steps that run. Before a second factor is chosen, the
 * code steps it routes to (`sms`, `emailCode`) count as one: at most one of
 * them will run, so the total does not shrink once the choice is made.
 */
export function flowProgress(state: FlowState): FlowProgress {
  const shown: readonly ResolvedStep[] = activeSteps(state).filter((step) => step.id !== 'done');
  const choicePending =
    state.steps.some((step) => step.id === 'secondFactorChoice') && state.values.secondFactorChoice?.['method'] === undefined;
  const routed = choicePending ? shown.filter(isRouted).length : 0;
  return {
    position: Math.max(1, shown.indexOf(currentStep(state)) + 1),
    total: shown.length - Math.max(0, routed - 1),
  };
}

/** Index of the next active step after the current one; the last step when there is none. */
function nextIndex(state: FlowState): number {
  for (let index = state.index + 1; index < state.steps.length; index++) {
    if (isStepActive(state, state.steps[index]!)) return index;
  }
  return state.steps.length - 1;
}

/** Index of the previous active step, or -1. */
function previousIndex(state: FlowState): number {
  for (let index = state.index - 1; index >= 0; index--) {
    if (isStepActive(state, state.steps[index]!)) return index;
  }
  return -1;
}

/** Drops steps that a changed choice made inactive from `completed` and `skipped`. */
function withoutInactive(state: FlowState): FlowState {
  const inactive = new Set(state.steps.filter((step) => !isStepActive(state, step)).map((step) => step.id));
  if (inactive.size === 0) return state;
  return Object.freeze({
    ...state,
    completed: Object.freeze(state.completed.filter((id) => !inactive.has(id))),
    skipped: Object.freeze(state.skipped.filter((id) => !inactive.has(id))),
  });
}

/**
 * Finishes the current step: marks it completed (and no longer skipped),
 * merges `values` (never secrets) into its stored values and moves on to the
 * next active step (the values count: a second-factor choice routes at once).
 * On the last step the index stays.
 */
export function advance(state: FlowState, values?: Record<string, unknown>): FlowState {
  const id = currentStep(state).id;
  const updated = withoutInactive(
    Object.freeze({
      ...state,
      completed: Object.freeze([...without(state.completed, id), id]),
      skipped: Object.freeze(without(state.skipped, id)),
      values: withValues(state, id, values),
    }),
  );
  return Object.freeze({ ...updated, index: nextIndex(updated) });
}

/** Whether {@link goBack} would move: not on the first active step, and never once 'done' is reached (the account exists). */
export function canGoBack(state: FlowState): boolean {
  return previousIndex(state) >= 0 && !isFinished(state);
}

/**
 * Moves back to the previous active step, keeping everything entered. `values` are the current
 * step's in-progress values (never secrets), stored so that coming forward
 * again restores them. Does nothing where {@link canGoBack} is false.
 */
export function goBack(state: FlowState, values?: Record<string, unknown>): FlowState {
  if (!canGoBack(state)) return state;
  return Object.freeze({
    ...state,
    index: previousIndex(state),
    values: withValues(state, currentStep(state).id, values),
  });
}

/**
 * Puts off the current optional step ("activate later") and moves on to the next active step.
 * @throws Error when the current step is not optional
 */
export function skip(state: FlowState): FlowState {
  const step = currentStep(state);
  if (!step.optional) throw new Error(`step "${step.id}" is not optional`);
  return Object.freeze({
    ...state,
    index: nextIndex(state),
    completed: Object.freeze(without(state.completed, step.id)),
    skipped: Object.freeze([...without(state.skipped, step.id), step.id]),
  });
}

/** True once the flow has reached 'done', which is final. */
export function isFinished(state: FlowState): boolean {
  return currentStep(state).id === 'done';
}

/** The values stored for a step, typed by the caller. */
export function stepValues<T>(state: FlowState, id: StepId): T | undefined {
  return state.values[id] as T | undefined;
}
