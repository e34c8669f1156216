import { css } from 'lit';

export const emailVerificationStepStyles = css`
  :where(pforte-email-verification-step):not(#_) :where(.pf-resend) {
    /* The countdown changes every second; fixed-width digits keep the button from jittering. */
    font-variant-numeric: tabular-nums;
  }
  :where(pforte-email-verification-step):not(#_) :where(p) {
    overflow-wrap: anywhere;
  }
`;
