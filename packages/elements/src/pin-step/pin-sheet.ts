import { localeDirection, type PforteLocale } from '@pforte/core';
import type { PdfContent } from '@pforte/core/pdf';

/** Everything a printed or saved service PIN shows, already translated. */
export interface PinSheet {
  /** Language of the texts, e.g. 'de'. */
  lang: PforteLocale;
  /** Document title (no PIN in it: titles end up in print headers, tab titles and file metadata). */
  title: string;
  product: string;
  pinLabel: string;
  pin: string;
  date: string;
  instruction: string;
}

/**
 * Splits a PIN into groups that are easy to read and copy by hand:
 * 482913 → ['482', '913'], 12345678 → ['1234', '5678'], 7 digits → 4 + 3.
 */
export function groupPin(pin: string): string[] {
  if (pin.length <= 4) return [pin];
  const groups = Math.ceil(pin.length / 4);
  const result: string[] = [];
  let start = 0;
  for (let group = 0; group < groups; group++) {
    const size = Math.ceil((pin.length - start) / (groups - group));
    result.push(pin.slice(start, start + size));
    start += size;
  }
  return result;
}

const printCss = `
  @page { margin: 25mm; }
  html { color: #000; background: #fff; font: 12pt/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
  body { margin: 0; }
  h1 { font-size: 18pt; margin: 0 0 12pt; }
  .label { margin: 0; }
  .pin { font: 700 28pt/1.2 ui-monospace, Menlo, Consolas, monospace; letter-spacing: 0.1em; margin: 4pt 0 12pt; }
  .pin span + span { margin-inline-start: 0.6em; }
  .date, .instruction { margin: 0 0 8pt; }
`;

/**
 * Builds the print layout of a service PIN into `doc` (e.g. a hidden
 * iframe's document): product, PIN, date and a short instruction. DOM APIs
 * only, no markup strings, and the style is a constructable stylesheet of
 * the document's own window (no `<style>` element, no style attribute), so
 * it works under a CSP without 'unsafe-inline'.
 */
export function buildPrintDocument(doc: Document, sheet: PinSheet): void {
  doc.documentElement.lang = sheet.lang;
  doc.documentElement.dir = localeDirection(sheet.lang);
  doc.title = sheet.title;
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, text: string, className?: string) => {
    const element = doc.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    parent.appendChild(element);
    return element;
  };
  const main = doc.createElement('main');
  add(main, 'h1', sheet.product);
  add(main, 'p', sheet.pinLabel, 'label');
  const pin = add(main, 'p', '', 'pin');
  // Digits read left to right in every language.
  pin.dir = 'ltr';
  for (const group of groupPin(sheet.pin)) add(pin, 'span', group);
  add(main, 'p', sheet.date, 'date');
  add(main, 'p', sheet.instruction, 'instruction');
  doc.body.replaceChildren(main);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view?.CSSStyleSheet) {
    const style = new view.CSSStyleSheet();
    style.replaceSync(printCss);
    doc.adoptedStyleSheets = [style];
  }
}

/** The same sheet as lines of a one-page PDF. */
export function pinPdfContent(sheet: PinSheet): PdfContent {
  return {
    title: sheet.title,
    lang: sheet.lang,
    lines: [
      { text: sheet.product, size: 20, bold: true },
      { text: sheet.pinLabel, size: 12, spaceBefore: 18 },
      { text: groupPin(sheet.pin).join(' '), size: 28, bold: true, spaceBefore: 4 },
      { text: sheet.date, size: 11, spaceBefore: 12 },
      { text: sheet.instruction, size: 11, spaceBefore: 6 },
    ],
  };
}
