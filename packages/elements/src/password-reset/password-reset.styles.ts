import { css } from 'lit';

/** The "No e-mail received?" help and the long identifiers a sent-link message may name. */
export const passwordResetStyles = css`
  :where(pforte-password-reset):not(#_) :where(.pf-reset-identifier) {
    overflow-wrap: anywhere;
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-help) {
    margin: 0 0 var(--pforte-space);
    padding: var(--pforte-space);
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
    background: var(--pforte-color-surface);
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-help > summary) {
    cursor: pointer;
    font-weight: 600;
    color: var(--pforte-color-primary);
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-help > summary:focus-visible) {
    outline: 2px solid var(--pforte-color-focus);
    outline-offset: 2px;
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-help > ul) {
    margin: var(--pforte-space) 0;
    padding-inline-start: 1.25rem;
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-help li) {
    margin-block-end: 0.5rem;
  }
  :where(pforte-password-reset):not(#_) :where(.pf-reset-sign-in) {
    margin-block-start: var(--pforte-space);
  }
`;
