import { BULLET, CLAUSE_END, type ClassifiedLine } from '../classify/index.js';

const SPACE = /\s/u;
/**
 * A news dateline opening a paragraph: an upper-case place, perhaps a region or date, perhaps
 * an agency in parentheses, then a dash ("PINECREST, Calif. (AP) — ", "OSLO, May 8 (Reuters) - ").
 * It stays outside the sentence span, like a list marker: it is not part of the statement.
 */
export const INLINE_DATELINE =
  /^\p{Lu}{3,}(?:[\s.'’-]+\p{Lu}{2,})*(?:,\s*[\p{L}\p{N}.\s]{1,30}?)?\s*(?:\([^()]{1,40}\))?\s*(?:--|[-–—])\s+(?=["“‘'\p{Lu}\p{N}])/u;

/** A paragraph: one or more adjacent content lines read as one block of running text. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
}

/**
 * Groups content lines into paragraphs. A line joins the previous one when that one does not
 * end a sentence (hard-wrapped text); a bullet always opens a new paragraph, and its marker
 * stays outside the paragraph's span. Headings and boilerplate are never part of a paragraph.
 */
export function paragraphsOf(text: string, lines: readonly ClassifiedLine[]): Paragraph[] {
  const out: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | undefined;
  // Whether the open paragraph's last line ends a clause. Only the last joined line can end it,
  // so only that line is tested (re-testing the whole growing paragraph was quadratic).
  let openEnded = false;
  for (const line of lines) {
    if (line.kind !== 'content') {
      open = undefined;
      continue;
    }
    const marker = BULLET.exec(line.text);
    let start = line.start + (marker ? marker[0].length : 0);
    while (start < line.end && SPACE.test(text[start]!)) start++;
    let end = line.end;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    if (open && !marker && !openEnded) {
      open.end = end;
    } else {
      const dateline = INLINE_DATELINE.exec(text.slice(start, end));
      if (dateline && dateline[0].length < end - start) start += dateline[0].length;
      open = { start, end };
      out.push(open);
    }
    openEnded = CLAUSE_END.test(text.slice(start, end));
  }
  return out;
}
