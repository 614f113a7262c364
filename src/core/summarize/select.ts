import type { Sentence } from '../segment/index.js';

/**
 * Budgeted maximum coverage (Gillick & Favre 2009; Lin & Bilmes 2010): pick sentences whose
 * concepts weigh most, under a word and a sentence budget and the readability constraints,
 * never two that state the same fact. The greedy solver; `exact.ts` solves the same problem
 * exactly.
 */

/** What the selection optimises: concept weights, per-sentence relevance factor and lengths. */
export interface SelectionProblem {
  concepts(s: Sentence): ArrayLike<number>;
  /** Weight of a concept (0 when it does not count). */
  weight(concept: number): number;
  /** Relevance factor of a sentence (1 without a query). */
  factor(s: Sentence): number;
  length(s: Sentence): number;
  maxWords: number;
  maxSentences: number;
  /** True when two sentences state the same fact or event (never both chosen). */
  redundant(a: Sentence, b: Sentence): boolean;
  /** The direct part of `redundant` (no third sentence involved), which the exact solver states up front. */
  similar?(a: Sentence, b: Sentence): boolean;
  /** Other files' sentences that state the fact of `s`: two sentences sharing one are redundant. */
  corroborators?(s: Sentence): ReadonlySet<number>;
  /** The sentence that must come with `s`, right before it (its antecedent), if any. */
  antecedent?(s: Sentence): Sentence | undefined;
}

/** A chosen sentence with its marginal gain. */
export interface Chosen {
  readonly s: Sentence;
  readonly gain: number;
}

/**
 * Objective of a set: Σ over concepts of weight × the best relevance factor among the chosen
 * sentences that cover it (plain weighted concept coverage without a query). Monotone submodular.
 */
export function objective(set: readonly Sentence[], p: SelectionProblem): number {
  const best = new Map<number, number>();
  for (const s of set) {
    const f = p.factor(s);
    const cs = p.concepts(s);
    for (let i = 0; i < cs.length; i++) if ((best.get(cs[i]!) ?? 0) < f) best.set(cs[i]!, f);
  }
  let v = 0;
  for (const [c, f] of best) v += p.weight(c) * f;
  return v;
}

/** The sentence with its antecedents (nearest first), as far as they are not already in `set`. */
export function unitOf(s: Sentence, set: readonly Sentence[], p: SelectionProblem): Sentence[] {
  const unit = [s];
  for (let a = p.antecedent?.(s); a && !set.includes(a); a = p.antecedent?.(a)) unit.push(a);
  return unit;
}

/** True when `extra` can join `base`: within the budgets, and no two sentences redundant. */
function canAdd(
  base: readonly Sentence[],
  extra: readonly Sentence[],
  p: SelectionProblem,
): boolean {
  if (base.length + extra.length > p.maxSentences) return false;
  let words = 0;
  for (const s of base) words += p.length(s);
  for (const s of extra) words += p.length(s);
  if (words > p.maxWords) return false;
  for (let i = 0; i < extra.length; i++) {
    for (const y of base) if (p.redundant(extra[i]!, y)) return false;
    for (let k = 0; k < i; k++) if (p.redundant(extra[i]!, extra[k]!)) return false;
  }
  return true;
}

/**
 * Cost-scaled greedy (Lin & Bilmes 2010) with length exponent `r`: each step adds the sentence
 * (with the antecedents it needs) of best marginal gain per word^r that fits. Returns the
 * sentences with their marginal gains.
 */
