import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Summary, SummarySchema } from '../../../schemas/summary.js';
import type { CorpusView } from '../../core/index.js';
import type { CachedBody } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { rememberTarget, serveSummary } from '../fast-path.js';
import { CorpusSummaryQuery, SummaryOptionsQuery, TopicParams } from '../params.js';
import { problem } from '../problem.js';
import { unknownTopic } from './topics.js';
import {
  cacheHeaders,
  ifNoneMatchParameter,
  notModifiedResponse,
  problemResponses,
} from '../respond.js';

const MARKDOWN_EXAMPLE = `# foreign messengers

According to the regulator, these foreign messaging services must provide access to user data when requested by law enforcement.[^1][^2]

[^1]: 003_2772de2c2eaa7074.txt:3, offsets 606–734: “According to the regulator, these foreign messaging services must provide access to user data when requested by law enforcement.”
[^2]: 002_90d0f9c44a687009.txt:12, offsets 1017–1127: “Moscow has demanded that these messaging services provide access to user data to law enforcement upon request.”
`;

/** The 200 entry of summary routes: JSON, or Markdown with footnoted citations on `Accept: text/markdown`. */
const summaryOk = {
  description:
    'The summary. With `Accept: text/markdown`, a readable Markdown summary: one paragraph per sentence, one footnote per distinct citation (`file:lines, offsets start–end: “quote”`).',
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
    ...problemResponses([400, 404, 500, 503], {
      400: '`maxSentences` or `maxWords` is not a whole number in range.',
      404: 'No story or facet has this id (ids change when the corpus changes).',
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
    ...problemResponses([400, 500, 503], {
      400: '`maxSentences` or `maxWords` is not a whole number in range, or `query` is longer than 2000 characters.',
    }),
  },
});

/** GET /v1/topics/{topicId}/summary and GET /v1/summary. */
export function registerSummaryRoutes(app: ApiApp, { state, bodies }: RouteDeps): void {
  /** Serves one cached summary (shared with the page) and remembers it for its request target. */
  function serve(c: Context, model: CorpusView, body: CachedBody<Summary>) {
    rememberTarget(c, model, body, true);
    return serveSummary(c, model, body);
  }

  app.openapi(topicSummaryRoute, (c) => {
    const { topicId } = c.req.valid('param');
    const model = state.model;
    const answer = (body: CachedBody<Summary> | undefined) =>
      body ? serve(c, model, body) : problem(c, 404, unknownTopic(topicId));
    const body = bodies.summary(model, { topicId, ...c.req.valid('query') });
    // A cached body is answered at once; only a computation waits.
    return body instanceof Promise ? body.then(answer) : answer(body);
  });

  app.openapi(corpusSummaryRoute, (c) => {
    const model = state.model;
    const body = bodies.summary(model, c.req.valid('query'));
    return body instanceof Promise ? body.then((b) => serve(c, model, b!)) : serve(c, model, body!);
  });
}
