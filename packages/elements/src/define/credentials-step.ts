import { PforteCredentialsStep } from '../credentials-step/credentials-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-credentials-step', PforteCredentialsStep);
