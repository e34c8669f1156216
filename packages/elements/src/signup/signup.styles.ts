import { css } from 'lit';

export const signupStyles = css`
  :where(pforte-signup):not(#_) {
    padding: calc(var(--pforte-space) * 1.5);
    border: 1px solid var(--pforte-color-border);
    border-radius: calc(var(--pforte-radius) * 1.5);
  }
  :where(pforte-signup):not(#_) :where(.pf-progress) {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    color: var(--pforte-color-muted);
  }
  :where(pforte-signup):not(#_) :where(.pf-config-error code) {
    display: block;
    margin-block-start: 0.5rem;
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
`;
