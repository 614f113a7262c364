import { type ClassifiedLine, unitVerdicts } from '../classify/index.js';
import type { LineExtent } from '../corpus/index.js';
import { atomicRanges, type Block, type ParsedDocument, sourceSpan } from '../parse/index.js';
import type { TokenFeatures } from '../text/index.js';
import { boundedSentences } from './bounded-cuts.js';
import type { Cut } from './cuts.js';
import { INLINE_DATELINE } from './paragraphs.js';

/**
 * Sentences of a Markdown or HTML file, cut on the text a reader sees. Each content block's
 * rendered text is split where its lines are content (a line the rules judged boilerplate ends a
 * run, as it ends a paragraph of plain text), each run is sentence-split by wink-nlp, and a
 * boundary that falls inside a link's text, inline code, a bare URL or a word is undone. Text the
 * classifier's vocabulary rules judge boilerplate as a block (`unitVerdicts`) ends a run too, even
 * on a line that other blocks keep content (a page saved as one line). A sentence's
 * citation is the source span of its rendered range, widened to whole inline constructs
 * (`sourceSpan`), so its quote is the exact slice of the file, markup and all.
 */

/** A sentence of a marked-up file: where it is in the source, what a reader sees, its features. */
export interface RenderedSentence {
  /** Source offsets of the quote (0-based UTF-16, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The rendered text: markup removed, references and escapes decoded. */
  readonly text: string;
  readonly features: TokenFeatures;
}

const SPACE = /\s/u;

/**
 * Joins neighbouring sentences whose boundary falls inside an atomic range (link text, inline
 * code, a bare URL: `[Read the docs. Then ask](u)` stays one sentence) or inside a word, with no
 * space after the dot (wink-nlp cuts `Node.js` and `v4.12.0` at their dots; a sentence that
 * really ends is followed by a space or a line break).
 */
function joinCuts(cuts: Cut[], atoms: readonly (readonly [number, number])[]): Cut[] {
  const out: Cut[] = [];
  let k = 0;
  for (const cut of cuts) {
    const prev = out[out.length - 1];
    if (prev) {
      while (k < atoms.length && atoms[k]![1] <= prev.end) k++;
      const atom = atoms[k];
      if (cut.start === prev.end || (atom && atom[0] < prev.end && atom[1] > cut.start)) {
        prev.last = cut.last;
        prev.end = cut.end;
        continue;
      }
    }
    out.push({ ...cut });
  }
  return out;
}

/**
 * Runs `[i, j)` of a content block's rendered text whose units lie on content lines and are not
 * judged boilerplate with their block (`unitVerdicts`). `lineOf`
 * maps a source offset to its 0-based line (offsets only grow between calls).
 */
function contentRuns(
  block: Block,
  lines: readonly ClassifiedLine[],
  lineOf: (offset: number) => number,
): [number, number][] {
  const runs: [number, number][] = [];
  const verdictAt = unitVerdicts(block);
  let open = -1;
  for (let k = 0; k < block.text.length; k++) {
    const ok = lines[lineOf(block.sourceStart[k]!)]?.kind === 'content' && !verdictAt(k);
    if (ok && open < 0) open = k;
    else if (!ok && open >= 0) {
      runs.push([open, k]);
      open = -1;
    }
  }
  if (open >= 0) runs.push([open, block.text.length]);
  return runs;
}

/**
 * Cuts the content blocks of a parsed file into sentences (see the module comment), in source
 * order. `lines` are the file's classified lines, `extents` its line extents.
 */
export function renderedSentences(
  doc: ParsedDocument,
  lines: readonly ClassifiedLine[],
  extents: readonly LineExtent[],
  emit: (sentence: RenderedSentence) => void,
): void {
  let line = 0;
  const lineOf = (offset: number): number => {
    while (line + 1 < extents.length && extents[line]!.next <= offset) line++;
    return line;
  };
  for (const block of doc.blocks) {
    if (!block.content) continue;
    const atoms = atomicRanges(block);
    for (const [from, to] of contentRuns(block, lines, lineOf)) {
      let i = from;
      let j = to;
      while (i < j && SPACE.test(block.text[i]!)) i++;
      while (j > i && SPACE.test(block.text[j - 1]!)) j--;
      // A news dateline opening the block stays outside the sentence, as in plain text.
      if (from === 0) {
        const dateline = INLINE_DATELINE.exec(block.text.slice(i, j));
        if (dateline && dateline[0].length < j - i) i += dateline[0].length;
      }
      if (j <= i) continue;
      const body = block.text.slice(i, j);
      const local = atoms
        .filter(([a, b]) => b > i && a < j)
        .map(([a, b]) => [a - i, b - i] as const);
      // Each analysis window joins its cuts against the atoms it overlaps, in its own offsets.
      let first = 0;
      const join = (cuts: Cut[], w: { start: number; end: number }): Cut[] => {
        while (first < local.length && local[first]![1] <= w.start) first++;
        const near: (readonly [number, number])[] = [];
        for (let k = first; k < local.length && local[k]![0] < w.end; k++)
          near.push([local[k]![0] - w.start, local[k]![1] - w.start]);
        return joinCuts(cuts, near);
      };
      for (const s of boundedSentences(body, join)) {
        const span = sourceSpan(block, i + s.start, i + s.end);
        emit({
          start: span.start,
          end: span.end,
          text: body.slice(s.start, s.end),
          features: s.features,
        });
      }
    }
  }
}
