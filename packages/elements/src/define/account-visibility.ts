import { PforteAccountVisibility } from '../account-visibility/account-visibility.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-account-visibility', PforteAccountVisibility);
