import { LitElement } from 'lit';
import type { CSSResult } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { tokenStyles } from '../styles/tokens.styles.js';
import { formStyles } from '../styles/form.styles.js';

/**
 * Base of every Pforte element. Renders into the light DOM, because password
 * managers and autofill often cannot see inputs inside a shadow root; its
 * styles are adopted once into the document (or the enclosing shadow root).
 * They hold against the host page's element and framework rules (see
 * tokens.styles.ts) and are themed through the `--pforte-*` tokens.
 */
export abstract class PforteElement extends LitElement {
  /**
   * Style sheets of this element, adopted into its root node on connect.
   * @internal
   */
  static pforteStyles: CSSResult[] = [tokenStyles, formStyles];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.classList.add('pf-root');
    adoptStyles(this.getRootNode(), (this.constructor as typeof PforteElement).pforteStyles);
  }
}

function adoptStyles(root: Node, styles: CSSResult[]): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const sheets = styles.map((style) => style.styleSheet).filter((sheet) => sheet !== undefined);
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}

let nextId = 0;

/** A document-unique id prefix, for label/aria references in the light DOM. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
