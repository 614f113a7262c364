import type { SummarizeRequest, SummarizeResponse } from '../../schemas/api.js';
import {
  type CorpusModel,
  modelFromTexts,
  postedHref,
  storySummaries,
  summarize,
  type SummaryRequest,
  topicDetail,
} from '../core/index.js';
import { renderStoriesMarkdown, renderSummaryMarkdown } from '../render/markdown.js';

/**
 * The computations the service runs off the event loop, as pure functions of a model (or of
 * posted documents) to the exact text sent: a worker and the main thread call the same functions,
 * so both produce the same bytes.
 */

/** The JSON text of a summary, or `undefined` for an unknown topic. */
export function summaryJson(model: CorpusModel, request: SummaryRequest): string | undefined {
  const summary = summarize(model, request);
  return summary && JSON.stringify(summary);
}

/** The JSON text of a story's or facet's detail, or `undefined` for an unknown id. */
export function topicJson(model: CorpusModel, topicId: string): string | undefined {
  const detail = topicDetail(model, topicId);
  return detail && JSON.stringify(detail);
}

/**
 * The answer to `POST /v1/summarize` (validated): the summary of the posted documents, and each
 * story's when `topics` is set, as JSON or as Markdown.
 */
export function postedSummary(body: SummarizeRequest, markdown: boolean): string {
  const model = modelFromTexts(body.documents, {
    hrefFor: postedHref,
    topics: body.topics === true,
  });
  const { maxSentences, maxWords, query } = body;
  const summary = summarize(model, { maxSentences, maxWords, query })!;
  const result: SummarizeResponse = { summary };
  if (body.topics === true) result.topics = storySummaries(model, { maxSentences, maxWords });
  if (!markdown) return JSON.stringify(result);
  return result.topics
    ? renderStoriesMarkdown(result.topics, 'Summary of the posted documents', summary)
    : renderSummaryMarkdown(summary);
}
