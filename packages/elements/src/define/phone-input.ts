import { PfortePhoneInput } from '../phone-input/phone-input.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-phone-input', PfortePhoneInput);
