import { css } from 'lit';

export const termsStepStyles = css`
  :where(pforte-terms-step):not(#_) :where(.pf-terms-links) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :where(pforte-terms-step):not(#_) :where(.pf-check) {
    padding: 0.75rem;
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
  :where(pforte-terms-step):not(#_) :where(.pf-check:has(input[aria-invalid='true'])) {
    border: 2px solid var(--pforte-color-danger);
  }
`;
