import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { standsAlone } from '../summarize/readability.js';
import { nearestCentroids, sample } from './buckshot.js';
import { averageLinkage, cut } from './clustering.js';
import { TOPICS } from './constants.js';
import { centroid, sentenceVectors, similarityMatrix } from './vectors.js';

/** A facet's members hold together: enough content terms recur in two or more of its sentences. */
function cohesive(members: readonly number[], index: TermIndex): boolean {
  const seen = new Map<number, number>();
  for (const id of members) for (const t of index.content[id]!) seen.set(t, (seen.get(t) ?? 0) + 1);
  let shared = 0;
  for (const n of seen.values()) if (n >= 2) shared++;
  return shared >= TOPICS.minSharedTerms;
}

/**
 * The facets of one story: its content sentences clustered by TF-IDF vectors smoothed with
 * neighbouring sentences, group-average agglomerative clustering cut at the hierarchy's one
 * threshold; above `exactLimit` sentences the Buckshot scheme (Cutting et al. 1992,
 * Scatter/Gather) clusters a sample and assigns the rest to the nearest centroid. Clusters of one
 * sentence, smaller than 1% of the story, or held together by fewer than three shared terms,
 * are noise, not facets (a facet may
 * leave sentences out; the story keeps them all), and so is a cluster none of whose sentences can
 * stand in a summary on its own (`standsAlone`: a list of definition fragments, sentences that all
 * point back to something outside the facet): a facet is something a summary can be drawn from. Returns member sentence ids, ascending, largest
 * facet first.
 */
export function discoverFacets(
  sentences: readonly Sentence[],
  pool: readonly number[],
  index: TermIndex,
): number[][] {
  const ids = pool.filter((id) => sentences[id]!.hasVerb && index.content[id]!.length >= 3);
  if (ids.length < TOPICS.minSentences) return [];
  let groups: number[][];
  if (ids.length <= TOPICS.exactLimit) {
    const vecs = sentenceVectors(sentences, ids, index);
    const merges = averageLinkage(similarityMatrix(vecs), vecs.length);
    groups = cut(ids.length, merges, TOPICS.cutSimilarity).map((g) => g.map((i) => ids[i]!));
  } else {
    const sampled = sample(ids, TOPICS.exactLimit);
    const vecs = sentenceVectors(sentences, sampled, index);
    const merges = averageLinkage(similarityMatrix(vecs), vecs.length);
    const seedGroups = cut(sampled.length, merges, TOPICS.cutSimilarity).filter(
      (g) => g.length >= TOPICS.minSentences,
    );
    const centroids = seedGroups.map((g) => centroid(g.map((i) => vecs[i]!)));
    groups = centroids.map(() => []);
    const nearest = nearestCentroids(sentences, ids, index, centroids, TOPICS.cutSimilarity);
    ids.forEach((id, k) => {
      const best = nearest[k]!;
      if (best >= 0) groups[best]!.push(id);
    });
  }
  const least = Math.max(TOPICS.minSentences, Math.ceil(TOPICS.minShare * ids.length));
  return groups
    .filter(
      (g) => g.length >= least && cohesive(g, index) && g.some((id) => standsAlone(sentences[id]!)),
    )
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
