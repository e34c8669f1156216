import { PforteOrganizationAdmin } from '../organization-admin/organization-admin.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-organization-admin', PforteOrganizationAdmin);
