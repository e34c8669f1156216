import { css } from 'lit';

export const accountVisibilityStyles = css`
  :where(pforte-account-visibility):not(#_) :where(.pf-status) {
    margin: calc(var(--pforte-space) / 2) 0 0;
    color: var(--pforte-color-success);
  }
`;
