/**
 * Calibration of the ROUGE-1.5.5 reimplementation ({@link scoreSummary}; Lin 2004, "ROUGE: A Package
 * for Automatic Evaluation of Summaries") against the published scores listed in
 * `shared/bench/README.md`: the ten official MultiLing 2011 English submissions, the MultiLing lead
 * baseline, and the two Opinosis reference points (first line of `sentences.txt`, human ceiling).
 */
import {
  type BenchTopic,
  benchDir,
  loadMultiLing,
  loadMultiLingPeers,
  loadOpinosis,
} from './bench-data.js';
import {
  MULTILING_OPTIONS,
  OPINOSIS_OPTIONS,
  type RougeResult,
  averageResults,
  bootstrapAverageResults,
  scoreSummary,
} from './rouge.js';

/** One published number next to ours, in ROUGE points (0..100). */
export interface CalibrationCell {
  /** Measure, e.g. `R-1 R` (ROUGE-1 recall) or `R-1 F`. */
  measure: string;
  published: number;
  /** What ROUGE-1.5.5 itself would print: the bootstrap average over evaluations ({@link bootstrapAverageResults}). */
  ours: number;
  /** The plain mean over evaluations ({@link averageResults}). */
  mean: number;
}

/** A system (or baseline) and its published scores next to ours. */
export interface CalibrationRow {
  label: string;
  cells: CalibrationCell[];
}

/** Published recall (%) of the MultiLing 2011 English submissions under the official settings. */
export const PUBLISHED_MULTILING: Readonly<
  Record<string, readonly [r1: number, r2: number, su4: number]>
> = {
  ID1: [40.57, 12.16, 16.03],
  ID2: [46.48, 17.05, 20.23],
  ID3: [43.19, 17.35, 19.95],
  ID4: [44.4, 15.15, 19.07],
  ID5: [41.1, 13.61, 17.48],
  ID6: [35.5, 10.67, 14.59],
  ID7: [39.59, 9.67, 14.51],
  ID8: [38.71, 12.14, 15.65],
  ID9: [38.12, 10.98, 14.82],
  ID10: [52.5, 25.19, 27.26],
};

/** Published recall (%) of the MultiLing lead baseline (see {@link leadBaselineSummary}). */
export const PUBLISHED_MULTILING_LEAD = [39.45, 14.86, 17.53] as const;

/** Published Opinosis first-line baseline: ROUGE-1 recall, ROUGE-1 F, ROUGE-2 recall (%). */
export const PUBLISHED_OPINOSIS_FIRST_LINE = [23.05, 22.63, 4.35] as const;

/** Published Opinosis human ceiling: ROUGE-1 R/P/F, ROUGE-2 R, ROUGE-SU4 R (%). */
export const PUBLISHED_OPINOSIS_HUMAN = [33.2, 36.08, 32.47, 9.45, 15.51] as const;

/** The largest |ours − published| for which a number counts as reproduced, in points. */
export const CALIBRATION_TOLERANCE = 0.3;

type Pick = (r: RougeResult) => number;
const R1: Pick = (r) => r.rouge1.recall;
const R1P: Pick = (r) => r.rouge1.precision;
const R1F: Pick = (r) => r.rouge1.f;
const R2: Pick = (r) => r.rouge2.recall;
const SU4: Pick = (r) => r.rougeSU4.recall;

function row(
  label: string,
  perEvaluation: readonly RougeResult[],
  measures: readonly [string, Pick][],
  published: readonly number[],
): CalibrationRow {
  const boot = bootstrapAverageResults(perEvaluation);
  const mean = averageResults(perEvaluation);
  return {
    label,
    cells: measures.map(([measure, pick], i) => ({
      measure,
      published: published[i]!,
      ours: 100 * pick(boot),
      mean: 100 * pick(mean),
    })),
  };
}

/**
 * The "first sentence of each article in file order until 250 words" baseline, in the reading that
 * reproduces the published 39.45 / 14.86 / 17.53: an article's "first sentence" is its text from the
 * start of the file up to and including the first `.`, `!` or `?` (so the headline and the dateline,
 * which have no final stop, come with the lead sentence, and a headline such as "Dec. 2004 Sumatra
 * quake…" ends at "Dec."); "250 words" counts whitespace-separated words; whole sentences are taken
 * in file order while the total stays at most 250, stopping at the first one that would exceed it.
 */
export function leadBaselineSummary(topic: BenchTopic, maxWords = 250): string {
  const out: string[] = [];
  let words = 0;
  for (const doc of topic.documents) {
    const text = doc.text.trim();
    const sentence = /^[^.!?]*[.!?]/.exec(text)?.[0] ?? text;
    const n = sentence.split(/\s+/).filter((w) => w.length > 0).length;
    if (words + n > maxWords) break;
    out.push(sentence);
    words += n;
  }
  return out.join('\n');
}

/** The Opinosis first-line baseline: the first line of the topic's `sentences.txt`. */
export function opinosisFirstLine(topic: BenchTopic): string {
  return topic.documents[0]!.text.split('\n')[0]!;
}

/** Result of {@link calibrateMultiLing}. */
export interface MultiLingCalibration {
  /** One row per official submission, ID1 … ID10. */
  peers: CalibrationRow[];
  /** The lead baseline ({@link leadBaselineSummary}). */
  leadBaseline: CalibrationRow;
  /** Largest |ours − published| over all peers and measures. */
  maxAbsDiff: number;
}

const MULTILING_MEASURES: [string, Pick][] = [
  ['R-1 R', R1],
  ['R-2 R', R2],
  ['SU4 R', SU4],
];

