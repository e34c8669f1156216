import { PforteAccountPassword } from '../account-password/account-password.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-account-password', PforteAccountPassword);
