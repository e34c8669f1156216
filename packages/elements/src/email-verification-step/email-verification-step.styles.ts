import { css } from 'lit';

export const emailVerificationStepStyles = css`
  :where(pforte-email-verification-step):not(#_) :where(p) {
    overflow-wrap: anywhere;
  }
`;
