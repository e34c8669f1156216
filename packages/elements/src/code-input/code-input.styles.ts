import { css } from 'lit';

/**
 * One real input drawn as a row of boxes: a monospace font, one `ch` of
 * letter-spacing so every digit sits in a 2ch cell, and a background
 * gradient repeated every 2ch that paints the boxes behind the digits.
 * `--pf-code-length` is set from script (CSSOM, so strict CSP allows it).
 */
export const codeInputStyles = css`
  :where(pforte-code-input):not(#_) :where(input.pf-code) {
    flex: none;
    width: calc(var(--pf-code-length, 6) * 2ch + 1ch + 4px);
    max-width: 100%;
    padding-block: 0.5rem;
    padding-inline: 0.5ch 0;
    font-family: ui-monospace, 'Cascadia Mono', 'Segoe UI Mono', Menlo, Consolas, monospace;
    font-size: 1.5rem;
    letter-spacing: 1ch;
    background-image: repeating-linear-gradient(
      to right,
      transparent 0 0.15ch,
      color-mix(in srgb, var(--pforte-color-border) 30%, var(--pforte-color-surface)) 0.15ch 1.85ch,
      transparent 1.85ch 2ch
    );
    background-size: calc(var(--pf-code-length, 6) * 2ch) 100%;
    background-repeat: no-repeat;
    background-position: 0 0;
    background-clip: padding-box;
  }
  :where(pforte-code-input):not(#_) :where(.pf-code-hint) {
    margin: 0;
  }
`;
