/**
 * The linear pass of the Markdown guard (markdown-guard.ts): line by line, each line's container
 * prefix, then paragraph by paragraph its inline delimiter runs, flattening what passes the limits
 * and counting the parser's remaining quadratic work.
 */
import {
  MAX_INLINE_DELIMITERS,
  MAX_MARKDOWN_NESTING,
  MAX_MARKDOWN_PREFIX_COLUMNS,
} from '../limits.js';
import {
  CH,
  codeSpans,
  isAsciiAlnum,
  isAsciiPunctuation,
  isEmailChar,
  isPunctuation,
  isWhitespace,
} from './markdown-chars.js';

/** What a flattened character becomes in the rendered text. */
export const Flattened = {
  /** Kept as the literal character it is (an inline delimiter past a limit). */
  literal: 1,
  /** Dropped from prose (a container marker past the limit); kept verbatim in code. */
  markup: 2,
} as const;

/**
 * Scans a source line by line (`line`, then `paragraph` at the end): `flags` marks what is
 * flattened ({@link Flattened}), `work` sums the estimated quadratic work.
 */
export class Scanner {
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
      if (this.stack[k] === CH.OPEN)
        this.flatten(at, at + (this.s.charCodeAt(at) === CH.BANG ? 2 : 1), Flattened.literal);
    }
    this.delimiters = 0;
    this.lazy = 0;
    this.words = 0;
    this.truncate(0);
    this.inContainer = false;
  }

  private push(code: number, at: number): void {
    if (code === CH.OPEN) this.top = this.stack.length;
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
    this.top = this.stack.lastIndexOf(CH.OPEN);
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
      if (c === CH.SPACE || c === CH.TAB) {
        column += c === CH.TAB ? 4 - (column % 4) : 1;
        if (cut < 0 && column > MAX_MARKDOWN_PREFIX_COLUMNS) cut = p;
        p++;
        continue;
      }
      let width = 0;
      if (c === CH.GT) {
        width = 1;
        thematic = -2;
      } else if (
        (c === CH.DASH || c === CH.PLUS || c === CH.STAR) &&
        isWhitespace(s.charCodeAt(p + 1))
      ) {
        width = 1;
        thematic = thematic === -1 || thematic === c ? c : -2;
      } else if (c >= 48 && c <= 57) {
        let q = p;
        while (q < end && q - p < 9 && s.charCodeAt(q) >= 48 && s.charCodeAt(q) <= 57) q++;
        const d = s.charCodeAt(q);
        if ((d === CH.DOT || d === CH.PAREN) && isWhitespace(s.charCodeAt(q + 1))) {
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
    if (cut >= 0 && !(rest && thematic > 0 && isThematicRun(thematic, markers)))
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
      if (c === CH.BACKSLASH) {
        if (p + 1 < end && isAsciiPunctuation(s.charCodeAt(p + 1))) p++;
        continue;
      }
      if (c === CH.STAR || c === CH.UNDERSCORE || c === CH.TILDE) {
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
      } else if (
        c === CH.OPEN ||
        (c === CH.BANG && s.charCodeAt(p + 1) === CH.OPEN && p + 1 < end)
      ) {
        const q = c === CH.BANG ? p + 2 : p + 1;
        if (this.delimiters >= MAX_INLINE_DELIMITERS || this.stack.length >= MAX_MARKDOWN_NESTING)
          this.flatten(p, q, Flattened.literal);
        else {
          this.delimiters++;
          this.push(CH.OPEN, p);
        }
        p = q - 1;
      } else if (c === CH.CLOSE) {
        if (this.delimiters >= MAX_INLINE_DELIMITERS) {
          this.flatten(p, p + 1, Flattened.literal);
          continue;
        }
        const k = this.stack.lastIndexOf(CH.OPEN);
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
    const open = c === CH.UNDERSCORE ? left && (!right || isPunctuation(before)) : left;
    const close = c === CH.UNDERSCORE ? right && (!left || isPunctuation(after)) : right;
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
      blank = c === CH.SPACE || c === CH.TAB;
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

/** True when `markers` bullets of the character `c` can form a thematic break (three or more). */
function isThematicRun(c: number, markers: number): boolean {
  return (c === CH.DASH || c === CH.STAR) && markers >= 3;
}
