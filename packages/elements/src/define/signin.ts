import { PforteSignin } from '../signin/signin.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-signin', PforteSignin);
