import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { SELECTION, type SelectionConstants } from './constants.js';

/** Concept weights: `strong` (concepts several sources share) and `all` (single sources too). */
export interface ConceptWeights {
  readonly strong: ReadonlyMap<number, number>;
  readonly all: ReadonlyMap<number, number>;
}

/**
 * Concept weights in the manner of Gillick & Favre 2009 ("A Scalable Global Model for
 * Summarization"): a bigram concept is worth the number of documents that contain it, so facts
 * reported by several sources dominate; concepts in a document's lead count a little more. With
 * fewer than three documents, sentence frequency stands in for document frequency.
 */
export function conceptWeights(
  pool: readonly Sentence[],
  index: TermIndex,
  k: SelectionConstants = SELECTION,
): ConceptWeights {
  const files = new Set(pool.map((s) => s.fileIndex));
  const byDocs = files.size >= 3;
  // Per concept: units (documents, or sentences with few documents) that contain it, and the sum
  // over units of the best positional credit of an occurrence. Sentences arrive grouped by file.
  const acc = new Map<
    number,
    { unit: number; best: number; total: number; units: number; lead: boolean }
  >();
  const ordered = pool.every((s, i) => i === 0 || pool[i - 1]!.id < s.id)
    ? pool
    : [...pool].sort((x, y) => x.id - y.id);
  for (const s of ordered) {
    const unit = byDocs ? s.fileIndex : s.id;
    // The lead prior is a property of articles: with few documents (one file of reviews, say) it does not apply.
    const credit = byDocs && k.positionScale > 0 ? 1 / (1 + s.position / k.positionScale) : 1;
    const lead = byDocs && s.position < k.leadSentences;
    for (const c of index.concepts[s.id]!) {
      const a = acc.get(c);
      if (!a) acc.set(c, { unit, best: credit, total: 0, units: 1, lead });
      else {
        if (a.unit !== unit) {
          a.total += a.best;
          a.unit = unit;
          a.best = credit;
          a.units++;
        } else if (credit > a.best) a.best = credit;
        if (lead) a.lead = true;
      }
    }
  }
  const weigh = (minSupport: number) => {
    const weights = new Map<number, number>();
    for (const [c, a] of acc)
      if (a.units >= minSupport) weights.set(c, a.total + a.best + (a.lead ? k.leadBonus : 0));
    return weights;
  };
  const all = weigh(1);
  const strong = weigh(k.minSupport);
  return { strong: strong.size ? strong : all, all };
}
