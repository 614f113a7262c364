import type { Context, MiddlewareHandler } from 'hono';
import type { Summary } from '../../schemas/summary.js';
import type { CorpusView } from '../core/index.js';
import { renderSummaryMarkdown } from '../render/markdown.js';
import { type CachedBody, etagOf, LruMap, ModelCache } from './cache.js';
import type { AppEnv, ApiApp, RouteDeps } from './context.js';
import { CORPUS_HEADER, MARKDOWN_MEDIA_TYPE, sendCached, sendText } from './respond.js';

/**
 * Cached answers by request target. A GET of the topic list, a topic or a summary that was
 * answered 200 is remembered under its exact path and query string (per model); the same target
 * is answered again from that body before validation and routing: same string, same parameters,
 * same body. A quarter to a third of a cached answer's time was spent re-validating and
 * re-normalizing parameters whose answer was already known.
 */

/** How a summary body is sent: as JSON, or rendered as Markdown (the `….md` operations). */
export type SummaryVariant = 'json' | 'markdown';

/** A remembered answer: the body, and for a summary, which of its two forms the target sends. */
interface Known {
  readonly body: CachedBody<unknown>;
  readonly summary?: SummaryVariant;
}

/** Targets remembered per model. */
const TARGETS = 2048;

const known = new ModelCache<CorpusView, LruMap<string, Known>>(() => new LruMap(TARGETS));

/** The path and query of a request, as sent. */
function target(c: Context): string {
  const url = c.req.url;
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/** The Markdown variant of a cached summary, rendered once. */
function markdownOf(body: CachedBody<Summary>): { text: string; etag: string } {
  if (!body.markdown) {
    const text = renderSummaryMarkdown(body.value);
    body.markdown = { text, etag: etagOf(text, 'markdown') };
  }
  return body.markdown;
}

/** Serves a summary body as JSON or as Markdown (each with its own ETag). */
export function serveSummary(
  c: Context,
  model: CorpusView,
  body: CachedBody<Summary>,
  variant: SummaryVariant,
): Response {
  const headers = { [CORPUS_HEADER]: model.fingerprint };
  if (variant === 'markdown') {
    const md = markdownOf(body);
    return sendText(c, md.text, md.etag, MARKDOWN_MEDIA_TYPE, headers);
  }
  return sendCached(c, body, headers) as unknown as Response;
}

/** Remembers the body a GET target was answered 200 with (routes call it). */
export function rememberTarget(
  c: Context,
  model: CorpusView,
  body: CachedBody<unknown>,
  summary?: SummaryVariant,
): void {
  known.for(model).set(target(c), summary ? { body, summary } : { body });
}

/** Answers remembered targets of the topic and summary routes before they validate anything. */
export function registerFastPath(app: ApiApp, { state }: RouteDeps): void {
  const fast: MiddlewareHandler<AppEnv> = (c, next) => {
    if (c.req.method !== 'GET') return next();
    const model = state.model;
    const hit = known.for(model).get(target(c));
    if (!hit) return next();
    const res = hit.summary
      ? serveSummary(c, model, hit.body as CachedBody<Summary>, hit.summary)
      : (sendCached(c, hit.body, { [CORPUS_HEADER]: model.fingerprint }) as unknown as Response);
    return Promise.resolve(res);
  };
  app.use('/v1/topics', fast);
  app.use('/v1/topics/*', fast);
  app.use('/v1/summary', fast);
  app.use('/v1/summary.md', fast);
}
