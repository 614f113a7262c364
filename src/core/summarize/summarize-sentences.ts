import type { SummarySentence } from '../../../schemas/summary.js';
import type { SourceFile } from '../corpus/index.js';
import type { TermIndex } from '../index/index.js';
import { MAX_CITATIONS } from '../limits.js';
import type { Sentence } from '../segment/index.js';
import { countWords } from '../text/index.js';
import { isCandidate } from './candidates.js';
import type { HrefFor } from '../hrefs.js';
import { citationOf } from './citations.js';
import { type ConceptWeights, conceptWeights } from './concept-weights.js';
import { SELECTION } from './constants.js';
import { queryRelevance, queryTerms } from './query.js';
import { corroborating, sameFact } from './same-fact.js';
import { greedy, type SelectionProblem, selectSentences } from './select.js';

/** What the summarizer reads besides the candidate sentences. */
export interface SummarizeContext {
  /** Every sentence of the corpus (for finding other files that state the same fact). */
  readonly all: readonly Sentence[];
  readonly index: TermIndex;
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly hrefFor: HrefFor;
  readonly maxSentences: number;
  readonly maxWords: number;
  readonly query?: string;
  /** The pool's concept weights when the caller keeps them (the whole corpus's); else computed. */
  readonly weights?: ConceptWeights;
}

/** What a request optimises: its candidates and how concepts and sentences are weighed. */
interface Objective {
  readonly candidates: Sentence[];
  /** Weight of concepts several sources share. */
  readonly weight: (c: number) => number;
  /** Weight of every concept, single sources too (for filling the budget). */
  readonly weakWeight: (c: number) => number;
  /** Relevance factor of a sentence (1 without a query). */
  readonly factor: (s: Sentence) => number;
}

/**
 * The candidates and weights of a request. A query keeps the sentences at least half as relevant
 * as the best one (on topic, not merely sharing a word) and doubles the concepts that contain a
 * query term; large pools keep the candidates with the best standalone value per word, so a
 * request's cost stays bounded however large the corpus.
 */
function objectiveOf(pool: readonly Sentence[], ctx: SummarizeContext): Objective {
  const { index } = ctx;
  let candidates = pool.filter(isCandidate);
  const base = ctx.weights ?? conceptWeights(pool, index);
  let boost: (c: number) => number = () => 1;
  let relevance: Map<number, number> | undefined;
  if (ctx.query) {
    const q = queryTerms(index, ctx.query);
    const rel = queryRelevance(pool, ctx.all, index, q.terms, q.bigrams);
    let top = 0;
    for (const r of rel.values()) if (r > top) top = r;
    candidates = candidates.filter((s) => {
      const r = rel.get(s.id) ?? 0;
      return r > 0 && r >= top * 0.5;
    });
    const qset = new Set(q.terms);
    boost = (c) => {
      const a = Math.floor(c / index.base);
      return qset.has(a) || qset.has(c - a * index.base) ? 2 : 1;
    };
    relevance = rel;
  }
  const weight = (c: number): number => (base.strong.get(c) ?? 0) * boost(c);
  const weakWeight = (c: number): number => (base.all.get(c) ?? 0) * boost(c);
  if (candidates.length > SELECTION.maxCandidates) {
    const value = (s: Sentence) => {
      let v = 0;
      for (const c of index.concepts[s.id]!) v += weight(c);
      return (v / Math.max(1, countWords(s.text))) * (relevance ? (relevance.get(s.id) ?? 0) : 1);
    };
    candidates = candidates
      .map((s) => ({ s, v: value(s) }))
      .sort((a, b) => b.v - a.v || a.s.id - b.s.id)
      .slice(0, SELECTION.maxCandidates)
      .map((x) => x.s)
      .sort((a, b) => a.id - b.id);
  }
  let maxRel = relevance ? 1e-9 : 1;
  for (const r of relevance?.values() ?? []) if (r > maxRel) maxRel = r;
  const factor = (s: Sentence): number =>
    relevance ? 0.25 + (relevance.get(s.id) ?? 0) / maxRel : 1;
  return { candidates, weight, weakWeight, factor };
}

/**
 * Same-fact relations of one request: the other files' sentences that state each sentence's
 * fact (computed once per sentence), and redundancy: two sentences state the same fact directly,
 * or each states the fact of one sentence in a third file (one hop).
 */
function factRelations(ctx: SummarizeContext) {
  const cache = new Map<number, Set<number>>();
  const corroboratingIds = (s: Sentence): Set<number> => {
    let ids = cache.get(s.id);
    if (!ids)
      cache.set(s.id, (ids = new Set(corroborating(s, ctx.index, ctx.all).map((o) => o.id))));
    return ids;
  };
  const redundant = (a: Sentence, b: Sentence): boolean => {
    if (sameFact(ctx.index, a.id, b.id, ctx.all)) return true;
    const ca = corroboratingIds(a);
    for (const x of corroboratingIds(b)) if (ca.has(x)) return true;
    return false;
  };
  return { corroboratingIds, redundant };
}

/**
 * Extractive, cited summary of a pool of sentences. Selection maximises the weighted coverage
 * of bigram concepts under the word budget (Gillick & Favre 2009), solved with the cost-scaled
 * greedy of Lin & Bilmes (2010) plus their best-singleton check; a query re-weights concepts and
 * restricts candidates to relevant sentences. Sentences that state the same fact as a chosen one
 * are never chosen again: they become its further citations (`support`).
 * Deterministic: ties break on sentence id.
 */
export function summarizeSentences(
  pool: readonly Sentence[],
  ctx: SummarizeContext,
): SummarySentence[] {
  const maxWords = Math.max(0, ctx.maxWords);
  const maxSentences = Math.max(0, ctx.maxSentences);
  if (maxWords === 0 || maxSentences === 0) return [];
  const { candidates, weight, weakWeight, factor } = objectiveOf(pool, ctx);
  const lengths = new Map(candidates.map((s) => [s.id, countWords(s.text)]));
  const { corroboratingIds, redundant } = factRelations(ctx);
  const problem: SelectionProblem = {
    concepts: (s) => ctx.index.concepts[s.id]!,
    weight,
    factor,
    length: (s) => lengths.get(s.id)!,
    maxWords,
    maxSentences,
    redundant,
  };
  // Fill: when no sentence adds a concept that several sources share but the budget has room,
  // go on with concepts of single sources (a sub-story one outlet reports is still news).
  const chosen = greedy(
    candidates,
    { ...problem, weight: weakWeight },
    1,
    selectSentences(candidates, problem),
  );
  // Readable order: corpus order (file, then position), so each source's story reads in sequence.
  chosen.sort((x, y) => x.s.fileIndex - y.s.fileIndex || x.s.position - y.s.position);
  const top = Math.max(1e-9, ...chosen.map((c) => c.gain));
  return chosen.map(({ s, gain }) => {
    // One citation per other file that states the fact (at most MAX_CITATIONS in all); `support`
    // counts every such file, so a fact told by thousands of archived articles stays one sentence
    // with a bounded body.
    const others = [...corroboratingIds(s)].map((id) => ctx.all[id]!);
    const citations = [
      citationOf(s, ctx),
      ...others.slice(0, MAX_CITATIONS - 1).map((o) => citationOf(o, ctx)),
    ];
    return {
      text: s.text.replace(/\s+/gu, ' ').trim(),
      citations,
      support: 1 + others.length,
      score: Math.round((gain / top) * 1e4) / 1e4,
    };
  });
}
