import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PforteError, PforteErrorCode } from '@pforte/core';
import { duration, useMessages } from './localization.js';

void useMessages('flow');

/** Errors only later steps meet; their sentences load with those steps (step-error-messages.ts). */
const stepErrorCodes = [
  'phone.invalid',
  'pin.invalid',
  'pin.trivial',
  'code.invalid',
  'code.expired',
  'code.max_attempts',
  'customer.mismatch',
  'captcha.invalid',
  'organization.not_found',
  'organization.full',
  'organization.invalid',
  'terms.required',
  'session.required',
  'reauth.required',
  'permission.denied',
  'member.unknown',
] as const;
export type StepErrorCode = (typeof stepErrorCodes)[number];
/** The errors the first step and the flow host show, among them what starting and completing a flow answers. */
type FirstStepCode = Exclude<PforteErrorCode, StepErrorCode>;

let stepErrorMessage: ((error: PforteError & { code: StepErrorCode }) => string) | undefined;

/** Called by step-error-messages.ts, which the later steps import. */
export function addStepErrorMessages(messages: (error: PforteError & { code: StepErrorCode }) => string): void {
  stepErrorMessage = messages;
}

const isStepError = (error: PforteError): error is PforteError & { code: StepErrorCode } =>
  (stepErrorCodes as readonly PforteErrorCode[]).includes(error.code);

/**
 * The translated sentence a person reads for an adapter error. A backend's
 * own wording (`serverMessage`) is shown separately, as plain text only.
 */
export function errorMessage(error: PforteError): string {
  if (isStepError(error)) return stepErrorMessage?.(error) ?? msg('Please check this entry.', { id: 'error.identifier.invalid' });
  const code = error.code as FirstStepCode;
  switch (code) {
    case 'identifier.unavailable':
      return msg('This username cannot be used. Please choose another one.', { id: 'error.identifier.unavailable' });
    case 'identifier.invalid':
      return msg('Please check this entry.', { id: 'error.identifier.invalid' });
    case 'password.too_short':
      return msg('This password is too short.', { id: 'error.password.too_short' });
    case 'password.rejected':
      return msg('This password was not accepted. Please choose another one.', { id: 'error.password.rejected' });
    case 'password.common':
      return msg('This password is used too often. Please choose another one.', { id: 'error.password.common' });
    case 'password.breached':
      return msg('This password appeared in a data breach and is not safe. Please choose another one.', {
        id: 'error.password.breached',
      });
    case 'rate_limited':
      return error.retryAfterSeconds === undefined
        ? msg('Too many requests. Please wait a moment and try again.', { id: 'error.rate_limited' })
        : msg(str`Too many requests. Please try again in ${duration(error.retryAfterSeconds, 'second')}.`, {
            id: 'error.rate_limited.seconds',
          });
    case 'flow.expired':
    case 'flow.unknown':
      return msg('This registration has expired. Please start again.', { id: 'error.flow.expired' });
    case 'link.expired':
      if (error.validityDays !== undefined) {
        return msg(str`This link was valid for ${duration(error.validityDays, 'day')} and has expired. Please request a new one.`, {
          id: 'error.link.expired.days',
        });
      }
      if (error.validityHours !== undefined) {
        return msg(str`This link was valid for ${duration(error.validityHours, 'hour')} and has expired. Please request a new one.`, {
          id: 'error.link.expired.hours',
        });
      }
      return msg('This registration link has expired. Please request a new one.', { id: 'error.link.expired' });
    case 'link.used':
      return msg('You are already registered. Please sign in.', { id: 'error.link.used' });
    case 'link.invalid':
      return msg('This link is not valid. Please check that you opened the complete link.', { id: 'error.link.invalid' });
    case 'profile.invalid':
    case 'input.invalid':
      return msg('Please check this entry.', { id: 'error.identifier.invalid' });
    case 'step.required':
      return msg('Please complete the previous steps first.', { id: 'error.step.required' });
    case 'network':
      return msg('No connection to the server. Check your connection and try again.', { id: 'error.network' });
    case 'timeout':
      return msg('The server took too long to answer. Please try again.', { id: 'error.timeout' });
    // The widget's config names a step or product its backend does not serve: the integrator's to fix.
    case 'step.unavailable':
    case 'product.unknown':
    case 'response.invalid':
    case 'unknown':
      return msg('Something went wrong on our side. Please try again.', { id: 'error.unknown' });
  }
}

/**
 * Content for a `role="alert"` region: the translated sentence, then the
 * backend's own text (if any) as plain text. Keep the region itself free of
 * whitespace so `:empty` hides it while there is nothing to say.
 */
export function renderAlert(error: PforteError) {
  return html`${errorMessage(error)}${error.serverMessage
    ? html`<span class="pf-server-message">${error.serverMessage}</span>`
    : nothing}`;
}
