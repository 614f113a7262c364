import { type Highs, highsRuntime } from './highs-runtime.js';

/**
 * Budgeted concept coverage solved exactly as an integer linear programme (Gillick & Favre
 * 2009, "A Scalable Global Model for Summarization"; the ICSISumm formulation): binary x_j per
 * sentence, z per concept, maximise Σ w_c z_c subject to z_c ≤ Σ_{j ∋ c} x_j, the word and
 * sentence budgets, and the readability constraints of the selection. Solved with HiGHS
 * (branch and cut, relative gap 0, so the optimum is proven), under a deterministic node limit.
 */

/** One coverage problem over candidates 0..n-1 (indexes, not sentence ids). */
export interface CoverageProblem {
  /** Words of each candidate. */
  readonly lengths: readonly number[];
  /** Concept ids of each candidate (duplicates are ignored). */
  readonly concepts: readonly ArrayLike<number>[];
  /** Relevance factor of each candidate in (0, 1] (all 1 without a query). */
  readonly factors?: readonly number[];
  /** Weight of a concept (≤ 0: the concept does not count). */
  readonly weight: (concept: number) => number;
  readonly maxWords: number;
  readonly maxSentences: number;
  /** Candidate j may be chosen only with candidate `requires[j]` (its antecedent). */
  readonly requires?: readonly (number | undefined)[];
  /** Pairs of candidates known up front never to be chosen together. */
  readonly exclusive?: readonly (readonly [number, number])[];
  /** True when two candidates must not both be chosen; checked on each solution, added lazily. */
  readonly conflict?: (a: number, b: number) => boolean;
}

/** Work limits of one exact solve. */
export interface ExactLimits {
  /** Most candidates the exact solver takes (the best by standalone value per word beyond it). */
  readonly maxCandidates: number;
  /** Pools of at most this many candidates are searched exhaustively instead (cheaper than a model). */
  readonly enumerateUpTo?: number;
  /** Branch-and-bound nodes per solve (deterministic: the same input stops at the same node). */
  readonly maxNodes: number;
  /** Solves while conflict constraints are added to the model. */
  readonly maxRounds: number;
  /** Wall-clock safety cap in seconds (a machine-dependent stop: the result then falls back). */
  readonly safetySeconds: number;
}

/** What an exact solve returned. */
export interface ExactResult {
  /** Chosen candidates, ascending (empty unless `status` is `optimal` or `node-limit`). */
  readonly chosen: number[];
  /**
   * `optimal`: proven optimal; `node-limit`: the node or round limit stopped the search (the
   * incumbent is deterministic, but not proven); `time-limit`: the safety cap stopped it (not
   * reproducible, so nothing is returned); `error`: HiGHS failed.
   */
  readonly status: 'optimal' | 'node-limit' | 'time-limit' | 'error';
  /** Branch-and-bound nodes over all solves. */
  readonly nodes: number;
  /** Solves (1 + rounds in which conflicts were added). */
  readonly solves: number;
}

/** Appends CSR rows. */
class Rows {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly upper: number[] = [];
  /** Σ values·x over `cols` ≤ `hi`. */
  add(cols: readonly number[], values: readonly number[], hi: number): void {
    cols.forEach((c, k) => {
      this.indices.push(c);
      this.values.push(values[k]!);
    });
    this.starts.push(this.indices.length);
    this.upper.push(hi);
  }
}

/**
 * The coverage terms of the objective: Σ_c w_c · (best factor of a chosen coverer), written as a
 * telescoping sum over factor levels (one level without a query), each term a weight and the
 * candidates that earn it. Terms earned by the same candidates are merged (phrases whose
 * bigrams always occur together), so the model is smaller but its optimum the same.
 */
function coverageTerms(p: CoverageProblem): Map<string, { weight: number; by: number[] }> {
  const n = p.lengths.length;
  const factor = (j: number) => p.factors?.[j] ?? 1;
  const coverers = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    for (const c of Array.from(p.concepts[j]!)) {
      if (!(p.weight(c) > 0)) continue;
      const list = coverers.get(c);
      if (!list) coverers.set(c, [j]);
      else if (list[list.length - 1] !== j) list.push(j);
    }
  }
  const terms = new Map<string, { weight: number; by: number[] }>();
  for (const c of [...coverers.keys()].sort((a, b) => a - b)) {
    const list = coverers.get(c)!;
    const levels = [...new Set(list.map(factor))].sort((a, b) => b - a);
    levels.forEach((f, k) => {
      const by = list.filter((j) => factor(j) >= f);
      const w = p.weight(c) * (f - (levels[k + 1] ?? 0));
      const key = by.join(',');
      const t = terms.get(key);
      if (t) t.weight += w;
      else terms.set(key, { weight: w, by });
    });
  }
  return terms;
}

