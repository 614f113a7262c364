import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { dot, sentenceVectors, type Vec } from './vectors.js';

/**
 * The Buckshot assignment: for each sentence in `ids`, the index of the centroid it is most
 * similar to (first of equals), or -1 when none reaches `threshold`. The same result as
 * comparing `dot(vector, centroid)` with every centroid, bit for bit, at a fraction of the cost:
 * the products are accumulated through an inverted index of the centroids' terms, in the order
 * `dot` sums them (over the smaller vector's entries; the rare centroid smaller than the sentence
 * is compared with `dot` itself). Vectors are built and dropped in chunks, never all at once.
 */
export function nearestCentroids(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
  centroids: readonly Vec[],
  threshold: number,
): Int32Array {
  const k = centroids.length;
  const postings = new Map<number, { c: number[]; w: number[] }>();
  centroids.forEach((c, j) => {
    for (const [t, y] of c) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { c: [], w: [] }));
      p.c.push(j);
      p.w.push(y);
    }
  });
  const acc = new Float64Array(k);
  const out = new Int32Array(ids.length).fill(-1);
  const CHUNK = 4096;
  for (let from = 0; from < ids.length; from += CHUNK) {
    const vecs = sentenceVectors(sentences, ids.slice(from, from + CHUNK), index);
    vecs.forEach((v, i) => {
      acc.fill(0);
      for (const [t, x] of v) {
        const p = postings.get(t);
        if (!p) continue;
        const cs = p.c;
        const ws = p.w;
        for (let n = 0; n < cs.length; n++) acc[cs[n]!]! += x * ws[n]!;
      }
      let best = -1;
      let bestSim = threshold;
      for (let j = 0; j < k; j++) {
        const c = centroids[j]!;
        const s = v.size > c.size ? dot(v, c) : acc[j]!;
        if (s > bestSim) {
          best = j;
          bestSim = s;
        }
      }
      out[from + i] = best;
    });
  }
  return out;
}

/** Evenly spaced deterministic sample of `k` items. */
export function sample<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(items[Math.floor((i * items.length) / k)]!);
  return out;
}
