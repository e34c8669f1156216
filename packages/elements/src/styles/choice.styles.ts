import { css } from 'lit';

/** Radio groups of the choice steps: a frame, one row per option with its explanation below the label. */
export const choiceStyles = css`
  :where(.pf-root):not(#_) :where(fieldset.pf-choices) {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  :where(.pf-root):not(#_) :where(fieldset.pf-choices) :where(legend) {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  :where(.pf-root):not(#_) :where(.pf-choice) {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.125rem 0.5rem;
    align-items: start;
    padding: 0.75rem;
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
  :where(.pf-root):not(#_) :where(.pf-choice:has(input:checked)) {
    border-color: var(--pforte-color-primary);
    border-width: 2px;
    padding: calc(0.75rem - 1px);
  }
  :where(.pf-root):not(#_) :where(.pf-choice) :where(input[type='radio']) {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--pforte-color-primary);
  }
  :where(.pf-root):not(#_) :where(.pf-choice) :where(label) {
    cursor: pointer;
  }
  :where(.pf-root):not(#_) :where(.pf-choice) :where(.pf-choice-hint) {
    grid-column: 2;
    margin: 0;
  }
`;
