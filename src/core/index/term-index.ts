import type { Sentence } from '../segment/index.js';

/**
 * Term statistics over the content sentences of a corpus: stems as integer ids, per-sentence
 * term and bigram-concept sets, document and sentence frequencies, and an inverted index.
 * Built once per corpus; every summary and topic reads it without re-tokenizing.
 */
export interface TermIndex {
  /** Stem → id. */
  readonly vocab: ReadonlyMap<string, number>;
  /** Id → stem. */
  readonly terms: readonly string[];
  /** Per sentence: sorted unique ids of its content stems (no stop words, no single letters). */
  readonly content: readonly Int32Array[];
  /** Per sentence: sorted unique bigram concepts (`a * V + b` over consecutive stems, not both stop words). */
  readonly concepts: readonly Float64Array[];
  /** Per sentence: its number tokens ("96", "4,200", "2.6"), for fact matching. */
  readonly numbers: readonly (readonly string[])[];
  /** Number of sentences containing each stem. */
  readonly sf: Uint32Array;
  /** Stem id → 1 when some occurrence is tagged a proper noun (a name: of a person, place, organisation). */
  readonly proper: Uint8Array;
  /** Stem id → its idf, `log(1 + N / sf)`, computed once (read by {@link idf}). */
  readonly idfs: Float64Array;
  /** Stem id → ids of the sentences that contain it (ascending). */
  readonly postings: readonly Int32Array[];
  readonly sentenceCount: number;
  /** Size of the stem vocabulary, the base of the bigram keys. */
  readonly base: number;
}

/** True for a stem that carries content: not a stop word, not punctuation, not a lone letter. */
function isContentTerm(stem: string, stop: boolean): boolean {
  if (stop) return false;
  if (stem.length < 2 && !/\d/u.test(stem)) return false;
  return /[\p{L}\p{N}]/u.test(stem);
}

/** Builds the term index of a list of sentences (ids must be their indexes). */
export function buildTermIndex(sentences: readonly Sentence[]): TermIndex {
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (s: string): number => {
    let id = vocab.get(s);
    if (id === undefined) {
      id = terms.length;
      vocab.set(s, id);
      terms.push(s);
    }
    return id;
  };
  const tokenIds: Int32Array[] = sentences.map((s) => Int32Array.from(s.stems, idOf));
  const base = Math.max(1, terms.length);
  // Per-stem properties, tested once per distinct stem rather than once per occurrence.
  const ALNUM = /[\p{L}\p{N}]/u;
  const alnum = new Uint8Array(base);
  const contentStem = new Uint8Array(base);
  terms.forEach((t, id) => {
    alnum[id] = ALNUM.test(t) ? 1 : 0;
    contentStem[id] = isContentTerm(t, false) ? 1 : 0;
  });
  const content: Int32Array[] = [];
  const concepts: Float64Array[] = [];
  const numbers: string[][] = [];
  const sf = new Uint32Array(base);
  const proper = new Uint8Array(base);
  const postingLists: number[][] = Array.from({ length: base }, () => []);
  sentences.forEach((s, i) => {
    const ids = tokenIds[i]!;
    const c = new Set<number>();
    for (let k = 0; k < ids.length; k++) {
      if (s.stop[k] || !contentStem[ids[k]!]) continue;
      c.add(ids[k]!);
      if (s.proper[k]) proper[ids[k]!] = 1;
    }
    const sorted = Int32Array.from(c).sort();
    content.push(sorted);
    for (const t of sorted) {
      sf[t]!++;
      postingLists[t]!.push(i);
    }
    const b = new Set<number>();
    for (let k = 0; k + 1 < ids.length; k++) {
      if (s.stop[k] && s.stop[k + 1]) continue;
      if (!alnum[ids[k]!] || !alnum[ids[k + 1]!]) continue;
      b.add(ids[k]! * base + ids[k + 1]!);
    }
    concepts.push(Float64Array.from(b).sort());
    numbers.push(s.words.filter((w) => /\d/u.test(w)));
  });
  const idfs = new Float64Array(base);
  for (let t = 0; t < base; t++) idfs[t] = Math.log(1 + sentences.length / Math.max(1, sf[t]!));
  return {
    vocab,
    terms,
    content,
    concepts,
    numbers,
    sf,
    proper,
    idfs,
    postings: postingLists.map((p) => Int32Array.from(p)),
    sentenceCount: sentences.length,
    base,
  };
}

/** Inverse sentence frequency of a stem, smoothed: log(1 + N / sf) (precomputed per stem). */
export function idf(index: TermIndex, term: number): number {
  return index.idfs[term] ?? Math.log(1 + index.sentenceCount);
}
