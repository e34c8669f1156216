import { css } from 'lit';

export const emailCodeStepStyles = css`
  :where(pforte-email-code-step):not(#_) :where(.pf-resend) {
    /* The countdown changes every second; fixed-width digits keep the button from jittering. */
    font-variant-numeric: tabular-nums;
  }
`;
