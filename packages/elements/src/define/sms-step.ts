import { PforteSmsStep } from '../sms-step/sms-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-sms-step', PforteSmsStep);
