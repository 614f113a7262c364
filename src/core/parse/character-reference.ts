/**
 * Recognises a character reference (`&amp;`, `&#8217;`, `&#x1F600;`, and in HTML the legacy
 * forms without `;` such as `&copy`) at a source offset, and checks it against the decoded
 * value the parser produced, so that the span handed back is the reference that really
 * produced those characters.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/** Which syntax to accept: Markdown (CommonMark: `;` required) or HTML (legacy forms too). */
export type ReferenceSyntax = 'markdown' | 'html';

/** Code points 0x80–0x9F that HTML maps through windows-1252 (index = code point - 0x80; 0 = keep). */
const C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes an HTML numeric reference the way the HTML tokenizer does. */
function decodeHtmlNumeric(digits: string, base: number): string {
  const n = digits.length > 8 ? Infinity : Number.parseInt(digits, base);
  if (!(n > 0) || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  if (n >= 0x80 && n <= 0x9f) {
    const mapped = C1[n - 0x80]!;
    return String.fromCodePoint(mapped || n);
  }
  return String.fromCodePoint(n);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Result of {@link matchReference}: source end and number of decoded code units. */
export interface ReferenceMatch {
  end: number;
  units: number;
}

/**
 * If a character reference starts at `source[at]` (which must be `&`), ends before `limit`,
 * and decodes to the code units `value` holds at `vi`, returns its end and the number of
 * decoded units; otherwise undefined (the `&` is literal).
 * @example
 * matchReference('a &amp; b', 2, 9, 'a & b', 2, 'markdown') // { end: 7, units: 1 }
 */
export function matchReference(
  source: string,
  at: number,
  limit: number,
  value: string,
  vi: number,
  syntax: ReferenceSyntax,
): ReferenceMatch | undefined {
  let p = at + 1;
  if (source.charCodeAt(p) === 35 /* # */) {
    p++;
    let base = 10;
    const x = source.charCodeAt(p);
    if (x === 120 || x === 88) {
      base = 16;
      p++;
    }
    const digitsStart = p;
    const max = syntax === 'markdown' ? (base === 16 ? 6 : 7) : 64;
    while (
      p < limit &&
      p - digitsStart < max &&
      (base === 16 ? isHex(source.charCodeAt(p)) : isDigit(source.charCodeAt(p)))
    )
      p++;
    if (p === digitsStart) return undefined;
    const digits = source.slice(digitsStart, p);
    const semi = p < limit && source.charCodeAt(p) === 59;
    if (!semi && syntax === 'markdown') return undefined;
    if (
      syntax === 'html' &&
      !semi &&
      p < limit &&
      (base === 16 ? isHex(source.charCodeAt(p)) : isDigit(source.charCodeAt(p)))
    )
      return undefined;
    const decoded =
      syntax === 'markdown'
        ? decodeNumericCharacterReference(digits, base)
        : decodeHtmlNumeric(digits, base);
    if (!value.startsWith(decoded, vi)) return undefined;
    return { end: semi ? p + 1 : p, units: decoded.length };
  }
  const nameStart = p;
  while (p < limit && p - nameStart < 32 && isAlnum(source.charCodeAt(p))) p++;
  if (p === nameStart) return undefined;
  const name = source.slice(nameStart, p);
  if (p < limit && source.charCodeAt(p) === 59) {
    const decoded = decodeNamedCharacterReference(name);
    if (decoded !== false && value.startsWith(decoded, vi))
      return { end: p + 1, units: decoded.length };
  }
  if (syntax === 'markdown') return undefined;
  // HTML legacy references: the longest known prefix, no `;` (e.g. `&copy2024`, `&notit;`).
  for (let k = name.length; k >= 2; k--) {
    const decoded = decodeNamedCharacterReference(name.slice(0, k));
    if (decoded === false || !value.startsWith(decoded, vi)) continue;
    const after = vi + decoded.length;
    const end = nameStart + k;
    // The text after the reference must line up too, or this prefix is not what was decoded.
    const v = value.charCodeAt(after);
    const r = source.charCodeAt(end);
    if (after >= value.length || v === r || (v === 10 && r === 13) || r === 38) {
      return { end, units: decoded.length };
    }
  }
  return undefined;
}

/**
 * Decodes the character reference at `source[at]` (which must be `&`) on its own, for readers
 * without a parser's decoded value (the stripped-text fallback): numeric references, and named
 * ones closed by `;`. Returns its end and decoded text, or undefined (the `&` is literal).
 * @example
 * decodeReferenceAt('a &amp; b', 2, 9, 'html') // { end: 7, value: '&' }
 */
export function decodeReferenceAt(
  source: string,
  at: number,
  limit: number,
  syntax: ReferenceSyntax,
): { end: number; value: string } | undefined {
  let p = at + 1;
  if (source.charCodeAt(p) === 35 /* # */) {
    p++;
    const x = source.charCodeAt(p);
    const base = x === 120 || x === 88 ? 16 : 10;
    if (base === 16) p++;
    const digitsStart = p;
    while (
      p < limit &&
      p - digitsStart < 8 &&
      (base === 16 ? isHex(source.charCodeAt(p)) : isDigit(source.charCodeAt(p)))
    )
      p++;
    if (p === digitsStart) return undefined;
    const semi = p < limit && source.charCodeAt(p) === 59;
    if (!semi && syntax === 'markdown') return undefined;
    const digits = source.slice(digitsStart, p);
    const value =
      syntax === 'markdown'
        ? decodeNumericCharacterReference(digits, base)
        : decodeHtmlNumeric(digits, base);
    return { end: semi ? p + 1 : p, value };
  }
  const nameStart = p;
  while (p < limit && p - nameStart < 32 && isAlnum(source.charCodeAt(p))) p++;
  if (p === nameStart || p >= limit || source.charCodeAt(p) !== 59) return undefined;
  const value = decodeNamedCharacterReference(source.slice(nameStart, p));
  return value === false ? undefined : { end: p + 1, value };
}
