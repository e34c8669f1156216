import { parseConfig, type PforteConfigInput } from '@pforte/core';
import type { ServiceOptions } from './service.js';

/**
 * Service options from a product configuration (the same JSON the widget
 * gets), so the server enforces exactly what the widget publishes: the
 * password policy, which steps are required or optional, the SMS code length
 * and the resend interval.
 */
export function optionsFromConfig(input: PforteConfigInput | string): Partial<ServiceOptions> {
  const config = parseConfig(input);
  const options: Partial<ServiceOptions> = {
    passwordPolicy: config.passwordPolicy,
    requiredSteps: config.steps.filter((step) => !step.optional && step.id !== 'done').map((step) => step.id),
    optionalSteps: config.steps.filter((step) => step.optional).map((step) => step.id),
  };
  const sms = config.steps.find((step) => step.id === 'sms');
  if (sms?.id === 'sms') {
    options.smsCodeLength = sms.codeLength;
    options.resendSeconds = sms.resendSeconds;
  }
  return options;
}
