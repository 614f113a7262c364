import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import type { SparseVec } from './doc-vectors.js';
import { sentenceVectors } from './vectors.js';

/**
 * The Buckshot assignment: for each sentence in `ids`, the index of the centroid it is most
 * similar to (first of equals), or -1 when none reaches `threshold`. The dot products are
 * accumulated through an inverted index of the centroids' terms. Vectors are built and dropped in
 * chunks, never all at once.
 */
export function nearestCentroids(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
  centroids: readonly SparseVec[],
  threshold: number,
): Int32Array {
  const k = centroids.length;
  const postings = new Map<number, { c: number[]; w: number[] }>();
  centroids.forEach((c, j) => {
    for (let k = 0; k < c.ids.length; k++) {
      let p = postings.get(c.ids[k]!);
      if (!p) postings.set(c.ids[k]!, (p = { c: [], w: [] }));
      p.c.push(j);
      p.w.push(c.weights[k]!);
    }
  });
  const acc = new Float64Array(k);
  const out = new Int32Array(ids.length).fill(-1);
  const CHUNK = 4096;
  for (let from = 0; from < ids.length; from += CHUNK) {
    const vecs = sentenceVectors(sentences, ids.slice(from, from + CHUNK), index);
    vecs.forEach((v, i) => {
      acc.fill(0);
      for (let m = 0; m < v.ids.length; m++) {
        const p = postings.get(v.ids[m]!);
        if (!p) continue;
        const x = v.weights[m]!;
        const cs = p.c;
        const ws = p.w;
        for (let n = 0; n < cs.length; n++) acc[cs[n]!]! += x * ws[n]!;
      }
      let best = -1;
      let bestSim = threshold;
      for (let j = 0; j < k; j++) {
        const s = acc[j]!;
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
