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
  isAsciiLetter,
  isAsciiPunctuation,
  isEmailChar,
  isPunctuation,
  isWhitespace,
} from './markdown-chars.js';
import { NextIndex } from './next-index.js';

/** What a flattened character becomes in the rendered text. */
export const Flattened = {
  /** Kept as the literal character it is (an inline delimiter past a limit). */
  literal: 1,
  /** Dropped from prose (a container marker past the limit); kept verbatim in code. */
  markup: 2,
} as const;

/** An opening code fence: three or more backticks or tildes. */
const FENCE = /^(`{3,}|~{3,})/u;
const HASH = 35;
const PIPE = 124;

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
  /** The opening sequence of the fenced code block the lines are in, if any. */
  private fence: string | undefined;
  /** Where the closed raw-HTML construct being skipped ends (its delimiters are not markup). */
  private skip = 0;
  private readonly next: NextIndex;

  constructor(private readonly s: string) {
    this.next = new NextIndex(s);
  }

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
  prefix(at: number, end: number): { content: number; markers: number; item: boolean } {
    const s = this.s;
    let p = at;
    let markers = 0;
    let column = 0;
    let cut = -1;
    let thematic = -1; // the one bullet character of a possible thematic break, or -2: none
    let item = false;
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
      if (c !== CH.GT) item = true;
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
    return { content: p, markers, item };
  }

  /**
   * Scans one line's content `[from, end)` for inline delimiter runs, skipping code spans (from
   * `codeSpans`, at `this.span` onwards: their delimiters are text).
   */
  private inline(from: number, end: number, codeSpans: readonly number[], last: number): void {
    const s = this.s;
    for (let p = Math.max(from, this.skip); p < end; p++) {
      while (this.span < codeSpans.length && codeSpans[this.span + 1]! <= p) this.span += 2;
      if (this.span < codeSpans.length && codeSpans[this.span]! <= p) {
        p = codeSpans[this.span + 1]! - 1;
        continue;
      }
      const c = s.charCodeAt(p);
      if (isAsciiAlnum(c) && (p === from || !isEmailChar(s.charCodeAt(p - 1)))) this.word();
      // A line starting with `<` may start an HTML block, which the parser reads to its own end.
      if (c === CH.LT && p > from) {
        const close = this.rawHtmlEnd(p, end, last);
        if (close > p) {
          this.skip = close;
          p = close - 1;
        } else if (close === 0) this.flatten(p, p + 1, Flattened.literal);
        continue;
      }
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

  /**
   * For a `<` at `p` opening a comment, a processing instruction, a declaration or a CDATA
   * section: where it closes (its end), or 0 when it does not close before `last` (the paragraph's
   * end: the `<` is then literal; left to the parser, micromark scans the rest of the paragraph
   * from every one). A tag or an autolink closed on its line: its end. -1 for anything else.
   */
  private rawHtmlEnd(p: number, lineEnd: number, last: number): number {
    const s = this.s;
    let needle: string;
    let from: number;
    if (s.startsWith('<!--', p)) {
      if (s.startsWith('<!-->', p)) return p + 5;
      if (s.startsWith('<!--->', p)) return p + 6;
      needle = '-->';
      from = p + 4;
    } else if (s.startsWith('<?', p)) {
      needle = '?>';
      from = p + 2;
    } else if (s.startsWith('<![CDATA[', p)) {
      needle = ']]>';
      from = p + 9;
    } else if (s.charCodeAt(p + 1) === CH.BANG && isAsciiLetter(s.charCodeAt(p + 2))) {
      needle = '>';
      from = p + 2;
    } else if (
      isAsciiLetter(s.charCodeAt(p + 1)) ||
      (s.charCodeAt(p + 1) === 47 && isAsciiLetter(s.charCodeAt(p + 2)))
    ) {
      // A tag or an autolink on this line: opaque (a `]` in an attribute closes no bracket).
      const close = this.next.of('>', p + 1);
      return close < lineEnd ? close + 1 : -1;
    } else return -1;
    const close = this.next.of(needle, from);
    return close + needle.length <= last ? close + needle.length : 0;
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
    const { content, markers, item } = this.prefix(at, end);
    // Fenced code is not inline content: none of its characters is flattened or counted.
    const fence = FENCE.exec(this.s.slice(content, Math.min(end, content + 64)));
    if (this.fence) {
      if (fence && fence[1]![0] === this.fence[0] && fence[1]!.length >= this.fence.length)
        if (/^[ \t]*$/u.test(this.s.slice(content + fence[1]!.length, end))) this.fence = undefined;
      return;
    }
    if (fence) {
      this.paragraph();
      this.fence = fence[1]!;
      return;
    }
    let blank = true;
    for (let p = content; p < end && blank; p++) {
      const c = this.s.charCodeAt(p);
      blank = c === CH.SPACE || c === CH.TAB;
    }
    if (blank && markers === 0) {
      this.paragraph();
      return;
    }
    // A list item, a heading and a table row hold inline content of their own: code spans and
    // brackets never pair across them.
    const first = this.s.charCodeAt(content);
    const own = first === HASH || first === PIPE;
    if (item || own) this.paragraph();
    if (markers > 0) this.inContainer = true;
    else if (this.inContainer) this.lazy++;
    this.pending.push(content, end);
    if (own) this.paragraph();
  }

  /** Scans the inline content of the paragraph's lines, then ends it. */
  paragraph(): void {
    const lines = this.pending;
    const { spans, unmatched } = codeSpans(this.s, lines);
    // A run that opens no span is literal; left to the parser, micromark scans the rest of the
    // paragraph for its closer from every such run.
    for (let k = 0; k < unmatched.length; k += 2)
      this.flatten(unmatched[k]!, unmatched[k + 1]!, Flattened.literal);
    this.span = 0;
    const last = lines[lines.length - 1] ?? 0;
    for (let k = 0; k < lines.length; k += 2) this.inline(lines[k]!, lines[k + 1]!, spans, last);
    lines.length = 0;
    this.endParagraph();
  }
}

/** True when `markers` bullets of the character `c` can form a thematic break (three or more). */
function isThematicRun(c: number, markers: number): boolean {
  return (c === CH.DASH || c === CH.STAR) && markers >= 3;
}
