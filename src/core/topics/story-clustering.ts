import { Heap } from '../shared/heap.js';
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

/** Exact cosine of two unit sparse vectors (ascending ids). */
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

/**
 * The pairs of documents worth comparing, found through an inverted index: each document probes
 * the postings of its heaviest features, ranks the documents found by the partial dot product
 * over those features, and is compared exactly with the best few. Documents that share no
 * weighty feature are never compared (near-linear in the number of documents, no all-pairs).
 */
export function candidatePairs(
  vectors: readonly SparseVec[],
  options: StoryClusteringOptions,
): { a: number; b: number; sim: number }[] {
  const postings = new Map<number, { docs: number[]; weights: number[] }>();
  vectors.forEach((v, d) => {
    for (let k = 0; k < v.ids.length; k++) {
      let p = postings.get(v.ids[k]!);
      if (!p) postings.set(v.ids[k]!, (p = { docs: [], weights: [] }));
      p.docs.push(d);
      p.weights.push(v.weights[k]!);
    }
  });
  const partial = new Float64Array(vectors.length);
  const seen = new Int32Array(vectors.length).fill(-1);
  const pairs = new Map<string, { a: number; b: number; sim: number }>();
  vectors.forEach((v, d) => {
    const order = Array.from(v.ids.keys()).sort(
      (x, y) => v.weights[y]! - v.weights[x]! || v.ids[x]! - v.ids[y]!,
    );
    const touched: number[] = [];
    for (const k of order.slice(0, options.probeFeatures)) {
      const p = postings.get(v.ids[k]!)!;
      const w = v.weights[k]!;
      for (let n = 0; n < p.docs.length; n++) {
        const other = p.docs[n]!;
        if (other === d) continue;
        if (seen[other] !== d) {
          seen[other] = d;
          partial[other] = 0;
          touched.push(other);
        }
        partial[other]! += w * p.weights[n]!;
      }
    }
    touched.sort((x, y) => partial[y]! - partial[x]! || x - y);
    for (const other of touched.slice(0, options.neighbours)) {
      const [a, b] = d < other ? [d, other] : [other, d];
      const key = `${a}:${b}`;
      if (!pairs.has(key)) pairs.set(key, { a, b, sim: cosine(vectors[a]!, vectors[b]!) });
    }
  });
  return [...pairs.values()];
}

/** A group of documents during clustering: its members, the sum of their vectors, its neighbours. */
interface Group {
  readonly members: number[];
  readonly sum: Map<number, number>;
  readonly near: Set<number>;
  alive: boolean;
}

function dotSums(a: Map<number, number>, b: Map<number, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/**
 * Group-average agglomerative clustering of documents (UPGMA; the group-average clustering of
 * TDT retrospective event detection, Yang, Pierce & Carbonell 1998), cut at `options.cutSimilarity`. The
 * average pairwise cosine of two groups of unit vectors is the dot product of their vector sums
 * divided by the product of their sizes, so it is exact without the pairwise matrix; only groups
 * linked by a candidate pair are ever compared. Returns the groups (document indexes ascending),
 * ordered by their first member. Deterministic: ties break on group ids.
 */
export function clusterDocuments(
  vectors: readonly SparseVec[],
  options: StoryClusteringOptions,
): number[][] {
  const groups: Group[] = vectors.map((v, d) => ({
    members: [d],
    sum: new Map(Array.from(v.ids, (f, k) => [f, v.weights[k]!])),
    near: new Set<number>(),
    alive: true,
  }));
  type Candidate = { a: number; b: number; sim: number };
  const heap = new Heap<Candidate>((x, y) =>
    x.sim !== y.sim ? x.sim > y.sim : x.a !== y.a ? x.a < y.a : x.b < y.b,
  );
  for (const p of candidatePairs(vectors, options)) {
    groups[p.a]!.near.add(p.b);
    groups[p.b]!.near.add(p.a);
    if (p.sim >= options.cutSimilarity) heap.push(p);
  }
  const average = (a: Group, b: Group) =>
    dotSums(a.sum, b.sum) / (a.members.length * b.members.length);
  for (let top = heap.pop(); top; top = heap.pop()) {
    const a = groups[top.a]!;
    const b = groups[top.b]!;
    if (!a.alive || !b.alive) continue;
    const merged: Group = {
      members: [...a.members, ...b.members],
      sum: new Map(a.sum),
      near: new Set(),
      alive: true,
    };
    for (const [k, x] of b.sum) merged.sum.set(k, (merged.sum.get(k) ?? 0) + x);
    a.alive = false;
    b.alive = false;
    const id = groups.length;
    groups.push(merged);
    for (const n of [...a.near, ...b.near]) {
      const g = groups[n]!;
      if (!g.alive || merged.near.has(n)) continue;
      merged.near.add(n);
      g.near.add(id);
      const sim = average(merged, g);
      if (sim >= options.cutSimilarity) heap.push({ a: Math.min(n, id), b: Math.max(n, id), sim });
    }
  }
  return groups
    .filter((g) => g.alive)
    .map((g) => g.members.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}
