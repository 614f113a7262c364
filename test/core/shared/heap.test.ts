import { describe, expect, it } from 'vitest';
import { PairHeap } from '../../../src/core/shared/heap.js';

/** A small deterministic generator (mulberry32), so a failure replays. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = { a: number; b: number; va: number; vb: number; sim: number };
const first = (x: Entry, y: Entry) => y.sim - x.sim || x.a - y.a || x.b - y.b;

describe('PairHeap', () => {
  it('pops by similarity, then lower a, then lower b, through interleaved pushes and pops', () => {
    const random = rng(7);
    const heap = new PairHeap();
    const reference: Entry[] = [];
    const popped: Entry[] = [];
    const expected: Entry[] = [];
    for (let step = 0; step < 20_000; step++) {
      if (reference.length === 0 || random() < 0.6) {
        // Few distinct similarities and ids: many ties on every key.
        const e = {
          a: Math.floor(random() * 30),
          b: 30 + Math.floor(random() * 30),
          va: step,
          vb: 0,
          sim: Math.floor(random() * 8) / 8,
        };
        heap.push(e.a, e.b, e.va, e.vb, e.sim);
        reference.push(e);
      } else {
        reference.sort(first);
        const want = reference.shift()!;
        expect(heap.pop()).toBe(true);
        popped.push({ ...heap.top });
        expected.push(want);
      }
    }
    expect(heap.size).toBe(reference.length);
    // Entries equal on (sim, a, b) may come in either order; the keys must match one by one.
    const key = (e: Entry) => `${e.sim} ${e.a} ${e.b}`;
    expect(popped.map(key)).toEqual(expected.map(key));
    while (heap.pop()) popped.push({ ...heap.top });
    expect(popped.length).toBe(expected.length + reference.length);
    expect(heap.pop()).toBe(false);
  });
});
