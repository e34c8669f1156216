/**
 * The one e-mail address check of widget and backends: an address a person
 * can really receive mail at, as registration forms need it — not every
 * string RFC 5322 allows. A dot-atom local part (letters of any script,
 * digits and `!#$%&'*+/=?^_`{|}~-`, dots only between characters, at most 64
 * octets), `@`, and a domain of at least two labels (letters of any script,
 * digits, inner hyphens, at most 63 octets each) whose last label is not
 * numeric; 254 octets at most. Quoted local parts, comments, IP literals and
 * dotless domains are refused: mail systems and people get them wrong.
 */
export function isEmailAddress(value: string): boolean {
  if (utf8Length(value) > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (utf8Length(local) > 64 || !localPart.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => domainLabel.test(label) && utf8Length(label) <= 63)) return false;
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

const atom = "[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+";
const localPart = new RegExp(`^${atom}(\\.${atom})*$`, 'u');
const domainLabel = /^[\p{L}\p{N}\p{M}]([\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?$/u;

function utf8Length(value: string): number {
  let length = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}
