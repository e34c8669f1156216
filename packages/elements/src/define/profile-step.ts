import { PforteProfileStep } from '../profile-step/profile-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-profile-step', PforteProfileStep);
