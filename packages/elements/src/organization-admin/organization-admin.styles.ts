import { css } from 'lit';

export const organizationAdminStyles = css`
  :where(pforte-organization-admin):not(#_) :where(h4) {
    margin: 1.25rem 0 0.5rem;
    font-size: 1rem;
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-list) {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-entry) {
    padding: calc(var(--pforte-space) * 0.75) 0;
    border-top: 1px solid var(--pforte-color-border);
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-entry p) {
    margin: 0 0 0.25rem;
    overflow-wrap: anywhere;
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-tag) {
    color: var(--pforte-color-muted);
    font-size: 0.875em;
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-actions, .pf-org-confirm .pf-actions) {
    margin-top: 0.5rem;
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-org-confirm) {
    margin-top: 0.5rem;
    padding: calc(var(--pforte-space) * 0.75);
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
  :where(pforte-organization-admin):not(#_) :where(.pf-reauth) {
    margin-top: 0.5rem;
  }
`;
