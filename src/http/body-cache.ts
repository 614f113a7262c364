import type { TopicList } from '../../schemas/api.js';
import type { Summary } from '../../schemas/summary.js';
import {
  type CorpusModel,
  listTopics,
  summarize,
  summaryKey,
  type SummaryRequest,
} from '../core/index.js';
import { cacheBody, type CachedBody, LruMap, ModelCache } from './cache.js';

/** What one app keeps per corpus model: the topic list and serialized summaries. */
interface ModelBodies {
  topics?: CachedBody<TopicList>;
  readonly summaries: LruMap<string, CachedBody<Summary>>;
}

/** Most summaries kept per model (least recently used dropped first). */
export const SUMMARY_CACHE_LIMIT = 1024;

/**
 * The per-model cache of serialized bodies one app shares between its API routes and its page,
 * so the same topic list or summary is computed (and serialized) once whichever asks first.
 * Keyed by the model object: a reload drops every stale entry at once.
 */
export class BodyCache {
  readonly #caches = new ModelCache<CorpusModel, ModelBodies>(() => ({
    summaries: new LruMap(SUMMARY_CACHE_LIMIT),
  }));

  /** The topic list of a model, serialized once. */
  topics(model: CorpusModel): CachedBody<TopicList> {
    const cache = this.#caches.for(model);
    cache.topics ??= cacheBody<TopicList>({ corpus: model.fingerprint, topics: listTopics(model) });
    return cache.topics;
  }

  /**
   * The summary of a request on a model, computed and serialized on a miss; `undefined` for an
   * unknown topic.
   *
   * @example
   * bodies.summary(model, { topicId: id, maxSentences: 5 })
   */
  summary(model: CorpusModel, request: SummaryRequest): CachedBody<Summary> | undefined {
    const cache = this.#caches.for(model);
    const key = summaryKey(request);
    let body = cache.summaries.get(key);
    if (!body) {
      const summary = summarize(model, request);
      if (!summary) return undefined;
      body = cacheBody(summary);
      cache.summaries.set(key, body);
    }
    return body;
  }
}
