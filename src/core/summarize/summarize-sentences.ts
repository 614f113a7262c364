import type { Citation } from '../../../schemas/citation.js';
import type { SummarySentence } from '../../../schemas/summary.js';
import type { SourceFile } from '../corpus/index.js';
import type { TermIndex } from '../index/index.js';
import { MAX_CITATIONS } from '../limits.js';
import type { Sentence } from '../segment/index.js';
import { countWords, hasShape } from '../text/index.js';
import { isCandidate } from './candidates.js';
import type { HrefFor } from '../hrefs.js';
import { citationOf } from './citations.js';
import { type ConceptWeights, conceptWeights } from './concept-weights.js';
import { SELECTION, type SelectionConstants } from './constants.js';
import { readingOrder } from './order.js';
import { queryRelevance, queryTerms } from './query.js';
import { contentOverlap, dateGroups, readsAlone, withAntecedents } from './readability.js';
import { corroborating, sameFact } from './same-fact.js';
import { greedy, objective, type SelectionProblem, withGains } from './select.js';
import { type SolveReport, solveSelection } from './solve.js';

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
  /** Other selection constants than `SELECTION` (the evaluation's leave-one-topic-out grid). */
  readonly selection?: Partial<SelectionConstants>;
  /** Called with how the selection was solved (the evaluation's solver statistics). */
  readonly onSolve?: (report: SolveReport) => void;
  /**
   * The citations of a sentence's copies in other files (its duplicate lines there): listed after
   * it and counted in `support` (a copy corroborates), but no independent source for the order.
   */
  readonly copies?: (s: Sentence) => readonly Citation[];
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
function objectiveOf(
  pool: readonly Sentence[],
  ctx: SummarizeContext,
  k: SelectionConstants,
): Objective {
  const { index } = ctx;
  let candidates = pool.filter((s) => isCandidate(s, k) && readsAlone(s));
  const base = (ctx.selection ? undefined : ctx.weights) ?? conceptWeights(pool, index, k);
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
  if (candidates.length > k.maxCandidates) {
    const value = (s: Sentence) => {
      let v = 0;
      for (const c of index.concepts[s.id]!) v += weight(c);
      return (v / Math.max(1, countWords(s.text))) * (relevance ? (relevance.get(s.id) ?? 0) : 1);
    };
    candidates = candidates
      .map((s) => ({ s, v: value(s) }))
      .sort((a, b) => b.v - a.v || a.s.id - b.s.id)
      .slice(0, k.maxCandidates)
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
 * or each states the fact of one sentence in a third file (one hop), or they share most of their
 * content words (the same event told twice in other words around it).
 */
function factRelations(ctx: SummarizeContext, k: SelectionConstants) {
  const cache = new Map<number, Set<number>>();
  const corroboratingIds = (s: Sentence): Set<number> => {
    let ids = cache.get(s.id);
    if (!ids)
      cache.set(s.id, (ids = new Set(corroborating(s, ctx.index, ctx.all).map((o) => o.id))));
    return ids;
  };
  const similar = (a: Sentence, b: Sentence): boolean =>
    contentOverlap(ctx.index, a.id, b.id) >= k.redundantOverlap ||
    sameFact(ctx.index, a.id, b.id, ctx.all);
  const redundant = (a: Sentence, b: Sentence): boolean => {
    if (similar(a, b)) return true;
    const ca = corroboratingIds(a);
    for (const x of corroboratingIds(b)) if (ca.has(x)) return true;
    return false;
  };
  return { corroboratingIds, redundant, similar };
}

/**
 * Extractive, cited summary of a pool of sentences. Selection maximises the weighted coverage
 * of bigram concepts under the word budget, solved exactly as an ILP (Gillick & Favre 2009) with
 * the cost-scaled greedy of Lin & Bilmes (2010) as the fallback; a query re-weights concepts and
 * restricts candidates to relevant sentences. Readable by construction: fragments, unpaired
 * quotation marks, intros that end with a colon and definition-list fragments never stand in a
 * summary, a sentence that opens by pointing back comes right after its antecedent (or not at
 * all), relative time never meets another article's date, and sentences that state the same fact
 * or event are never both chosen: the others become further citations (`support`). The one
 * exception: a pool with content but no sentence these rules admit (a story of one sentence that
 * points back to its title) is summarized by its single best sentence rather than by none.
 * The most central fact comes first, then time and source order. Deterministic: ties break on
 * sentence id.
 */
export function summarizeSentences(
  pool: readonly Sentence[],
  ctx: SummarizeContext,
): SummarySentence[] {
  const maxWords = Math.max(0, ctx.maxWords);
  const maxSentences = Math.max(0, ctx.maxSentences);
  if (maxWords === 0 || maxSentences === 0) return [];
  const k: SelectionConstants = { ...SELECTION, ...ctx.selection };
  const request = objectiveOf(pool, ctx, k);
  const { weight, weakWeight, factor } = request;
  // Relative time ("today", "last year") is ambiguous beside another article's date: when the
  // candidates come from articles of different (or unknown) dates, it is left out.
  const dates = dateGroups(ctx.files);
  const multiDate = new Set(request.candidates.map((s) => dates(s).group)).size > 1;
  const timely = (s: Sentence) => !multiDate || !hasShape(s.shape, 'relativeTime');
  // A sentence that points back needs its predecessor, itself a sentence of the pool that reads.
  const inPool = new Set(pool.map((s) => s.id));
  const { usable, antecedent } = withAntecedents(
    request.candidates.filter(timely),
    ctx.all,
    (s) => inPool.has(s.id) && isCandidate(s, k) && readsAlone(s) && timely(s),
  );
  const candidates = [...usable];
  const seen = new Set(usable.map((s) => s.id));
  for (const s of usable)
    for (let a = antecedent(s); a && !seen.has(a.id); a = antecedent(a)) {
      seen.add(a.id);
      candidates.push(a);
    }
  candidates.sort((a, b) => a.id - b.id);
  const lengths = new Map(candidates.map((s) => [s.id, countWords(s.text)]));
  const { corroboratingIds, redundant, similar } = factRelations(ctx, k);
  const problem: SelectionProblem = {
    concepts: (s) => ctx.index.concepts[s.id]!,
    weight,
    factor,
    length: (s) => lengths.get(s.id) ?? countWords(s.text),
    maxWords,
    maxSentences,
    redundant,
    similar,
    corroborators: corroboratingIds,
    antecedent,
  };
  const selected = solveSelection(candidates, problem, k.solver, ctx.onSolve);
  // Fill: when no sentence adds a concept that several sources share but the budget has room,
  // go on with concepts of single sources (a sub-story one outlet reports is still news).
  let chosen = greedy(
    candidates,
    { ...problem, weight: weakWeight },
    1,
    withGains(selected, problem),
  );
  // Every story with content has a summary: when the rules above choose nothing (every candidate
  // points back to a sentence the pool lacks, "This is the x86_64 binary for esbuild."; or no
  // sentence reads alone), the one sentence that covers most stands rather than none: first among
  // the candidates, then among the sentences of the pool with a verb and a candidate's length that
  // introduce nothing unseen (no colon at the end). A query's empty answer is an answer (nothing
  // relevant), so a query gets no such fallback.
  if (chosen.length === 0 && !ctx.query) {
    const one = { ...problem, weight: weakWeight, maxSentences: 1, antecedent: undefined };
    chosen = greedy(request.candidates.filter(timely), one, 1);
    if (chosen.length === 0)
      chosen = greedy(
        pool.filter((s) => isCandidate(s, k) && !hasShape(s.shape, 'intro') && timely(s)),
        one,
        1,
      );
  }
  const placed = chosen.map(({ s, gain }) => {
    // One citation per other file that states the fact (at most MAX_CITATIONS in all); `support`
    // counts every such file, so a fact told by thousands of archived articles stays one sentence
    // with a bounded body. The order reads independent sources only: a page saved twice is one.
    const others = [...corroboratingIds(s)].map((id) => ctx.all[id]!);
    return { s, gain, others, support: 1 + others.length, centrality: objective([s], problem) };
  });
  const ordered = readingOrder(placed, antecedent, (s) => dates(s).date);
  const top = Math.max(1e-9, ...ordered.map((c) => c.gain));
  return ordered.map(({ s, gain, others }) => {
    // The sentence, then its copies (the same text in files that copy its lines), then the other
    // files that state the fact; each file once.
    const seen = new Set([s.file]);
    const copies = (ctx.copies?.(s) ?? []).filter((c) => !seen.has(c.file) && seen.add(c.file));
    const stated = others.filter((o) => !seen.has(o.file) && seen.add(o.file));
    return {
      text: s.text.replace(/\s+/gu, ' ').trim(),
      citations: [citationOf(s, ctx), ...copies, ...stated.map((o) => citationOf(o, ctx))].slice(
        0,
        MAX_CITATIONS,
      ),
      support: seen.size,
      score: Math.round((gain / top) * 1e4) / 1e4,
    };
  });
}
