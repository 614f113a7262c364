import type { Summary } from '../../schemas/summary.js';
import type { TopicDetail, TopicList } from '../../schemas/topic.js';
import {
  type CorpusView,
  type CursorProblem,
  findTopic,
  listStories,
  summaryKey,
  type SummaryRequest,
} from '../core/index.js';
import { cacheBody, type CachedBody, cachedJson, LruMap, ModelCache } from './cache.js';
import type { Compute } from './compute.js';

/** A value now, or once it is computed. */
export type Pending<T> = T | Promise<T>;

/** An entry: the body once computed, the computation while it runs. */
type Entry<T> = CachedBody<T> | Promise<CachedBody<T>>;

/** What one app keeps per corpus model: topic pages, topic details and summaries, serialized. */
interface ModelBodies {
  readonly topicPages: LruMap<string, CachedBody<TopicList> | CursorProblem>;
  readonly topics: LruMap<string, Entry<TopicDetail>>;
  readonly summaries: LruMap<string, Entry<Summary>>;
}

/** Most summaries kept per model (least recently used dropped first). */
export const SUMMARY_CACHE_LIMIT = 1024;
/** Most topic pages and topic details kept per model. */
export const TOPIC_CACHE_LIMIT = 256;

/**
 * Looks `key` up in `cache`; on a miss starts `compute` once, so concurrent requests for the same
 * body share one computation. A cached body is returned as is (no promise: the hot path stays
 * synchronous); a failed computation (a full queue) is forgotten, so the next request retries.
 */
function lookup<T>(
  cache: LruMap<string, Entry<T>>,
  key: string,
  compute: () => Promise<string | undefined>,
): Pending<CachedBody<T> | undefined> {
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = compute().then(
    (json) => {
      if (json === undefined) {
        cache.delete(key);
        return undefined;
      }
      const body = cachedJson<T>(json);
      if (cache.get(key) === pending) cache.set(key, body);
      return body;
    },
    (err: unknown) => {
      if (cache.get(key) === pending) cache.delete(key);
      throw err;
    },
  );
  cache.set(key, pending as Promise<CachedBody<T>>);
  return pending;
}

/**
 * The per-model cache of serialized bodies one app shares between its API routes and its page,
 * so the same topic page, topic or summary is computed (and serialized) once whichever asks
 * first. Keyed by the model object: a reload drops every stale entry at once. Topic pages are
 * cut from the stories the main thread holds; details and summaries come from `compute`.
 */
export class BodyCache {
  readonly #caches = new ModelCache<CorpusView, ModelBodies>(() => ({
    topicPages: new LruMap(TOPIC_CACHE_LIMIT),
    topics: new LruMap(TOPIC_CACHE_LIMIT),
    summaries: new LruMap(SUMMARY_CACHE_LIMIT),
  }));

  constructor(private readonly compute: Compute) {}

  /** A page of the story list, serialized once, or why its cursor was refused. */
  topics(
    model: CorpusView,
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
  topic(model: CorpusView, topicId: string): Pending<CachedBody<TopicDetail> | undefined> {
    if (!findTopic(model, topicId)) return undefined;
    return lookup(this.#caches.for(model).topics, topicId, () =>
      this.compute.topic(model, topicId),
    );
  }

  /**
   * The summary of a request on a model, computed and serialized on a miss; `undefined` for an
   * unknown topic.
   *
   * @example
   * await bodies.summary(model, { topicId: id, maxSentences: 5 })
   */
  summary(model: CorpusView, request: SummaryRequest): Pending<CachedBody<Summary> | undefined> {
    if (request.topicId !== undefined && !findTopic(model, request.topicId)) return undefined;
    return lookup(this.#caches.for(model).summaries, summaryKey(request), () =>
      this.compute.summary(model, request),
    );
  }
}
