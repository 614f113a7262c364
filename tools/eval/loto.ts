/**
 * Leave-one-topic-out (LOTO) selection of the summarizer's tuned constants: for each topic, the
 * grid point with the best mean ROUGE-2 recall on the other topics is chosen and the held-out
 * topic is scored with it, so the reported figure never saw its own topic's references. The
 * in-sample figure (the best point on all topics, what the defaults should be) is printed beside.
 */
import type { Summary } from '../../schemas/summary.js';
import { type CorpusModel, summarize } from '../../src/core/index.js';
import type { SelectionConstants, SolveReport } from '../../src/core/summarize/index.js';
import type { BenchTopic } from './bench-data.js';
import {
  bootstrapAverageResults,
  type RougeOptions,
  type RougeResult,
  scoreSummary,
} from './rouge.js';

/** The constants a grid point sets (the rest stay at their defaults). */
export type GridPoint = Partial<SelectionConstants>;

/** Every combination of a grid's values, in declaration order (the first key varies slowest). */
export function gridPoints(
  grid: Readonly<Record<string, readonly (number | string)[]>>,
): GridPoint[] {
  let points: Record<string, number | string>[] = [{}];
  for (const [key, values] of Object.entries(grid))
    points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  return points as GridPoint[];
}

/** One grid point run on every topic: its summaries, their scores and how each was solved. */
export interface GridRun {
  readonly point: GridPoint;
  readonly summaries: Summary[];
  readonly results: RougeResult[];
  readonly reports: SolveReport[];
}

/** Runs every grid point on every topic (models built once per topic, by the caller). */
export function runGrid(
  topics: readonly BenchTopic[],
  models: readonly CorpusModel[],
  points: readonly GridPoint[],
  maxWords: number,
  options: RougeOptions,
): GridRun[] {
  return points.map((point) => {
    const reports: SolveReport[] = [];
    const summaries = models.map((model) =>
      summarize(
        model,
        { maxWords, maxSentences: 1000 },
        { selection: point, onSolve: (r) => reports.push(r) },
      )!,
    );
    const results = summaries.map((s, t) =>
      scoreSummary(s.sentences.map((x) => x.text).join('\n'), topics[t]!.references, options),
    );
    return { point, summaries, results, reports };
  });
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The run with the best mean ROUGE-2 recall over the given topics (ties: the earlier point). */
function best(runs: readonly GridRun[], topics: readonly number[]): GridRun {
  let top = runs[0]!;
  let topScore = -1;
  for (const run of runs) {
    const score = mean(topics.map((t) => run.results[t]!.rouge2.recall));
    if (score > topScore + 1e-12) {
      top = run;
      topScore = score;
    }
  }
  return top;
}

/** What leave-one-topic-out found. */
export interface LotoResult {
  /** ROUGE of the held-out topics, each summarized with the point chosen on the others. */
  readonly heldOut: RougeResult;
  /** The point each fold chose, by held-out topic. */
  readonly folds: readonly { topic: string; point: GridPoint; result: RougeResult }[];
  /** The best point on all topics and its (in-sample) ROUGE. */
  readonly inSample: { point: GridPoint; scores: RougeResult; run: GridRun };
}

/** Leave-one-topic-out over the runs of a grid. */
export function leaveOneTopicOut(
  runs: readonly GridRun[],
  topics: readonly BenchTopic[],
): LotoResult {
  const all = topics.map((_, t) => t);
  const folds = topics.map((topic, t) => {
    const chosen = best(
      runs,
      all.filter((u) => u !== t),
    );
    return { topic: topic.topic, point: chosen.point, result: chosen.results[t]! };
  });
  const top = best(runs, all);
  return {
    heldOut: bootstrapAverageResults(folds.map((f) => f.result)),
    folds,
    inSample: { point: top.point, scores: bootstrapAverageResults(top.results), run: top },
  };
}

/** A grid point as `key=value` pairs, for the report. */
export function pointLabel(point: GridPoint): string {
  return Object.entries(point)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

/** Both solvers under leave-one-topic-out on a benchmark, with the report's lines. */
export interface SolverComparison {
  readonly exact: LotoResult;
  readonly greedy: LotoResult;
  /** Held-out ROUGE-2 recall (%) of exact minus greedy's. */
  readonly gain: number;
  /** The solver that wins held out (exact on a tie: it is never worse on its own objective). */
  readonly winner: 'exact' | 'greedy';
  /** Solves over the whole grid that a limit stopped (node limit or safety time cap). */
  readonly limitHits: number;
  readonly solves: number;
  readonly lines: string[];
}

/**
 * Leave-one-topic-out for the exact and the greedy solver over the same grid and models: the
 * evaluation that decides which solver ships and with which constants.
 */
export function compareSolvers(
  topics: readonly BenchTopic[],
  models: readonly CorpusModel[],
  grid: Readonly<Record<string, readonly (number | string)[]>>,
  maxWords: number,
  options: RougeOptions,
): SolverComparison {
  const points = gridPoints(grid);
  const run = (solver: 'exact' | 'greedy') =>
    runGrid(
      topics,
      models,
      points.map((p) => ({ ...p, solver })),
      maxWords,
      options,
    );
  const exactRuns = run('exact');
  const exact = leaveOneTopicOut(exactRuns, topics);
  const greedy = leaveOneTopicOut(run('greedy'), topics);
  const gain = (exact.heldOut.rouge2.recall - greedy.heldOut.rouge2.recall) * 100;
  const reports = exactRuns.flatMap((r) => r.reports);
  const limitHits = reports.filter((r) => r.status !== 'optimal').length;
  const pct = (x: number) => (x * 100).toFixed(2);
  const lines = [
    `grid (${points.length} points): ${Object.entries(grid)
      .map(([k, v]) => `${k} ∈ {${v.join(', ')}}`)
      .join(' × ')}, chosen by mean ROUGE-2 recall on the other ${topics.length - 1} topics`,
    ...(['exact', 'greedy'] as const).map((name) => {
      const l = name === 'exact' ? exact : greedy;
      return `${name.padEnd(6)} held out R-1 ${pct(l.heldOut.rouge1.recall)} R-2 ${pct(l.heldOut.rouge2.recall)} SU4 ${pct(l.heldOut.rougeSU4.recall)} · in sample R-2 ${pct(l.inSample.scores.rouge2.recall)} at ${pointLabel(l.inSample.point)} · folds: ${l.folds.map((f) => `${f.topic} ${pointLabel(f.point).replace(/ ?solver=\w+/u, '')}`).join('; ')}`;
    }),
    `exact − greedy, held out ROUGE-2: ${gain >= 0 ? '+' : ''}${gain.toFixed(2)} points → ${gain >= 0 ? 'exact' : 'greedy'} wins`,
    `exact solver over the grid: ${reports.length} solves, ${limitHits} stopped by a limit (node limit ${reports.filter((r) => r.status === 'node-limit').length}, safety time cap ${reports.filter((r) => r.status === 'time-limit').length}, errors ${reports.filter((r) => r.status === 'error').length}); branch-and-bound nodes median ${median(reports.map((r) => r.nodes))}, max ${Math.max(0, ...reports.map((r) => r.nodes))}`,
  ];
  return {
    exact,
    greedy,
    gain,
    winner: gain >= 0 ? 'exact' : 'greedy',
    limitHits,
    solves: reports.length,
    lines,
  };
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
