import type { StorySummary, Summary } from '../../../schemas/summary.js';
import { DEFAULT_MAX_SENTENCES, DEFAULT_MAX_WORDS } from '../limits.js';
import type { CorpusModel } from '../model.js';
import { copyCitations, type SummarizeContext, summarizeSentences } from '../summarize/index.js';
import { countWords } from '../text/index.js';
import { findTopic } from './topics.js';

/** What a summary is of and how long it may be. */
export interface SummaryRequest {
  /** Summarize one topic (by id). */
  topicId?: string;
  /** Query-focused summary: the sentences most relevant to this text. */
  query?: string;
  /** At most this many sentences (default 5). */
  maxSentences?: number;
  /** At most this many words in all (default 250); never exceeded. */
  maxWords?: number;
}

/** A request with its defaults applied and its query trimmed (empty → absent). */
export function normalizeSummaryRequest(
  request: SummaryRequest,
): Required<Omit<SummaryRequest, 'topicId' | 'query'>> & SummaryRequest {
  const query = request.query?.trim() || undefined;
  return {
    ...(request.topicId !== undefined ? { topicId: request.topicId } : {}),
    ...(query ? { query } : {}),
    maxSentences: request.maxSentences ?? DEFAULT_MAX_SENTENCES,
    maxWords: request.maxWords ?? DEFAULT_MAX_WORDS,
  };
}

/** The cache key of a summary request: equal keys, equal summaries (on one model). */
export function summaryKey(request: SummaryRequest): string {
  const r = normalizeSummaryRequest(request);
  return [r.topicId ?? '', r.query ?? '', r.maxSentences, r.maxWords].join('\u0000');
}

/** What the evaluation may change in a summary request: other constants, solver statistics. */
export type SummarizeOptions = Pick<SummarizeContext, 'selection' | 'onSolve'>;

/**
 * A cited summary of a topic, of the whole corpus, or for a query (query-focused; combined
 * with `topicId` it is focused within that topic). Returns `undefined` for an unknown topic.
 */
export function summarize(
  model: CorpusModel,
  request: SummaryRequest = {},
  options: SummarizeOptions = {},
): Summary | undefined {
  const { topicId, query, maxSentences, maxWords } = normalizeSummaryRequest(request);
  let topic: ReturnType<typeof findTopic>;
  if (topicId !== undefined) {
    topic = findTopic(model, topicId);
    if (!topic) return undefined;
  }
  // A topic is summarized within its story, as if its documents had been posted on their own.
  const story = topic ? model.storyContext(topic.topic.parent ?? topic.topic.id) : undefined;
  const pool = story
    ? topic!.sentenceIds.map((id) => story.sentences[story.local.get(id)!]!)
    : model.sentences;
  const sentences = summarizeSentences(pool, {
    all: story ? story.sentences : model.sentences,
    index: story ? story.index : model.index,
    files: model.byId,
    hrefFor: model.hrefFor,
    maxSentences,
    maxWords,
    ...(query ? { query } : {}),
    ...(topic ? {} : { weights: model.corpusWeights() }),
    copies: (s) => copyCitations(s, model),
    ...options,
  });
  const wordCount = sentences.reduce((n, s) => n + countWords(s.text), 0);
  return {
    ...(topic ? { topic: topic.topic } : {}),
    ...(query ? { query } : {}),
    sentences,
    wordCount,
    corpus: model.fingerprint,
  };
}

/**
 * Every story's summary with each of its facets' summaries (two levels), under one budget per
 * summary: what the command line prints and `POST /v1/summarize` answers with `topics: true`.
 */
export function storySummaries(
  model: CorpusModel,
  budget: { maxSentences?: number | undefined; maxWords?: number | undefined } = {},
): StorySummary[] {
  return model.stories.map((story) => ({
    ...summarize(model, { ...budget, topicId: story.topic.id })!,
    facets: story.facets.map((f) => summarize(model, { ...budget, topicId: f.topic.id })!),
  }));
}
