import { PforteAccountSecondFactor } from '../account-second-factor/account-second-factor.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-account-second-factor', PforteAccountSecondFactor);
