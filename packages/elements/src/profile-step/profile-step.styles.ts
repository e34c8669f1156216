import { css } from 'lit';

export const profileStepStyles = css`
  @layer pforte {
    :where(pforte-profile-step) :where(.pf-name-row) {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: var(--pforte-space);
    }
    :where(pforte-profile-step) :where(select) {
      max-width: 16rem;
    }
  }
`;
