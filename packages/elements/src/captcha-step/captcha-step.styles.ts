import { css } from 'lit';

export const captchaStepStyles = css`
  @layer pforte {
    :where(pforte-captcha-step) :where(pforte-captcha) {
      max-width: none;
    }
  }
`;
