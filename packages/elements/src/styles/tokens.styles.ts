import { css } from 'lit';

/**
 * Design tokens. Every Pforte element renders into the light DOM (so password
 * managers see its inputs), therefore all rules live in the `pforte` cascade
 * layer and use zero-specificity `:where()` scopes: any host-page rule wins.
 * `light-dark()` follows the `color-scheme` the widget inherits from the page:
 * a page that declares `color-scheme: light dark` gets the person's
 * preference, a light-only page a light widget (a dark widget on a white page
 * would look broken), and `color-scheme: dark` on the element or any ancestor
 * forces dark.
 */
export const tokenStyles = css`
  @layer pforte {
    /* Tokens sit on the root, so unlayered page rules on :root or on any element win. */
    :where(:root, :host) {
      --pforte-color-text: light-dark(#1b1f24, #e8eaed);
      --pforte-color-muted: light-dark(#4d5661, #b3bac4);
      --pforte-color-surface: light-dark(#ffffff, #16191d);
      --pforte-color-surface-raised: light-dark(#f4f6f8, #22262b);
      --pforte-color-border: light-dark(#8a939e, #6b7480);
      --pforte-color-primary: light-dark(#0b5cad, #7cb7ff);
      --pforte-color-on-primary: light-dark(#ffffff, #0a1726);
      --pforte-color-success: light-dark(#1a7f37, #5fd37f);
      --pforte-color-danger: light-dark(#b3261e, #ff8a80);
      --pforte-color-focus: light-dark(#0b5cad, #a8d0ff);
      --pforte-radius: 0.5rem;
      --pforte-space: 1rem;
      --pforte-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      --pforte-font-size: 1rem;
      --pforte-max-width: 30rem;
    }
    :where(.pf-root) {
      display: block;
      box-sizing: border-box;
      max-width: var(--pforte-max-width);
      color: var(--pforte-color-text);
      background: var(--pforte-color-surface);
      font-family: var(--pforte-font-family);
      font-size: var(--pforte-font-size);
      line-height: 1.5;
    }
    :where(.pf-root) *,
    :where(.pf-root) *::before,
    :where(.pf-root) *::after {
      box-sizing: inherit;
    }
    :where(.pf-root) :where(h2) {
      font-size: 1.375rem;
      margin: 0 0 calc(var(--pforte-space) * 0.75);
    }
    :where(.pf-root) :where(h2:focus) {
      outline: none;
    }
    :where(.pf-root) :where(h2:focus-visible) {
      outline: 2px solid var(--pforte-color-focus);
      outline-offset: 2px;
    }
    :where(.pf-root) :where(p) {
      margin: 0 0 var(--pforte-space);
    }
    :where(.pf-root) :where(.pf-muted) {
      color: var(--pforte-color-muted);
    }
    :where(.pf-root) :where(.pf-visually-hidden) {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  }
`;
