import { PfortePasswordReset } from '../password-reset/password-reset.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-password-reset', PfortePasswordReset);
