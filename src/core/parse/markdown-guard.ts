/**
 * Bounds what the Markdown parser is handed, in one linear pass over the source, so that no file
 * can make it (micromark and mdast-util-from-markdown) or a recursive walk over its tree run long
 * or overflow the stack:
 *
 * - **Container nesting.** A line's container prefix (its leading spaces, tabs, `>` markers and
 *   list markers) is read up to MAX_MARKDOWN_NESTING markers and MAX_MARKDOWN_PREFIX_COLUMNS
 *   columns; the rest of the prefix is flattened. micromark spends time quadratic in the
 *   markers of one line (each nested list item probes the rest of the line for a thematic break;
 *   mdast's `prepareList` walks every event of every enclosing list) and mdast-util-gfm's
 *   transforms recurse once per level (20,000 `>` overflowed the stack).
 * - **Inline nesting.** Emphasis, strikethrough and bracket openers nested deeper than
 *   MAX_MARKDOWN_NESTING in one paragraph, and delimiter runs past MAX_INLINE_DELIMITERS in one
 *   paragraph, are read as literal characters (micromark resolves them in time quadratic in their
 *   number, worse when nested).
 * - **Unpaired brackets.** A `[` or `![` its paragraph never closes, and a `]` that closes
 *   nothing, are read as the literals they are (GFM's autolink literals walk back to an open `[`
 *   from every later word, its footnote calls over the paragraph from every `]`).
 * - **Work estimate.** What remains quadratic (delimiter runs per paragraph, lazy continuation
 *   lines under a container, words inside brackets) is counted, and {@link MarkdownGuard.work} exceeding
 *   {@link markdownWorkBudget} tells the caller to read the file as stripped text instead.
 *
 * Flattening never moves an offset: a flattened character is replaced by a private-use character
 * of the same length (the parser reads it as a letter), and {@link restoreFlattened} puts the
 * original back into the rendered text (a literal delimiter) or drops it (a flattened container
 * marker, which is markup). Limits are markdown-it's `maxNesting` (100, its default preset) for
 * depth; see limits.ts.
 */
import {
  MARKDOWN_WORK_BASE,
  MARKDOWN_WORK_PER_CHAR,
  MAX_INLINE_DELIMITERS,
  MAX_MARKDOWN_NESTING,
  MAX_MARKDOWN_PREFIX_COLUMNS,
} from '../limits.js';
import type { Block } from './types.js';

/** What a flattened character becomes in the rendered text. */
export const Flattened = {
  /** Kept as the literal character it is (an inline delimiter past a limit). */
  literal: 1,
  /** Dropped from prose (a container marker past the limit); kept verbatim in code. */
  markup: 2,
} as const;

/** The text to parse and what was flattened in it. */
export interface MarkdownGuard {
  /** The source with flattened characters replaced (same length: offsets are unchanged). */
  readonly text: string;
  /** Per source offset, a {@link Flattened} value or 0; absent when nothing was flattened. */
  readonly flattened?: Uint8Array;
  /** Estimated superlinear parser work (see the module comment). */
  readonly work: number;
}

/** The private-use character a flattened character becomes for the parser. */
const STAND_IN = '\uE000';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const GT = 62;
const OPEN = 91;
const BACKSLASH = 92;
const CLOSE = 93;
const UNDERSCORE = 95;
const PAREN = 41;
const TILDE = 126;

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

function isAsciiPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
  );
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A character of an e-mail address's local part (GFM autolink literals start a word after any other). */
function isEmailChar(c: number): boolean {
  return isAsciiAlnum(c) || c === PLUS || c === DASH || c === DOT || c === UNDERSCORE;
}

/** CommonMark's Unicode whitespace (a line start or end counts as whitespace: pass NaN). */
function isWhitespace(c: number): boolean {
  if (Number.isNaN(c) || c === SPACE || c === TAB || c === LF || c === CR || c === 12) return true;
  return c > 127 && WHITESPACE.test(String.fromCharCode(c));
}

/** CommonMark's Unicode punctuation (general categories P and S). */
function isPunctuation(c: number): boolean {
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCTUATION.test(String.fromCharCode(c));
}

/** The work budget of a source of `length` characters (see limits.ts). */
export function markdownWorkBudget(length: number): number {
  return MARKDOWN_WORK_BASE + MARKDOWN_WORK_PER_CHAR * length;
}