/**
 * The ILP as CSR rows. Columns: x_0..x_{n-1}, then one z per coverage term earned by two or
 * more candidates (a term of one candidate is that candidate's own objective coefficient).
 */
function build(p: CoverageProblem, highs: Highs): Parameters<Highs['createModel']>[0] {
  const n = p.lengths.length;
  const cost: number[] = new Array<number>(n).fill(0);
  const rows = new Rows();
  for (const { weight, by } of coverageTerms(p).values()) {
    if (by.length === 1) {
      cost[by[0]!]! += weight;
      continue;
    }
    const z = cost.length;
    cost.push(weight);
    rows.add([z, ...by], [1, ...by.map(() => -1)], 0);
  }
  const all = p.lengths.map((_, j) => j);
  rows.add(all, p.lengths, p.maxWords);
  rows.add(
    all,
    all.map(() => 1),
    p.maxSentences,
  );
  p.requires?.forEach((r, j) => {
    if (r !== undefined) rows.add([j, r], [1, -1], 0);
  });
  for (const [a, b] of p.exclusive ?? []) rows.add([a, b], [1, 1], 1);
  const cols = cost.length;
  const integrality = new Int32Array(cols);
  for (let j = 0; j < n; j++) integrality[j] = highs.constants.variableType.integer;
  const numRows = rows.upper.length;
  const data = {
    numCols: cols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper: Float64Array.from(rows.upper),
    matrix: {
      format: 'csr',
      numRows,
      numCols: cols,
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.indices),
      values: Float64Array.from(rows.values),
    },
    integrality,
  } as const;
  return data;
}

/** Pairs of chosen candidates in conflict, each once, in index order. */
function conflictsAmong(chosen: readonly number[], p: CoverageProblem): [number, number][] {
  const out: [number, number][] = [];
  if (!p.conflict) return out;
  for (let a = 0; a < chosen.length; a++)
    for (let b = a + 1; b < chosen.length; b++)
      if (p.conflict(chosen[a]!, chosen[b]!)) out.push([chosen[a]!, chosen[b]!]);
  return out;
}

/**
 * Pools this small are searched exhaustively by default: a HiGHS model costs about 2 ms to build
 * and solve even when trivial, more than the whole search (a query on a small corpus has 3–13).
 */
const ENUMERATE = 12;

/**
 * The best selection of a small pool by depth-first search over every subset within the budgets
 * (exact: the same optimum as the ILP; ties go to the first found, lower indexes first).
 */
function enumerate(p: CoverageProblem): number[] {
  const n = p.lengths.length;
  const factor = (j: number) => p.factors?.[j] ?? 1;
  const concepts = p.concepts.map((cs) =>
    [...new Set(Array.from(cs))].filter((c) => p.weight(c) > 0),
  );
  const exclusive = new Set(
    (p.exclusive ?? []).map(([a, b]) => Math.min(a, b) * n + Math.max(a, b)),
  );
  const clash = (a: number, b: number) =>
    exclusive.has(Math.min(a, b) * n + Math.max(a, b)) || (p.conflict?.(a, b) ?? false);
  const value = (set: readonly number[]) => {
    const best = new Map<number, number>();
    for (const j of set)
      for (const c of concepts[j]!) if ((best.get(c) ?? 0) < factor(j)) best.set(c, factor(j));
    let v = 0;
    for (const [c, f] of best) v += p.weight(c) * f;
    return v;
  };
  let top: number[] = [];
  let topValue = 0;
  const set: number[] = [];
  const visit = (j: number, words: number) => {
    if (j === n) {
      const v = value(set);
      if (v > topValue + 1e-9) {
        top = [...set];
        topValue = v;
      }
      return;
    }
    const r = p.requires?.[j];
    if (
      set.length < p.maxSentences &&
      words + p.lengths[j]! <= p.maxWords &&
      (r === undefined || set.includes(r)) &&
      set.every((k) => !clash(k, j))
    ) {
      set.push(j);
      visit(j + 1, words + p.lengths[j]!);
      set.pop();
    }
    visit(j + 1, words);
  };
  visit(0, 0);
  return top;
}

