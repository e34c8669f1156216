/**
 * A tiny, dependency-free PDF writer: one page of left-aligned text lines in
 * Helvetica / Helvetica-Bold (standard fonts, nothing embedded) with
 * WinAnsiEncoding, so German umlauts and ß print correctly. Pure logic, no
 * DOM: it returns the file's bytes. Load it lazily (`import('@pforte/core/pdf')`);
 * only a "Save as PDF" button needs it.
 */

/** One line (or paragraph: long text is wrapped to the page width) of the page. */
export interface PdfLine {
  text: string;
  /** Font size in points (default 12). */
  size?: number;
  bold?: boolean;
  /** Extra space above the line, in points (default 0). */
  spaceBefore?: number;
}

/** What {@link createPdf} writes. */
export interface PdfContent {
  /** Document title in the file's metadata (shown in a viewer's title bar). Keep secrets out of it. */
  title?: string;
  /** Page language, e.g. 'de' (the catalog's /Lang). */
  lang?: string;
  lines: PdfLine[];
}

/** A4 portrait, in points. */
const pageWidth = 595;
const pageHeight = 842;
const margin = 72;

/** Unicode → WinAnsiEncoding (Windows-1252) for the code points 0x80–0x9F of that table. */
const winAnsiExtras: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Whether the standard fonts can show `text`: every character is in
 * WinAnsiEncoding (Latin-1 and a few more; not Turkish ş/ğ/ı, Polish ł/ą,
 * Cyrillic or Arabic). Other text is better printed by the browser, whose
 * print dialog saves a PDF with the system's fonts and shaping.
 */
export function canWrite(text: string): boolean {
  return [...text.normalize('NFC')].every((char) => {
    const code = char.codePointAt(0)!;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras[code] !== undefined || /\s/u.test(char);
  });
}

/**
 * Encodes text as WinAnsiEncoding bytes. Characters the encoding lacks become
 * '?'; a narrow no-break space and other Unicode spaces become a space.
 */
export function encodeWinAnsi(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (winAnsiExtras[code] !== undefined) bytes.push(winAnsiExtras[code]);
    else if (/\s/u.test(char)) bytes.push(0x20);
    else bytes.push(0x3f);
  }
  return bytes;
}

/** Helvetica advance widths (1/1000 em) of ASCII 0x20–0x7E, from the standard AFM. */
const helveticaWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Approximate width of encoded text in points (bold runs ~5 % wider; non-ASCII letters count as 'n'-wide). */
function textWidth(bytes: number[], size: number, bold: boolean): number {
  let units = 0;
  for (const byte of bytes) units += byte >= 0x20 && byte <= 0x7e ? helveticaWidths[byte - 0x20]! : 600;
  return (units / 1000) * size * (bold ? 1.05 : 1);
}

/** Splits text into lines no wider than `maxWidth` points, breaking at spaces (a very long word stays whole). */
function wrap(text: string, size: number, bold: boolean, maxWidth: number): number[][] {
  const lines: number[][] = [];
  let current: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = [...current, word];
    if (current.length > 0 && textWidth(encodeWinAnsi(candidate.join(' ')), size, bold) > maxWidth) {
      lines.push(encodeWinAnsi(current.join(' ')));
      current = [word];
    } else {
      current = candidate;
    }
  }
  lines.push(encodeWinAnsi(current.join(' ')));
  return lines;
}

/** A PDF literal string: ASCII as is, `\ ( )` escaped, other bytes as octal escapes, so the file stays 7-bit. */
function literal(bytes: number[]): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** A PDF text string for metadata: UTF-16BE with byte order mark, as hex. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pageContent(lines: PdfLine[]): string {
  const ops: string[] = [];
  let y = pageHeight - margin;
  const maxWidth = pageWidth - 2 * margin;
  for (const line of lines) {
    const size = line.size ?? 12;
    const bold = line.bold ?? false;
    y -= line.spaceBefore ?? 0;
    for (const bytes of wrap(line.text, size, bold, maxWidth)) {
      y -= size;
      ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${margin} ${round(y)} Td ${literal(bytes)} Tj ET`);
      y -= size * 0.45;
    }
  }
  return `${ops.join('\n')}\n`;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Writes a one-page PDF (A4) with the given lines, top to bottom. Returns the
 * file's bytes; the cross-reference table holds the exact byte offset of
 * every object.
 */
export function createPdf(content: PdfContent): Uint8Array<ArrayBuffer> {
  const stream = pageContent(content.lines);
  const catalog = content.lang ? `<< /Type /Catalog /Pages 2 0 R /Lang ${textString(content.lang)} >>` : '<< /Type /Catalog /Pages 2 0 R >>';
  const objects = [
    catalog,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] ` +
      '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    // The stream is 7-bit ASCII (see `literal`), so its length in characters is its length in bytes.
    `<< /Length ${stream.length} >>\nstream\n${stream}endstream`,
    `<< /Producer ${textString('Pforte')}${content.title ? ` /Title ${textString(content.title)}` : ''} >>`,
  ];
  // The second line marks the file as binary for transfer tools, as the spec recommends.
  let file = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(file.length);
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every character is a byte (0–255): the header's marker bytes, the rest ASCII.
  const bytes = new Uint8Array(file.length);
  for (let i = 0; i < file.length; i++) bytes[i] = file.charCodeAt(i);
  return bytes;
}
