import type { Summary } from '../../schemas/summary.js';
import type { TopicDetail, TopicList } from '../../schemas/topic.js';
import {
  type CorpusModel,
  type CursorProblem,
  listStories,
  summarize,
  summaryKey,
  type SummaryRequest,
  topicDetail,
} from '../core/index.js';
import { cacheBody, type CachedBody, LruMap, ModelCache } from './cache.js';

/** What one app keeps per corpus model: topic pages, topic details and summaries, serialized. */
interface ModelBodies {
  readonly topicPages: LruMap<string, CachedBody<TopicList> | CursorProblem>;
  readonly topics: LruMap<string, CachedBody<TopicDetail>>;
  readonly summaries: LruMap<string, CachedBody<Summary>>;
}

/** Most summaries kept per model (least recently used dropped first). */
export const SUMMARY_CACHE_LIMIT = 1024;
/** Most topic pages and topic details kept per model. */
export const TOPIC_CACHE_LIMIT = 256;

/**
 * The per-model cache of serialized bodies one app shares between its API routes and its page,
 * so the same topic page, topic or summary is computed (and serialized) once whichever asks
 * first. Keyed by the model object: a reload drops every stale entry at once.
 */
export class BodyCache {
  readonly #caches = new ModelCache<CorpusModel, ModelBodies>(() => ({
    topicPages: new LruMap(TOPIC_CACHE_LIMIT),
    topics: new LruMap(TOPIC_CACHE_LIMIT),
    summaries: new LruMap(SUMMARY_CACHE_LIMIT),
  }));

  /** A page of the story list, serialized once, or why its cursor was refused. */
  topics(
    model: CorpusModel,
    page: { limit?: number | undefined; cursor?: string | undefined } = {},
  ): CachedBody<TopicList> | CursorProblem {
    const cache = this.#caches.for(model).topicPages;
    const key = `${page.limit ?? ''}\u0000${page.cursor ?? ''}`;
    let body = cache.get(key);
    if (!body) {
      const list = listStories(model, page);
      body = 'problem' in list ? list : cacheBody(list);
      cache.set(key, body);
    }
    return body;
  }

  /** A story or facet in full, serialized once; `undefined` for an unknown id. */
  topic(model: CorpusModel, topicId: string): CachedBody<TopicDetail> | undefined {
    const cache = this.#caches.for(model).topics;
    let body = cache.get(topicId);
    if (!body) {
      const detail = topicDetail(model, topicId);
      if (!detail) return undefined;
      body = cacheBody(detail);
      cache.set(topicId, body);
    }
    return body;
  }

  /**
   * The summary of a request on a model, computed and serialized on a miss; `undefined` for an
   * unknown topic.
   *
   * @example
   * bodies.summary(model, { topicId: id, maxSentences: 5 })
   */
  summary(model: CorpusModel, request: SummaryRequest): CachedBody<Summary> | undefined {
    const cache = this.#caches.for(model).summaries;
    const key = summaryKey(request);
    let body = cache.get(key);
    if (!body) {
      const summary = summarize(model, request);
      if (!summary) return undefined;
      body = cacheBody(summary);
      cache.set(key, body);
    }
    return body;
  }
}
