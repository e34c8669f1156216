import { css } from 'lit';

export const passwordChecklistStyles = css`
  :where(pforte-password-checklist):not(#_) :where(ul) {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  :where(pforte-password-checklist):not(#_) :where(li) {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    color: var(--pforte-color-muted);
  }
  :where(pforte-password-checklist):not(#_) :where(li.pf-met) {
    color: var(--pforte-color-text);
  }
  /* Fixed-size marks: a rule flipping never moves the layout. */
  :where(pforte-password-checklist):not(#_) :where(.pf-mark) {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25rem;
    height: 1.25rem;
    margin-block-start: 0.125rem;
    border-radius: 50%;
    border: 2px solid var(--pforte-color-border);
    font-size: 0.75rem;
    line-height: 1;
  }
  :where(pforte-password-checklist):not(#_) :where(li.pf-broken) {
    color: var(--pforte-color-danger);
  }
  :where(pforte-password-checklist):not(#_) :where(li.pf-broken .pf-mark) {
    border-color: var(--pforte-color-danger);
    background: var(--pforte-color-danger);
    color: var(--pforte-color-surface);
  }
  :where(pforte-password-checklist):not(#_) :where(li.pf-met .pf-mark) {
    border-color: var(--pforte-color-success);
    background: var(--pforte-color-success);
    color: var(--pforte-color-surface);
  }
`;
