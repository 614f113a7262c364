import { PairHeap } from '../shared/heap.js';
import type { SparseVec } from './doc-vectors.js';

/** How documents are compared and grouped into stories. */
export interface StoryClusteringOptions {
  /** Average similarity (cosine) below which two groups of documents are different stories. */
  readonly cutSimilarity: number;
  /** Features of a document used to look up the documents it may be compared with (its heaviest). */
  readonly probeFeatures: number;
  /** Documents each document is compared with exactly (the best by partial score). */
  readonly neighbours: number;
}

/** Dot product of two sparse vectors (ascending ids): their cosine when both are unit vectors. */
function cosine(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Postings of every feature as flat arrays (compressed sparse rows): docs and weights per feature. */
function postingsOf(vectors: readonly SparseVec[], features: number) {
  const start = new Int32Array(features + 1);
  for (const v of vectors) for (const f of v.ids) start[f + 1]!++;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, features);
  const docs = new Int32Array(start[features]!);
  const weights = new Float64Array(start[features]!);
  vectors.forEach((v, d) => {
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]!]!++;
      docs[at] = d;
      weights[at] = v.weights[k]!;
    }
  });
  return { start, docs, weights };
}

/**
 * The `k` items with the highest score (ties: lower item), best first, by insertion into a short
 * sorted list: linear in the number of items, no full sort.
 */