export function greedy(
  cands: readonly Sentence[],
  p: SelectionProblem,
  r: number,
  initial: readonly Chosen[] = [],
): Chosen[] {
  const cur = new Map<number, number>();
  const chosen: Chosen[] = [...initial];
  const set = chosen.map((c) => c.s);
  const remaining = new Set(cands.filter((s) => !set.includes(s)));
  // Marginal gain of a unit over the covered concepts (each concept counted once, at its best factor).
  const gainOf = (unit: readonly Sentence[]): number => {
    if (unit.length === 1) {
      const s = unit[0]!;
      const f = p.factor(s);
      const cs = p.concepts(s);
      let g = 0;
      for (let i = 0; i < cs.length; i++) {
        const d = f - (cur.get(cs[i]!) ?? 0);
        if (d > 0) g += p.weight(cs[i]!) * d;
      }
      return g;
    }
    const gains = new Map<number, number>();
    for (const u of unit) {
      const f = p.factor(u);
      const cs = p.concepts(u);
      for (let i = 0; i < cs.length; i++) {
        const d = f - (cur.get(cs[i]!) ?? 0);
        if (d > (gains.get(cs[i]!) ?? 0)) gains.set(cs[i]!, d);
      }
    }
    let g = 0;
    for (const [c, d] of gains) g += p.weight(c) * d;
    return g;
  };
  const cover = (s: Sentence) => {
    const f = p.factor(s);
    const cs = p.concepts(s);
    for (let i = 0; i < cs.length; i++) if ((cur.get(cs[i]!) ?? 0) < f) cur.set(cs[i]!, f);
  };
  set.forEach(cover);
  while (chosen.length < p.maxSentences && remaining.size) {
    let best: Sentence[] | undefined;
    let bestScore = 0;
    for (const s of remaining) {
      const unit = p.antecedent?.(s) ? unitOf(s, set, p) : [s];
      const g = gainOf(unit);
      if (g <= 0) continue;
      let len = 0;
      for (const u of unit) len += p.length(u);
      const score = g / Math.pow(len, r);
      if (score > bestScore || (score === bestScore && best && s.id < best[0]!.id)) {
        // What keeps a unit out now (budget, redundancy) keeps it out later: the set only grows
        // (a unit whose antecedent gets chosen meanwhile is not retried).
        if (!canAdd(set, unit, p)) {
          remaining.delete(s);
          continue;
        }
        best = unit;
        bestScore = score;
      }
    }
    if (!best) break;
    for (const u of [...best].reverse()) {
      remaining.delete(u);
      chosen.push({ s: u, gain: gainOf([u]) });
      set.push(u);
      cover(u);
    }
  }
  return chosen;
}

/** The set without `s` and every sentence whose antecedent chain passes through `s`. */
function without(set: readonly Sentence[], s: Sentence, p: SelectionProblem): Sentence[] {
  const gone = new Set([s]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const x of set) {
      const a = p.antecedent?.(x);
      if (a && gone.has(a) && !gone.has(x)) {
        gone.add(x);
        grew = true;
      }
    }
  }
  return set.filter((x) => !gone.has(x));
}

/**
 * Budgeted maximum coverage: the best of several cost-scaled greedy runs (length exponents
 * 0.5–1.5, plus the best single sentence, as in Lin & Bilmes 2010), improved by one-for-one
 * swaps while the objective grows (a local search toward the exact ILP optimum of Gillick &
 * Favre 2009). Deterministic: candidates in id order, ties on id.
 */
export function selectSentences(cands: readonly Sentence[], p: SelectionProblem): Sentence[] {
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
    const unit = unitOf(s, [], p);
    if (!canAdd([], unit, p)) continue;
    const v = objective(unit, p);
    if (v > bestValue) {
      best = unit;
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
      const base = i < best.length ? without(best, best[i]!, p) : best;
      for (const j of pool) {
        if (base.includes(j)) continue;
        const unit = unitOf(j, base, p);
        if (!canAdd(base, unit, p)) continue;
        const set = base.concat(unit);
        const v = objective(set, p);
        if (v > (improved?.value ?? bestValue) + 1e-9) improved = { set, value: v };
      }
    }
    if (!improved) break;
    best = improved.set;
    bestValue = improved.value;
  }
  return best;
}

/** Marginal gain of each sentence of a set, adding them in order of contribution. */
export function withGains(set: readonly Sentence[], p: SelectionProblem): Chosen[] {
  const out: Chosen[] = [];
  const rest = [...set];
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
