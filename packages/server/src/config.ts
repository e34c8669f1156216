import { parseConfig, type PforteConfigInput } from '@pforte/core';
import type { ServiceOptions } from './service.js';

/**
 * Service options from a product configuration (the same JSON the widget
 * gets), so the server enforces exactly what the widget publishes: the
 * password policy, which steps are required or optional, the SMS and e-mail
 * code lengths, the resend interval, the terms version, whether the customer
 * lookup needs a captcha and the members per organization.
 */
export function optionsFromConfig(input: PforteConfigInput | string): Partial<ServiceOptions> {
  const config = parseConfig(input);
  const options: Partial<ServiceOptions> = {
    passwordPolicy: config.passwordPolicy,
    requiredSteps: config.steps.filter((step) => !step.optional && step.id !== 'done').map((step) => step.id),
    optionalSteps: config.steps.filter((step) => step.optional).map((step) => step.id),
  };
  for (const step of config.steps) {
    switch (step.id) {
      case 'sms':
        options.smsCodeLength = step.codeLength;
        options.resendSeconds = step.resendSeconds;
        break;
      case 'emailCode':
        options.emailCodeLength = step.codeLength;
        break;
      case 'terms':
        if (step.version !== undefined) options.termsVersion = step.version;
        break;
      case 'customerLookup':
        options.customerLookupCaptcha = step.captcha;
        break;
      case 'organization':
        options.maxOrganizationMembers = step.maxMembers;
        break;
      default:
        break;
    }
  }
  return options;
}
