import type { ExactLimits } from './exact.js';

/**
 * The constants of the selection. `positionScale`, `leadBonus`, `minSupport` and `minWords` are
 * chosen by leave-one-topic-out on MultiLing 2011 from the grid `SELECTION_GRID` (`npm run eval`
 * prints the held-out score and the choice of each fold; these defaults are the choice on all
 * ten topics); the others are not tuned on the benchmark (see docs/quality.md).
 */
export interface SelectionConstants {
  /** Sentences shorter than this many words are not extracted (fragments, captions). */
  readonly minWords: number;
  /** Sentences longer than this are not extracted (run-ons, lists flattened into one line). */
  readonly maxWords: number;
  /** Weight of the lead prior: concepts seen in a document's opening sentences count more. */
  readonly leadBonus: number;
  /** Number of opening sentences of each document that count as its lead. */
  readonly leadSentences: number;
  /** Fewest documents (or sentences, for fewer than three documents) a concept must appear in. */
  readonly minSupport: number;
  /** Most candidates the selection considers (the best by standalone value per word). */
  readonly maxCandidates: number;
  /** Position decay: an occurrence at sentence position p counts 1 / (1 + p / positionScale) (0 = off). */
  readonly positionScale: number;
  /** Two sentences sharing at least this share of the smaller one's content words are redundant. */
  readonly redundantOverlap: number;
  /** `exact`: the ILP solved by HiGHS (greedy when its limits stop it); `greedy`: greedy + swaps only. */
  readonly solver: 'exact' | 'greedy';
}

/** The selection's constants, fixed for all corpora. */
export const SELECTION: SelectionConstants = {
  minWords: 4,
  maxWords: 70,
  leadBonus: 1,
  leadSentences: 2,
  minSupport: 2,
  maxCandidates: 2000,
  positionScale: 2,
  redundantOverlap: 0.5,
  solver: 'exact',
};

/** The grid leave-one-topic-out chooses the tuned constants from (declared before any run). */
export const SELECTION_GRID = {
  positionScale: [0, 1, 2, 4, 8],
  leadBonus: [0, 0.5, 1],
  minSupport: [2, 3],
  minWords: [4, 6, 8],
} as const;

/**
 * Work limits of the exact solver, all deterministic but the last: the same problem stops at the
 * same point on any machine and load, so the same corpus gives the same summary. Up to 200
 * candidates the ILP takes them all (every MultiLing topic has fewer than 170); a larger pool
 * (a whole corpus) is solved over its 200 strongest candidates by value per word, which costs
 * about what greedy costs on the whole pool. The wall-clock cap is only a safety net against a
 * pathological input (far above any solve seen on the benchmarks); when it stops a solve, the
 * greedy answer is used instead.
 */
export const EXACT_LIMITS: ExactLimits = {
  maxCandidates: 200,
  maxNodes: 2000,
  maxRounds: 25,
  safetySeconds: 10,
};
