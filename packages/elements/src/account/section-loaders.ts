import { msg } from '@lit/localize';
import type { AccountSectionId } from '@pforte/core';
import { useMessages } from '../localization/localization.js';

void useMessages('account');
// The settings sections' headings show while their code loads.
void useMessages('accountVisibility');
void useMessages('accountSecondFactor');
void useMessages('accountPin');
void useMessages('accountPassword');

/** A section of the account area as the host knows it before its code loads. */
export interface AccountSectionEntry {
  /** The section's heading, in the active locale (an `account.*` message: it shows while the section loads). */
  heading: () => string;
  /** Loads the section's module, which defines its element and adds its view (section-registry.ts). */
  load: () => Promise<unknown>;
  /** The section's element brings a heading of the same words (the registration step's): the host then names the region without one of its own. */
  headedByElement?: boolean;
}

/**
 * Every section of `<pforte-account>`, loaded when a signed-in person may
 * use it (core's `accountSectionsFor`), so the account area never fetches a
 * section it does not show. A new section is an id in core's
 * `accountSectionIds` (with its descriptor), one entry here and its module
 * in `./sections/`. In the script-tag build each module is a file of its own
 * beside `pforte-account.js`.
 */
export const accountSectionEntries: Record<AccountSectionId, AccountSectionEntry> = {
  visibility: {
    heading: () => msg('Visibility in the contact search', { id: 'accountVisibility.heading' }),
    load: () => import('./sections/visibility-section.js'),
    headedByElement: true,
  },
  secondFactor: {
    heading: () => msg('Two-factor authentication', { id: 'accountSecondFactor.heading' }),
    load: () => import('./sections/second-factor-section.js'),
  },
  servicePin: {
    heading: () => msg('Service PIN', { id: 'accountPin.heading' }),
    load: () => import('./sections/service-pin-section.js'),
  },
  password: {
    heading: () => msg('Your password', { id: 'accountPassword.heading' }),
    load: () => import('./sections/password-section.js'),
  },
  organization: {
    heading: () => msg('Your organization', { id: 'account.organization.heading' }),
    load: () => import('./sections/organization-section.js'),
  },
};
