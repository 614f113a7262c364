import { createRoute } from '@hono/zod-openapi';
import { type TopicDetail, TopicDetailSchema, TopicListSchema } from '../../../schemas/topic.js';
import type { CachedBody } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { rememberTarget } from '../fast-path.js';
import { TopicParams, TopicsQuery } from '../params.js';
import { problem } from '../problem.js';
import {
  CORPUS_HEADER,
  cacheHeaders,
  ifNoneMatchParameter,
  notModifiedResponse,
  problemResponses,
  sendCached,
} from '../respond.js';

export const listTopicsRoute = createRoute({
  method: 'get',
  path: '/v1/topics',
  tags: ['Topics'],
  operationId: 'listTopics',
  summary: 'Stories of the served corpus, with their facets',
  description:
    'The stories the corpus covers (groups of documents about one event or subject), largest first, each with its facets (`subtopics`), a label, keywords, at most 20 of its files and its counts. Every document with content belongs to a story; there is no cap: long lists are paged with `limit` and `cursor`. Ids are stable: the same corpus gives the same ids.',
  parameters: [ifNoneMatchParameter],
  request: { query: TopicsQuery },
  responses: {
    200: {
      description: 'One page of the stories.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: TopicListSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses([400, 500], {
      400: '`limit` is not a whole number in range, or `cursor` is not one this corpus state gave out.',
    }),
  },
});

export const getTopicRoute = createRoute({
  method: 'get',
  path: '/v1/topics/{topicId}',
  tags: ['Topics'],
  operationId: 'getTopic',
  summary: 'A story or facet in full',
  description:
    "Every file of the topic and its facets' sentences (for a story, all its facets; for a facet, itself), each sentence cited like a summary sentence.",
  parameters: [ifNoneMatchParameter],
  request: { params: TopicParams },
  responses: {
    200: {
      description: 'The topic.',
      headers: cacheHeaders,
      content: { 'application/json': { schema: TopicDetailSchema } },
    },
    304: notModifiedResponse,
    ...problemResponses([400, 404, 500, 503], {
      404: 'No story or facet has this id (ids change when the corpus changes).',
    }),
  },
});

/** The 404 detail of an unknown topic id (shared with the summary route). */
export function unknownTopic(topicId: string): string {
  return `path parameter topicId: no story or facet has the id ${JSON.stringify(topicId)} in the current corpus; list them at /v1/topics`;
}

/** GET /v1/topics and GET /v1/topics/{topicId}. */
export function registerTopicRoutes(app: ApiApp, { state, bodies }: RouteDeps): void {
  app.openapi(listTopicsRoute, (c) => {
    const model = state.model;
    const page = bodies.topics(model, c.req.valid('query'));
    if ('problem' in page) return problem(c, 400, `query parameter cursor: ${page.problem}`);
    rememberTarget(c, model, page);
    return sendCached(c, page, { [CORPUS_HEADER]: model.fingerprint });
  });

  app.openapi(getTopicRoute, (c) => {
    const { topicId } = c.req.valid('param');
    const model = state.model;
    const answer = (body: CachedBody<TopicDetail> | undefined) => {
      if (!body) return problem(c, 404, unknownTopic(topicId)) as Response;
      rememberTarget(c, model, body);
      return sendCached(c, body, { [CORPUS_HEADER]: model.fingerprint }) as unknown as Response;
    };
    const body = bodies.topic(model, topicId);
    // A cached body is answered at once; only a computation waits.
    if (body instanceof Promise) return body.then(answer) as Promise<Response>;
    return answer(body);
  });
}
