import { PforteEmailVerificationStep } from '../email-verification-step/email-verification-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-email-verification-step', PforteEmailVerificationStep);