class Scanner {
  flags: Uint8Array | undefined;
  work = 0;
  // Inline state of the current paragraph (a run of non-blank lines).
  private stack: number[] = [];
  /** Per entry of `stack`: for a bracket, where it starts and its length (`[` 1, `![` 2); else -1. */
  private at: number[] = [];
  /** Words of the paragraph so far. */
  private words = 0;
  /** Per entry of `stack`: `words` when it opened, and for a bracket the words directly in it. */
  private wordsAt: number[] = [];
  private direct: number[] = [];
  /** Index in `stack` of the innermost open bracket, or -1. */
  private top = -1;
  private delimiters = 0;
  private lazy = 0;
  private inContainer = false;
  /** Content `[start, end)` of the paragraph's lines so far. */
  private readonly pending: number[] = [];
  /** Index into the current paragraph's code spans. */
  private span = 0;

  constructor(private readonly s: string) {}

  flatten(start: number, end: number, how: number): void {
    if (end <= start) return;
    this.flags ??= new Uint8Array(this.s.length);
    this.flags.fill(how, start, end);
  }

  /**
   * Ends the current paragraph: its quadratic costs are added to the work, and a bracket it never
   * closed is flattened (literal, as CommonMark reads it anyway): mdast-util-gfm's autolink
   * literals walk back to an unclosed bracket from every later word, quadratic in the words
   * after it (one stray `[` before 15,000 words took seconds).
   */
  private endParagraph(): void {
    this.work += this.delimiters * this.delimiters + this.lazy * this.lazy;
    for (let k = 0; k < this.stack.length; k++) {
      const at = this.at[k]!;
      if (this.stack[k] === OPEN)
        this.flatten(at, at + (this.s.charCodeAt(at) === BANG ? 2 : 1), Flattened.literal);
    }
    this.delimiters = 0;
    this.lazy = 0;
    this.words = 0;
    this.truncate(0);
    this.inContainer = false;
  }

  private push(code: number, at: number): void {
    if (code === OPEN) this.top = this.stack.length;
    this.stack.push(code);
    this.at.push(at);
    this.wordsAt.push(this.words);
    this.direct.push(0);
  }

  private truncate(k: number): void {
    this.stack.length = k;
    this.at.length = k;
    this.wordsAt.length = k;
    this.direct.length = k;
    this.top = this.stack.lastIndexOf(OPEN);
  }

  /** A word starts: from it, GFM's autolink literals walk back to the innermost open bracket. */
  private word(): void {
    this.words++;
    if (this.top >= 0) this.direct[this.top]!++;
  }

  /**
   * Reads the container prefix of the line at `at` (ending at `end`), flattening what passes the
   * limits; returns where the line's content starts and how many markers the prefix holds.
   */
  prefix(at: number, end: number): { content: number; markers: number } {
    const s = this.s;
    let p = at;
    let markers = 0;
    let column = 0;
    let cut = -1;
    let thematic = -1; // the one bullet character of a possible thematic break, or -2: none
    while (p < end) {
      const c = s.charCodeAt(p);
      if (c === SPACE || c === TAB) {
        column += c === TAB ? 4 - (column % 4) : 1;
        if (cut < 0 && column > MAX_MARKDOWN_PREFIX_COLUMNS) cut = p;
        p++;
        continue;
      }
      let width = 0;
      if (c === GT) {
        width = 1;
        thematic = -2;
      } else if ((c === DASH || c === PLUS || c === STAR) && isWhitespace(s.charCodeAt(p + 1))) {
        width = 1;
        thematic = thematic === -1 || thematic === c ? c : -2;
      } else if (c >= 48 && c <= 57) {
        let q = p;
        while (q < end && q - p < 9 && s.charCodeAt(q) >= 48 && s.charCodeAt(q) <= 57) q++;
        const d = s.charCodeAt(q);
        if ((d === DOT || d === PAREN) && isWhitespace(s.charCodeAt(q + 1))) {
          width = q + 1 - p;
          thematic = -2;
        }
      }
      if (width === 0) break;
      markers++;
      if (
        cut < 0 &&
        (markers > MAX_MARKDOWN_NESTING || column + width > MAX_MARKDOWN_PREFIX_COLUMNS)
      )
        cut = p;
      column += width;
      p += width;
    }
    // A line of one bullet character and spaces is a thematic break, read in linear time.
    const rest = p >= end;
    if (cut >= 0 && !(rest && thematic > 0 && c3(thematic, markers)))
      this.flatten(cut, p, Flattened.markup);
    return { content: p, markers };
  }

