/** Tunable constants of the selection, fixed for all corpora (see README, "Summaries"). */
export const SELECTION = {
  /** Sentences shorter than this many words are not extracted (fragments, captions). */
  minWords: 6,
  /** Sentences longer than this are not extracted (run-ons, lists flattened into one line). */
  maxWords: 70,
  /** Weight of the lead prior: concepts seen in a document's opening sentences count more. */
  leadBonus: 0.5,
  /** Number of opening sentences of each document that count as its lead. */
  leadSentences: 2,
  /** Fewest documents (or sentences, for fewer than three documents) a concept must appear in. */
  minSupport: 2,
  /** Most candidates the selection considers (the best by standalone value per word). */
  maxCandidates: 2000,
  /** Position decay: an occurrence at sentence position p counts 1 / (1 + p / positionScale) (0 = off). */
  positionScale: 2,
};
