import { PforteCustomerLookupStep } from '../customer-lookup-step/customer-lookup-step.js';
import { defineElement } from '../internal/define.js';

defineElement('pforte-customer-lookup-step', PforteCustomerLookupStep);