  /**
   * Scans one line's content `[from, end)` for inline delimiter runs, skipping code spans (from
   * `codeSpans`, at `this.span` onwards: their delimiters are text).
   */
  private inline(from: number, end: number, codeSpans: readonly number[]): void {
    const s = this.s;
    for (let p = from; p < end; p++) {
      while (this.span < codeSpans.length && codeSpans[this.span + 1]! <= p) this.span += 2;
      if (this.span < codeSpans.length && codeSpans[this.span]! <= p) {
        p = codeSpans[this.span + 1]! - 1;
        continue;
      }
      const c = s.charCodeAt(p);
      if (isAsciiAlnum(c) && (p === from || !isEmailChar(s.charCodeAt(p - 1)))) this.word();
      if (c === BACKSLASH) {
        if (p + 1 < end && isAsciiPunctuation(s.charCodeAt(p + 1))) p++;
        continue;
      }
      if (c === STAR || c === UNDERSCORE || c === TILDE) {
        let q = p + 1;
        while (q < end && s.charCodeAt(q) === c) q++;
        this.run(
          c,
          p,
          q,
          p === from ? NaN : s.charCodeAt(p - 1),
          q === end ? NaN : s.charCodeAt(q),
        );
        p = q - 1;
      } else if (c === OPEN || (c === BANG && s.charCodeAt(p + 1) === OPEN && p + 1 < end)) {
        const q = c === BANG ? p + 2 : p + 1;
        if (this.delimiters >= MAX_INLINE_DELIMITERS || this.stack.length >= MAX_MARKDOWN_NESTING)
          this.flatten(p, q, Flattened.literal);
        else {
          this.delimiters++;
          this.push(OPEN, p);
        }
        p = q - 1;
      } else if (c === CLOSE) {
        if (this.delimiters >= MAX_INLINE_DELIMITERS) {
          this.flatten(p, p + 1, Flattened.literal);
          continue;
        }
        const k = this.stack.lastIndexOf(OPEN);
        if (k < 0) {
          // A `]` with no `[` to close is literal; left to the parser, GFM footnote calls walk
          // back over the paragraph from each one (20,000 stray `]` took 18 s).
          this.flatten(p, p + 1, Flattened.literal);
          continue;
        }
        this.delimiters++;
        // Each word directly inside walked back to the opening bracket, over all the words inside.
        this.work += this.direct[k]! * (this.words - this.wordsAt[k]!);
        // What opened inside the brackets is resolved inside them.
        this.truncate(k);
      }
    }
  }

  /** One run of `*`, `_` or `~` at `[p, q)` between `before` and `after` (NaN: line edge). */
  private run(c: number, p: number, q: number, before: number, after: number): void {
    const wsBefore = isWhitespace(before);
    const wsAfter = isWhitespace(after);
    const left = !wsAfter && (!isPunctuation(after) || wsBefore || isPunctuation(before));
    const right = !wsBefore && (!isPunctuation(before) || wsAfter || isPunctuation(after));
    const open = c === UNDERSCORE ? left && (!right || isPunctuation(before)) : left;
    const close = c === UNDERSCORE ? right && (!left || isPunctuation(after)) : right;
    if (!open && !close) return;
    if (this.delimiters >= MAX_INLINE_DELIMITERS) {
      this.flatten(p, q, Flattened.literal);
      return;
    }
    const k = close ? this.stack.lastIndexOf(c) : -1;
    if (k >= 0) {
      this.delimiters++;
      this.truncate(k);
      return;
    }
    if (!open) {
      this.delimiters++;
      return;
    }
    if (this.stack.length >= MAX_MARKDOWN_NESTING) {
      this.flatten(p, q, Flattened.literal);
      return;
    }
    this.delimiters++;
    this.push(c, p);
  }

  /**
   * One line `[at, end)`: its prefix is read at once; its content waits for the paragraph's end
   * (a blank line), since code spans may run across lines. A line with no prefix after a
   * container line is lazy.
   */
  line(at: number, end: number): void {
    const { content, markers } = this.prefix(at, end);
    let blank = true;
    for (let p = content; p < end && blank; p++) {
      const c = this.s.charCodeAt(p);
      blank = c === SPACE || c === TAB;
    }
    if (blank && markers === 0) {
      this.paragraph();
      return;
    }
    if (markers > 0) this.inContainer = true;
    else if (this.inContainer) this.lazy++;
    this.pending.push(content, end);
  }

  /** Scans the inline content of the paragraph's lines, then ends it. */
  paragraph(): void {
    const lines = this.pending;
    const spans = codeSpans(this.s, lines);
    this.span = 0;
    for (let k = 0; k < lines.length; k += 2) this.inline(lines[k]!, lines[k + 1]!, spans);
    lines.length = 0;
    this.endParagraph();
  }
}

/**
 * The code spans of a paragraph whose line contents are `lines` (`[start, end)` pairs), as
 * `[start, end)` pairs: a backtick run opens one that the next run of the same length closes
 * (CommonMark), found in time linear in the number of runs.
 */
