import { PforteSignup } from '../signup/signup.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-signup', PforteSignup);
