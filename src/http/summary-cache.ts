import type { TopicList } from '../../schemas/api.js';
import type { Summary } from '../../schemas/summary.js';
import type { CorpusModel } from '../core/pipeline.js';
import { cacheBody, type CachedBody, LruMap, ModelCache } from './cache.js';

/** What one app keeps per corpus model: the topic list, the topic ids, and serialized summaries. */
export interface ModelSummaries {
  topics?: CachedBody<TopicList>;
  topicIds?: ReadonlySet<string>;
  readonly summaries: LruMap<string, CachedBody<Summary>>;
}

/** Most summaries kept per model (least recently used dropped first). */
export const SUMMARY_CACHE_LIMIT = 1024;

/**
 * The per-model summary cache one app shares between its API routes and its page, so the
 * same summary is computed (and serialized) once whichever of them asks first. Keyed by the
 * model object: a reload drops every stale entry at once.
 */
export class SummaryCache {
  readonly #caches = new ModelCache<CorpusModel, ModelSummaries>(() => ({
    summaries: new LruMap(SUMMARY_CACHE_LIMIT),
  }));

  /** The cache record of a model. */
  for(model: CorpusModel): ModelSummaries {
    return this.#caches.for(model);
  }

  /**
   * The summary cached under `key` for `model`, computing and serializing it on a miss.
   *
   * @example
   * cache.summaryFor(model, topicSummaryKey(id, 5, 250), () => summarize(model, { topicId: id, maxSentences: 5, maxWords: 250 })!)
   */
  summaryFor(model: CorpusModel, key: string, compute: () => Summary): CachedBody<Summary> {
    const cache = this.#caches.for(model);
    let body = cache.summaries.get(key);
    if (!body) {
      body = cacheBody(compute());
      cache.summaries.set(key, body);
    }
    return body;
  }
}

/** Cache key of a topic's summary (options already defaulted). */
export function topicSummaryKey(topicId: string, maxSentences: number, maxWords: number): string {
  return `t\u0000${topicId}\u0000${maxSentences}\u0000${maxWords}`;
}

/** Cache key of the corpus summary (`query` trimmed; empty for the whole corpus). */
export function corpusSummaryKey(query: string, maxSentences: number, maxWords: number): string {
  return `q\u0000${query}\u0000${maxSentences}\u0000${maxWords}`;
}
