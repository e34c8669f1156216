import { PforteInvitationStep } from '../invitation-step/invitation-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-invitation-step', PforteInvitationStep);
