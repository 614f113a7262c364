/**
 * From a rendered range of a block to the source span a citation quotes.
 */
import { ConstructFlag, type Block } from './types.js';

/** A source span: 0-based UTF-16 offsets, end exclusive. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The source span of the rendered range `[i, j)` of `block`: `sourceStart[i]` to
 * `sourceEnd[j-1]`, widened to take in the markup of every inline construct whose rendered
 * text lies wholly inside the range, so a quote never ends in `[the docs` or starts
 * with `docs](u)`. `rawSourceSpan` gives the unwidened span.
 * @example
 * const b = parseDocument('See [the docs](u)', 'markdown').blocks[0]; sourceSpan(b, 4, 12) // { start: 4, end: 17 }
 */
export function sourceSpan(block: Block, i: number, j: number): SourceSpan {
  let { start, end } = rawSourceSpan(block, i, j);
  const c = block.constructs;
  for (let k = 0; k < c.length; k += 5) {
    const rs = c[k + 1]!;
    if (rs >= j) break;
    if (rs >= i && c[k + 2]! <= j) {
      if (c[k + 3]! < start) start = c[k + 3]!;
      if (c[k + 4]! > end) end = c[k + 4]!;
    }
  }
  return { start, end };
}

/** The plain span `sourceStart[i]` to `sourceEnd[j-1]` (`i < j`, both within the text). */
export function rawSourceSpan(block: Block, i: number, j: number): SourceSpan {
  if (!(i >= 0 && j > i && j <= block.text.length))
    throw new RangeError(`bad rendered range [${i}, ${j}) of ${block.text.length}`);
  return { start: block.sourceStart[i]!, end: block.sourceEnd[j - 1]! };
}

/**
 * Rendered ranges a sentence splitter must not cut: link texts and inline code
 * (`[start, end)` pairs in text order, outermost only).
 */
export function atomicRanges(block: Block): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const c = block.constructs;
  for (let k = 0; k < c.length; k += 5) {
    if ((c[k]! & ConstructFlag.atomic) === 0) continue;
    const rs = c[k + 1]!;
    const re = c[k + 2]!;
    const last = out[out.length - 1];
    if (last && rs < last[1]) continue;
    out.push([rs, re]);
  }
  return out;
}
