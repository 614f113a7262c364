import { randomUUID } from 'node:crypto';
import type { Health } from '../../schemas/api.js';
import type { Logger } from '../log.js';
import { EXPOSED_HEADERS, PROBE_PATHS, SECURITY_HEADERS } from './middleware.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TITLES, problemObject } from './problem.js';
import type { Readiness } from './readiness.js';

/**
 * What the port answers in the first few hundred milliseconds of a start, while the HTTP app
 * (its routes, schemas and the core they call) is still being imported: `GET /healthz` 200 (the
 * process is alive), every other request 503 problem+json with `Retry-After: 1`, with the same
 * request id, security and CORS headers as the app's answers. The server listens with it at once
 * and hands every later request to the app as soon as the app is loaded. Imports nothing heavy.
 */

/** Options of {@link bootHandler}. */
export interface BootOptions {
  readonly readiness: Readiness;
  /** The app's CORS setting: with `*`, browsers may read these answers too. */
  readonly corsOrigin: '*' | readonly string[];
  /** One record per request, as the app logs them. */
  readonly log?: Logger;
}

/**
 * A fetch handler for the start of the service.
 *
 * @example
 * let handle = bootHandler({ readiness, corsOrigin: '*' }); // later: handle = app.fetch
 */
export function bootHandler({
  readiness,
  corsOrigin,
  log,
}: BootOptions): (req: Request) => Response {
  const fixed: Record<string, string> = Object.fromEntries(SECURITY_HEADERS);
  if (corsOrigin === '*') {
    fixed['Access-Control-Allow-Origin'] = '*';
    fixed['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  }
  const logRequests = log?.isLevelEnabled('info') ? log : undefined;
  return (req) => {
    const path = new URL(req.url).pathname;
    const requestId = randomUUID();
    const headers: Record<string, string> = { ...fixed, 'X-Request-Id': requestId };
    let res: Response;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const body: Health = {
        status: 'ok',
        ready: false,
        phase: readiness.phase,
        uptime: Math.round(process.uptime() * 1000) / 1000,
      };
      res = new Response(JSON.stringify(body), {
        status: 200,
        headers: { ...headers, 'Content-Type': 'application/json' },
      });
    } else {
      const problem = problemObject(
        503,
        PROBLEM_TITLES[503],
        `not ready: ${readiness.reason()}; retry after 1 s`,
        { instance: path, requestId },
      );
      res = new Response(JSON.stringify(problem), {
        status: 503,
        headers: { ...headers, 'Content-Type': PROBLEM_MEDIA_TYPE, 'Retry-After': '1' },
      });
    }
    const fields = { requestId, method: req.method, path, status: res.status };
    if (res.status === 503 && !PROBE_PATHS.has(path)) logRequests?.warn(fields, 'request');
    else logRequests?.info(fields, 'request');
    return res;
  };
}
