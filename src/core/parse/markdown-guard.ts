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
import { MARKDOWN_WORK_BASE, MARKDOWN_WORK_PER_CHAR } from '../limits.js';
import { CH } from './markdown-chars.js';
import { Flattened, Scanner } from './markdown-scanner.js';
import type { Block } from './types.js';

export { Flattened } from './markdown-scanner.js';

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

/** The work budget of a source of `length` characters (see limits.ts). */
export function markdownWorkBudget(length: number): number {
  return MARKDOWN_WORK_BASE + MARKDOWN_WORK_PER_CHAR * length;
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
      if (c === CH.LF || c === CH.CR) break;
      end++;
    }
    scan.line(at, end);
    at = end + (source.charCodeAt(end) === CH.CR && source.charCodeAt(end + 1) === CH.LF ? 2 : 1);
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
