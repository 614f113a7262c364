import { idf, type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';

/**
 * Same-fact detection: when two sentences (of different files) state the same fact, the summary
 * says it once and cites both.
 */

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
 * distinctive number recurs with a good part of the words around it or with a shared name.
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
    // The same event: the distinctive number and a name or date around it recur ("inflation, at
    // 5.2% in July" ~ "Consumer prices rose 5.2% in the year to July").
    if (sharesName(sentences[a]!, sentences[b]!)) return true;
  }
  return false;
}

/** True when two sentences share a proper noun (a name, a place, a month: what anchors an event). */
function sharesName(a: Sentence, b: Sentence): boolean {
  const names = new Set(a.stems.filter((_, i) => a.proper[i]));
  return b.stems.some((t, i) => b.proper[i] && names.has(t));
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

/** Most sentences compared with one summary sentence when looking for other files that state it. */
const MAX_CORROBORATION_CANDIDATES = 1500;

/** Sentences of other files that state the same fact as `s`, the best match per file. */
export function corroborating(s: Sentence, index: TermIndex, all: readonly Sentence[]): Sentence[] {
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
