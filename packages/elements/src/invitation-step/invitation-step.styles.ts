import { css } from 'lit';

export const invitationStepStyles = css`
  :where(pforte-invitation-step):not(#_) :where(.pf-invitation-details) {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 var(--pforte-space);
    padding: 0.75rem;
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
    background: var(--pforte-color-surface-raised);
  }
  :where(pforte-invitation-step):not(#_) :where(.pf-invitation-details) :where(dt) {
    font-weight: 600;
  }
  :where(pforte-invitation-step):not(#_) :where(.pf-invitation-details) :where(dd) {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
