/**
 * Labels each source line with the block that covers most of it, so the `/lines` view can
 * say "code", "table", "navigation" for a Markdown or HTML line instead of guessing from
 * its shape.
 */
import type { Block, LineLabel } from './types.js';

const BLANK: LineLabel = { kind: 'blank', reason: 'blank' };
const MARKUP: LineLabel = { kind: 'boilerplate', reason: 'markup' };

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return false;
  }
  return true;
}

function labelOf(block: Block): LineLabel {
  if (block.content) return { kind: 'content', block: block.kind };
  const kind = block.kind === 'heading' ? 'heading' : 'boilerplate';
  return block.reason === undefined
    ? { kind, block: block.kind }
    : { kind, block: block.kind, reason: block.reason };
}

/**
 * One label per line (index 0 is line 1). `lineStarts[i]` is the offset where line i+1
 * starts (as `LineExtent.start` of positions.ts); a line runs to the next line's start.
 * The block overlapping a line the most labels it; a line no block touches is `blank`
 * when it holds only whitespace, else boilerplate `markup` (a lone `<div>`, a list marker).
 * Runs in O(lines + blocks): blocks are sorted and disjoint.
 * @example
 * lineKinds(text, parseDocument(text, 'markdown').blocks, lineExtents(text).map((l) => l.start))
 */
export function lineKinds(
  text: string,
  blocks: readonly Block[],
  lineStarts: readonly number[],
): LineLabel[] {
  const labels: LineLabel[] = new Array<LineLabel>(lineStarts.length);
  const cache = new Map<Block, LineLabel>();
  let first = 0;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!;
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    while (first < blocks.length && blocks[first]!.end <= start) first++;
    let best: Block | undefined;
    let bestOverlap = 0;
    for (let k = first; k < blocks.length; k++) {
      const block = blocks[k]!;
      if (block.start >= end) break;
      const overlap = Math.min(end, block.end) - Math.max(start, block.start);
      if (overlap > bestOverlap) {
        best = block;
        bestOverlap = overlap;
      }
    }
    if (!best) {
      labels[i] = isBlank(text, start, end) ? BLANK : MARKUP;
      continue;
    }
    let label = cache.get(best);
    if (!label) {
      label = labelOf(best);
      cache.set(best, label);
    }
    labels[i] = label;
  }
  return labels;
}
