import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Health, HealthSchema, type Ready, ReadySchema } from '../../../schemas/api.js';
import { corpusStats } from '../../core/index.js';
import type { ApiApp, AppState, RouteDeps } from '../context.js';
import { problem } from '../problem.js';
import { servedModel } from '../readiness.js';
import { problemResponses, sendJson } from '../respond.js';

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Service'],
  operationId: 'getHealth',
  summary: 'Liveness: the process answers',
  description:
    '200 whenever the process runs and its event loop answers, from the first moments of a start to the end of a shutdown (a liveness probe: failing it means restart the process). Says where the service is (`phase`, `ready`) and, once a corpus is served, its fingerprint and counts. Open without the API key; with `API_KEY` set the corpus fields go only to a caller who sends it. For routing traffic use `GET /readyz`.',
  security: [],
  responses: {
    200: {
      description: 'The process is alive.',
      content: { 'application/json': { schema: HealthSchema } },
    },
    ...problemResponses([500]),
  },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Service'],
  operationId: 'getReadiness',
  summary: 'Readiness: the service can answer every route',
  description:
    'A readiness probe: 200 only when a corpus is served and every compute worker holds its model; 503 before (starting, the corpus loading, the workers reading the model) and from the moment a shutdown begins (SIGTERM), with the reason in `detail`. Open without the API key.',
  security: [],
  responses: {
    200: {
      description: 'Ready: send traffic.',
      content: { 'application/json': { schema: ReadySchema } },
    },
    ...problemResponses([500, 503], {
      503: 'Not ready: `detail` says why (starting, the corpus loading, the compute workers reading the model, or shutting down). `Retry-After` says when to ask again.',
    }),
  },
});

/** The served corpus' counts, for a caller allowed to see them (all callers when there is no key). */
function corpusFields(c: Context, state: AppState) {
  const model = servedModel(state);
  if (!model || c.get('authenticated') === false) return {};
  const { message, ...stats } = corpusStats(model);
  return { ...stats, loadedAt: state.loadedAt.toISOString(), ...(message ? { message } : {}) };
}

/** GET /healthz and GET /readyz. */
export function registerHealthRoutes(app: ApiApp, { state, readiness }: RouteDeps): void {
  app.openapi(healthRoute, (c) => {
    const body: Health = {
      status: 'ok',
      ready: readiness.ready,
      phase: readiness.phase,
      uptime: Math.round(process.uptime() * 1000) / 1000,
      ...corpusFields(c, state),
    };
    return sendJson(c, body, 200);
  });

  app.openapi(readyRoute, (c) => {
    if (!readiness.ready)
      return problem(c, 503, `not ready: ${readiness.reason()}`, { 'Retry-After': '1' });
    const body: Ready = { status: 'ready', ...corpusFields(c, state) };
    return sendJson(c, body, 200);
  });
}
