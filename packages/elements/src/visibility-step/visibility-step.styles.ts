import { css } from 'lit';

export const visibilityStepStyles = css`
  :where(pforte-visibility-step):not(#_) :where(.pf-check) {
    padding: 0.75rem;
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
`;
