import { msg, str } from '@lit/localize';
import type { PforteError } from '@pforte/core';
import { addStepErrorMessages } from './error-messages.js';
import type { StepErrorCode } from './error-messages.js';
import { useMessages } from './localization.js';

void useMessages('flow');

/*
 * The sentences of errors only later steps meet (a PIN, a code, a phone
 * number, an organization…), imported by those steps, so the first step's
 * file does not carry them. errorMessage() (error-messages.ts) uses them.
 */
addStepErrorMessages((error: PforteError & { code: StepErrorCode }): string => {
  switch (error.code) {
    case 'phone.invalid':
      return msg('Please enter a valid mobile number.', { id: 'error.phone.invalid' });
    case 'pin.invalid':
      return msg('This PIN is not valid.', { id: 'error.pin.invalid' });
    case 'pin.trivial':
      return msg('This PIN is too easy to guess. Avoid repeated digits and sequences.', { id: 'error.pin.trivial' });
    case 'code.invalid':
      return error.attemptsRemaining === undefined
        ? msg('The code is not correct.', { id: 'error.code.invalid' })
        : msg(str`The code is not correct. Attempts left: ${error.attemptsRemaining}.`, {
            id: 'error.code.invalid.attempts',
          });
    case 'session.required':
      return msg('Please sign in again to continue.', { id: 'error.session.required' });
    case 'reauth.required':
      return msg('For your security, please sign in again, then repeat this change.', { id: 'error.reauth.required' });
    case 'permission.denied':
      return msg('You are not allowed to do this.', { id: 'error.permission.denied' });
    case 'member.unknown':
      return msg('This person is no longer a member or has no open request.', { id: 'error.member.unknown' });
    case 'code.expired':
      return msg('This code has expired. Please request a new code.', { id: 'error.code.expired' });
    case 'code.max_attempts':
      return msg('Too many wrong attempts. This code can no longer be used; please request a new code.', {
        id: 'error.code.max_attempts',
      });
    case 'customer.mismatch':
      return msg('The customer number and e-mail address do not match our records. Please check both.', {
        id: 'error.customer.mismatch',
      });
    case 'captcha.invalid':
      return msg('The security check was not passed. Please try again.', { id: 'error.captcha.invalid' });
    case 'organization.not_found':
      return msg('We found no practice with this customer number and postal code. Please check both.', {
        id: 'error.organization.not_found',
      });
    case 'organization.full':
      return msg('This practice already has the maximum number of users. Please contact a member of your practice.', {
        id: 'error.organization.full',
      });
    case 'organization.invalid':
      switch (error.field) {
        case 'postalCode':
          return msg('Please enter a valid postal code.', { id: 'error.organization.invalid.postalCode' });
        case 'name':
          return msg('Please enter the name of the practice.', { id: 'error.organization.invalid.name' });
        case 'customerNumber':
          return msg('Please check the customer number.', { id: 'error.organization.invalid.customerNumber' });
        default:
          return msg('Please check this entry.', { id: 'error.identifier.invalid' });
      }
    case 'terms.required':
      return msg('Please accept the terms of use and the privacy policy to continue.', { id: 'error.terms.required' });
  }
});
