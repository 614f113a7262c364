import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Metrics } from '../metrics.js';
import type { AppEnv } from './context.js';

/** Methods counted under their own name; any other is `other` (a label per method sent would grow without bound). */
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/**
 * The route pattern that answered, as the OpenAPI document writes it (`/v1/topics/{topicId}`):
 * the last route matched for the method (middleware and catch-alls aside), `unmatched` when none
 * (a 404, a CORS preflight). Never the raw path, whose ids would give a series per file and topic.
 * A request the fast path answered from its cache counts under the route it stands for.
 */
export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const { method, path } = routes[i]!;
    if (method !== 'ALL' && !path.endsWith('*')) return path.replace(/:(\w+)/g, '{$1}');
  }
  return 'unmatched';
}

/**
 * The app's first middleware: counts every request in flight and, once answered, by method,
 * route pattern and status with its latency (errors included: onError has answered by then).
 */
export function requestMetrics(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    metrics.requestStarted();
    try {
      await next();
    } finally {
      const method = METHODS.has(c.req.method) ? c.req.method : 'other';
      metrics.requestFinished(
        method,
        routeLabel(c),
        c.res.status,
        (performance.now() - started) / 1000,
      );
    }
  };
}
