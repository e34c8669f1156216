import { PforteAccountPin } from '../account-pin/account-pin.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-account-pin', PforteAccountPin);