function codeSpans(s: string, lines: readonly number[]): number[] {
  const runs: number[] = []; // [position, length] pairs
  for (let k = 0; k < lines.length; k += 2) {
    const end = lines[k + 1]!;
    for (let p = lines[k]!; p < end; p++) {
      if (s.charCodeAt(p) !== 96) continue;
      let q = p;
      while (q < end && s.charCodeAt(q) === 96) q++;
      let escapes = 0;
      while (p - escapes - 1 >= lines[k]! && s.charCodeAt(p - escapes - 1) === BACKSLASH) escapes++;
      const start = escapes % 2 === 1 ? p + 1 : p; // an escaped backtick is text
      if (q > start) runs.push(start, q - start);
      p = q - 1;
    }
  }
  if (runs.length === 0) return runs;
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < runs.length; i += 2) {
    const list = byLength.get(runs[i + 1]!);
    if (list) list.push(i);
    else byLength.set(runs[i + 1]!, [i]);
  }
  const next = new Map<number, number>();
  const spans: number[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    const length = runs[i + 1]!;
    const list = byLength.get(length)!;
    let at = next.get(length) ?? 0;
    while (at < list.length && list[at]! <= i) at++;
    next.set(length, at);
    if (at >= list.length) continue; // no closer: literal backticks
    const j = list[at]!;
    spans.push(runs[i]!, runs[j]! + length);
    i = j; // the runs inside the span are its text
  }
  return spans;
}

/** True when `markers` bullets of the character `c` can form a thematic break (three or more). */
function c3(c: number, markers: number): boolean {
  return (c === DASH || c === STAR) && markers >= 3;
}

/** The first offset at or after `from` whose flag is set, or the length when none is. */
function firstSet(flags: Uint8Array, from: number): number {
  for (let p = from; p < flags.length; p++) if (flags[p] !== 0) return p;
  return flags.length;
}

/**
 * Scans `source` and returns the text to hand the Markdown parser (see the module comment).
 * Linear in the length of the source; returns the source itself when nothing passes a limit.
 * @example
 * guardMarkdown('>'.repeat(200) + ' Quoted.').flattened?.[150] // Flattened.markup
 */
export function guardMarkdown(source: string): MarkdownGuard {
  const scan = new Scanner(source);
  const n = source.length;
  let at = 0;
  while (at < n) {
    let end = at;
    while (end < n) {
      const c = source.charCodeAt(end);
      if (c === LF || c === CR) break;
      end++;
    }
    scan.line(at, end);
    at = end + (source.charCodeAt(end) === CR && source.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  scan.paragraph();
  const flags = scan.flags;
  if (!flags) return { text: source, work: scan.work };
  const parts: string[] = [];
  let last = 0;
  for (let p = firstSet(flags, 0); p < n; p = firstSet(flags, last)) {
    let q = p;
    while (q < n && flags[q] !== 0) q++;
    parts.push(source.slice(last, p), STAND_IN.repeat(q - p));
    last = q;
  }
  parts.push(source.slice(last));
  return { text: parts.join(''), flattened: flags, work: scan.work };
}

/**
 * Repairs the rendered text of blocks parsed from a guarded text: a unit read from a flattened
 * character gets the original character back ({@link Flattened.literal}, and any flattened
 * character in code), or is dropped ({@link Flattened.markup} outside code); construct ranges
 * follow the units they cover. Offsets never change (the guarded text has the source's length).
 */
export function restoreFlattened(
  blocks: readonly Block[],
  source: string,
  flattened: Uint8Array,
): Block[] {
  return blocks.map((block) => {
    const { text, sourceStart, sourceEnd } = block;
    const n = text.length;
    let touched = false;
    for (let k = 0; k < n && !touched; k++)
      touched = sourceEnd[k]! - sourceStart[k]! === 1 && flattened[sourceStart[k]!] !== 0;
    if (!touched) return block;
    const keep = block.kind === 'code';
    const units: string[] = [];
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    // kept[k]: how many units before k are kept (for construct ranges).
    const kept = new Int32Array(n + 1);
    let m = 0;
    for (let k = 0; k < n; k++) {
      kept[k] = m;
      const at = sourceStart[k]!;
      const how = sourceEnd[k]! - at === 1 ? flattened[at]! : 0;
      if (how === Flattened.markup && !keep) continue;
      units.push(how === 0 ? text[k]! : source[at]!);
      starts[m] = at;
      ends[m] = sourceEnd[k]!;
      m++;
    }
    kept[n] = m;
    const constructs = Int32Array.from(block.constructs);
    for (let c = 0; c < constructs.length; c += 5) {
      constructs[c + 1] = kept[constructs[c + 1]!]!;
      constructs[c + 2] = kept[constructs[c + 2]!]!;
    }
    return {
      ...block,
      text: units.join(''),
      sourceStart: starts.slice(0, m),
      sourceEnd: ends.slice(0, m),
      constructs,
    };
  });
}
