import { MAX_QUERY_CHARS, MAX_SENTENCES, MAX_TOPIC_ID_CHARS } from '../../core/index.js';
import { DIGITS } from '../params.js';

/** What the page shows, read leniently from its URL: a page never answers 400 for a hand-edited link. */
export interface PageParams {
  /** Selected topic id (ignored when `query` is set). */
  readonly topic?: string;
  /** Query of a query-focused summary of the whole corpus. */
  readonly query?: string;
  /** Sentences asked for, clamped to 1..50. */
  readonly maxSentences: number;
  /**
   * Opened citation as `sentence.citation`, both numbered from 1 as the page shows them (`2.1`:
   * the first citation of the second sentence); the script opens it.
   */
  readonly cite?: string;
}

/**
 * Reads the page's URL parameters: `topic`, `query`, `maxSentences` (digits, clamped, default 5)
 * and `cite` (kept only when it looks like `S.C`, both from 1).
 *
 * @example
 * parsePageParams(new URLSearchParams('topic=t-1&maxSentences=99')) // { topic: 't-1', maxSentences: 50 }
 */
export function parsePageParams(search: URLSearchParams): PageParams {
  const topic = search.get('topic')?.trim().slice(0, MAX_TOPIC_ID_CHARS) || undefined;
  const query = search.get('query')?.trim().slice(0, MAX_QUERY_CHARS) || undefined;
  // Digits only, as the API reads it; anything else is the default rather than a 400.
  const raw = search.get('maxSentences') ?? '';
  const maxSentences = DIGITS.test(raw)
    ? Math.min(MAX_SENTENCES.max, Math.max(MAX_SENTENCES.min, Number(raw)))
    : MAX_SENTENCES.default;
  const rawCite = search.get('cite') ?? '';
  const cite = /^[1-9]\d{0,3}\.[1-9]\d{0,3}$/.test(rawCite) ? rawCite : undefined;
  return {
    ...(topic ? { topic } : {}),
    ...(query ? { query } : {}),
    maxSentences,
    ...(cite ? { cite } : {}),
  };
}

/**
 * The page URL of a view: query wins over topic, `maxSentences` is always written so a shared
 * link reopens the same summary, `cite` last.
 *
 * @example
 * pageHref({ topic: 't-1', maxSentences: 5, cite: '2.1' }) // '/?topic=t-1&maxSentences=5&cite=2.1'
 */
export function pageHref(view: {
  topic?: string;
  query?: string;
  maxSentences: number;
  cite?: string;
}): string {
  const p = new URLSearchParams();
  if (view.query) p.set('query', view.query);
  else if (view.topic) p.set('topic', view.topic);
  p.set('maxSentences', String(view.maxSentences));
  if (view.cite) p.set('cite', view.cite);
  return `/?${p.toString()}`;
}
