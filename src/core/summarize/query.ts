import { idf, type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { sortedHas } from '../shared/sorted.js';
import { analyze, featuresOf } from '../text/index.js';

/**
 * Stems of a free-text query (content words only) and its bigram concepts, as index ids. The
 * query goes through the same tokenizer, stemmer and possessive rule as the corpus sentences.
 */
export function queryTerms(
  index: TermIndex,
  query: string,
): { terms: number[]; bigrams: number[] } {
  const t = analyze(query);
  const { stems, stop } = featuresOf(t, 0, t.values.length - 1);
  const out = new Set<number>();
  const bigrams = new Set<number>();
  let prev: number | undefined;
  stems.forEach((s, i) => {
    const id = index.vocab.get(s);
    if (id !== undefined && prev !== undefined) bigrams.add(prev * index.base + id);
    prev = id;
    if (!stop[i] && id !== undefined) out.add(id);
  });
  return { terms: [...out], bigrams: [...bigrams] };
}

/**
 * Relevance of each pool sentence to a query, in [0, 1]: the idf mass of the query's terms the
 * sentence contains plus a bonus for each query bigram it contains (term proximity), relative to
 * the query's total mass. Zero-relevance sentences are absent.
 */
export function queryRelevance(
  pool: readonly Sentence[],
  all: readonly Sentence[],
  index: TermIndex,
  q: readonly number[],
  qBigrams: readonly number[],
): Map<number, number> {
  const mass = q.reduce((n, t) => n + idf(index, t), 0) + qBigrams.length;
  const scores = new Map<number, number>();
  if (mass <= 0) return scores;
  // Only sentences that contain a query term can score: walk the terms' postings, not the pool.
  const inPool = pool === all ? undefined : new Set(pool.map((s) => s.id));
  for (const t of q)
    for (const id of index.postings[t]!)
      if (!inPool || inPool.has(id)) scores.set(id, (scores.get(id) ?? 0) + idf(index, t));
  for (const [id, score] of scores) {
    let bonus = 0;
    for (const b of qBigrams) if (sortedHas(index.concepts[id]!, b)) bonus += 1;
    scores.set(id, (score + bonus) / mass);
  }
  return scores;
}
