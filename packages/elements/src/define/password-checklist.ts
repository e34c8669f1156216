import { PfortePasswordChecklist } from '../password-checklist/password-checklist.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-password-checklist', PfortePasswordChecklist);
