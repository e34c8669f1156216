import { PforteGuestAccess } from '../guest-access/guest-access.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-guest-access', PforteGuestAccess);
