/**
 * `dist/cdn/pforte-account.js`: defines `<pforte-account>`. Its own file,
 * loaded only by pages that show the account area; it imports what it
 * shares with the first step from `pforte.js`, and each section loads as a
 * file of its own when it is shown.
 */
import './define/account.js';

export { PforteAccount } from './account/account.js';
export { guardAccountAdapter } from '@pforte/core';
export type { OrganizationOverview, PforteAccountAdapter } from '@pforte/core';
