import { css } from 'lit';

export const customerLookupStepStyles = css`
  :where(pforte-customer-lookup-step):not(#_) :where(pforte-captcha):not(#_) {
    max-width: none;
  }
`;
