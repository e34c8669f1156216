import { css } from 'lit';

export const doneStepStyles = css`
  :where(pforte-done-step):not(#_) :where(.pf-done-mark) {
    display: inline-grid;
    place-items: center;
    width: 3rem;
    height: 3rem;
    margin-block-end: var(--pforte-space);
    border-radius: 50%;
    font-size: 1.5rem;
    color: var(--pforte-color-surface);
    background: var(--pforte-color-success);
  }
`;
