/** Constants of topic discovery, fixed for all corpora (see README, "Topics"). */
export const TOPICS = {
  /** Average-linkage similarity below which two groups of sentences are different topics. */
  cutSimilarity: 0.1,
  /** Weight of the neighbouring sentences of the same paragraph run in a sentence's vector. */
  contextWeight: 0.15,
  /** Largest number of sentences clustered exactly; larger corpora are sampled (Buckshot). */
  exactLimit: 1500,
  /** Most topics reported. */
  maxTopics: 40,
  /** Fewest sentences of a topic. */
  minSentences: 2,
  /** Fewest content terms that recur in two or more of a topic's sentences (what holds it together). */
  minSharedTerms: 3,
};
