import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ZodError } from 'zod';
import type { Problem } from '../../schemas/problem.js';
import { answer } from './middleware.js';

/** The media type of every error body (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Error statuses the API can answer, with their RFC 9110 reason phrases (used as `title`). */
export const PROBLEM_TITLES = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_TITLES;

/**
 * Statuses Node's HTTP server answers before the app sees a request (src/http/client-error.ts),
 * with their reason phrases: outside the routes, so outside the OpenAPI operations.
 */
export const CLIENT_ERROR_TITLES = {
  400: PROBLEM_TITLES[400],
  408: 'Request Timeout',
  413: PROBLEM_TITLES[413],
  431: 'Request Header Fields Too Large',
} as const;

export type ClientErrorStatus = keyof typeof CLIENT_ERROR_TITLES;

/**
 * The one RFC 9457 body shape: `type: about:blank`, `title` the status phrase, the `detail`, and
 * the request path and id when known.
 */
export function problemObject(
  status: number,
  title: string,
  detail: string,
  where: { instance?: string; requestId?: string | undefined } = {},
): Problem {
  return {
    type: 'about:blank',
    title,
    status,
    detail,
    ...(where.instance !== undefined ? { instance: where.instance } : {}),
    ...(where.requestId ? { requestId: where.requestId } : {}),
  };
}

/** The problem body of an app answer: the status phrase as `title`, the request's path and id. */
export function problemBody(c: Context, status: ProblemStatus, detail: string): Problem {
  return problemObject(status, PROBLEM_TITLES[status], detail, {
    instance: c.req.path,
    requestId: c.get('requestId') as string | undefined,
  });
}

/**
 * Answers with an `application/problem+json` error (and any extra headers, e.g. `Retry-After`).
 *
 * @example
 * return problem(c, 404, `no topic with id "t-x"`)
 */
export function problem<S extends ProblemStatus>(
  c: Context,
  status: S,
  detail: string,
  headers: Record<string, string> = {},
) {
  return answer(c, JSON.stringify(problemBody(c, status, detail)), status, {
    ...headers,
    'Content-Type': PROBLEM_MEDIA_TYPE,
  }) as Response & TypedResponse<JSONParsed<Problem>, S, 'json'>;
}

const TARGET_NAMES: Record<string, string> = {
  query: 'query parameter',
  param: 'path parameter',
  json: 'body',
  header: 'header',
  cookie: 'cookie',
  form: 'form field',
};

/** Formats a zod issue path as a readable parameter name: `documents[2].file`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * Turns a validation failure into one `detail` sentence naming every offending parameter,
 * e.g. `query parameter maxSentences: Too small: expected number to be >=1`.
 */
export function validationDetail(target: string, error: ZodError): string {
  const where = TARGET_NAMES[target] ?? target;
  const parts = error.issues.slice(0, 10).map((issue) => {
    const name = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined$/.test(message))
      message = 'required but missing';
    if (issue.code === 'invalid_type' && /received NaN$/.test(message))
      message = `${message.replace(/, received NaN$/, '')}, got a value that is not a number`;
    if (issue.code === 'unrecognized_keys')
      message = `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    return name ? `${where} ${name}: ${message}` : `${where}: ${message}`;
  });
  const more = error.issues.length > 10 ? `; and ${error.issues.length - 10} more` : '';
  return parts.join('; ') + more;
}
