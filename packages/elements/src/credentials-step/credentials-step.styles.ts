import { css } from 'lit';

export const credentialsStepStyles = css`
  @layer pforte {
    :where(pforte-credentials-step) :where(.pf-toggle) {
      flex: none;
      min-width: 6.5rem;
    }
  }
`;
