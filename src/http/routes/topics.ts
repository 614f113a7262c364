import { createRoute } from '@hono/zod-openapi';
import { TopicListSchema } from '../../../schemas/api.js';
import type { ApiApp, RouteDeps } from '../context.js';
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

/** GET /v1/topics. */
export function registerTopicRoutes(app: ApiApp, { state, bodies }: RouteDeps): void {
  app.openapi(listTopicsRoute, (c) => {
    const model = state.model;
    return sendCached(c, bodies.topics(model), { [CORPUS_HEADER]: model.fingerprint });
  });
}
