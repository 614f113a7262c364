/**
 * Disjoint sets over the integers `0..n-1` (union-find with path compression). Used wherever
 * items are grouped by pairwise links: near-duplicate files, dendrogram cuts.
 *
 * @example
 * const sets = new UnionFind(3)
 * sets.union(0, 2)
 * sets.find(0) === sets.find(2) // true
 */
export class UnionFind {
  readonly #parent: Int32Array;

  constructor(size: number) {
    this.#parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** The representative of `i`'s set. */
  find(i: number): number {
    const parent = this.#parent;
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  }

  /** Joins the sets of `a` and `b` (`a`'s representative goes under `b`'s). */
  union(a: number, b: number): void {
    this.#parent[this.find(a)] = this.find(b);
  }

  /** The sets as lists of members in ascending order, ordered by their smallest member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.#parent.length; i++) {
      const r = this.find(i);
      let g = byRoot.get(r);
      if (!g) byRoot.set(r, (g = []));
      g.push(i);
    }
    return [...byRoot.values()];
  }
}
