import { css } from 'lit';

export const accountSecondFactorStyles = css`
  :where(pforte-account-second-factor):not(#_) :where(.pf-status) {
    margin: calc(var(--pforte-space) / 2) 0 0;
    color: var(--pforte-color-success);
  }
`;
