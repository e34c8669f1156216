import { css } from 'lit';

export const phoneInputStyles = css`
  :where(pforte-phone-input):not(#_) :where(.pf-phone-row) {
    display: grid;
    grid-template-columns: minmax(7rem, 2fr) 3fr;
    gap: 0.5rem;
    align-items: end;
  }
  :where(pforte-phone-input):not(#_) :where(select) {
    width: 100%;
  }
  @media (max-width: 24rem) {
    :where(pforte-phone-input):not(#_) :where(.pf-phone-row) {
      grid-template-columns: 1fr;
    }
  }
`;
