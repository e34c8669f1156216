import { PforteVisibilityStep } from '../visibility-step/visibility-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-visibility-step', PforteVisibilityStep);
