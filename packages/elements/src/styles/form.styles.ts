import { css } from 'lit';

/** Fields, buttons and messages shared by every step. */
export const formStyles = css`
  :where(.pf-root):not(#_) :where(form) {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--pforte-space);
    margin: 0;
  }
  :where(.pf-root):not(#_) :where(.pf-field) {
    display: grid;
    /* Never wider than the step: an input row shrinks instead of pushing the field out. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
  }
  /* A field's hint and error sit right under it; the form's gap spaces the fields. */
  :where(.pf-root):not(#_) :where(.pf-field) :where(p) {
    margin: 0;
  }
  :where(.pf-root):not(#_) :where(label) {
    font-weight: 600;
  }
  :where(.pf-root):not(#_) :where(.pf-input-row) {
    display: flex;
    gap: 0.5rem;
    align-items: stretch;
  }
  /* A field with a control inside it, at its end (the show-password toggle). */
  :where(.pf-root):not(#_) :where(.pf-input-wrap) {
    position: relative;
    display: grid;
  }
  :where(.pf-root):not(#_) :where(.pf-input-wrap) :where(input) {
    padding-inline-end: 3rem;
  }
  :where(.pf-root):not(#_) :where(input:not([type='checkbox']), select) {
    flex: 1;
    min-width: 0;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--pforte-color-surface);
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
  }
  :where(.pf-root):not(#_) :where(input[type='checkbox']) {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--pforte-color-primary);
    flex: none;
  }
  :where(.pf-root):not(#_) :where(input[aria-invalid='true']) {
    border-color: var(--pforte-color-danger);
    border-width: 2px;
  }
  :where(.pf-root):not(#_) :where(input, select, button, a):focus-visible {
    outline: 2px solid var(--pforte-color-focus);
    outline-offset: 2px;
  }
  :where(.pf-root):not(#_) :where(button) {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--pforte-radius);
    border: 1px solid var(--pforte-color-primary);
    color: var(--pforte-color-primary);
    background: transparent;
    cursor: pointer;
  }
  :where(.pf-root):not(#_) :where(a) {
    color: var(--pforte-color-primary);
  }
  /* A link that is a step's main way forward ("Sign in"): drawn as the primary button. */
  :where(.pf-root):not(#_) :where(a.pf-button) {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    font-weight: 600;
    border-radius: var(--pforte-radius);
    color: var(--pforte-color-on-primary);
    background: var(--pforte-color-primary);
    text-decoration: none;
  }
  :where(.pf-root):not(#_) :where(button.pf-primary) {
    color: var(--pforte-color-on-primary);
    background: var(--pforte-color-primary);
  }
  :where(.pf-root):not(#_) :where(button.pf-link) {
    border-color: transparent;
    padding-inline: 0.25rem;
    text-decoration: underline;
  }
  :where(.pf-root):not(#_) :where(button.pf-reveal) {
    position: absolute;
    inset-block: 0.25rem;
    inset-inline-end: 0.25rem;
    display: grid;
    place-items: center;
    min-height: 0;
    width: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: calc(var(--pforte-radius) - 0.125rem);
    color: var(--pforte-color-muted);
    background: transparent;
  }
  :where(.pf-root):not(#_) :where(button.pf-reveal) :where(svg) {
    width: 1.25rem;
    height: 1.25rem;
  }
  :where(.pf-root):not(#_) :where(button.pf-reveal[aria-pressed='true']) {
    color: var(--pforte-color-primary);
  }
  :where(.pf-root):not(#_) :where(button.pf-reveal:hover) {
    background: var(--pforte-color-surface-raised);
  }
  :where(.pf-root):not(#_) :where(button:disabled, button[aria-disabled='true']) {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /*
   * The action row, the same on every step: the main action first, then the
   * quieter ones, and "Back" always at the far end.
   */
  :where(.pf-root):not(#_) :where(.pf-actions) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    justify-content: flex-start;
    align-items: center;
  }
  :where(.pf-root):not(#_) :where(.pf-actions) :where(button.pf-back) {
    margin-inline-start: auto;
  }
  /* The resend of a code step: a quiet link right under the code, away from the main actions. */
  :where(.pf-root):not(#_) :where(.pf-resend-row) {
    margin-block-start: -0.5rem;
  }
  :where(.pf-root):not(#_) :where(.pf-resend) {
    /* The countdown changes every second; fixed-width digits keep the button from jittering. */
    font-variant-numeric: tabular-nums;
  }
  :where(.pf-root):not(#_) :where(.pf-error) {
    color: var(--pforte-color-danger);
    margin: 0;
    font-weight: 600;
  }
  :where(.pf-root):not(#_) :where(.pf-error:empty) {
    display: none;
  }
  :where(.pf-root):not(#_) :where(.pf-alert) {
    padding: 0.75rem;
    border: 2px solid var(--pforte-color-danger);
    border-radius: var(--pforte-radius);
    color: var(--pforte-color-text);
    background: var(--pforte-color-surface-raised);
  }
  :where(.pf-root):not(#_) :where(.pf-alert:empty) {
    display: none;
  }
  /* Something to know before going on (not an error): a framed note with a coloured edge. */
  :where(.pf-root):not(#_) :where(.pf-notice) {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0.75rem 1rem;
    border: 1px solid var(--pforte-color-border);
    border-inline-start: 4px solid var(--pforte-color-primary);
    border-radius: var(--pforte-radius);
    background: var(--pforte-color-surface-raised);
  }
  :where(.pf-root):not(#_) :where(.pf-notice) :where(p) {
    margin: 0;
  }
  :where(.pf-root):not(#_) :where(.pf-server-message) {
    display: block;
    margin-block-start: 0.25rem;
    color: var(--pforte-color-muted);
  }
  :where(.pf-root):not(#_) :where(.pf-check) {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
  }
`;
