import { css } from 'lit';

export const secondFactorChoiceStepStyles = css`
  :where(pforte-second-factor-choice-step):not(#_) :where(.pf-recommended) {
    font-weight: 600;
    color: var(--pforte-color-primary);
  }
`;
