import { css } from 'lit';

export const visibilityStepStyles = css`
  @layer pforte {
    :where(pforte-visibility-step) :where(.pf-check) {
      padding: 0.75rem;
      border: 1px solid var(--pforte-color-border);
      border-radius: var(--pforte-radius);
    }
  }
`;
