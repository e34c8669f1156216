import { canWrite, createPdf, encodeWinAnsi } from '../src/pdf.js';
import { describe, equal, it, ok } from './assert.js';

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function pinPdf(pin = '482913') {
  return createPdf({
    title: 'Service-PIN – Videosprechstunde',
    lang: 'de',
    lines: [
      { text: 'Videosprechstunde', size: 18, bold: true },
      { text: 'Ihre Service-PIN', size: 12, spaceBefore: 12 },
      { text: pin, size: 28, bold: true },
      { text: 'Erstellt am 1. Januar 2026', size: 11 },
      {
        text: 'Bewahren Sie diese PIN sicher auf. Sie brauchen sie, wenn Sie unseren Support zur Änderung Ihrer persönlichen Daten kontaktieren – über „Größe“ und ß.',
        size: 11,
        spaceBefore: 12,
      },
    ],
  });
}

describe('canWrite', () => {
  it('accepts what the standard fonts show and refuses what they would print as "?"', () => {
    for (const text of ['Ihre Service-PIN: 482 913', 'Créé le 14 mars – «PIN»', 'Código válido', '€ … ‚quoted‘']) ok(canWrite(text), text);
    for (const text of ['Hizmet PIN’iniz (ş, ğ, ı)', 'Twój kod PIN (ł)', 'Ваш сервисный PIN', 'رمز PIN الخاص بالخدمة']) ok(!canWrite(text), text);
  });
});

describe('createPdf', () => {
  it('writes a PDF header, a binary marker and an end-of-file marker', () => {
    const text = latin1(pinPdf());
    ok(text.startsWith('%PDF-1.4\n%'), 'header');
    ok([...text.slice(10, 14)].every((char) => char.charCodeAt(0) >= 0x80), 'binary marker bytes');
    ok(text.endsWith('%%EOF\n'), 'EOF marker');
  });

  it('has a cross-reference table whose offsets point at each object', () => {
    const text = latin1(pinPdf());
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    equal(text.slice(startxref, startxref + 5), 'xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    equal(first, '0');
    const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count));
    equal(entries[0], '0000000000 65535 f ');
    entries.slice(1).forEach((entry, index) => {
      ok(/^\d{10} 00000 n $/.test(entry), `entry ${entry} is 20 bytes with its EOL`);
      const offset = Number(entry.slice(0, 10));
      equal(text.slice(offset, offset + `${index + 1} 0 obj`.length), `${index + 1} 0 obj`, `object ${index + 1}`);
    });
    ok(new RegExp(`trailer\\n<< /Size ${count} /Root 1 0 R /Info \\d+ 0 R >>`).test(text), 'trailer');
  });

  it('declares a correct stream length and WinAnsi Helvetica fonts', () => {
    const text = latin1(pinPdf());
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)endstream/.exec(text)!;
    equal(match[2]!.length, Number(match[1]));
    ok(text.includes('/BaseFont /Helvetica /Encoding /WinAnsiEncoding'));
    ok(text.includes('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding'));
    ok(text.includes('/MediaBox [0 0 595 842]'));
  });

  it('encodes umlauts, ß and typographic quotes in WinAnsi', () => {
    equal(encodeWinAnsi('äöüÄÖÜß').map((byte) => byte.toString(16)).join(' '), 'e4 f6 fc c4 d6 dc df');
    equal(encodeWinAnsi('„“–€').map((byte) => byte.toString(16)).join(' '), '84 93 96 80');
    equal(encodeWinAnsi('✓').join(), '63');
    const text = latin1(pinPdf());
    // Octal escapes in the content: Ä = \304, ö = \366, ß = \337, „ = \204.
    ok(text.includes('\\304nderung'), 'Ä');
    ok(text.includes('pers\\366nlichen'), 'ö');
    ok(text.includes('\\337'), 'ß');
    ok(text.includes('\\204Gr\\366\\337e\\223'), 'quotes');
  });

  it('keeps the file 7-bit apart from the header marker', () => {
    const bytes = pinPdf();
    const body = bytes.slice(15);
    ok(body.every((byte) => byte < 0x80));
  });

  it('escapes parentheses and backslashes', () => {
    const text = latin1(createPdf({ lines: [{ text: 'a (b) \\ c' }] }));
    ok(text.includes('(a \\(b\\) \\\\ c) Tj'));
  });

  it('wraps long text within the page margins', () => {
    const text = latin1(pinPdf());
    const lines = text.match(/ Tj ET/g)!.length;
    ok(lines >= 6, `the long instruction wraps onto several lines (${lines} text lines)`);
  });

  it('puts the PIN only into the page content, nowhere else', () => {
    const pin = '482913';
    const text = latin1(pinPdf(pin));
    equal(text.split(pin).length - 1, 1, 'exactly one occurrence');
    const stream = /stream\n([\s\S]*?)endstream/.exec(text)![1]!;
    ok(stream.includes(`(${pin}) Tj`));
    const info = /\/Producer [^\n]*/.exec(text)![0];
    ok(!info.includes(pin));
  });

  it('writes the title as a UTF-16 text string', () => {
    const text = latin1(createPdf({ title: 'Ü', lines: [] }));
    ok(text.includes('/Title <FEFF00DC>'));
  });
});
