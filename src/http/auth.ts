import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Secret } from '../config.js';
import type { ApiApp, AppEnv } from './context.js';
import { PROBE_PATHS } from './middleware.js';
import { problem } from './problem.js';
import { problemResponses } from './respond.js';

/**
 * The API key, when the service runs with one (`API_KEY` or `API_KEY_FILE`): every route but the
 * probes wants `Authorization: Bearer <key>` (RFC 6750), compared in constant time; a browser
 * signs in once on a form (src/http/page/sign-in.tsx) and then sends a session cookie instead.
 * Without a key nothing here runs.
 */

/** Paths open to every caller: the probes an orchestrator calls without secrets. */
export const PUBLIC_PATHS: ReadonlySet<string> = PROBE_PATHS;

/** Where a browser signs in (the form and its POST): open, it is how the key arrives. */
export const SIGN_IN_PATH = '/sign-in';

/** The session cookie of a signed-in browser. */
export const SESSION_COOKIE = 'citesum_session';

/** How long a browser stays signed in: a week, then the form asks again. */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/** The realm named in `WWW-Authenticate`. */
export const REALM = 'citesum';

/** What an `Authorization` header amounts to. */
export type BearerCheck = 'ok' | 'missing' | 'invalid' | 'other-scheme';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Credentials checked against the key. Both sides are hashed to 32 bytes before
 * `timingSafeEqual`, so neither the comparison's time nor a length check tells an attacker
 * anything about the key. The session cookie holds an HMAC of a fixed label under the key, never
 * the key: it is useless elsewhere, and changing the key signs every browser out.
 */
export class ApiKeyCheck {
  readonly #key: Buffer;
  readonly #session: Buffer;
  /** The value of the session cookie a signed-in browser sends. */
  readonly sessionToken: string;

  constructor(key: Secret) {
    this.#key = digest(key.reveal());
    this.sessionToken = createHmac('sha256', key.reveal())
      .update('citesum page session v1')
      .digest('base64url');
    this.#session = digest(this.sessionToken);
  }

  /** True when `candidate` is the key. */
  matches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.#key);
  }

  /** What an `Authorization` header (or its absence) amounts to. */
  bearer(authorization: string | undefined): BearerCheck {
    if (authorization === undefined) return 'missing';
    const m = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!m) return 'other-scheme';
    return this.matches(m[1]!) ? 'ok' : 'invalid';
  }

  /** True when `cookie` is the session cookie's value. */
  session(cookie: string | undefined): boolean {
    return cookie !== undefined && timingSafeEqual(digest(cookie), this.#session);
  }
}

/** The `WWW-Authenticate` value of a 401. */
function challenge(check: BearerCheck): string {
  return check === 'invalid'
    ? `Bearer realm="${REALM}", error="invalid_token", error_description="the API key sent is not this service's"`
    : `Bearer realm="${REALM}"`;
}

function detailOf(check: BearerCheck): string {
  switch (check) {
    case 'invalid':
      return "the API key sent is not this service's; send the key it was started with (API_KEY) as `Authorization: Bearer <key>`";
    case 'other-scheme':
      return 'the Authorization header uses another scheme; this service wants its API key as `Authorization: Bearer <key>`';
    default:
      return 'this service asks for an API key: send it as `Authorization: Bearer <key>`';
  }
}

/** True for a browser navigating to a page (answered with the sign-in form, not JSON). */
function isNavigation(c: Context): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    (c.req.header('accept') ?? '').includes('text/html')
  );
}

/** Options of {@link requireApiKey}. */
export interface RequireApiKeyOptions {
  /** The sign-in form a browser navigating without credentials gets (401 with HTML). */
  readonly signInPage: (c: Context, next: string) => Response;
}

/**
 * The middleware: sets `authenticated` for every request (the probes say more to an
 * authenticated caller), lets the probes and the sign-in form through, and answers everything
 * else without valid credentials with 401: `application/problem+json` and `WWW-Authenticate`
 * for API clients, the sign-in form for a browser's page navigation. A key sent in the header
 * wins over the cookie, so a wrong key is never masked by a session.
 */
export function requireApiKey(
  check: ApiKeyCheck,
  options: RequireApiKeyOptions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = check.bearer(c.req.header('authorization'));
    const ok =
      bearer === 'ok' || (bearer === 'missing' && check.session(getCookie(c, SESSION_COOKIE)));
    c.set('authenticated', ok);
    if (ok || PUBLIC_PATHS.has(c.req.path) || c.req.path === SIGN_IN_PATH) return next();
    if (bearer === 'missing' && isNavigation(c)) {
      const url = new URL(c.req.url);
      const res = options.signInPage(c, url.pathname + url.search);
      res.headers.set('WWW-Authenticate', challenge(bearer));
      return res;
    }
    return problem(c, 401, detailOf(bearer), { 'WWW-Authenticate': challenge(bearer) });
  };
}

/** Name of the bearer scheme in the OpenAPI document. */
export const SECURITY_SCHEME = 'bearer';

/**
 * Declares the key in the app's OpenAPI document, in one place for every route: the bearer
 * security scheme (the document's default requirement, see openapi-config.ts), and on every
 * operation but the probes (which say `security: []`) its 401 answer, and the 503 any route may
 * give before the service is ready. Call it once every route is registered.
 */
export function declareApiKey(app: ApiApp): void {
  app.openAPIRegistry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description:
      'The API key the service was started with (`API_KEY` or `API_KEY_FILE`), sent as `Authorization: Bearer <key>`. A service started without one ignores it. Browsers sign in once at `/sign-in` instead (a session cookie).',
  });
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route' || PUBLIC_PATHS.has(def.route.path)) continue;
    const responses = def.route.responses;
    def.route = {
      ...def.route,
      responses: {
        ...responses,
        ...problemResponses([401]),
        ...(responses[503] ? {} : problemResponses([503])),
      },
    };
  }
}
