import { css } from 'lit';

export const signinStyles = css`
  :where(pforte-signin):not(#_) {
    padding: calc(var(--pforte-space) * 1.5);
    border: 1px solid var(--pforte-color-border);
    border-radius: calc(var(--pforte-radius) * 1.5);
  }
  :where(pforte-signin):not(#_) :where(.pf-forgot) {
    margin: -0.25rem 0 0.75rem;
  }
  :where(pforte-signin):not(#_) :where(.pf-register) {
    margin: 1rem 0 0;
    color: var(--pforte-color-muted);
  }
  :where(pforte-signin):not(#_) :where(.pf-first-notice) {
    white-space: pre-line;
  }
  :where(pforte-signin):not(#_) :where(.pf-config-error code) {
    display: block;
    margin-block-start: 0.5rem;
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
`;
