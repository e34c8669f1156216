import { PforteTermsStep } from '../terms-step/terms-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-terms-step', PforteTermsStep);
