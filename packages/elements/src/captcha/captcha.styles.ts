import { css } from 'lit';

export const captchaStyles = css`
  :where(pforte-captcha):not(#_) :where(.pf-captcha) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
  :where(pforte-captcha):not(#_) :where(.pf-captcha-test) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5rem;
  }
  :where(pforte-captcha):not(#_) :where(.pf-captcha-prompt, .pf-captcha-solved) {
    margin: 0;
  }
  :where(pforte-captcha):not(#_) :where(.pf-captcha-digits) {
    font-size: 1.25rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.1em;
    white-space: nowrap;
  }
  :where(pforte-captcha):not(#_) :where(.pf-captcha-solved) :where([aria-hidden='true']) {
    color: var(--pforte-color-success);
    font-weight: 700;
  }
`;
