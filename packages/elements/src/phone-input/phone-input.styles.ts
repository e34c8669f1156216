import { css } from 'lit';

export const phoneInputStyles = css`
  :where(pforte-phone-input):not(#_) :where(.pf-phone-row) {
    display: grid;
    grid-template-columns: minmax(10.5rem, 2fr) 3fr;
    gap: 0.5rem;
    align-items: end;
  }
  :where(pforte-phone-input):not(#_) :where(select) {
    width: 100%;
  }
  /* Where the country name would be cut ("Deutschl…"), the country goes above the number. */
  :where(pforte-phone-input):not(#_) {
    container-type: inline-size;
  }
  @container (max-width: 27rem) {
    :where(pforte-phone-input):not(#_) :where(.pf-phone-row) {
      grid-template-columns: 1fr;
    }
  }
`;
