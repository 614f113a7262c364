import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';
import type { AppEnv } from './context.js';

/**
 * Security headers of every answer: the defaults that matter for a JSON API and its pages
 * (no MIME sniffing, no framing by other sites, no referrer leaks, readable cross-origin by
 * `fetch`). HSTS is left to a TLS-terminating proxy: the service itself speaks plain HTTP.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
];

/**
 * The probes: `/healthz` (liveness) and `/readyz` (readiness). Open without the API key, and
 * logged at `info` whatever they answer (a 503 of `/readyz` while the service starts is expected).
 */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/** Headers a browser app may read from answers (CORS). */
export const EXPOSED_HEADERS =
  'ETag,X-Request-Id,X-Corpus-Fingerprint,WWW-Authenticate,Retry-After';
const ALLOWED_METHODS = 'GET,POST,OPTIONS';
const ALLOWED_HEADERS = 'Authorization,Content-Type,If-None-Match,Accept,X-Request-Id';

const SAFE_REQUEST_ID = /^[\w\-=]{1,255}$/;

/** Options of {@link baseHeaders}. */
export interface BaseHeadersOptions {
  /** `*`, a list of allowed origins, or `[]` for no CORS headers. */
  readonly corsOrigin: '*' | readonly string[];
  /** One record per request when set and its `info` level is on. */
  readonly log?: Logger;
}

/** Responses built with the base headers already in them (see {@link answer}). */
const complete = new WeakSet<Response>();

/** The base headers of the request being answered (set by {@link baseHeaders}). */
export function baseOf(c: Context): Record<string, string> | undefined {
  return c.get('baseHeaders' as never) as Record<string, string> | undefined;
}

/**
 * A response with the request's base headers (request id, security, CORS) and its own, in one
 * plain object. @hono/node-server writes such a response straight to the socket; headers set
 * with `c.header` go through a WHATWG `Headers` object per request instead, which costs about as
 * much as the rest of a cached answer. A `Vary` of the response is joined to the base one.
 *
 * @example
 * return answer(c, json, 200, { 'Content-Type': 'application/json', ETag: etag })
 */
export function answer(
  c: Context,
  body: string | null,
  status: number,
  headers: Record<string, string>,
): Response {
  const base = baseOf(c);
  let all = headers;
  if (base) {
    all = { ...base, ...headers };
    if (base.Vary && headers.Vary) all.Vary = `${base.Vary}, ${headers.Vary}`;
  }
  const res = new Response(body, { status, headers: all });
  if (base) complete.add(res);
  return res;
}

/**
 * One middleware for what every answer carries: the request id (`X-Request-Id`, a valid
 * incoming one is kept), the security headers, CORS (with preflight), and one structured log
 * record per request. The headers are computed once per request as a plain object: responses
 * built with {@link answer} (every API route) carry them without further work; any other
 * response gets them set after its handler ran.
 */
export function baseHeaders({ corsOrigin, log }: BaseHeadersOptions): MiddlewareHandler<AppEnv> {
  // Decided once: at LOG_LEVEL above info a request costs no clock read and no record.
  const logRequests = log?.isLevelEnabled('info') ? log : undefined;
  const allowAll = corsOrigin === '*';
  const allowed = new Set(allowAll ? [] : corsOrigin);
  const cors = allowAll || allowed.size > 0;
  const fixed: Record<string, string> = Object.fromEntries(SECURITY_HEADERS);
  const exposed = { 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
  return async (c, next) => {
    const started = logRequests ? performance.now() : 0;
    const incoming = c.req.header('x-request-id');
    const id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);

    let allowOrigin: string | undefined;
    if (cors) {
      const origin = c.req.header('origin');
      allowOrigin = allowAll ? '*' : origin && allowed.has(origin) ? origin : undefined;
      if (c.req.method === 'OPTIONS' && origin && c.req.header('access-control-request-method')) {
        const headers: Record<string, string> = {
          'X-Request-Id': id,
          'Access-Control-Max-Age': '600',
        };
        if (!allowAll) headers.Vary = 'Origin';
        if (allowOrigin) {
          headers['Access-Control-Allow-Origin'] = allowOrigin;
          headers['Access-Control-Allow-Methods'] = ALLOWED_METHODS;
          headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS;
        }
        return c.body(null, 204, headers);
      }
    }

    const base: Record<string, string> = { 'X-Request-Id': id, ...fixed };
    if (allowOrigin) {
      base['Access-Control-Allow-Origin'] = allowOrigin;
      Object.assign(base, exposed);
    }
    if (cors && !allowAll) base.Vary = 'Origin';
    c.set('baseHeaders' as never, base as never);

    await next();

    if (!complete.has(c.res))
      for (const k in base) c.header(k, base[k]!, k === 'Vary' ? { append: true } : undefined);

    if (logRequests) {
      const status = c.res.status;
      const fields = {
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 100) / 100,
      };
      // A 503 is an answer by design (not ready yet, queue full), not a failure.
      if (status < 500 || PROBE_PATHS.has(fields.path)) logRequests.info(fields, 'request');
      else if (status === 503) logRequests.warn(fields, 'request');
      else logRequests.error(fields, 'request');
    }
  };
}
