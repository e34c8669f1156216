import { css } from 'lit';

/** Fields, buttons and messages shared by every step. */
export const formStyles = css`
  @layer pforte {
    :where(.pf-root) :where(form) {
      display: grid;
      gap: var(--pforte-space);
      margin: 0;
    }
    :where(.pf-root) :where(.pf-field) {
      display: grid;
      gap: 0.25rem;
    }
    :where(.pf-root) :where(label) {
      font-weight: 600;
    }
    :where(.pf-root) :where(.pf-input-row) {
      display: flex;
      gap: 0.5rem;
      align-items: stretch;
    }
    :where(.pf-root) :where(input:not([type='checkbox']), select) {
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
    :where(.pf-root) :where(input[type='checkbox']) {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.125rem 0 0;
      accent-color: var(--pforte-color-primary);
      flex: none;
    }
    :where(.pf-root) :where(input[aria-invalid='true']) {
      border-color: var(--pforte-color-danger);
      border-width: 2px;
    }
    :where(.pf-root) :where(input, select, button, a):focus-visible {
      outline: 2px solid var(--pforte-color-focus);
      outline-offset: 2px;
    }
    :where(.pf-root) :where(button) {
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
    :where(.pf-root) :where(button.pf-primary) {
      color: var(--pforte-color-on-primary);
      background: var(--pforte-color-primary);
    }
    :where(.pf-root) :where(button.pf-link) {
      border-color: transparent;
      padding-inline: 0.25rem;
      text-decoration: underline;
    }
    :where(.pf-root) :where(button:disabled) {
      cursor: not-allowed;
      opacity: 0.6;
    }
    :where(.pf-root) :where(.pf-actions) {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: space-between;
      align-items: center;
    }
    :where(.pf-root) :where(.pf-error) {
      color: var(--pforte-color-danger);
      margin: 0;
      font-weight: 600;
    }
    :where(.pf-root) :where(.pf-error:empty) {
      display: none;
    }
    :where(.pf-root) :where(.pf-alert) {
      padding: 0.75rem;
      border: 2px solid var(--pforte-color-danger);
      border-radius: var(--pforte-radius);
      color: var(--pforte-color-text);
      background: var(--pforte-color-surface-raised);
    }
    :where(.pf-root) :where(.pf-alert:empty) {
      display: none;
    }
    :where(.pf-root) :where(.pf-server-message) {
      display: block;
      margin-top: 0.25rem;
      color: var(--pforte-color-muted);
    }
    :where(.pf-root) :where(.pf-check) {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      font-weight: 400;
    }
  }
`;
