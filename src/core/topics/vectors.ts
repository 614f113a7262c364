import { idf, type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { TOPICS } from './constants.js';

/** A sparse vector: term id → weight. */
export type Vec = Map<number, number>;

/** Scales a vector to unit length, in place. */
export function norm(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

/** Dot product of two sparse vectors (summed over the smaller one). */
export function dot(a: Vec, b: Vec): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/** TF-IDF vector of a sentence, smoothed with its neighbours in the same file (topic continuity). */
export function sentenceVectors(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
): Vec[] {
  const base = (id: number): Vec => {
    const v: Vec = new Map();
    for (const t of index.content[id]!) v.set(t, idf(index, t));
    return v;
  };
  return ids.map((id) => {
    const v = base(id);
    const s = sentences[id]!;
    for (const nid of [id - 1, id + 1]) {
      const n = sentences[nid];
      if (!n || n.fileIndex !== s.fileIndex || Math.abs(n.position - s.position) !== 1) continue;
      for (const t of index.content[nid]!)
        v.set(t, (v.get(t) ?? 0) + TOPICS.contextWeight * idf(index, t));
    }
    return norm(v);
  });
}

/** The normalized sum of vectors. */
export function centroid(vecs: readonly Vec[]): Vec {
  const c: Vec = new Map();
  for (const v of vecs) for (const [k, x] of v) c.set(k, (c.get(k) ?? 0) + x);
  return norm(c);
}
