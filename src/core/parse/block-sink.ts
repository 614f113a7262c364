/**
 * Collects blocks in source order and guarantees they never overlap, whatever order the
 * tree walk produces them in (HTML error recovery can move nodes).
 */
import type { BuiltText, TextBuilder } from './text-builder.js';
import type { Block, BlockKind, BlockReason } from './types.js';

const EMPTY_I32 = new Int32Array(0);
const EMPTY: BuiltText = {
  text: '',
  sourceStart: EMPTY_I32,
  sourceEnd: EMPTY_I32,
  constructs: EMPTY_I32,
};

/**
 * Appends blocks; `cursor` is the end of the last block, before which nothing may start.
 * @example
 * const sink = new BlockSink(100); sink.add('code', 0, 10, 'code'); sink.blocks.length // 1
 */
export class BlockSink {
  readonly blocks: Block[] = [];
  cursor = 0;

  /** @param limit Length of the source text; spans are clipped to it (parse5 can overshoot). */
  constructor(private readonly limit: number) {}

  /**
   * Adds a block over `[start, end)` with the builder's text (or none). A negative start or
   * end is taken from the first or last rendered character. The span is widened to cover
   * every rendered character and inline construct, then clipped to `[cursor, limit]`, and
   * construct spans are clipped to the block; an empty span adds nothing.
   * `reason` undefined means content.
   */
  add(
    kind: BlockKind,
    start: number,
    end: number,
    reason: BlockReason | undefined,
    builder?: TextBuilder,
  ): void {
    const built = builder && builder.length > 0 ? builder.take(kind !== 'code') : EMPTY;
    const n = built.text.length;
    if (n > 0) {
      const first = built.sourceStart[0]!;
      const last = built.sourceEnd[n - 1]!;
      if (start < 0 || start > first) start = first;
      if (end < last) end = last;
    }
    const c = built.constructs;
    for (let k = 0; k < c.length; k += 5) {
      if (c[k + 3]! < start) start = c[k + 3]!;
      if (c[k + 4]! > end) end = c[k + 4]!;
    }
    if (start < this.cursor) start = this.cursor;
    if (end > this.limit) end = this.limit;
    if (end <= start) return;
    for (let k = 0; k < c.length; k += 5) {
      c[k + 3] = Math.max(start, c[k + 3]!);
      c[k + 4] = Math.min(end, c[k + 4]!);
    }
    this.cursor = end;
    const block: Block =
      reason === undefined
        ? { kind, start, end, content: true, ...built }
        : { kind, start, end, content: false, reason, ...built };
    this.blocks.push(block);
  }
}
