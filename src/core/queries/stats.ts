import type { CorpusView } from '../model.js';

/** Counts of a model, as health checks and logs report them. */
export interface CorpusStats {
  readonly corpus: string;
  readonly documents: number;
  readonly skipped: number;
  readonly sentences: number;
  /** Stories. */
  readonly topics: number;
  /** Facets of all stories. */
  readonly facets: number;
  /** Files that are wholly a copy of another (summarized and cited through their original). */
  readonly copies: number;
  /** Files of prose that yield no content sentence (`noContent` in the documents list). */
  readonly proseWithoutContent: number;
  /** Set when the corpus is empty or the folder is missing. */
  readonly message?: string;
}

/** The model's fingerprint and counts. */
export function corpusStats(model: CorpusView): CorpusStats {
  return {
    corpus: model.fingerprint,
    documents: model.files.length,
    skipped: model.skipped.length,
    sentences: model.sentences.length,
    topics: model.stories.length,
    facets: model.stories.reduce((n, s) => n + s.facets.length, 0),
    copies: model.documents.reduce((n, d) => n + (d.copyOf !== undefined ? 1 : 0), 0),
    proseWithoutContent: model.documents.reduce((n, d) => n + (d.noContent ? 1 : 0), 0),
    ...(model.message ? { message: model.message } : {}),
  };
}
