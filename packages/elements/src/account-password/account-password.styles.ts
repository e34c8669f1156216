import { css } from 'lit';

export const accountPasswordStyles = css`
  :where(pforte-account-password):not(#_) :where(.pf-status) {
    margin: calc(var(--pforte-space) / 2) 0 0;
    color: var(--pforte-color-success);
  }
`;
