import type { Summary } from '../../schemas/summary.js';
import {
  buildModel,
  type CorpusModel,
  modelFromTexts,
  storySummaries,
  summarize,
} from '../../src/core/index.js';
import type { BenchTopic } from './bench-data.js';
import {
  bootstrapAverageResults,
  scoreSummary,
  type RougeOptions,
  type RougeResult,
} from './rouge.js';

/** One system's summaries of a benchmark, their ROUGE scores and the time each took. */
export interface SystemRun {
  readonly summaries: { topic: string; text: string }[];
  readonly scores: RougeResult;
  /** Milliseconds per topic: building the model from the texts and summarizing. */
  readonly millis: number[];
  /** Each topic's summary with the model it was made from (for the readability report). */
  readonly items: { summary: Summary; model: CorpusModel }[];
}

/** Summary text as a ROUGE scorer sees it: one sentence per line. */
export function summaryLines(summary: Summary): string {
  return summary.sentences.map((s) => s.text).join('\n');
}

/**
 * Runs citesum on every topic of a benchmark (the same core the service uses: the documents go
 * through line classification, segmentation, indexing and the summarizer) and scores each summary
 * with ROUGE against the topic's references; the average is ROUGE-1.5.5's bootstrap average.
 */
export function runCitesum(
  topics: readonly BenchTopic[],
  maxWords: number,
  options: RougeOptions,
): SystemRun {
  const summaries: { topic: string; text: string }[] = [];
  const results: RougeResult[] = [];
  const millis: number[] = [];
  const items: { summary: Summary; model: CorpusModel }[] = [];
  for (const t of topics) {
    const start = performance.now();
    const model = modelFromTexts(t.documents, { topics: false });
    const summary = summarize(model, { maxWords, maxSentences: 1000 })!;
    millis.push(performance.now() - start);
    items.push({ summary, model });
    const text = summaryLines(summary);
    summaries.push({ topic: t.topic, text });
    results.push(scoreSummary(text, t.references, options));
  }
  return { summaries, scores: bootstrapAverageResults(results), millis, items };
}

/** Scores fixed summaries (a baseline or a published system) the same way. */
export function scoreFixed(
  topics: readonly BenchTopic[],
  summarizeTopic: (t: BenchTopic) => string,
  options: RougeOptions,
): RougeResult {
  return bootstrapAverageResults(
    topics.map((t) => scoreSummary(summarizeTopic(t), t.references, options)),
  );
}

/** Citation health of a corpus's summaries: every citation re-checked against the files. */
export interface CitationAudit {
  summaries: number;
  sentences: number;
  citations: number;
  /** Citations whose quote is exactly the file text at their offsets and whose lines match. */
  exact: number;
  /** Citations touching a line that is not content (boilerplate, heading, blank): must be 0. */
  nonContent: number;
  /** Sentences whose text repeats (same fact) another sentence of the same summary. */
  multiSource: number;
}

/** Kinds of line a citation may point to: content, or a copy of content in another file. */
const CITABLE = new Set(['content', 'duplicate']);

/**
 * Audits the summaries of a model (whole corpus, every topic): re-reads each cited span from the
 * file text, compares it with the quote and the lines, and checks the cited lines are content (or
 * duplicates: a copy's citation).
 */
export function auditCitations(model: CorpusModel, summaries: readonly Summary[]): CitationAudit {
  const audit: CitationAudit = {
    summaries: summaries.length,
    sentences: 0,
    citations: 0,
    exact: 0,
    nonContent: 0,
    multiSource: 0,
  };
  for (const summary of summaries) {
    for (const s of summary.sentences) {
      audit.sentences++;
      if (s.support > 1) audit.multiSource++;
      for (const c of s.citations) {
        audit.citations++;
        const file = model.byId.get(c.file);
        if (!file) continue;
        const quote = file.text.slice(c.offsets.start, c.offsets.end);
        const first = file.lineIndex.lineAt(c.offsets.start);
        const last = file.lineIndex.lineAt(Math.max(c.offsets.start, c.offsets.end - 1));
        if (
          quote === c.quote &&
          first === c.lines.start &&
          last === c.lines.end &&
          file.sha256 === c.sha256
        )
          audit.exact++;
        const table = model.lines.get(c.file) ?? [];
        for (let n = c.lines.start; n <= c.lines.end; n++)
          if (!CITABLE.has(table[n - 1]?.kind ?? '')) audit.nonContent++;
      }
    }
  }
  return audit;
}

/**
 * The summaries `npm run eval` audits on a served corpus: the corpus summary, each story's and
 * each facet's.
 */
export function corpusSummaries(model: CorpusModel): Summary[] {
  return [
    summarize(model, { maxSentences: 10 })!,
    ...storySummaries(model).flatMap((s) => [s, ...s.facets]),
  ];
}

export { buildModel };
