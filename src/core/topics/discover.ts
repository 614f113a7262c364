import type { Topic } from '../../../schemas/topic.js';
import { sha256Hex } from '../corpus/index.js';
import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { nearestCentroids, sample } from './buckshot.js';
import { averageLinkage, cut } from './clustering.js';
import { TOPICS } from './constants.js';
import { keywordsOf, labelOf, surfaceWords } from './labels.js';
import { centroid, sentenceVectors } from './vectors.js';

/** A topic as the API shows it, plus the ids of its sentences (corpus order). */
export interface TopicCluster {
  readonly topic: Topic;
  readonly sentenceIds: readonly number[];
}

/**
 * Finds the topics of a corpus by clustering its content sentences: TF-IDF vectors smoothed
 * with neighbouring sentences, group-average agglomerative clustering cut at a fixed
 * similarity; above `exactLimit` sentences, the Buckshot scheme (Cutting et al. 1992,
 * Scatter/Gather) clusters a sample and assigns the rest to the nearest centroid. Clusters with
 * fewer than two sentences, or held together by fewer than three shared terms, are noise, not topics. Ids hash the topic's label and members, so
 * the same corpus always yields the same ids.
 */
export function discoverTopics(sentences: readonly Sentence[], index: TermIndex): TopicCluster[] {
  const ids = sentences
    .filter((s) => s.hasVerb && index.content[s.id]!.length >= 3)
    .map((s) => s.id);
  if (ids.length < TOPICS.minSentences) return [];
  let groups: number[][];
  if (ids.length <= TOPICS.exactLimit) {
    const vecs = sentenceVectors(sentences, ids, index);
    groups = cut(ids.length, averageLinkage(vecs), TOPICS.cutSimilarity).map((g) =>
      g.map((i) => ids[i]!),
    );
  } else {
    const sampled = sample(ids, TOPICS.exactLimit);
    const vecs = sentenceVectors(sentences, sampled, index);
    const seedGroups = cut(sampled.length, averageLinkage(vecs), TOPICS.cutSimilarity).filter(
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
  const cohesive = (g: readonly number[]) => {
    const seen = new Map<number, number>();
    for (const id of g) for (const t of index.content[id]!) seen.set(t, (seen.get(t) ?? 0) + 1);
    let shared = 0;
    for (const n of seen.values()) if (n >= 2) shared++;
    return shared >= TOPICS.minSharedTerms;
  };
  const kept = groups
    .filter((g) => g.length >= TOPICS.minSentences && cohesive(g))
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .slice(0, TOPICS.maxTopics);
  const usedIds = new Set<string>();
  return kept.map((members) => {
    const kws = keywordsOf(members, index);
    const kwMap = new Map(kws.slice(0, 12).map((k) => [k.term, k.score]));
    const surface = surfaceWords(members, sentences);
    const keywords = kws
      .slice(0, 8)
      .map((k) => surface.get(index.terms[k.term]!) ?? index.terms[k.term]!);
    const label = labelOf(members, sentences, index, kwMap);
    const files = [...new Set(members.map((id) => sentences[id]!.file))].sort();
    const memberKey = members
      .map((id) => `${sentences[id]!.file}:${sentences[id]!.offsets.start}`)
      .join('|');
    let id = `t-${sha256Hex(`${label}\n${keywords.slice(0, 3).join(',')}`).slice(0, 10)}`;
    if (usedIds.has(id)) id = `t-${sha256Hex(`${label}\n${memberKey}`).slice(0, 10)}`;
    usedIds.add(id);
    return {
      topic: { id, label, keywords, files, sentenceCount: members.length },
      sentenceIds: members,
    };
  });
}
