import type { FileState } from './file-state.js';
import { BULLET, SENTENCE_END } from './line-shapes.js';
import { isTemplate, type Repetition, runRepetition } from './repetition.js';
import { shapeReason, type Verdict } from './shape.js';
import { lineWordCount, MD_HEADING } from './vocabulary.js';

/**
 * Hard-wrapped text (paragraphs broken for width, as in e-mail, RFCs and wire copy): how to
 * tell a file is wrapped, which lines are one paragraph, and the verdict of a wrapped paragraph
 * as a whole.
 */

/**
 * A file's line width: a high percentile (p90) of its non-empty line lengths, so one long URL
 * line does not set it. Lines near it may have been broken for width.
 */
export function lineWidth(texts: readonly string[]): number {
  const lengths: number[] = [];
  for (const t of texts) {
    const n = t.trimEnd().length;
    if (n > 0) lengths.push(n);
  }
  lengths.sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/** True when most paragraphs of a file are hard-wrapped over several lines. */
export function isHardWrapped(texts: readonly string[], width: number): boolean {
  let joins = 0;
  let breaks = 0;
  // Only lines near the file's line width can have been broken for width: short runs of chrome
  // (menus, link lists, table rows) in a file of long paragraphs are not wrapped text.
  for (let i = 0; i + 1 < texts.length; i++) {
    const a = texts[i]!.trim();
    const b = texts[i + 1]!.trim();
    if (
      !a ||
      !b ||
      a.length < 30 ||
      a.length < width * 0.6 ||
      BULLET.test(texts[i + 1]!) ||
      /^\|/u.test(a)
    )
      continue;
    breaks++;
    if (!SENTENCE_END.test(a) && !a.endsWith(':')) joins++;
  }
  return breaks >= 3 && joins / breaks >= 0.4;
}

/**
 * In a hard-wrapped file, the runs of lines that are one wrapped paragraph: a line continues the
 * one before it when that one is long (it was broken for width) and it does not open a bullet.
 * Returns, for every line, the index of the first line of its run.
 */
export function wrapRuns(
  texts: readonly string[],
  blank: readonly boolean[],
  width: number,
): number[] {
  const head = texts.map((_, i) => i);
  for (let i = 1; i < texts.length; i++) {
    if (
      blank[i] ||
      blank[i - 1] ||
      BULLET.test(texts[i]!) ||
      MD_HEADING.test(texts[i]!) ||
      MD_HEADING.test(texts[i - 1]!)
    )
      continue;
    if (texts[i - 1]!.trimEnd().length >= width * 0.6) head[i] = head[i - 1]!;
  }
  return head;
}

/**
 * A title wrapped over a few lines: up to 24 words, no sentence end (initials such as "U.S." are
 * no end), no colon (a line that introduces or labels what follows: "Name: who they are") and,
 * past 14 words, no comma (a caption or a list item, not a headline).
 */
function isWrappedTitle(joined: string): boolean {
  const words = lineWordCount(joined);
  if (words > 24 || !/^[\p{Lu}\p{N}"'“‘`]/u.test(joined)) return false;
  if (/[.!?…]/u.test(joined.replace(/\b(?:\p{Lu}\.)+/gu, ''))) return false;
  if (/:(?!\d)/u.test(joined)) return false;
  return words <= 14 || !joined.includes(',');
}

/**
 * Judges each wrapped paragraph (a run of two or more lines) as a whole: a line of a wrapped
 * sentence is a fragment whose words ("comments.", a quote cut in half) say nothing about it on
 * their own. Returns which lines such runs covered; the per-line pass leaves them alone.
 */
export function judgeWrappedRuns(
  state: FileState,
  repetition: Repetition,
  width: number,
): boolean[] {
  const { texts, norms, blank, verdicts } = state;
  const repeated = repetition.groups;
  const inRun = new Array<boolean>(texts.length).fill(false);
  const head = wrapRuns(texts, blank, width);
  for (let i = 0; i < texts.length;) {
    let j = i + 1;
    while (j < texts.length && head[j] === i) j++;
    if (j - i >= 2) {
      const joined = texts
        .slice(i, j)
        .map((t) => t.trim())
        .join(' ');
      const shape = shapeReason(joined.replace(BULLET, ''));
      const { rep, most } = runRepetition(norms, repeated, i, j);
      let r: Verdict = { kind: 'content' };
      const runStandalone = (i === 0 || blank[i - 1]!) && (j === texts.length || blank[j]!);
      if (rep * 2 >= j - i && isTemplate(joined, most, repetition))
        r = { kind: 'boilerplate', reason: 'template' };
      else if (shape && shape.kind === 'boilerplate') r = shape;
      // A title wrapped over two or three lines: set off by blank lines, no sentence end anywhere
      // and, past 14 words, no punctuation at all (as a one-line title: `isHeadingShape`).
      else if (runStandalone && j - i <= 3 && isWrappedTitle(joined))
        r = { kind: 'heading', reason: 'heading' };
      for (let k = i; k < j; k++) {
        verdicts[k] = r;
        inRun[k] = true;
      }
    }
    i = j;
  }
  return inRun;
}
