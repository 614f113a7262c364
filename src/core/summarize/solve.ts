import type { Sentence } from '../segment/index.js';
import { EXACT_LIMITS } from './constants.js';
import { type ExactLimits, type ExactResult, solveExact } from './exact.js';
import { objective, type SelectionProblem, selectSentences } from './select.js';

/** How a selection was made: what the eval reports (limit hits, nodes, time in the solver). */
export interface SolveReport {
  readonly solver: 'exact' | 'greedy';
  /** The exact solver's status (absent for `greedy`). */
  readonly status?: ExactResult['status'];
  /** Which answer was kept: the exact one, or greedy's (fallback, or a better incumbent). */
  readonly kept: 'exact' | 'greedy';
  readonly nodes: number;
  readonly solves: number;
  /** Candidates the solver took (the exact solver: at most `maxCandidates` of them). */
  readonly candidates: number;
  /** Milliseconds of wall clock and of process CPU spent in the solver (building the model included). */
  readonly ms: number;
  readonly cpuMs: number;
}

/** Most candidates for which pairs are tested up front (beyond it, conflicts are all lazy). */
const MAX_UPFRONT = 600;

/**
 * Pairs of candidates known to be redundant before solving, stated as constraints so the solver
 * rarely needs a round of the lazy loop: pairs that share a weighted concept (the ones the optimum
 * would otherwise take together) and are `similar`, and pairs that state the fact of one sentence
 * in a third file.
 */
function exclusivePairs(cands: readonly Sentence[], p: SelectionProblem): [number, number][] {
  if (cands.length > MAX_UPFRONT) return [];
  const n = cands.length;
  const tested = new Set<number>();
  const out: [number, number][] = [];
  const test = (a: number, b: number, redundant: boolean | undefined) => {
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (a === b || tested.has(key)) return;
    tested.add(key);
    if (redundant ?? p.similar?.(cands[a]!, cands[b]!)) out.push([Math.min(a, b), Math.max(a, b)]);
  };
  const groups = (of: (s: Sentence) => Iterable<number>) => {
    const by = new Map<number, number[]>();
    cands.forEach((s, j) => {
      for (const key of of(s)) {
        const list = by.get(key);
        if (!list) by.set(key, [j]);
        else if (list[list.length - 1] !== j) list.push(j);
      }
    });
    return by.values();
  };
  if (p.corroborators)
    for (const list of groups((s) => p.corroborators!(s)))
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) test(list[x]!, list[y]!, true);
  if (p.similar)
    for (const list of groups((s) => Array.from(p.concepts(s)).filter((c) => p.weight(c) > 0)))
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) test(list[x]!, list[y]!, undefined);
  return out.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
}

/**
 * The `k` candidates of best standalone value per word (ties: corpus order), with the
 * antecedents they need: the exact solver's pool when there are more candidates than that.
 */
function strongest(
  cands: readonly Sentence[],
  p: SelectionProblem,
  k: number,
): readonly Sentence[] {
  if (cands.length <= k) return cands;
  const keep = new Set(
    cands
      .map((s) => ({ s, v: objective([s], p) / Math.max(1, p.length(s)) }))
      .sort((a, b) => b.v - a.v || a.s.id - b.s.id)
      .slice(0, k)
      .map((x) => x.s),
  );
  for (const s of [...keep])
    for (let a = p.antecedent?.(s); a && !keep.has(a); a = p.antecedent?.(a)) keep.add(a);
  return cands.filter((s) => keep.has(s));
}

/**
 * The selection by the exact ILP (Gillick & Favre 2009) over the candidates (the strongest
 * `limits.maxCandidates` of a larger pool), with the greedy + swaps answer over all candidates
 * as the fallback: when the node or round limit stops the search, the better of HiGHS's
 * incumbent and greedy's answer is kept (both deterministic); when the safety time cap or an
 * error stops it, greedy's. `greedy` runs the greedy alone.
 */
export function solveSelection(
  all: readonly Sentence[],
  p: SelectionProblem,
  solver: 'exact' | 'greedy',
  report?: (r: SolveReport) => void,
  limits: ExactLimits = EXACT_LIMITS,
): Sentence[] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let cands = all;
  const done = (chosen: Sentence[], r: Omit<SolveReport, 'ms' | 'cpuMs' | 'candidates'>) => {
    const c = process.cpuUsage(c0);
    report?.({
      ...r,
      candidates: cands.length,
      ms: performance.now() - t0,
      cpuMs: (c.user + c.system) / 1000,
    });
    return chosen;
  };
  if (solver === 'greedy')
    return done(selectSentences(cands, p), { solver, kept: 'greedy', nodes: 0, solves: 0 });
  cands = strongest(cands, p, limits.maxCandidates);
  const at = new Map(cands.map((s, j) => [s.id, j]));
  const result = solveExact(
    {
      lengths: cands.map((s) => p.length(s)),
      concepts: cands.map((s) => p.concepts(s)),
      factors: cands.map((s) => p.factor(s)),
      weight: (c) => p.weight(c),
      maxWords: p.maxWords,
      maxSentences: p.maxSentences,
      requires: cands.map((s) => {
        const a = p.antecedent?.(s);
        return a ? at.get(a.id) : undefined;
      }),
      exclusive: exclusivePairs(cands, p),
      conflict: (a, b) => p.redundant(cands[a]!, cands[b]!),
    },
    limits,
  );
  const { status, nodes, solves } = result;
  const exact = result.chosen.map((j) => cands[j]!);
  if (status === 'optimal') return done(exact, { solver, status, kept: 'exact', nodes, solves });
  const fallback = selectSentences(all, p);
  const keepExact = status === 'node-limit' && objective(exact, p) > objective(fallback, p);
  return done(keepExact ? exact : fallback, {
    solver,
    status,
    kept: keepExact ? 'exact' : 'greedy',
    nodes,
    solves,
  });
}
