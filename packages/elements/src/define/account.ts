import { PforteAccount } from '../account/account.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-account', PforteAccount);
