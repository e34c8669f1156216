import { css } from 'lit';

export const smsStepStyles = css`
  :where(pforte-sms-step):not(#_) :where(.pf-sent) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
  }
  :where(pforte-sms-step):not(#_) :where(.pf-sent) :where(p) {
    margin: 0;
  }
`;
