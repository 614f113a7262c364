/**
 * Character classes of CommonMark that the Markdown guard (markdown-guard.ts) reads, and the code
 * spans of a paragraph: what a linear pre-scan of the source needs to know of Markdown's syntax.
 */

/** The character codes the Markdown guard compares against. */
export const CH = {
  TAB: 9,
  LF: 10,
  CR: 13,
  SPACE: 32,
  BANG: 33,
  STAR: 42,
  PLUS: 43,
  DASH: 45,
  DOT: 46,
  GT: 62,
  LT: 60,
  OPEN: 91,
  BACKSLASH: 92,
  CLOSE: 93,
  UNDERSCORE: 95,
  PAREN: 41,
  TILDE: 126,
} as const;

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/** ASCII punctuation, the characters a backslash escapes. */
export function isAsciiPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
  );
}

/** An ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** An ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A character of an e-mail address's local part (GFM autolink literals start a word after any other). */
export function isEmailChar(c: number): boolean {
  return isAsciiAlnum(c) || c === CH.PLUS || c === CH.DASH || c === CH.DOT || c === CH.UNDERSCORE;
}

/** CommonMark's Unicode whitespace (a line start or end counts as whitespace: pass NaN). */
export function isWhitespace(c: number): boolean {
  if (Number.isNaN(c) || c === CH.SPACE || c === CH.TAB || c === CH.LF || c === CH.CR || c === 12)
    return true;
  return c > 127 && WHITESPACE.test(String.fromCharCode(c));
}

/** CommonMark's Unicode punctuation (general categories P and S). */
export function isPunctuation(c: number): boolean {
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCTUATION.test(String.fromCharCode(c));
}

/** The code spans of a paragraph, and its backtick runs that open none. */
export interface CodeSpans {
  /** The spans, as `[start, end)` pairs in order. */
  readonly spans: number[];
  /** Opening backtick runs with no closing run of their length, as `[start, end)` pairs. */
  readonly unmatched: number[];
}

/**
 * The code spans of a paragraph whose line contents are `lines` (`[start, end)` pairs), as
 * CommonMark reads them: a backtick run (less a first backtick escaped by a backslash) opens a
 * span that the next run of the same length closes, backslashes inside being literal. Found in
 * time linear in the number of runs (micromark scans ahead from every run that opens none).
 */
export function codeSpans(s: string, lines: readonly number[]): CodeSpans {
  const runs: number[] = []; // [position, length, escaped] triples, raw
  for (let k = 0; k < lines.length; k += 2) {
    const end = lines[k + 1]!;
    for (let p = lines[k]!; p < end; p++) {
      if (s.charCodeAt(p) !== 96) continue;
      let q = p;
      while (q < end && s.charCodeAt(q) === 96) q++;
      let escapes = 0;
      while (p - escapes - 1 >= lines[k]! && s.charCodeAt(p - escapes - 1) === CH.BACKSLASH)
        escapes++;
      runs.push(p, q - p, escapes % 2);
      p = q - 1;
    }
  }
  const spans: number[] = [];
  const unmatched: number[] = [];
  if (runs.length === 0) return { spans, unmatched };
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < runs.length; i += 3) {
    const list = byLength.get(runs[i + 1]!);
    if (list) list.push(i);
    else byLength.set(runs[i + 1]!, [i]);
  }
  const next = new Map<number, number>();
  for (let i = 0; i < runs.length; i += 3) {
    // An escaped first backtick is text; the rest of the run may open a span.
    const start = runs[i]! + runs[i + 2]!;
    const length = runs[i + 1]! - runs[i + 2]!;
    if (length === 0) continue;
    const list = byLength.get(length);
    let at = next.get(length) ?? 0;
    while (list && at < list.length && list[at]! <= i) at++;
    next.set(length, at);
    if (!list || at >= list.length) {
      unmatched.push(start, start + length); // no closer: literal backticks
      continue;
    }
    const j = list[at]!;
    spans.push(start, runs[j]! + length);
    i = j; // the runs inside the span are its text
  }
  return { spans, unmatched };
}
