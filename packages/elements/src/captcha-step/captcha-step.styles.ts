import { css } from 'lit';

export const captchaStepStyles = css`
  :where(pforte-captcha-step):not(#_) :where(pforte-captcha):not(#_) {
    max-width: none;
  }
`;
