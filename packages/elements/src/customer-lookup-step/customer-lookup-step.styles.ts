import { css } from 'lit';

export const customerLookupStepStyles = css`
  @layer pforte {
    :where(pforte-customer-lookup-step) :where(pforte-captcha) {
      max-width: none;
    }
  }
`;
