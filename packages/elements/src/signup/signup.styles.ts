import { css } from 'lit';

export const signupStyles = css`
  @layer pforte {
    :where(pforte-signup) {
      padding: calc(var(--pforte-space) * 1.5);
      border: 1px solid var(--pforte-color-border);
      border-radius: calc(var(--pforte-radius) * 1.5);
    }
    :where(pforte-signup) :where(.pf-progress) {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
      color: var(--pforte-color-muted);
    }
    :where(pforte-signup) :where(.pf-config-error code) {
      display: block;
      margin-top: 0.5rem;
      font-family: ui-monospace, monospace;
      overflow-wrap: anywhere;
    }
  }
`;
