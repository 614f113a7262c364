import type { Citation } from '../../schemas/citation.js';
import type { LineSpan } from '../../schemas/span.js';
import type { SummarySentence } from '../../schemas/summary.js';
import { countWords } from './count-words.js';
import { nlp } from './nlp.js';
import type { Sentence } from './segment.js';
import type { SourceFile } from './source-file.js';
import { idf, type TermIndex } from './term-index.js';

/** Builds the spot-check URL of a citation. */
export type HrefFor = (file: string, lines: LineSpan) => string;

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
}

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

function isCandidate(s: Sentence): boolean {
  if (!s.hasVerb) return false;
  const n = countWords(s.text);
  if (n < SELECTION.minWords || n > SELECTION.maxWords) return false;
  // A sentence that is a question to the reader or an unterminated fragment reads badly out of context.
  if (/\?["'”’»)]*$/u.test(s.text)) return false;
  // A sentence opening with "And"/"Or"/"Nor" continues the one before it and misleads alone.
  if (/^(?:and|or|nor)\b/iu.test(s.text)) return false;
  return true;
}

/** Stems of a free-text query (content words only) and its bigram concepts, as index ids. */
export function queryTerms(
  index: TermIndex,
  query: string,
): { terms: number[]; bigrams: number[] } {
  const w = nlp();
  const doc = w.readDoc(query);
  const stems = doc.tokens().out(w.its.stem as never) as unknown as string[];
  const stops = doc.tokens().out(w.its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(w.its.type) as string[];
  const out = new Set<number>();
  const bigrams = new Set<number>();
  let prev: number | undefined;
  stems.forEach((s, i) => {
    if (types[i] !== 'word' && types[i] !== 'number') return;
    const id = index.vocab.get(s.toLowerCase());
    if (id !== undefined && prev !== undefined) bigrams.add(prev * index.base + id);
    prev = id;
    if (!stops[i] && id !== undefined) out.add(id);
  });
  return { terms: [...out], bigrams: [...bigrams] };
}

/**
 * Relevance of each pool sentence to a query, in [0, 1]: the idf mass of the query's terms the
 * sentence contains plus a bonus for each query bigram it contains (term proximity), relative to
 * the query's total mass. Zero-relevance sentences are absent.
 */
function queryRelevance(
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
    for (const b of qBigrams) if (binaryHas(index.concepts[id]!, b)) bonus += 1;
    scores.set(id, (score + bonus) / mass);
  }
  return scores;
}

function binaryHas(sorted: Int32Array | Float64Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Concept weights: `strong` (concepts several sources share) and `all` (single sources too). */
interface ConceptWeights {
  readonly strong: ReadonlyMap<number, number>;
  readonly all: ReadonlyMap<number, number>;
}

const weightCache = new WeakMap<readonly Sentence[], ConceptWeights>();

/** Concept weights of a pool, computed once per pool array (the whole corpus's is reused by every request). */
function conceptWeights(pool: readonly Sentence[], index: TermIndex): ConceptWeights {
  let w = weightCache.get(pool);
  if (!w) weightCache.set(pool, (w = computeConceptWeights(pool, index)));
  return w;
}

/**
 * Concept weights in the manner of Gillick & Favre 2009 ("A Scalable Global Model for
 * Summarization"): a bigram concept is worth the number of documents that contain it, so facts
 * reported by several sources dominate; concepts in a document's lead count a little more. With
 * fewer than three documents, sentence frequency stands in for document frequency.
 */
function computeConceptWeights(pool: readonly Sentence[], index: TermIndex): ConceptWeights {
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
    const credit =
      byDocs && SELECTION.positionScale > 0 ? 1 / (1 + s.position / SELECTION.positionScale) : 1;
    const lead = byDocs && s.position < SELECTION.leadSentences;
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
      if (a.units >= minSupport)
        weights.set(c, a.total + a.best + (a.lead ? SELECTION.leadBonus : 0));
    return weights;
  };
  const all = weigh(1);
  const strong = weigh(SELECTION.minSupport);
  return { strong: strong.size ? strong : all, all };
}

/** Content-stem containment of two sentences weighted by idf, and the number of shared stems. */
export function factOverlap(
  index: TermIndex,
  a: number,
  b: number,
): { score: number; shared: number } {
  const A = index.content[a]!;
  const B = index.content[b]!;
  let i = 0;
  let j = 0;
  let shared = 0;
  let wShared = 0;
  let wA = 0;
  let wB = 0;
  for (const t of A) wA += idf(index, t);
  for (const t of B) wB += idf(index, t);
  while (i < A.length && j < B.length) {
    if (A[i] === B[j]) {
      shared++;
      wShared += idf(index, A[i]!);
      i++;
      j++;
    } else if (A[i]! < B[j]!) i++;
    else j++;
  }
  return { score: wShared / Math.max(1e-9, Math.min(wA, wB)), shared };
}

/** Threshold of `factOverlap` above which two sentences state the same fact. */
export const SAME_FACT_THRESHOLD = 0.45;

/**
 * True when two sentences state the same fact: their numbers do not disagree, and most of the
 * shorter one's content words (by idf weight) recur in the other (at least three of them), or a
 * distinctive number recurs with a good part of the words around it.
 */
export function sameFact(
  index: TermIndex,
  a: number,
  b: number,
  sentences?: readonly Sentence[],
): boolean {
  const na = index.numbers[a]!;
  const nb = index.numbers[b]!;
  if (na.length && nb.length && !na.some((x) => nb.includes(x))) return false;
  const { score, shared } = factOverlap(index, a, b);
  if (shared >= 3 && score >= SAME_FACT_THRESHOLD) return true;
  // A shared distinctive number ("4,200", "2.6") anchors the fact even in long sentences that
  // say more around it: compare the words around the number in each.
  if (!sentences) return false;
  for (const x of na) {
    if (!isDistinctNumber(x) || !nb.includes(x)) continue;
    if (shared >= 2 && score >= DISTINCT_NUMBER_THRESHOLD) return true;
    if (numberContext(index, sentences[a]!, sentences[b]!, x)) return true;
  }
  return false;
}

/** Words each side of a number that describe what it counts. */
const NUMBER_WINDOW = 5;

/**
 * True when the content words within a few words of number `x` in both sentences agree: at least
 * one besides the number is shared, covering half of the smaller window's idf weight
 * ("63 ships were lying at anchor" ~ "63 container vessels riding at anchor").
 */
function numberContext(index: TermIndex, a: Sentence, b: Sentence, x: string): boolean {
  const windowOf = (s: Sentence): Set<string> => {
    const out = new Set<string>();
    s.words.forEach((w, i) => {
      if (w !== x) return;
      for (
        let k = Math.max(0, i - NUMBER_WINDOW);
        k <= Math.min(s.words.length - 1, i + NUMBER_WINDOW);
        k++
      )
        if (k !== i && !s.stop[k] && /\p{L}/u.test(s.stems[k]!)) out.add(s.stems[k]!);
    });
    return out;
  };
  const A = windowOf(a);
  const B = windowOf(b);
  const weight = (set: Set<string>) =>
    [...set].reduce((n, t) => n + (index.vocab.has(t) ? idf(index, index.vocab.get(t)!) : 0), 0);
  const shared = new Set([...A].filter((t) => B.has(t)));
  if (shared.size === 0) return false;
  return weight(shared) / Math.max(1e-9, Math.min(weight(A), weight(B))) >= 0.5;
}

/** Threshold of `factOverlap` for sentences that share a distinctive number. */
export const DISTINCT_NUMBER_THRESHOLD = 0.3;

/** A number that identifies a fact: three or more digits or a decimal part, but not a year. */
function isDistinctNumber(word: string): boolean {
  if (/^(?:1[89]|20)\d\d$/u.test(word)) return false;
  return word.replace(/\D/gu, '').length >= 3 || /\d[.,]\d/u.test(word);
}

/** Most citations listed for one summary sentence (the source first, then other files in corpus order). */
export const MAX_CITATIONS = 25;

/** Most sentences compared with one summary sentence when looking for other files that state it. */
const MAX_CORROBORATION_CANDIDATES = 1500;

/** Sentences of other files that state the same fact as `s`, the best match per file. */
function corroborating(s: Sentence, ctx: SummarizeContext): Sentence[] {
  const { index, all } = ctx;
  // Candidates share one of the sentence's rarer content words (all of them in a small corpus).
  const terms = [...index.content[s.id]!]
    .sort((x, y) => idf(index, y) - idf(index, x) || x - y)
    .slice(0, 12);
  const seen = new Set<number>();
  const best = new Map<number, { id: number; score: number }>();
  // Rarest words first, and a bounded number of comparisons: on a large corpus where every word
  // is common, a request still costs the same.
  scan: for (const t of terms) {
    for (const other of index.postings[t]!) {
      if (seen.size >= MAX_CORROBORATION_CANDIDATES) break scan;
      if (seen.has(other)) continue;
      seen.add(other);
      const o = all[other]!;
      if (o.fileIndex === s.fileIndex) continue;
      if (!sameFact(index, s.id, other, all)) continue;
      const score = factOverlap(index, s.id, other).score;
      const prev = best.get(o.fileIndex);
      if (!prev || score > prev.score || (score === prev.score && other < prev.id))
        best.set(o.fileIndex, { id: other, score });
    }
  }
  return [...best.values()]
    .sort((x, y) => all[x.id]!.fileIndex - all[y.id]!.fileIndex)
    .map((x) => all[x.id]!);
}

/** The citation of one sentence: file, sha256, lines, offsets, the exact quote and its URL. */
export function citationOf(
  s: Sentence,
  ctx: Pick<SummarizeContext, 'files' | 'hrefFor'>,
): Citation {
  const file = ctx.files.get(s.file);
  return {
    file: s.file,
    sha256: file?.sha256 ?? '',
    lines: { start: s.lines.start, end: s.lines.end },
    offsets: { start: s.offsets.start, end: s.offsets.end },
    quote: s.text,
    href: ctx.hrefFor(s.file, s.lines),
  };
}

/** What the selection optimises: concept weights, per-sentence relevance factor and lengths. */
interface SelectionProblem {
  concepts(s: Sentence): Float64Array;
  /** Weight of a concept (0 when it does not count). */
  weight(concept: number): number;
  /** Relevance factor of a sentence (1 without a query). */
  factor(s: Sentence): number;
  length(s: Sentence): number;
  maxWords: number;
  maxSentences: number;
  /** True when two sentences state the same fact (never both chosen). */
  redundant(a: Sentence, b: Sentence): boolean;
}

/**
 * Objective of a set: Σ over concepts of weight × the best relevance factor among the chosen
 * sentences that cover it (plain weighted concept coverage without a query). Monotone submodular.
 */
function objective(set: readonly Sentence[], p: SelectionProblem): number {
  const best = new Map<number, number>();
  for (const s of set) {
    const f = p.factor(s);
    for (const c of p.concepts(s)) if ((best.get(c) ?? 0) < f) best.set(c, f);
  }
  let v = 0;
  for (const [c, f] of best) v += p.weight(c) * f;
  return v;
}

function fits(set: readonly Sentence[], p: SelectionProblem): boolean {
  return set.length <= p.maxSentences && set.reduce((n, s) => n + p.length(s), 0) <= p.maxWords;
}

/** Cost-scaled greedy (Lin & Bilmes 2010) with length exponent `r`; returns sentences with their marginal gains. */
function greedy(
  cands: readonly Sentence[],
  p: SelectionProblem,
  r: number,
  initial: readonly { s: Sentence; gain: number }[] = [],
): { s: Sentence; gain: number }[] {
  const cur = new Map<number, number>();
  const chosen: { s: Sentence; gain: number }[] = [...initial];
  const remaining = new Set(cands.filter((s) => !initial.some((c) => c.s === s)));
  let used = 0;
  for (const { s } of initial) {
    used += p.length(s);
    const f = p.factor(s);
    for (const c of p.concepts(s)) if ((cur.get(c) ?? 0) < f) cur.set(c, f);
  }
  while (chosen.length < p.maxSentences && remaining.size) {
    let best: Sentence | undefined;
    let bestScore = 0;
    let bestGain = 0;
    for (const s of remaining) {
      const len = p.length(s);
      if (used + len > p.maxWords) continue;
      const f = p.factor(s);
      let g = 0;
      for (const c of p.concepts(s)) {
        const d = f - (cur.get(c) ?? 0);
        if (d > 0) g += p.weight(c) * d;
      }
      if (g <= 0) continue;
      const score = g / Math.pow(len, r);
      if (score > bestScore || (score === bestScore && best && s.id < best.id)) {
        best = s;
        bestScore = score;
        bestGain = g;
      }
    }
    if (!best) break;
    remaining.delete(best);
    if (chosen.some((c) => p.redundant(c.s, best!))) continue;
    chosen.push({ s: best, gain: bestGain });
    used += p.length(best);
    const f = p.factor(best);
    for (const c of p.concepts(best)) if ((cur.get(c) ?? 0) < f) cur.set(c, f);
  }
  return chosen;
}

/**
 * Budgeted maximum coverage: the best of several cost-scaled greedy runs (length exponents
 * 0.5–1.5, plus the best single sentence, as in Lin & Bilmes 2010), improved by one-for-one
 * swaps while the objective grows (a local search toward the exact ILP optimum of Gillick &
 * Favre 2009). Deterministic: candidates in id order, ties on id.
 */
function selectSentences(
  cands: readonly Sentence[],
  p: SelectionProblem,
): { s: Sentence; gain: number }[] {
  let best: Sentence[] = [];
  let bestValue = -1;
  for (const r of [0.5, 0.75, 1, 1.25, 1.5]) {
    const set = greedy(cands, p, r).map((x) => x.s);
    const v = objective(set, p);
    if (v > bestValue) {
      best = set;
      bestValue = v;
    }
  }
  for (const s of cands) {
    if (p.length(s) > p.maxWords) continue;
    const v = objective([s], p);
    if (v > bestValue) {
      best = [s];
      bestValue = v;
    }
  }
  // Local search over the most promising outsiders.
  const pool = [...cands]
    .filter((s) => !best.includes(s))
    .map((s) => ({ s, v: objective([s], p) / p.length(s) }))
    .sort((a, b) => b.v - a.v || a.s.id - b.s.id)
    .slice(0, 80)
    .map((x) => x.s);
  for (let pass = 0; pass < 4; pass++) {
    let improved: { set: Sentence[]; value: number } | undefined;
    for (let i = 0; i <= best.length; i++) {
      for (const j of pool) {
        if (best.includes(j)) continue;
        const set = i < best.length ? best.filter((_, k) => k !== i).concat(j) : best.concat(j);
        if (!fits(set, p) || set.some((x) => x !== j && p.redundant(x, j))) continue;
        const v = objective(set, p);
        if (v > (improved?.value ?? bestValue) + 1e-9) improved = { set, value: v };
      }
    }
    if (!improved) break;
    best = improved.set;
    bestValue = improved.value;
  }
  // Marginal gain of each sentence in the final set, in order of contribution.
  const out: { s: Sentence; gain: number }[] = [];
  const rest = [...best];
  let value = 0;
  while (rest.length) {
    let k = 0;
    let kv = -1;
    rest.forEach((s, i) => {
      const v = objective([...out.map((o) => o.s), s], p);
      if (v > kv || (v === kv && s.id < rest[k]!.id)) {
        k = i;
        kv = v;
      }
    });
    out.push({ s: rest[k]!, gain: kv - value });
    value = kv;
    rest.splice(k, 1);
  }
  return out;
}

/**
 * Extractive, cited summary of a pool of sentences. Selection maximises the weighted coverage
 * of bigram concepts under the word budget (Gillick & Favre 2009), solved with the cost-scaled
 * greedy of Lin & Bilmes (2010) plus their best-singleton check; a query re-weights concepts and
 * restricts candidates to relevant sentences (BM25). Sentences that state the same fact as a
 * chosen one are never chosen again: they become its further citations (`support`).
 * Deterministic: ties break on sentence id.
 */
export function summarizeSentences(
  pool: readonly Sentence[],
  ctx: SummarizeContext,
): SummarySentence[] {
  const { index } = ctx;
  const maxWords = Math.max(0, ctx.maxWords);
  const maxSentences = Math.max(0, ctx.maxSentences);
  if (maxWords === 0 || maxSentences === 0) return [];
  let candidates = pool.filter(isCandidate);
  const base = conceptWeights(pool, index);
  let boost: (c: number) => number = () => 1;
  let relevance: Map<number, number> | undefined;
  if (ctx.query) {
    const q = queryTerms(index, ctx.query);
    relevance = queryRelevance(pool, ctx.all, index, q.terms, q.bigrams);
    let top = 0;
    for (const r of relevance.values()) if (r > top) top = r;
    // Keep the sentences at least half as relevant as the best one: on topic, not merely sharing a word.
    candidates = candidates.filter((s) => {
      const r = relevance!.get(s.id) ?? 0;
      return r > 0 && r >= top * 0.5;
    });
    // Concepts that contain a query term matter more.
    const qset = new Set(q.terms);
    boost = (c) => {
      const a = Math.floor(c / index.base);
      return qset.has(a) || qset.has(c - a * index.base) ? 2 : 1;
    };
  }
  const weight = (c: number): number => (base.strong.get(c) ?? 0) * boost(c);
  const weakWeight = (c: number): number => (base.all.get(c) ?? 0) * boost(c);
  // Large pools: keep the candidates with the best standalone value per word, so a request's cost
  // stays bounded however large the corpus (the greedy and the swaps run on this short list).
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
  const lengths = new Map(candidates.map((s) => [s.id, countWords(s.text)]));

  const corroborationCache = new Map<number, Set<number>>();
  const corroboratingIds = (s: Sentence): Set<number> => {
    let ids = corroborationCache.get(s.id);
    if (!ids) corroborationCache.set(s.id, (ids = new Set(corroborating(s, ctx).map((o) => o.id))));
    return ids;
  };
  const factor = (s: Sentence): number =>
    relevance ? 0.25 + (relevance.get(s.id) ?? 0) / maxRel : 1;
  const redundant = (a: Sentence, b: Sentence): boolean => {
    if (sameFact(index, a.id, b.id, ctx.all)) return true;
    // One hop: two sentences that each state the fact of the same sentence in a third file.
    const ca = corroboratingIds(a);
    for (const x of corroboratingIds(b)) if (ca.has(x)) return true;
    return false;
  };
  const problem: SelectionProblem = {
    concepts: (s) => index.concepts[s.id]!,
    weight,
    factor,
    length: (s) => lengths.get(s.id)!,
    maxWords,
    maxSentences,
    redundant,
  };
  const chosen = selectSentences(candidates, problem);
  // Fill: when no sentence adds a concept that several sources share but the budget has room,
  // go on with concepts of single sources (a sub-story one outlet reports is still news).
  const filled = greedy(candidates, { ...problem, weight: weakWeight }, 1, chosen);
  chosen.splice(0, chosen.length, ...filled);

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
