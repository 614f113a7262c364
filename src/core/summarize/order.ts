import type { Sentence } from '../segment/index.js';

/** A chosen sentence as the ordering sees it. */
export interface Placed {
  readonly s: Sentence;
  /** Files that state its fact (1 + corroborating files). */
  readonly support: number;
  /** Its weight in the summary (marginal gain). */
  readonly gain: number;
  /** How central it is to the documents: the weight of its own concepts (a centroid score). */
  readonly centrality: number;
}

/**
 * The reading order of a summary. Sentences that need their antecedent stay right after it
 * (blocks). When the sentences come from several files, the most central block comes first: the fact most files state, then the one whose
 * own concepts weigh most (the centroid score of Radev et al. 2004, over the document-frequency
 * concept weights). The other blocks follow
 * in time order: the article's date where articles carry one (undated articles count as the
 * earliest date), then the position in the article (leads before details), so each source's
 * sentences keep their order. A summary of a single file keeps that file's order throughout.
 * Never by file name: files only break exact ties, after weight.
 */
export function readingOrder<T extends Placed>(
  chosen: readonly T[],
  antecedent: (s: Sentence) => Sentence | undefined,
  dateOf: (s: Sentence) => string | undefined,
): T[] {
  const byId = new Map(chosen.map((c) => [c.s.id, c]));
  // Blocks: a head (no antecedent in the summary) and the sentences that hang from it.
  const next = new Map<number, T>();
  for (const c of chosen) {
    const a = antecedent(c.s);
    if (a && byId.has(a.id)) next.set(a.id, c);
  }
  const blocks: T[][] = [];
  for (const c of chosen) {
    const a = antecedent(c.s);
    if (a && byId.has(a.id)) continue;
    const block = [c];
    for (let n = next.get(c.s.id); n; n = next.get(n.s.id)) block.push(n);
    blocks.push(block);
  }
  const rank = (b: T[]) => ({
    support: Math.max(...b.map((c) => c.support)),
    centrality: Math.max(...b.map((c) => c.centrality)),
    gain: b.reduce((n, c) => n + c.gain, 0),
  });
  const better = (x: T[], y: T[]) => {
    const a = rank(x);
    const b = rank(y);
    return a.support - b.support || a.centrality - b.centrality || y[0]!.s.id - x[0]!.s.id;
  };
  // One source: its writer's order is the reading order (its lead is its central fact), so no
  // block is moved to the front and every sentence keeps its place in the article.
  const single = new Set(chosen.map((c) => c.s.file)).size === 1;
  let central = single ? undefined : blocks[0];
  for (const b of blocks) if (central && better(b, central) > 0) central = b;
  const dates = chosen.map((c) => dateOf(c.s)).filter((d): d is string => d !== undefined);
  const earliest = dates.sort()[0] ?? '';
  const key = (b: T[]) => dateOf(b[0]!.s) ?? earliest;
  const rest = blocks
    .filter((b) => b !== central)
    .sort(
      (x, y) =>
        (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0) ||
        x[0]!.s.position - y[0]!.s.position ||
        rank(y).gain - rank(x).gain ||
        x[0]!.s.id - y[0]!.s.id,
    );
  return [...(central ? [central] : []), ...rest].flat();
}
