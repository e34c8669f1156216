import { css } from 'lit';

export const organizationStepStyles = css`
  :where(pforte-organization-step):not(#_) :where(input.pf-postal-code) {
    /* Five digits: a narrow field says how much is expected. */
    max-width: 9rem;
    font-variant-numeric: tabular-nums;
  }
`;
