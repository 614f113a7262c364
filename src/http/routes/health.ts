import { createRoute } from '@hono/zod-openapi';
import { type Health, HealthSchema } from '../../../schemas/api.js';
import { corpusStats } from '../../core/index.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { problemResponses, sendJson } from '../respond.js';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  operationId: 'getHealth',
  summary: 'Health and the served corpus',
  description:
    'Answers 200 as soon as the service serves a corpus (possibly empty), with its fingerprint and counts.',
  responses: {
    200: {
      description: 'The service is up.',
      content: { 'application/json': { schema: HealthSchema } },
    },
    ...problemResponses([500]),
  },
});

/** GET /healthz. */
export function registerHealthRoutes(app: ApiApp, { state }: RouteDeps): void {
  app.openapi(healthRoute, (c) => {
    const { message, ...stats } = corpusStats(state.model);
    const body: Health = {
      status: 'ok',
      ...stats,
      loadedAt: state.loadedAt.toISOString(),
      ...(message ? { message } : {}),
    };
    return sendJson(c, body, 200);
  });
}
