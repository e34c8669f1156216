import { PforteSecondFactorChoiceStep } from '../second-factor-choice-step/second-factor-choice-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-second-factor-choice-step', PforteSecondFactorChoiceStep);
