import { UnionFind } from '../shared/union-find.js';

/**
 * Group-average agglomerative clustering (UPGMA) with the nearest-neighbour-chain algorithm
 * (Murtagh 1983), O(n²) time, over a dense similarity matrix (updated in place); returns the
 * merges with their similarities so the dendrogram can be cut at any level.
 */
export function averageLinkage(
  sim: Float32Array,
  n: number,
): { a: number; b: number; sim: number }[] {
  const size = new Array<number>(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: { a: number; b: number; sim: number }[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) {
      for (let i = 0; i < n; i++)
        if (active[i]) {
          chain.push(i);
          break;
        }
    }
    const top = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let j = 0; j < n; j++) {
      if (!active[j] || j === top) continue;
      const s = sim[top * n + j]!;
      if (s > bestSim || (s === bestSim && j === prev)) {
        best = j;
        bestSim = s;
      }
    }
    if (best === prev) {
      chain.pop();
      chain.pop();
      const [a, b] = top < prev ? [top, prev] : [prev, top];
      merges.push({ a, b, sim: bestSim });
      // Lance–Williams update for average linkage: cluster a absorbs b.
      for (let k = 0; k < n; k++) {
        if (!active[k] || k === a || k === b) continue;
        const s = (size[a]! * sim[a * n + k]! + size[b]! * sim[b * n + k]!) / (size[a]! + size[b]!);
        sim[a * n + k] = s;
        sim[k * n + a] = s;
      }
      size[a]! += size[b]!;
      active[b] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  return merges;
}

/** Cuts a dendrogram at a similarity: clusters as lists of item indexes. */
export function cut(
  n: number,
  merges: readonly { a: number; b: number; sim: number }[],
  threshold: number,
): number[][] {
  const sets = new UnionFind(n);
  for (const m of merges) if (m.sim >= threshold) sets.union(m.b, m.a);
  return sets.groups();
}
