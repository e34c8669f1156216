import { css } from 'lit';

export const emailVerificationStepStyles = css`
  @layer pforte {
    :where(pforte-email-verification-step) :where(.pf-resend) {
      /* The countdown changes every second; fixed-width digits keep the button from jittering. */
      font-variant-numeric: tabular-nums;
    }
    :where(pforte-email-verification-step) :where(p) {
      overflow-wrap: anywhere;
    }
  }
`;
