import type { SecondFactorMethod } from './types.js';

/**
 * The steps a second-factor choice routes to, with the method that leads to
 * each; every other step runs whatever is chosen. Read by those steps'
 * descriptors (`isActive`) and by the flow engine, without the config schema.
 */
export const secondFactorRoutes: Readonly<Partial<Record<string, 'sms' | 'email'>>> = { sms: 'sms', emailCode: 'email' };

/** Whether step `id` runs with the second factor chosen so far; before the choice, every step it may lead to counts. */
export function isRoutedTo(id: string, choice: SecondFactorMethod | undefined): boolean {
  const method = secondFactorRoutes[id];
  return method === undefined || choice === undefined || choice === method;
}
