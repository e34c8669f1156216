import { css } from 'lit';

export const accountStyles = css`
  :where(pforte-account):not(#_) {
    padding: calc(var(--pforte-space) * 1.5);
    border: 1px solid var(--pforte-color-border);
    border-radius: calc(var(--pforte-radius) * 1.5);
  }
  :where(pforte-account):not(#_) :where(.pf-account-section) {
    margin-top: calc(var(--pforte-space) * 1.5);
    padding-top: var(--pforte-space);
    border-top: 1px solid var(--pforte-color-border);
  }
  :where(pforte-account):not(#_) :where(.pf-account-section > h3) {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  :where(pforte-account):not(#_) :where(.pf-config-error code) {
    display: block;
    margin-top: 0.5rem;
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
`;
