import { PforteEmailCodeStep } from '../email-code-step/email-code-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-email-code-step', PforteEmailCodeStep);
