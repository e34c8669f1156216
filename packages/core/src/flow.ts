import type { ResolvedStep, StepId } from './config.js';

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

function nextIndex(state: FlowState): number {
  return Math.min(state.index + 1, state.steps.length - 1);
}

/**
 * Finishes the current step: marks it completed (and no longer skipped),
 * merges `values` (never secrets) into its stored values and moves on.
 * On the last step the index stays.
 */
export function advance(state: FlowState, values?: Record<string, unknown>): FlowState {
  const id = currentStep(state).id;
  return Object.freeze({
    ...state,
    index: nextIndex(state),
    completed: Object.freeze([...without(state.completed, id), id]),
    skipped: Object.freeze(without(state.skipped, id)),
    values: withValues(state, id, values),
  });
}

/** Whether {@link goBack} would move: not on the first step, and never once 'done' is reached (the account exists). */
export function canGoBack(state: FlowState): boolean {
  return state.index > 0 && !isFinished(state);
}

/**
 * Moves one step back, keeping everything entered. `values` are the current
 * step's in-progress values (never secrets), stored so that coming forward
 * again restores them. Does nothing where {@link canGoBack} is false.
 */
export function goBack(state: FlowState, values?: Record<string, unknown>): FlowState {
  if (!canGoBack(state)) return state;
  return Object.freeze({ ...state, index: state.index - 1, values: withValues(state, currentStep(state).id, values) });
}

/**
 * Puts off the current optional step ("activate later") and moves on.
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
