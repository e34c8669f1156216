import { ConfigError } from '../config-error.js';
import type { BaseStep, SecondFactorMethod } from './types.js';

/**
 * A code step (`sms`, `emailCode`) behind a `secondFactorChoice` must come
 * after it, and the choice must offer the step's method.
 */
export function checkRoutedStep(
  id: string,
  method: 'sms' | 'email',
  index: number,
  steps: readonly BaseStep[],
): ConfigError | undefined {
  const choiceIndex = steps.findIndex((step) => step.id === 'secondFactorChoice');
  if (choiceIndex < 0) return undefined;
  if (choiceIndex > index) return new ConfigError(`steps[${index}]`, `"${id}" must come after "secondFactorChoice"`);
  const choices = (steps[choiceIndex] as BaseStep & { choices: SecondFactorMethod[] }).choices;
  if (!choices.includes(method)) {
    return new ConfigError(`steps[${choiceIndex}].choices`, `must offer "${method}": the "${id}" step runs only when it is chosen`);
  }
  return undefined;
}
