import { PfortePinStep } from '../pin-step/pin-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-pin-step', PfortePinStep);
