import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Summary, SummarySchema } from '../../../schemas/summary.js';
import type { CorpusView } from '../../core/index.js';
import type { CachedBody } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { rememberTarget, serveSummary, type SummaryVariant } from '../fast-path.js';
import { CorpusSummaryQuery, SummaryOptionsQuery, TopicParams } from '../params.js';
import { problem } from '../problem.js';
import { unknownTopic } from './topics.js';
import {
  cacheHeaders,
  ifNoneMatchParameter,
  MARKDOWN_MEDIA_TYPE,
  MARKDOWN_SHAPE,
  notModifiedResponse,
  problemResponses,
} from '../respond.js';

type SummaryOptions = z.infer<typeof SummaryOptionsQuery>;
type CorpusSummaryOptions = z.infer<typeof CorpusSummaryQuery>;

const MARKDOWN_EXAMPLE = `# foreign messengers

According to the regulator, these foreign messaging services must provide access to user data when requested by law enforcement.[^1][^2]

[^1]: 003_2772de2c2eaa7074.txt:3, offsets 606–734: “According to the regulator, these foreign messaging services must provide access to user data when requested by law enforcement.”
[^2]: 002_90d0f9c44a687009.txt:12, offsets 1017–1127: “Moscow has demanded that these messaging services provide access to user data to law enforcement upon request.”
`;

/** The 200 entry of the JSON summary routes: JSON only, so generated clients type it exactly. */
const summaryOk = {
  description: 'The summary.',
  headers: cacheHeaders,
  content: { 'application/json': { schema: SummarySchema } },
};

/**
 * The 200 entry of the Markdown twins (`….md`). Markdown has operations of its own rather than
 * a second media type on the JSON ones: a generated client types an operation's answer as the
 * union of its media types, so `text/markdown` beside JSON would make every summary
 * `Summary | string` in openapi-fetch (`createClient<paths>()`).
 */
const summaryMarkdownOk = {
  description: `The same summary as readable Markdown: ${MARKDOWN_SHAPE}`,
  headers: cacheHeaders,
  content: {
    [MARKDOWN_MEDIA_TYPE]: {
      schema: z
        .string()
        .openapi({ description: 'Markdown with footnoted citations.', example: MARKDOWN_EXAMPLE }),
    },
  },
};

const topicSummaryErrors = problemResponses([400, 404, 500, 503], {
  400: '`maxSentences` or `maxWords` is not a whole number in range.',
  404: 'No story or facet has this id (ids change when the corpus changes).',
});

const corpusSummaryErrors = problemResponses([400, 500, 503], {
  400: '`maxSentences` or `maxWords` is not a whole number in range, or `query` is longer than 2000 characters.',
});

export const topicSummaryRoute = createRoute({
  method: 'get',
  path: '/v1/topics/{topicId}/summary',
  tags: ['Summaries'],
  operationId: 'getTopicSummary',
  summary: "A topic's cited summary",
  description:
    'Sentences taken verbatim from the sources, each with its citations (the first is where the text was taken from) and its support (distinct files stating it). Deterministic: same corpus and options, same bytes. The same summary as Markdown: `GET /v1/topics/{topicId}/summary.md`.',
  parameters: [ifNoneMatchParameter],
  request: { params: TopicParams, query: SummaryOptionsQuery },
  responses: { 200: summaryOk, 304: notModifiedResponse, ...topicSummaryErrors },
});

export const topicSummaryMarkdownRoute = createRoute({
  method: 'get',
  path: '/v1/topics/{topicId}/summary.md',
  tags: ['Summaries'],
  operationId: 'getTopicSummaryMarkdown',
  summary: "A topic's summary as Markdown",
  description:
    '`GET /v1/topics/{topicId}/summary` rendered as Markdown with footnoted citations, for reading or pasting into a document. Same parameters, same sentences, its own ETag.',
  parameters: [ifNoneMatchParameter],
  request: { params: TopicParams, query: SummaryOptionsQuery },
  responses: { 200: summaryMarkdownOk, 304: notModifiedResponse, ...topicSummaryErrors },
});

export const corpusSummaryRoute = createRoute({
  method: 'get',
  path: '/v1/summary',
  tags: ['Summaries'],
  operationId: 'getSummary',
  summary: 'Summary of the whole corpus, or for a query',
  description:
    'Without `query`, a summary of the whole corpus; with it, the sentences most relevant to the query, still non-redundant and cited. The same summary as Markdown: `GET /v1/summary.md`.',
  parameters: [ifNoneMatchParameter],
  request: { query: CorpusSummaryQuery },
  responses: { 200: summaryOk, 304: notModifiedResponse, ...corpusSummaryErrors },
});

export const corpusSummaryMarkdownRoute = createRoute({
  method: 'get',
  path: '/v1/summary.md',
  tags: ['Summaries'],
  operationId: 'getSummaryMarkdown',
  summary: 'Summary of the corpus, or for a query, as Markdown',
  description:
    '`GET /v1/summary` rendered as Markdown with footnoted citations. Same parameters, same sentences, its own ETag.',
  parameters: [ifNoneMatchParameter],
  request: { query: CorpusSummaryQuery },
  responses: { 200: summaryMarkdownOk, 304: notModifiedResponse, ...corpusSummaryErrors },
});

/** GET /v1/topics/{topicId}/summary and GET /v1/summary, and their Markdown twins (`.md`). */
export function registerSummaryRoutes(app: ApiApp, { state, bodies }: RouteDeps): void {
  /** Serves one cached summary (shared with the page) and remembers it for its request target. */
  function serve(
    c: Context,
    model: CorpusView,
    body: CachedBody<Summary>,
    variant: SummaryVariant,
  ) {
    rememberTarget(c, model, body, variant);
    return serveSummary(c, model, body, variant);
  }

  function topicSummary(
    c: Context,
    topicId: string,
    query: SummaryOptions,
    variant: SummaryVariant,
  ) {
    const model = state.model;
    const answer = (body: CachedBody<Summary> | undefined) =>
      body ? serve(c, model, body, variant) : problem(c, 404, unknownTopic(topicId));
    const body = bodies.summary(model, { topicId, ...query });
    // A cached body is answered at once; only a computation waits.
    return body instanceof Promise ? body.then(answer) : answer(body);
  }

  function corpusSummary(c: Context, query: CorpusSummaryOptions, variant: SummaryVariant) {
    const model = state.model;
    const body = bodies.summary(model, query);
    return body instanceof Promise
      ? body.then((b) => serve(c, model, b!, variant))
      : serve(c, model, body!, variant);
  }

  app.openapi(topicSummaryRoute, (c) =>
    topicSummary(c, c.req.valid('param').topicId, c.req.valid('query'), 'json'),
  );
  app.openapi(topicSummaryMarkdownRoute, (c) =>
    topicSummary(c, c.req.valid('param').topicId, c.req.valid('query'), 'markdown'),
  );
  app.openapi(corpusSummaryRoute, (c) => corpusSummary(c, c.req.valid('query'), 'json'));
  app.openapi(corpusSummaryMarkdownRoute, (c) =>
    corpusSummary(c, c.req.valid('query'), 'markdown'),
  );
}
