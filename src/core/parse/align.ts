/**
 * Aligns a parser's decoded text value with the raw source it came from, writing each
 * decoded code unit into a {@link TextBuilder} with the exact span that produced it.
 *
 * Both unified parsers give a text node a decoded `value` and a position covering its raw
 * source; between the two lie only a few kinds of difference, each handled here:
 * character references, backslash escapes (Markdown), line endings (`\r\n` in the source,
 * `\n` in an HTML value), line prefixes the parser stripped (block-quote `>`, indentation,
 * trailing spaces), and tabs that Markdown code expanded to spaces.
 */
import { matchReference, type ReferenceSyntax } from './character-reference.js';
import type { TextBuilder } from './text-builder.js';

/** How a value is aligned and rendered. */
export interface AlignMode {
  /** Backslash escapes of ASCII punctuation are decoded (Markdown text, not code). */
  readonly escapes: boolean;
  /** Which character references are decoded, if any. */
  readonly references: ReferenceSyntax | 'none';
  /** What a line ending in the value renders as (`' '` for a soft break, `'\n'` in code). */
  readonly lineEnding: number;
  /** HTML whitespace collapsing (runs become one space; see {@link TextBuilder.pushCollapsed}). */
  readonly collapse: boolean;
  /** Raw characters the parser may have stripped between value characters (line prefixes). */
  readonly skippable: (code: number) => boolean;
}

/**
 * Counters of alignment fallbacks since start-up, for tests and diagnostics: `resynced`
 * counts raw characters skipped to find a value unit, `dropped` value units not found.
 */
export const alignmentStats = { resynced: 0, dropped: 0 };

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** True for ASCII punctuation, the characters a Markdown backslash can escape. */
export function isAsciiPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
  );
}

function emit(b: TextBuilder, mode: AlignMode, code: number, start: number, end: number): void {
  if (mode.collapse) b.pushCollapsed(code, start, end);
  else b.push(code, start, end);
}

/**
 * Writes `value` (decoded from `source[rawStart, rawEnd)`) into `b`, one span per unit.
 * Characters that cannot be found in the raw slice (never seen on valid input) are dropped,
 * so a span is never invented.
 * @example
 * alignValue(b, 'a &amp; b', 'a & b', 0, 9, MARKDOWN_TEXT) // '&' gets the span of '&amp;'
 */
export function alignValue(
  b: TextBuilder,
  source: string,
  value: string,
  rawStart: number,
  rawEnd: number,
  mode: AlignMode,
): void {
  const vn = value.length;
  let vi = 0;
  let ri = rawStart;
  while (vi < vn && ri < rawEnd) {
    const c = value.charCodeAt(vi);
    const r = source.charCodeAt(ri);
    // A line ending in the value: find the raw one, past stripped trailing space or prefix.
    if (c === 10 || c === 13) {
      let p = ri;
      let q = source.charCodeAt(p);
      while (p < rawEnd && q !== 10 && q !== 13 && mode.skippable(q)) q = source.charCodeAt(++p);
      if (p < rawEnd && (q === 10 || q === 13)) {
        const rawLength = q === 13 && source.charCodeAt(p + 1) === 10 ? 2 : 1;
        const valueLength = c === 13 && value.charCodeAt(vi + 1) === 10 ? 2 : 1;
        emit(b, mode, mode.lineEnding, p, p + rawLength);
        vi += valueLength;
        ri = p + rawLength;
        continue;
      }
    }
    if (r === 38 /* & */ && mode.references !== 'none') {
      const ref = matchReference(source, ri, rawEnd, value, vi, mode.references);
      if (ref) {
        for (let k = 0; k < ref.units; k++) emit(b, mode, value.charCodeAt(vi + k), ri, ref.end);
        vi += ref.units;
        ri = ref.end;
        continue;
      }
    }
    if (r === 92 /* \ */ && mode.escapes && ri + 1 < rawEnd) {
      const escaped = source.charCodeAt(ri + 1);
      if (escaped === c && isAsciiPunctuation(escaped)) {
        emit(b, mode, c, ri, ri + 2);
        vi++;
        ri += 2;
        continue;
      }
    }
    if (r === c) {
      emit(b, mode, c, ri, ri + 1);
      vi++;
      ri++;
      continue;
    }
    // Spaces and tabs: a tab the parser expanded to spaces, or indentation it stripped.
    // Value units map onto the end of the raw run; extra units share its first character.
    if (isSpaceOrTab(c) && isSpaceOrTab(r)) {
      let n = 0;
      while (vi + n < vn && isSpaceOrTab(value.charCodeAt(vi + n))) n++;
      let m = 0;
      while (ri + m < rawEnd && isSpaceOrTab(source.charCodeAt(ri + m))) m++;
      for (let k = 0; k < n; k++) {
        const at = ri + Math.max(0, m - n + k);
        emit(b, mode, value.charCodeAt(vi + k), at, at + 1);
      }
      vi += n;
      ri += m;
      continue;
    }
    if (mode.skippable(r)) {
      ri++;
      continue;
    }
    // Not expected on parser output: resynchronise on the next occurrence, or drop the unit.
    let f = ri + 1;
    while (f < rawEnd && source.charCodeAt(f) !== c) f++;
    if (f < rawEnd) {
      alignmentStats.resynced++;
      ri = f;
    } else {
      alignmentStats.dropped++;
      vi++;
    }
  }
}

/** Raw characters Markdown strips inside a text node's span: indentation, `>` markers, trailing spaces. */
export function isMarkdownStripped(c: number): boolean {
  return c === 32 || c === 9 || c === 62;
}

function never(): boolean {
  return false;
}

/** The line feed the HTML parser drops right after `<pre>`. */
function isLineEnding(c: number): boolean {
  return c === 10 || c === 13;
}

/** Markdown phrasing text: escapes and references decoded, soft breaks render as a space. */
export const MARKDOWN_TEXT: AlignMode = {
  escapes: true,
  references: 'markdown',
  lineEnding: 32,
  collapse: false,
  skippable: isMarkdownStripped,
};
/** Markdown inline code: verbatim, line endings render as a space (CommonMark). */
export const MARKDOWN_INLINE_CODE: AlignMode = {
  escapes: false,
  references: 'none',
  lineEnding: 32,
  collapse: false,
  skippable: isMarkdownStripped,
};
/** Markdown code blocks: verbatim, line endings kept as `'\n'`. */
export const MARKDOWN_CODE: AlignMode = {
  escapes: false,
  references: 'none',
  lineEnding: 10,
  collapse: false,
  skippable: isMarkdownStripped,
};
/** HTML flow text: references decoded, whitespace collapsed. */
export const HTML_TEXT: AlignMode = {
  escapes: false,
  references: 'html',
  lineEnding: 32,
  collapse: true,
  skippable: never,
};
/** HTML `<pre>` text: references decoded, whitespace kept. */
export const HTML_PRE: AlignMode = {
  escapes: false,
  references: 'html',
  lineEnding: 10,
  collapse: false,
  skippable: isLineEnding,
};
