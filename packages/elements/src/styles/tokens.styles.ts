import { css } from 'lit';

/**
 * Design tokens and the ground every element stands on. Every Pforte element
 * renders into the light DOM (so password managers see its inputs), where the
 * host page's CSS reaches it. Two things keep the page out:
 *
 * - Every element the widget renders first goes back to the browser's
 *   defaults (`all: revert`), so a page's `a`, `button`, `input`, `label`,
 *   `h1`–`h6`, `p`, `ul` or `*` rules have nothing left to say; the widget's
 *   own rules follow.
 * - Every rule is written `:where(scope):not(#_) :where(target)`: `:not(#_)`
 *   matches every scope element (none has the id "_"; the widget's elements
 *   never do) and counts as one id, so each rule has exactly the specificity
 *   (1,0,0). It beats a page's element, class and attribute selectors
 *   (`a`, `.container input`, Bootstrap's reboot, Tailwind's preflight), and
 *   among the widget's own rules the later one wins. A page rule that names
 *   an id (`#signup .pf-primary`) beats it: the documented way to restyle
 *   beyond the tokens.
 *
 * What stays open to the page: the `--pforte-*` tokens (declared here at zero
 * specificity in the `pforte` layer, so any page rule on `:root`, a wrapper or
 * the element overrides them), rules that name an id of the page, and the
 * element's own box (margin, width, position) where it is not set below.
 *
 * `light-dark()` follows the `color-scheme` the widget inherits from the page:
 * a page that declares `color-scheme: light dark` gets the person's
 * preference, a light-only page a light widget (a dark widget on a white page
 * would look broken), and `color-scheme: dark` on the element or any ancestor
 * forces dark.
 */
export const tokenStyles = css`
  @layer pforte {
    /* Tokens sit on the root at zero specificity: any page rule that sets one wins. */
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
  }
  /*
   * Everything inside goes back to the browser's defaults first (an SVG icon's
   * shapes keep their geometry attributes, which a reset would erase);
   * the rules after this one, the element's own among them, then apply.
   */
  :where(.pf-root):not(#_) :where(:not(svg *)),
  :where(.pf-root):not(#_) :where(:not(svg *))::before,
  :where(.pf-root):not(#_) :where(:not(svg *))::after,
  :where(.pf-root):not(#_) :where(:not(svg *))::placeholder,
  :where(.pf-root):not(#_) :where(:not(svg *))::marker {
    all: revert;
    box-sizing: border-box;
  }
  /* The widget's icons: line drawings in the text colour; their shapes inherit this paint. */
  :where(.pf-root):not(#_) :where(svg) {
    display: block;
    flex: none;
    overflow: hidden;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /*
   * The element itself: its text settings are set in full, so nothing the page
   * sets on an ancestor (body text-transform, letter-spacing, line-height)
   * is inherited into the widget. Its padding and border are the widget's;
   * its margin, width and position stay the page's layout.
   */
  :where(.pf-root):not(#_) {
    display: block;
    box-sizing: border-box;
    padding: 0;
    border: none;
    max-width: var(--pforte-max-width);
    color: var(--pforte-color-text);
    background: var(--pforte-color-surface);
    font: normal normal 400 var(--pforte-font-size) / 1.5 var(--pforte-font-family);
    font-feature-settings: normal;
    font-variation-settings: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
    tab-size: 8;
    cursor: auto;
    text-size-adjust: 100%;
    -webkit-text-fill-color: currentcolor;
    -webkit-tap-highlight-color: transparent;
  }
  :where(.pf-root):not(#_) :where(h2) {
    font-size: 1.375rem;
    margin: 0 0 calc(var(--pforte-space) * 0.75);
  }
  :where(.pf-root):not(#_) :where(h2:focus) {
    outline: none;
  }
  :where(.pf-root):not(#_) :where(h2:focus-visible) {
    outline: 2px solid var(--pforte-color-focus);
    outline-offset: 2px;
  }
  :where(.pf-root):not(#_) :where(p) {
    margin: 0 0 var(--pforte-space);
  }
  :where(.pf-root):not(#_) :where(.pf-muted) {
    color: var(--pforte-color-muted);
  }
  :where(.pf-root):not(#_) :where(.pf-visually-hidden) {
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
`;
