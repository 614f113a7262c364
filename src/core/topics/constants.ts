/**
 * Average-linkage cosine below which two groups are about different things: the one threshold of
 * the topic hierarchy, for documents (stories) and for sentences (facets) alike.
 */
export const CUT_SIMILARITY = 0.1;

/** Constants of story discovery (documents → stories), fixed for all corpora (see docs/pipeline.md, "Topics"). */
export const STORIES = {
  /** Average-linkage cosine below which two groups of documents are different stories. */
  cutSimilarity: CUT_SIMILARITY,
  /** Weight of a content word that is neither a named entity nor part of a two-word concept. */
  contentWordWeight: 0.25,
  /** Lead decay: sentence p of a document counts 1 / (1 + p / leadScale). */
  leadScale: 1,
  /** Heaviest features of a document used to find the documents it is compared with. */
  probeFeatures: 10,
  /** Documents each document is compared with exactly (the best by partial score). */
  neighbours: 30,
};

/** Constants of facet discovery (a story's sentences → facets), fixed for all corpora. */
export const TOPICS = {
  /** Average-linkage similarity below which two groups of sentences are different facets. */
  cutSimilarity: CUT_SIMILARITY,
  /** Weight of the neighbouring sentences of the same paragraph run in a sentence's vector. */
  contextWeight: 0.15,
  /**
   * Largest number of a story's sentences clustered exactly; larger stories are sampled
   * (Buckshot: the sample's clusters seed centroids, every sentence is then assigned).
   */
  exactLimit: 500,
  /** Fewest sentences of a facet. */
  minSentences: 2,
  /** Smallest share of a story's sentences a facet holds: an angle a noticeable part of it takes. */
  minShare: 0.01,
  /** Fewest content terms that recur in two or more of a topic's sentences (what holds a facet together). */
  minSharedTerms: 3,
};
