import { css } from 'lit';

export const pinStepStyles = css`
  :where(pforte-pin-step):not(#_) :where(.pf-pin-box) {
    container-type: inline-size;
    margin-block-end: var(--pforte-space);
    padding: var(--pforte-space);
    border: 1px solid var(--pforte-color-border);
    border-radius: var(--pforte-radius);
    background: var(--pforte-color-surface-raised);
  }
  :where(pforte-pin-step):not(#_) :where(.pf-pin-box) :where(p) {
    margin: 0;
  }
  :where(pforte-pin-step):not(#_) :where(.pf-pin) {
    font-family: ui-monospace, 'Cascadia Mono', 'Segoe UI Mono', Menlo, Consolas, monospace;
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
  }
  :where(pforte-pin-step):not(#_) :where(.pf-pin-group + .pf-pin-group) {
    margin-inline-start: 0.6em;
  }
  :where(pforte-pin-step):not(#_) :where(.pf-notice) {
    margin-block-end: var(--pforte-space);
  }
  /* The PIN card's actions, beneath the PIN in one row of equal buttons. */
  :where(pforte-pin-step):not(#_) :where(.pf-pin-tools) {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }
  /* Too narrow for three buttons side by side (a 320 px phone): one beneath the other, all equal. */
  @container (max-width: 19rem) {
    :where(pforte-pin-step):not(#_) :where(.pf-pin-tools) {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  :where(pforte-pin-step):not(#_) :where(.pf-pin-tools) :where(button) {
    padding-inline: 0.5rem;
    line-height: 1.25;
    background: var(--pforte-color-surface);
  }
  :where(pforte-pin-step):not(#_) :where(.pf-status) {
    margin: 0;
    min-height: 1.5em;
    color: var(--pforte-color-success);
    font-weight: 600;
  }
  /* The print layout is built in this frame; it must not show or take space. */
  :where(pforte-pin-step):not(#_) :where(iframe.pf-print-frame) {
    position: fixed;
    inset-inline-end: 0;
    inset-block-end: 0;
    width: 0;
    height: 0;
    border: 0;
  }
`;