/**
 * Scores every MultiLing 2011 English submission in `multiling2011-en-peers/` against the topic
 * references with {@link MULTILING_OPTIONS}, plus the lead baseline, next to the published recall.
 * Topics are evaluated in sorted order, as ROUGE-1.5.5 sorts its evaluation ids.
 */
export function calibrateMultiLing(dir: string = benchDir()): MultiLingCalibration {
  const topics = loadMultiLing(dir);
  const peers = loadMultiLingPeers(dir);
  const rows: CalibrationRow[] = [];
  let maxAbsDiff = 0;
  for (const [peer, byTopic] of Object.entries(peers)) {
    const published = PUBLISHED_MULTILING[peer];
    if (!published) continue;
    const perTopic = topics
      .filter((t) => byTopic[t.topic] !== undefined)
      .map((t) => scoreSummary(byTopic[t.topic]!, t.references, MULTILING_OPTIONS));
    const r = row(peer, perTopic, MULTILING_MEASURES, published);
    for (const cell of r.cells)
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(cell.ours - cell.published));
    rows.push(r);
  }
  const lead = topics.map((t) =>
    scoreSummary(leadBaselineSummary(t), t.references, MULTILING_OPTIONS),
  );
  return {
    peers: rows,
    leadBaseline: row('lead baseline', lead, MULTILING_MEASURES, PUBLISHED_MULTILING_LEAD),
    maxAbsDiff,
  };
}

/** Result of {@link calibrateOpinosis}. */
export interface OpinosisCalibration {
  firstLine: CalibrationRow;
  humanCeiling: CalibrationRow;
}

/**
 * The Opinosis human ceiling: each reference scored against the other references of its topic
 * (stemming, stop words removed), next to the published figures.
 */
export function opinosisHumanCeiling(references: readonly (readonly string[])[]): CalibrationRow {
  const human = references.flatMap((refs) =>
    refs.map((ref, i) =>
      scoreSummary(
        ref,
        refs.filter((_, j) => j !== i),
        OPINOSIS_OPTIONS,
      ),
    ),
  );
  return row(
    'human (each ref vs the others)',
    human,
    [
      ['R-1 R', R1],
      ['R-1 P', R1P],
      ['R-1 F', R1F],
      ['R-2 R', R2],
      ['SU4 R', SU4],
    ],
    PUBLISHED_OPINOSIS_HUMAN,
  );
}

/**
 * The two Opinosis reference points with {@link OPINOSIS_OPTIONS}: the first line of `sentences.txt`
 * (one evaluation per topic), and the human ceiling, where every reference is scored against the
 * other references of its topic, each (topic, reference) pair being one evaluation.
 */
export function calibrateOpinosis(dir: string = benchDir()): OpinosisCalibration {
  const topics = loadOpinosis(dir);
  const first = topics.map((t) =>
    scoreSummary(opinosisFirstLine(t), t.references, OPINOSIS_OPTIONS),
  );
  return {
    firstLine: row(
      'first line of sentences.txt',
      first,
      [
        ['R-1 R', R1],
        ['R-1 F', R1F],
        ['R-2 R', R2],
      ],
      PUBLISHED_OPINOSIS_FIRST_LINE,
    ),
    humanCeiling: opinosisHumanCeiling(topics.map((t) => t.references)),
  };
}

const num = (x: number): string => x.toFixed(2).padStart(6);
/** ours − published on the two-decimal values shown, so that a 5-decimal residue does not print as -0.00. */
const diffShown = (c: CalibrationCell): string => {
  const d = Number(c.ours.toFixed(2)) - c.published;
  return ((d >= 0 ? '+' : '') + d.toFixed(2)).padStart(6);
};

/**
 * Plain-text table of calibration rows: per measure the published value, ours (what ROUGE-1.5.5
 * prints, its bootstrap average), the difference, and the plain mean over evaluations.
 */
export function formatCalibration(title: string, rows: readonly CalibrationRow[]): string {
  const width = Math.max(...rows.map((r) => r.label.length), 6);
  const measures = rows[0]?.cells.map((c) => c.measure) ?? [];
  const cellWidth = 27;
  return [
    title,
    `${''.padEnd(width)} | ${measures.map((m) => m.padEnd(cellWidth)).join(' | ')}`,
    `${''.padEnd(width)} | ${measures.map(() => '   pub   ours   diff   mean'.padEnd(cellWidth)).join(' | ')}`,
    ...rows.map(
      (r) =>
        `${r.label.padEnd(width)} | ${r.cells
          .map((c) => `${num(c.published)} ${num(c.ours)} ${diffShown(c)} ${num(c.mean)}`)
          .join(' | ')}`,
    ),
  ]
    .map((line) => line.trimEnd())
    .join('\n');
}

/** The whole calibration report (MultiLing peers, lead baseline, Opinosis), as printed by `tools/eval/calibrate-rouge.ts`. */
export function calibrationReport(dir: string = benchDir()): { text: string; maxAbsDiff: number } {
  const ml = calibrateMultiLing(dir);
  const op = calibrateOpinosis(dir);
  const text = [
    formatCalibration('MultiLing 2011 English, official submissions (recall, %)', ml.peers),
    `largest |diff| over the submissions: ${ml.maxAbsDiff.toFixed(2)} (tolerance ${CALIBRATION_TOLERANCE})`,
    '',
    formatCalibration('MultiLing 2011 English, lead baseline (recall, %)', [ml.leadBaseline]),
    '',
    formatCalibration('Opinosis, first line of sentences.txt (%)', [op.firstLine]),
    '',
    formatCalibration('Opinosis, human ceiling (%)', [op.humanCeiling]),
  ].join('\n');
  return { text, maxAbsDiff: ml.maxAbsDiff };
}
