import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import type { Metrics } from '../../metrics.js';
import type { ApiApp } from '../context.js';
import { answer } from '../middleware.js';
import { problemResponses } from '../respond.js';

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Service'],
  operationId: 'getMetrics',
  summary: 'Prometheus metrics',
  description:
    "The service's metrics in the Prometheus text format (version 0.0.4), for a scraper: requests by route pattern and status with latency histograms, requests in flight, the compute queue (depth, capacity, tasks by outcome: `rejected` is a full queue), each worker thread's busy and idle time, the served model (generation, corpus size), builds and reloads (count, duration, outcome, stages), index reuse, readiness and start-up phases, and the Node.js process (CPU, memory, event-loop lag, GC). With `API_KEY` set it wants the key like every route but the probes: give Prometheus `authorization: { credentials_file: … }`.",
  responses: {
    200: {
      description: 'The metrics, one sample per line.',
      content: {
        'text/plain': {
          schema: z.string().openapi({
            description: 'Prometheus text exposition format 0.0.4.',
            example:
              '# HELP citesum_http_requests_total HTTP requests answered, by method, route pattern (unmatched: no route) and status.\n# TYPE citesum_http_requests_total counter\ncitesum_http_requests_total{method="GET",route="/v1/topics",status="200"} 12\n',
          }),
        },
      },
    },
    ...problemResponses([500]),
  },
});

/** GET /metrics. */
export function registerMetricsRoutes(app: ApiApp, metrics: Metrics): void {
  app.openapi(metricsRoute, async (c) => {
    const text = await metrics.text();
    return answer(c, text, 200, {
      'Content-Type': metrics.contentType,
      'Cache-Control': 'no-store',
    }) as unknown as TypedResponse<string, 200, 'text'>;
  });
}
