import type { Context } from 'hono';
import type { Summary } from '../../../schemas/summary.js';
import { corpusStats, findTopic } from '../../core/index.js';
import { ifNoneMatchHits } from '../cache.js';
import type { ApiApp, RouteDeps } from '../context.js';
import { APP_CSS, APP_JS, type PageAsset } from './page-assets.js';
import { parsePageParams } from './page-params.js';
import { type PageModel, PageView } from './page-view.js';

/**
 * The page's Content-Security-Policy: its own script, style and API only, no inline script
 * (the summary's data travels in a `type="application/json"` block, which never runs).
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function serveAsset(c: Context, asset: PageAsset) {
  const headers = {
    'Content-Type': asset.contentType,
    ETag: asset.etag,
    'Cache-Control': c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (ifNoneMatchHits(c.req.header('If-None-Match'), asset.etag)) return c.body(null, 304, headers);
  return c.body(asset.body, 200, headers);
}

/**
 * Mounts the spot-check page: `GET /` (server-rendered summary with citation markers) and its
 * two assets, `/assets/app.js` and `/assets/app.css`. These are plain routes, outside the
 * OpenAPI document; every other unknown path keeps the app's problem+json 404.
 *
 * @example
 * registerPage(app, deps) // in createApp, next to the API routes
 */
export function registerPage(app: ApiApp, { state, bodies }: RouteDeps): void {
  app.get(APP_JS.path, (c) => serveAsset(c, APP_JS));
  app.get(APP_CSS.path, (c) => serveAsset(c, APP_CSS));

  app.get('/', async (c) => {
    const params = parsePageParams(new URL(c.req.url).searchParams);
    const model = state.model;
    const list = bodies.topics(model);
    const stories = 'problem' in list ? [] : list.value.topics;
    let status: 200 | 404 = 200;
    const stats = corpusStats(model);
    let notice = stats.message;
    let summary: Summary | undefined;
    const topic = params.query
      ? undefined
      : params.topic
        ? findTopic(model, params.topic)?.topic
        : stories[0];
    // The same summaries, under the same keys, as GET /v1/summary and /v1/topics/{id}/summary.
    const { maxSentences } = params;
    if (params.query) {
      summary = (await bodies.summary(model, { query: params.query, maxSentences }))!.value;
    } else if (topic) {
      summary = (await bodies.summary(model, { topicId: topic.id, maxSentences }))!.value;
    } else if (params.topic) {
      status = 404;
      notice = `No story or facet has the id “${params.topic}” in the current corpus (ids change when the files change). Pick a story from the list.`;
    } else if (stories.length === 0 && stats.documents > 0) {
      summary = (await bodies.summary(model, { maxSentences }))!.value;
    }
    const page: PageModel = {
      params,
      stories,
      totalStories: stats.topics,
      ...(topic ? { topic } : {}),
      ...(summary ? { summary } : {}),
      ...(notice ? { notice } : {}),
      corpus: { fingerprint: stats.corpus, files: stats.documents },
    };
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(`<!doctype html>${String(<PageView model={page} />)}`, status);
  });
}
