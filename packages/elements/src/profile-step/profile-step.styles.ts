import { css } from 'lit';

export const profileStepStyles = css`
  :where(pforte-profile-step):not(#_) :where(.pf-name-row) {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--pforte-space);
  }
  :where(pforte-profile-step):not(#_) :where(select) {
    max-width: 16rem;
  }
`;
