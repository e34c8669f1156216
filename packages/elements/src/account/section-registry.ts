import type { TemplateResult } from 'lit';
import type { AccountSectionId, Clock, PforteAccountAdapter, PforteConfig, PforteSignInAdapter, SessionInfo } from '@pforte/core';

/** The backend of the account area: the sign-in half (the session, re-authentication) and the account half. */
export interface AccountBackend extends PforteSignInAdapter, PforteAccountAdapter {}

/** What `<pforte-account>` hands to a section's view. */
export interface AccountSectionContext {
  /** The backend as the page gave it; the section's element guards its own calls. */
  backend: AccountBackend;
  session: SessionInfo;
  config: PforteConfig;
  clock: Clock;
  locale: string;
}

/** The view of a section: its element, wired to the account area. */
export type AccountSectionTemplate = (context: AccountSectionContext) => TemplateResult;

const templates: Partial<Record<AccountSectionId, AccountSectionTemplate>> = {};

/** Adds the view of a section whose code has loaded (each module in ./sections/ calls it once). */
export function addAccountSection(id: AccountSectionId, template: AccountSectionTemplate): void {
  templates[id] = template;
}

/** The view of `id`, once its module has loaded. */
export function accountSectionTemplate(id: AccountSectionId): AccountSectionTemplate | undefined {
  return templates[id];
}
