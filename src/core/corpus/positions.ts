/**
 * The one place that knows how text is cut into lines and how offsets map to lines.
 *
 * Convention (unist/vfile): lines are 1-based; offsets are 0-based UTF-16 code units
 * into the decoded text, end exclusive. `\n`, `\r\n` and a lone `\r` all end a line.
 * A final line without a line break is still a line; a final line break does not open
 * an empty line after it (so `"a\n"` has one line, `"a\nb"` two, `""` none).
 * Modelled on vfile-location.
 */

/** One line's extent: `start`..`end` is the text without its break, `next` is where the next line starts. */
export interface LineExtent {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset just past the line's last character, before its line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` for a last line without one). */
  readonly next: number;
}

/** Offset ↔ line conversion over one text. */
export interface LineIndex {
  readonly lines: readonly LineExtent[];
  /** 1-based line containing `offset` (an offset on a line break belongs to that line). */
  lineAt(offset: number): number;
  /** The extent of 1-based line `line`, or undefined when out of range. */
  extent(line: number): LineExtent | undefined;
  /** The text of 1-based line `line` without its break. */
  lineText(line: number): string;
}

/** Splits `text` into line extents in one pass. */
export function lineExtents(text: string): LineExtent[] {
  const lines: LineExtent[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      const next = text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  if (start < n) lines.push({ start, end: n, next: n });
  return lines;
}

/** Builds a line index for `text`; lookups are O(log lines). */
export function createLineIndex(text: string): LineIndex {
  const lines = lineExtents(text);
  return {
    lines,
    lineAt(offset: number): number {
      let lo = 0;
      let hi = lines.length - 1;
      if (hi < 0) return 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid]!.start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    extent(line: number) {
      return lines[line - 1];
    },
    lineText(line: number): string {
      const e = lines[line - 1];
      return e ? text.slice(e.start, e.end) : '';
    },
  };
}

/**
 * The 1-based inclusive line span of the offsets `[start, end)`.
 * An empty span sits on the line of `start`.
 */
export function lineSpanOf(
  index: LineIndex,
  start: number,
  end: number,
): { start: number; end: number } {
  const first = index.lineAt(start);
  const last = end > start ? index.lineAt(end - 1) : first;
  return { start: first, end: last };
}
