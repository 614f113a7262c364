import type { Sentence } from '../segment/index.js';

/**
 * Budgeted maximum coverage (Gillick & Favre 2009; Lin & Bilmes 2010): pick sentences whose
 * concepts weigh most, under a word and a sentence budget, never two that state the same fact.
 */

/** What the selection optimises: concept weights, per-sentence relevance factor and lengths. */
export interface SelectionProblem {
  concepts(s: Sentence): Float64Array;
  /** Weight of a concept (0 when it does not count). */
  weight(concept: number): number;
  /** Relevance factor of a sentence (1 without a query). */
  factor(s: Sentence): number;
  length(s: Sentence): number;
  maxWords: number;
  maxSentences: number;
  /** True when two sentences state the same fact (never both chosen). */
  redundant(a: Sentence, b: Sentence): boolean;
}

/**
 * Objective of a set: Σ over concepts of weight × the best relevance factor among the chosen
 * sentences that cover it (plain weighted concept coverage without a query). Monotone submodular.
 */
function objective(set: readonly Sentence[], p: SelectionProblem): number {
  const best = new Map<number, number>();
  for (const s of set) {
    const f = p.factor(s);
    for (const c of p.concepts(s)) if ((best.get(c) ?? 0) < f) best.set(c, f);
  }
  let v = 0;
  for (const [c, f] of best) v += p.weight(c) * f;
  return v;
}

function fits(set: readonly Sentence[], p: SelectionProblem): boolean {
  return set.length <= p.maxSentences && set.reduce((n, s) => n + p.length(s), 0) <= p.maxWords;
}

/** Cost-scaled greedy (Lin & Bilmes 2010) with length exponent `r`; returns sentences with their marginal gains. */
export function greedy(
  cands: readonly Sentence[],
  p: SelectionProblem,
  r: number,
  initial: readonly { s: Sentence; gain: number }[] = [],
): { s: Sentence; gain: number }[] {
  const cur = new Map<number, number>();
  const chosen: { s: Sentence; gain: number }[] = [...initial];
  const remaining = new Set(cands.filter((s) => !initial.some((c) => c.s === s)));
  let used = 0;
  for (const { s } of initial) {
    used += p.length(s);
    const f = p.factor(s);
    for (const c of p.concepts(s)) if ((cur.get(c) ?? 0) < f) cur.set(c, f);
  }
  while (chosen.length < p.maxSentences && remaining.size) {
    let best: Sentence | undefined;
    let bestScore = 0;
    let bestGain = 0;
    for (const s of remaining) {
      const len = p.length(s);
      if (used + len > p.maxWords) continue;
      const f = p.factor(s);
      let g = 0;
      for (const c of p.concepts(s)) {
        const d = f - (cur.get(c) ?? 0);
        if (d > 0) g += p.weight(c) * d;
      }
      if (g <= 0) continue;
      const score = g / Math.pow(len, r);
      if (score > bestScore || (score === bestScore && best && s.id < best.id)) {
        best = s;
        bestScore = score;
        bestGain = g;
      }
    }
    if (!best) break;
    remaining.delete(best);
    if (chosen.some((c) => p.redundant(c.s, best!))) continue;
    chosen.push({ s: best, gain: bestGain });
    used += p.length(best);
    const f = p.factor(best);
    for (const c of p.concepts(best)) if ((cur.get(c) ?? 0) < f) cur.set(c, f);
  }
  return chosen;
}

/**
 * Budgeted maximum coverage: the best of several cost-scaled greedy runs (length exponents
 * 0.5–1.5, plus the best single sentence, as in Lin & Bilmes 2010), improved by one-for-one
 * swaps while the objective grows (a local search toward the exact ILP optimum of Gillick &
 * Favre 2009). Deterministic: candidates in id order, ties on id.
 */
export function selectSentences(
  cands: readonly Sentence[],
  p: SelectionProblem,
): { s: Sentence; gain: number }[] {
  let best: Sentence[] = [];
  let bestValue = -1;
  for (const r of [0.5, 0.75, 1, 1.25, 1.5]) {
    const set = greedy(cands, p, r).map((x) => x.s);
    const v = objective(set, p);
    if (v > bestValue) {
      best = set;
      bestValue = v;
    }
  }
  for (const s of cands) {
    if (p.length(s) > p.maxWords) continue;
    const v = objective([s], p);
    if (v > bestValue) {
      best = [s];
      bestValue = v;
    }
  }
  // Local search over the most promising outsiders.
  const pool = [...cands]
    .filter((s) => !best.includes(s))
    .map((s) => ({ s, v: objective([s], p) / p.length(s) }))
    .sort((a, b) => b.v - a.v || a.s.id - b.s.id)
    .slice(0, 80)
    .map((x) => x.s);
  for (let pass = 0; pass < 4; pass++) {
    let improved: { set: Sentence[]; value: number } | undefined;
    for (let i = 0; i <= best.length; i++) {
      for (const j of pool) {
        if (best.includes(j)) continue;
        const set = i < best.length ? best.filter((_, k) => k !== i).concat(j) : best.concat(j);
        if (!fits(set, p) || set.some((x) => x !== j && p.redundant(x, j))) continue;
        const v = objective(set, p);
        if (v > (improved?.value ?? bestValue) + 1e-9) improved = { set, value: v };
      }
    }
    if (!improved) break;
    best = improved.set;
    bestValue = improved.value;
  }
  // Marginal gain of each sentence in the final set, in order of contribution.
  const out: { s: Sentence; gain: number }[] = [];
  const rest = [...best];
  let value = 0;
  while (rest.length) {
    let k = 0;
    let kv = -1;
    rest.forEach((s, i) => {
      const v = objective([...out.map((o) => o.s), s], p);
      if (v > kv || (v === kv && s.id < rest[k]!.id)) {
        k = i;
        kv = v;
      }
    });
    out.push({ s: rest[k]!, gain: kv - value });
    value = kv;
    rest.splice(k, 1);
  }
  return out;
}
