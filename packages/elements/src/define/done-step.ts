import { PforteDoneStep } from '../done-step/done-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-done-step', PforteDoneStep);
