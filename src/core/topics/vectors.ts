import { idf, type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { TOPICS } from './constants.js';
import type { SparseVec } from './doc-vectors.js';

/** A sparse vector from a map of id → weight, scaled to unit length, ids ascending. */
export function unitVector(m: ReadonlyMap<number, number>): SparseVec {
  const ids = Int32Array.from(m.keys()).sort();
  const weights = new Float64Array(ids.length);
  let n = 0;
  ids.forEach((t, k) => {
    const w = m.get(t)!;
    weights[k] = w;
    n += w * w;
  });
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < weights.length; k++) weights[k]! /= n;
  return { ids, weights };
}

/** TF-IDF vector of a sentence, smoothed with its neighbours in the same file (topic continuity). */
export function sentenceVectors(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
): SparseVec[] {
  return ids.map((id) => {
    const v = new Map<number, number>();
    for (const t of index.content[id]!) v.set(t, idf(index, t));
    const s = sentences[id]!;
    for (const nid of [id - 1, id + 1]) {
      const n = sentences[nid];
      if (!n || n.fileIndex !== s.fileIndex || Math.abs(n.position - s.position) !== 1) continue;
      for (const t of index.content[nid]!)
        v.set(t, (v.get(t) ?? 0) + TOPICS.contextWeight * idf(index, t));
    }
    return unitVector(v);
  });
}

/** The normalized sum of vectors. */
export function centroid(vecs: readonly SparseVec[]): SparseVec {
  const c = new Map<number, number>();
  for (const v of vecs)
    for (let k = 0; k < v.ids.length; k++)
      c.set(v.ids[k]!, (c.get(v.ids[k]!) ?? 0) + v.weights[k]!);
  return unitVector(c);
}

/**
 * All pairwise dot products of some vectors as a dense `n × n` matrix, accumulated through an
 * inverted index of their terms: each term adds the products of the vectors that share it, so
 * pairs that share no term cost nothing (no `n²` sparse dot products).
 */
export function similarityMatrix(vecs: readonly SparseVec[]): Float32Array {
  const n = vecs.length;
  const sim = new Float32Array(n * n);
  // Postings over local term numbers, as flat arrays (compressed sparse rows).
  const local = new Map<number, number>();
  for (const v of vecs) for (const t of v.ids) if (!local.has(t)) local.set(t, local.size);
  const start = new Int32Array(local.size + 1);
  for (const v of vecs) for (const t of v.ids) start[local.get(t)! + 1]!++;
  for (let k = 0; k < local.size; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, local.size);
  const who = new Int32Array(start[local.size]!);
  const weight = new Float64Array(start[local.size]!);
  const terms = vecs.map((v) => Int32Array.from(v.ids, (t) => local.get(t)!));
  vecs.forEach((v, i) => {
    terms[i]!.forEach((t, k) => {
      const at = fill[t]!++;
      who[at] = i;
      weight[at] = v.weights[k]!;
    });
  });
  // Accumulated in Float64 per row, in the order of the row's terms, then stored.
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    const v = vecs[i]!;
    const ts = terms[i]!;
    for (let k = 0; k < ts.length; k++) {
      const x = v.weights[k]!;
      for (let at = start[ts[k]!]!; at < start[ts[k]! + 1]!; at++) {
        const j = who[at]!;
        if (j > i) row[j]! += x * weight[at]!;
      }
    }
    for (let j = i + 1; j < n; j++) {
      sim[i * n + j] = row[j]!;
      sim[j * n + i] = row[j]!;
    }
  }
  return sim;
}