/**
 * Solves the coverage problem exactly. Conflicts (two sentences that state the same fact) are
 * constraints added lazily: solve, add `x_a + x_b ≤ 1` for every chosen pair in conflict, solve
 * again, until the solution has none (a cutting-plane loop; the final optimum is the optimum of
 * the fully constrained problem, since each added row only removes conflicting solutions).
 * Deterministic for a given problem and limits: HiGHS runs single-threaded with a fixed seed, and
 * the node limit, unlike a time limit, stops every run at the same point.
 */
export function solveExact(p: CoverageProblem, limits: ExactLimits): ExactResult {
  const n = p.lengths.length;
  if (n === 0 || p.maxSentences <= 0 || p.maxWords <= 0)
    return { chosen: [], status: 'optimal', nodes: 0, solves: 0 };
  if (n <= (limits.enumerateUpTo ?? ENUMERATE))
    return { chosen: enumerate(p), status: 'optimal', nodes: 0, solves: 0 };
  const highs = highsRuntime();
  const data = build(p, highs);
  const model = highs.createModel(data);
  let nodes = 0;
  let solves = 0;
  try {
    model.options.set({
      output_flag: false,
      random_seed: 0,
      presolve: 'on',
      mip_rel_gap: 0,
      mip_max_nodes: limits.maxNodes,
      time_limit: limits.safetySeconds,
      // Measured on MultiLing (same optima, about 40% less time): the feasibility-jump and
      // root reduced-cost heuristics find nothing the root's rounding and sub-MIPs do not, and a
      // small cut pool keeps the LP small.
      mip_heuristic_run_feasibility_jump: false,
      mip_heuristic_run_root_reduced_cost: false,
      mip_pool_soft_limit: 100,
    });
    for (;;) {
      const run = model.run();
      solves++;
      nodes += Number(model.info.get('mip_node_count') ?? 0);
      const codes = highs.constants.modelStatus;
      if (run.modelStatus === codes.timeLimit)
        return { chosen: [], status: 'time-limit', nodes, solves };
      const feasible =
        Number(model.info.get('primal_solution_status')) ===
        highs.constants.solutionStatus.feasible;
      if (!feasible) return { chosen: [], status: 'error', nodes, solves };
      const x = model.getSolution().colValue;
      const chosen: number[] = [];
      for (let j = 0; j < n; j++) if (x[j]! > 0.5) chosen.push(j);
      const proven = run.modelStatus === codes.optimal;
      const pairs = conflictsAmong(chosen, p);
      if (pairs.length === 0)
        return { chosen, status: proven ? 'optimal' : 'node-limit', nodes, solves };
      if (solves >= limits.maxRounds) return { chosen: [], status: 'node-limit', nodes, solves };
      for (const [a, b] of pairs)
        model.addRow(-highs.infinity, 1, { indices: Int32Array.of(a, b), values: [1, 1] });
    }
  } catch {
    return { chosen: [], status: 'error', nodes, solves };
  } finally {
    model.dispose();
  }
}

/**
 * Solves one fixed, moderately hard coverage problem and discards the answer. V8 compiles the
 * solver's WebAssembly lazily and optimises it only once it runs hot, so the first few solves of
 * a process take three to five times as long; a server calls this once at start-up (about
 * 0.3 s) so that its first requests do not pay for it. Changes no answer: solving is
 * deterministic whatever ran before.
 */
export function warmUpSolver(): void {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lengths: number[] = [];
  const concepts: number[][] = [];
  for (let j = 0; j < 80; j++) {
    const cs = new Set<number>();
    const k = 4 + Math.floor(rand() * 8);
    while (cs.size < k) cs.add(Math.floor(rand() ** 2 * 300));
    concepts.push([...cs]);
    lengths.push(8 + Math.floor(rand() * 25));
  }
  solveExact(
    {
      lengths,
      concepts,
      weight: (c) => (c < 200 ? 1 + 3 / (1 + c / 20) : 0),
      maxWords: 250,
      maxSentences: 5,
      conflict: (a, b) => (a + b) % 31 === 0,
    },
    { maxCandidates: 200, maxNodes: 50, maxRounds: 5, safetySeconds: 5 },
  );
}
