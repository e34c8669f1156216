import { css } from 'lit';

export const accountPinStyles = css`
  :where(pforte-account-pin):not(#_) :where(.pf-status) {
    margin: calc(var(--pforte-space) / 2) 0 0;
    color: var(--pforte-color-success);
  }
`;
