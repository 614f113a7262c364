import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CoverageProblem, solveExact } from '../../../src/core/summarize/exact.js';

const LIMITS = { maxCandidates: 1000, maxNodes: 100_000, maxRounds: 100, safetySeconds: 60 };
/** The same, with HiGHS on every pool (no exhaustive search of small ones). */
const HIGHS = { ...LIMITS, enumerateUpTo: 0 };

interface Instance {
  readonly problem: CoverageProblem;
  readonly weights: readonly number[];
  readonly pairs: readonly (readonly [number, number])[];
}

/** Objective of a selection: each concept once, at the best factor among its chosen coverers. */
function value(p: CoverageProblem, weights: readonly number[], chosen: readonly number[]): number {
  const best = new Map<number, number>();
  for (const j of chosen)
    for (const c of Array.from(p.concepts[j]!)) {
      const f = p.factors?.[j] ?? 1;
      if ((best.get(c) ?? 0) < f) best.set(c, f);
    }
  let v = 0;
  for (const [c, f] of best) v += Math.max(0, weights[c]!) * f;
  return v;
}

function feasible(inst: Instance, chosen: readonly number[]): boolean {
  const { problem: p, pairs } = inst;
  const set = new Set(chosen);
  if (chosen.length > p.maxSentences) return false;
  if (chosen.reduce((n, j) => n + p.lengths[j]!, 0) > p.maxWords) return false;
  if (chosen.some((j) => p.requires?.[j] !== undefined && !set.has(p.requires[j]!))) return false;
  return !pairs.some(([a, b]) => set.has(a) && set.has(b));
}

/** The best value over every subset (n ≤ 10). */
function bruteForce(inst: Instance): number {
  const n = inst.problem.lengths.length;
  let best = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = [...Array(n).keys()].filter((j) => mask & (1 << j));
    if (feasible(inst, chosen)) best = Math.max(best, value(inst.problem, inst.weights, chosen));
  }
  return best;
}

const instance: fc.Arbitrary<Instance> = fc
  .record({
    n: fc.integer({ min: 1, max: 9 }),
    weights: fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 12, maxLength: 12 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
    maxWords: fc.integer({ min: 3, max: 60 }),
    maxSentences: fc.integer({ min: 1, max: 5 }),
    query: fc.boolean(),
  })
  .map(({ n, weights, seed, maxWords, maxSentences, query }) => {
    const r = (k: number) => seed[k % seed.length]! + k * 7919;
    const lengths = [...Array(n).keys()].map((j) => 1 + (r(j) % 20));
    const concepts = [...Array(n).keys()].map((j) =>
      [...Array(1 + (r(j + 11) % 5)).keys()].map((k) => r(j * 5 + k + 3) % 12),
    );
    const factors = query
      ? [...Array(n).keys()].map((j) => [1, 0.5, 0.25][r(j + 29) % 3]!)
      : undefined;
    const requires = [...Array(n).keys()].map((j) =>
      j > 0 && r(j + 17) % 4 === 0 ? j - 1 : undefined,
    );
    const pairs: [number, number][] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) if (r(a * 13 + b) % 7 === 0) pairs.push([a, b]);
    // Half the conflicts are known up front, the other half only found on a solution.
    const exclusive = pairs.filter((_, k) => k % 2 === 0);
    const lazy = new Set(pairs.filter((_, k) => k % 2 === 1).map(([a, b]) => a * 100 + b));
    const problem: CoverageProblem = {
      lengths,
      concepts,
      ...(factors ? { factors } : {}),
      weight: (c) => weights[c]!,
      maxWords,
      maxSentences,
      requires,
      exclusive,
      conflict: (a, b) => lazy.has(Math.min(a, b) * 100 + Math.max(a, b)),
    };
    return { problem, weights, pairs };
  });

describe('the exact coverage solver', () => {
  it('finds the best selection any subset gives, within every constraint (brute force on small instances)', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const best = bruteForce(inst);
        for (const limits of [HIGHS, LIMITS]) {
          const r = solveExact(inst.problem, limits);
          expect(r.status).toBe('optimal');
          expect(feasible(inst, r.chosen)).toBe(true);
          expect(value(inst.problem, inst.weights, r.chosen)).toBeCloseTo(best, 9);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('never exceeds the word or sentence budget, also when the node limit stops the search', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom(1, 3, 100_000), (inst, maxNodes) => {
        const r = solveExact(inst.problem, { ...HIGHS, maxNodes });
        const words = r.chosen.reduce((n, j) => n + inst.problem.lengths[j]!, 0);
        expect(words).toBeLessThanOrEqual(inst.problem.maxWords);
        expect(r.chosen.length).toBeLessThanOrEqual(inst.problem.maxSentences);
        if (r.chosen.length) expect(feasible(inst, r.chosen)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same answer for the same problem, also where the node limit stops the search', () => {
    // Dense, Zipf-like concepts: hard enough for branch and bound to stop at one or five nodes.
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lengths: number[] = [];
    const concepts: number[][] = [];
    for (let j = 0; j < 60; j++) {
      const cs = new Set<number>();
      const k = 5 + Math.floor(rand() * 15);
      while (cs.size < k) cs.add(Math.floor(rand() ** 2 * 400));
      concepts.push([...cs].sort((a, b) => a - b));
      lengths.push(8 + Math.floor(rand() * 30));
    }
    const problem: CoverageProblem = {
      lengths,
      concepts,
      weight: (c) => (c < 300 ? 1 + 3 / (1 + c / 20) : 0),
      maxWords: 250,
      maxSentences: 10,
    };
    const statuses = new Set<string>();
    for (const maxNodes of [1, 5]) {
      const runs = [0, 1, 2].map(() => solveExact(problem, { ...LIMITS, maxNodes }));
      for (const run of runs) expect(run).toEqual(runs[0]);
      statuses.add(runs[0]!.status);
      expect(runs[0]!.chosen.length).toBeGreaterThan(0);
      expect(runs[0]!.chosen.reduce((n, j) => n + lengths[j]!, 0)).toBeLessThanOrEqual(250);
    }
    expect([...statuses]).toEqual(['node-limit']);
  }, 60_000);

  it('answers an empty problem with an empty selection', () => {
    expect(
      solveExact(
        { lengths: [], concepts: [], weight: () => 1, maxWords: 10, maxSentences: 3 },
        LIMITS,
      ),
    ).toEqual({ chosen: [], status: 'optimal', nodes: 0, solves: 0 });
  });
});