function topK(items: ArrayLike<number>, score: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  const better = (x: number, y: number) =>
    score[x]! > score[y]! || (score[x] === score[y] && x < y);
  for (let n = 0; n < items.length; n++) {
    const d = items[n]!;
    if (best.length === k && score[d]! < score[best[k - 1]!]!) continue;
    if (best.length === k && !better(d, best[k - 1]!)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && better(d, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = d;
  }
  return best;
}

/**
 * The pairs of documents worth comparing, found through an inverted index: each document probes
 * the postings of its heaviest features, ranks the documents found by the partial dot product
 * over those features, and is compared exactly with the best few. Documents that share no
 * weighty feature are never compared (near-linear in the number of documents, no all-pairs).
 */
export function candidatePairs(
  vectors: readonly SparseVec[],
  features: number,
  options: StoryClusteringOptions,
): { a: number; b: number; sim: number }[] {
  const post = postingsOf(vectors, features);
  const partial = new Float64Array(vectors.length);
  const seen = new Int32Array(vectors.length).fill(-1);
  const probeLimit = Math.max(64, Math.ceil(5 * Math.sqrt(vectors.length)));
  const pairs: { a: number; b: number; sim: number }[] = [];
  const paired = new Set<number>();
  vectors.forEach((v, d) => {
    // The heaviest features (ties: lower feature id, which is the lower index in `ids`).
    const order = topK(Array.from(v.ids.keys()), v.weights, options.probeFeatures);
    const touched: number[] = [];
    for (const k of order) {
      const f = v.ids[k]!;
      // A feature most documents share finds everything and tells nothing: it is not probed
      // (it still counts in the exact cosine).
      if (post.start[f + 1]! - post.start[f]! > probeLimit) continue;
      const w = v.weights[k]!;
      for (let at = post.start[f]!; at < post.start[f + 1]!; at++) {
        const other = post.docs[at]!;
        if (other === d) continue;
        if (seen[other] !== d) {
          seen[other] = d;
          partial[other] = 0;
          touched.push(other);
        }
        partial[other]! += w * post.weights[at]!;
      }
    }
    for (const other of topK(touched, partial, options.neighbours)) {
      const [a, b] = d < other ? [d, other] : [other, d];
      const key = a * vectors.length + b;
      if (paired.has(key)) continue;
      paired.add(key);
      pairs.push({ a, b, sim: cosine(vectors[a]!, vectors[b]!) });
    }
  });
  return pairs;
}

/** A group of documents during clustering: its members, the sum of their vectors, its neighbours. */
interface Group {
  members: number[];
  sum: SparseVec;
  near: Set<number>;
  /** Bumped at every merge: a queued pair that names an older version is stale. */
  version: number;
  alive: boolean;
}

/** The sum of two sparse vectors (ascending ids), by one merge pass. */
function addSparse(a: SparseVec, b: SparseVec): SparseVec {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? a.ids[i]! : Infinity;
    const y = j < b.ids.length ? b.ids[j]! : Infinity;
    if (x === y) {
      ids[n] = x;
      weights[n++] = a.weights[i++]! + b.weights[j++]!;
    } else if (x < y) {
      ids[n] = x;
      weights[n++] = a.weights[i++]!;
    } else {
      ids[n] = y;
      weights[n++] = b.weights[j++]!;
    }
  }
  return { ids: ids.subarray(0, n), weights: weights.subarray(0, n) };
}

/**
 * Group-average agglomerative clustering of documents (UPGMA; the group-average clustering of
 * TDT retrospective event detection, Yang, Pierce & Carbonell 1998), cut at
 * `options.cutSimilarity`. The average pairwise cosine of two groups of unit vectors is the dot
 * product of their vector sums divided by the product of their sizes, so it is exact without
 * the pairwise matrix; only groups linked by a candidate pair are ever compared. The larger group
 * absorbs the smaller in place. Returns the groups (document indexes ascending), ordered by their
 * first member. Deterministic: ties break on group ids.
 */
export function clusterDocuments(
  vectors: readonly SparseVec[],
  features: number,
  options: StoryClusteringOptions,
): number[][] {
  const groups: Group[] = vectors.map((v, d) => ({
    members: [d],
    sum: v,
    near: new Set<number>(),
    version: 0,
    alive: true,
  }));
  const heap = new PairHeap();
  for (const p of candidatePairs(vectors, features, options)) {
    groups[p.a]!.near.add(p.b);
    groups[p.b]!.near.add(p.a);
    if (p.sim >= options.cutSimilarity) heap.push(p.a, p.b, 0, 0, p.sim);
  }
  const dense = new Float64Array(features);
  const top = heap.top;
  while (heap.pop()) {
    const x = groups[top.a]!;
    const y = groups[top.b]!;
    if (!x.alive || !y.alive || x.version !== top.va || y.version !== top.vb) continue;
    // The larger group absorbs the smaller (ties: the lower id), keeping its id.
    const [keep, gone, keepId, goneId] =
      x.members.length >= y.members.length ? [x, y, top.a, top.b] : [y, x, top.b, top.a];
    for (const m of gone.members) keep.members.push(m);
    keep.sum = addSparse(keep.sum, gone.sum);
    gone.alive = false;
    keep.version++;
    const near = new Set<number>();
    for (const n of [...keep.near, ...gone.near]) {
      if (n === keepId || n === goneId || !groups[n]!.alive) continue;
      near.add(n);
    }
    keep.near = near;
    gone.near = new Set();
    gone.sum = { ids: new Int32Array(0), weights: new Float64Array(0) };
    // The merged group's sum scattered once into a dense row, so each neighbour's dot product
    // costs the neighbour's size only.
    for (let k = 0; k < keep.sum.ids.length; k++) dense[keep.sum.ids[k]!] = keep.sum.weights[k]!;
    for (const n of near) {
      const g = groups[n]!;
      g.near.delete(goneId);
      g.near.add(keepId);
      let d = 0;
      for (let k = 0; k < g.sum.ids.length; k++) d += dense[g.sum.ids[k]!]! * g.sum.weights[k]!;
      const sim = d / (keep.members.length * g.members.length);
      if (sim < options.cutSimilarity) continue;
      const [a, b] = keepId < n ? [keepId, n] : [n, keepId];
      heap.push(a, b, groups[a]!.version, groups[b]!.version, sim);
    }
    for (let k = 0; k < keep.sum.ids.length; k++) dense[keep.sum.ids[k]!] = 0;
  }
  return groups
    .filter((g) => g.alive)
    .map((g) => g.members.sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!);
}
