import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type TopicList, TopicListSchema } from '../../../schemas/api.js';
import { type Summary, SummarySchema } from '../../../schemas/summary.js';
import {
  type CorpusModel,
  DEFAULT_MAX_SENTENCES,
  DEFAULT_MAX_WORDS,
  listTopics,
  summarize,
} from '../../core/pipeline.js';
import { renderSummaryMarkdown } from '../../render/markdown.js';
import { cacheBody, type CachedBody, etagOf } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { CorpusSummaryQuery, SummaryOptionsQuery, TopicParams } from '../params.js';
import { problem } from '../problem.js';
import {
  CORPUS_HEADER,
  cacheHeaders,
  ifNoneMatchParameter,
  MARKDOWN_MEDIA_TYPE,
  notModifiedResponse,
  problemResponses,
  sendCached,
  sendText,
  wantsMarkdown,
} from '../respond.js';
import { corpusSummaryKey, topicSummaryKey } from '../summary-cache.js';

const MARKDOWN_EXAMPLE = `# calls on WhatsApp and Telegram restricted

Russia’s state communications watchdog Roskomnadzor announced that it was throttling calls on the two messaging apps.[^1][^2]

[^1]: 000_3e47eca7661924bb.txt:2
[^2]: 003_2772de2c2eaa7074.txt:1
`;

/** The 200 entry of summary routes: JSON, or Markdown with footnoted citations on `Accept: text/markdown`. */
const summaryOk = {
  description:
    'The summary. With `Accept: text/markdown`, a readable Markdown summary whose citations are footnotes (`file:lines`).',
  headers: cacheHeaders,
  content: {
    'application/json': { schema: SummarySchema },
    'text/markdown': {
      schema: z
        .string()
        .openapi({ description: 'Markdown with footnoted citations.', example: MARKDOWN_EXAMPLE }),
    },
  },
};

export const listTopicsRoute = createRoute({
  method: 'get',
  path: '/v1/topics',
  tags: ['Topics'],
  operationId: 'listTopics',
  summary: 'Topics of the served corpus',
  description:
    'The stories the corpus covers, each with a stable id (same corpus, same ids), a label, keywords, the files it draws on and its number of sentences.',
  parameters: [ifNoneMatchParameter],
  responses: {
    200: {
      description: 'The topics.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: TopicListSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses([500]),
  },
});

export const topicSummaryRoute = createRoute({
  method: 'get',
  path: '/v1/topics/{topicId}/summary',
  tags: ['Summaries'],
  operationId: 'getTopicSummary',
  summary: "A topic's cited summary",
  description:
    'Sentences taken verbatim from the sources, each with its citations (the first is where the text was taken from) and its support (distinct files stating it). Deterministic: same corpus and options, same bytes.',
  parameters: [ifNoneMatchParameter],
  request: { params: TopicParams, query: SummaryOptionsQuery },
  responses: {
    200: summaryOk,
    304: notModifiedResponse,
    ...problemResponses([400, 404, 500], {
      400: '`maxSentences` or `maxWords` is not a whole number in range.',
      404: 'No topic has this id (ids change when the corpus changes).',
    }),
  },
});

export const corpusSummaryRoute = createRoute({
  method: 'get',
  path: '/v1/summary',
  tags: ['Summaries'],
  operationId: 'getSummary',
  summary: 'Summary of the whole corpus, or for a query',
  description:
    'Without `query`, a summary of the whole corpus; with it, the sentences most relevant to the query, still non-redundant and cited.',
  parameters: [ifNoneMatchParameter],
  request: { query: CorpusSummaryQuery },
  responses: {
    200: summaryOk,
    304: notModifiedResponse,
    ...problemResponses([400, 500], {
      400: '`maxSentences` or `maxWords` is not a whole number in range, or `query` is longer than 2000 characters.',
    }),
  },
});

/** The Markdown variant of a cached summary, rendered once. */
function markdownOf(body: CachedBody<Summary>): { text: string; etag: string } {
  if (!body.markdown) {
    const text = renderSummaryMarkdown(body.value);
    body.markdown = { text, etag: etagOf(text, 'markdown') };
  }
  return body.markdown;
}

/** GET /v1/topics, /v1/topics/{topicId}/summary, /v1/summary. */
export function registerSummaryRoutes(app: ApiApp, { state, summaries: caches }: RouteDeps): void {
  /** Serves one summary from the per-model cache shared with the page (computing it once), as JSON or Markdown. */
  function serveSummary(c: Context, model: CorpusModel, key: string, compute: () => Summary) {
    const body = caches.summaryFor(model, key, compute);
    // Appended, not set: the base middleware may already vary on Origin (CORS origin lists).
    c.header('Vary', 'Accept', { append: true });
    const headers = { [CORPUS_HEADER]: model.fingerprint };
    if (wantsMarkdown(c)) {
      const md = markdownOf(body);
      return sendText(c, md.text, md.etag, MARKDOWN_MEDIA_TYPE, headers);
    }
    return sendCached(c, body, headers);
  }

  app.openapi(listTopicsRoute, (c) => {
    const model = state.model;
    const cache = caches.for(model);
    cache.topics ??= cacheBody<TopicList>({ corpus: model.fingerprint, topics: listTopics(model) });
    return sendCached(c, cache.topics, { [CORPUS_HEADER]: model.fingerprint });
  });

  app.openapi(topicSummaryRoute, (c) => {
    const { topicId } = c.req.valid('param');
    const { maxSentences = DEFAULT_MAX_SENTENCES, maxWords = DEFAULT_MAX_WORDS } =
      c.req.valid('query');
    const model = state.model;
    const cache = caches.for(model);
    cache.topicIds ??= new Set(model.topics.map((t) => t.topic.id));
    if (!cache.topicIds.has(topicId)) {
      return problem(
        c,
        404,
        `path parameter topicId: no topic has the id ${JSON.stringify(topicId)} in the current corpus; list them at /v1/topics`,
      );
    }
    return serveSummary(c, model, topicSummaryKey(topicId, maxSentences, maxWords), () =>
      summarize(model, { topicId, maxSentences, maxWords })!,
    );
  });

  app.openapi(corpusSummaryRoute, (c) => {
    const {
      query: raw,
      maxSentences = DEFAULT_MAX_SENTENCES,
      maxWords = DEFAULT_MAX_WORDS,
    } = c.req.valid('query');
    const query = raw?.trim() ?? '';
    const model = state.model;
    return serveSummary(c, model, corpusSummaryKey(query, maxSentences, maxWords), () =>
      summarize(model, { ...(query ? { query } : {}), maxSentences, maxWords })!,
    );
  });
}
