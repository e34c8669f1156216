import { css } from 'lit';

export const secondFactorChoiceStepStyles = css`
  @layer pforte {
    :where(pforte-second-factor-choice-step) :where(.pf-recommended) {
      font-weight: 600;
      color: var(--pforte-color-primary);
    }
  }
`;
