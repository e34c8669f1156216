import { PforteOrganizationStep } from '../organization-step/organization-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-organization-step', PforteOrganizationStep);
