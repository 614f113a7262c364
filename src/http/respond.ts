import { z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import { ProblemSchema } from '../../schemas/problem.js';
import { type CachedBody, ifNoneMatchHits } from './cache.js';
import { answer } from './middleware.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TITLES, type ProblemStatus } from './problem.js';

/** Media type of the Markdown summaries (the `….md` operations). */
export const MARKDOWN_MEDIA_TYPE = 'text/markdown; charset=utf-8';

/** What a Markdown summary looks like, for the OpenAPI descriptions of the `….md` operations. */
export const MARKDOWN_SHAPE =
  'a heading, one paragraph per sentence followed by one footnote marker per citation, and one footnote per distinct citation (`file:lines, offsets start–end: “quote”`).';

/** Header that carries the corpus fingerprint on every answer computed from the corpus. */
export const CORPUS_HEADER = 'X-Corpus-Fingerprint';

/**
 * Sends a body serialized once (no per-request JSON.stringify), with its ETag, or 304 when
 * the client's `If-None-Match` already names it. Typed as the JSON response of `T`.
 */
export function sendCached<T>(
  c: Context,
  body: CachedBody<T>,
  headers: Record<string, string> = {},
): TypedResponse<JSONParsed<T>, 200, 'json'> {
  const res = ifNoneMatchHits(c.req.header('if-none-match'), body.etag)
    ? answer(c, null, 304, { ETag: body.etag, ...headers })
    : answer(c, body.json, 200, {
        'Content-Type': 'application/json',
        ETag: body.etag,
        ...headers,
      });
  return res as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}

/**
 * Sends a value as JSON with the request's base headers in one plain object (see
 * {@link answer}). Typed as `c.json` is, for the OpenAPI routes.
 */
export function sendJson<T, S extends StatusCode>(
  c: Context,
  value: T,
  status: S,
  headers: Record<string, string> = {},
): TypedResponse<JSONParsed<T>, S, 'json'> {
  return answer(c, JSON.stringify(value), status, {
    'Content-Type': 'application/json',
    ...headers,
  }) as unknown as TypedResponse<JSONParsed<T>, S, 'json'>;
}

/** Sends a text variant (Markdown) with its own ETag, or 304. */
export function sendText(
  c: Context,
  text: string,
  etag: string,
  mediaType: string,
  headers: Record<string, string> = {},
): Response {
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag))
    return answer(c, null, 304, { ETag: etag, ...headers });
  return answer(c, text, 200, { 'Content-Type': mediaType, ETag: etag, ...headers });
}

const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: `detail` names the parameter and what was wrong.',
  401: 'The service runs with an API key (`API_KEY`) and the request did not send it as `Authorization: Bearer <key>`, or sent another.',
  404: 'No such resource.',
  413: 'The request body or the number of documents is over the limit.',
  415: 'The body is not `application/json`.',
  500: 'Unexpected failure; `detail` carries no internals. Quote `requestId` when reporting it.',
  503: 'Not ready (starting, the corpus still loading, or shutting down) or too much work queued (`MAX_QUEUE`): nothing was computed; `detail` says which; retry after the `Retry-After` seconds.',
};

type ProblemResponse = {
  description: string;
  headers?:
    z.ZodObject<{ 'Retry-After': z.ZodString }> | z.ZodObject<{ 'WWW-Authenticate': z.ZodString }>;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
};

/** The `Retry-After` header of 503 answers. */
const retryAfterHeader = z.object({
  'Retry-After': z.string().openapi({
    description: 'Seconds after which the request is likely to be accepted (the queue drains).',
    example: '2',
  }),
});

/** The `WWW-Authenticate` header of 401 answers (RFC 6750). */
const wwwAuthenticateHeader = z.object({
  'WWW-Authenticate': z.string().openapi({
    description:
      'The scheme to use (`Bearer`), with `error="invalid_token"` when the key sent is not the service\'s.',
    example: 'Bearer realm="citesum", error="invalid_token"',
  }),
});

/**
 * OpenAPI response entries for error statuses, all `application/problem+json`, with a
 * generic description per status unless `descriptions` gives a route-specific one.
 *
 * @example
 * responses: { 200: ..., ...problemResponses([400, 404, 500], { 404: 'No such topic.' }) }
 */
export function problemResponses<S extends ProblemStatus>(
  statuses: readonly S[],
  descriptions: Partial<Record<S, string>> = {},
): { [K in S]: ProblemResponse } {
  const out = {} as { [K in S]: ProblemResponse };
  for (const status of statuses) {
    out[status] = {
      description: `${PROBLEM_TITLES[status]}. ${descriptions[status] ?? PROBLEM_DESCRIPTIONS[status]}`,
      ...(status === 503 ? { headers: retryAfterHeader } : {}),
      ...(status === 401 ? { headers: wwwAuthenticateHeader } : {}),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } as ProblemResponse['content'],
    };
  }
  return out;
}

/** Response headers of cacheable answers (documented in the OpenAPI document). */
export const cacheHeaders = z.object({
  ETag: z.string().openapi({
    description: 'Strong validator of this body; send it back as `If-None-Match` to get 304.',
    example: '"mJ0cWbZPjKbhaPslBZRPDVhO_Vb"',
  }),
  [CORPUS_HEADER]: z.string().openapi({
    description: 'Fingerprint of the corpus the answer was computed from.',
    example: '9f2c1e0d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d',
  }),
});

/** The 304 entry of cacheable routes. */
export const notModifiedResponse = {
  description: 'Not Modified: the `If-None-Match` ETag is still current; no body.',
  headers: z.object({ ETag: z.string().openapi({ description: 'The current ETag.' }) }),
};

/**
 * The `If-None-Match` request header of cacheable routes, documented as a raw OpenAPI
 * parameter rather than a zod header validator: the hot path reads it directly.
 */
export const ifNoneMatchParameter = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'ETag(s) from an earlier answer: 304 Not Modified when still current.',
  schema: { type: 'string' },
  example: '"mJ0cWbZPjKbhaPslBZRPDVhO_Vb"',
} as const;
