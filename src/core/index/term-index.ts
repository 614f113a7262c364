import { columnSentence, type SentenceSource } from '../segment/sentence-columns.js';
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

/**
 * The tokens of some sentences as ids into one vocabulary, numbered by first occurrence (the
 * order every later step relies on): per sentence the token range, and per token its id and
 * its stop-word and proper-noun flags.
 */
interface Tokens {
  /** Id → stem (read on first use: only labels and queries need the strings). */
  readonly terms: () => string[];
  readonly base: number;
  /** Per sentence its first token; `[n]` is the number of tokens. */
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  readonly stop: Uint8Array;
  readonly proper: Uint8Array;
  /** Per id: bit 0 letters or digits, bit 1 content term. */
  readonly stemFlags: Uint8Array;
  /** Per sentence: its number words. */
  readonly numbers: readonly (readonly string[])[];
}

const NO_NUMBERS: readonly string[] = Object.freeze([]);

/** Tokens of plain sentence objects: stems interned as they come. */
function tokensOfObjects(sentences: readonly Sentence[]): Tokens {
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  let total = 0;
  for (const s of sentences) total += s.stems.length;
  const starts = new Int32Array(sentences.length + 1);
  const ids = new Int32Array(total);
  const stop = new Uint8Array(total);
  const proper = new Uint8Array(total);
  const numbers: (readonly string[])[] = [];
  let at = 0;
  sentences.forEach((s, i) => {
    starts[i] = at;
    s.stems.forEach((st, k) => {
      let id = vocab.get(st);
      if (id === undefined) {
        id = terms.length;
        vocab.set(st, id);
        terms.push(st);
      }
      ids[at] = id;
      stop[at] = s.stop[k] ? 1 : 0;
      proper[at] = s.proper[k] ? 1 : 0;
      at++;
    });
    const n = s.words.filter((w) => /\d/u.test(w));
    numbers.push(n.length ? n : NO_NUMBERS);
  });
  starts[sentences.length] = at;
  const ALNUM = /[\p{L}\p{N}]/u;
  const stemFlags = new Uint8Array(terms.length);
  terms.forEach((t, id) => {
    stemFlags[id] = (ALNUM.test(t) ? 1 : 0) | (isContentTerm(t, false) ? 2 : 0);
  });
  return { terms: () => terms, base: terms.length, starts, ids, stop, proper, stemFlags, numbers };
}

/**
 * Tokens of sentences read from columns: their stem ids renumbered by first occurrence (the same
 * numbering {@link tokensOfObjects} gives the same sentences), without decoding a string.
 */
function tokensOfColumns(sentences: readonly Sentence[], source: SentenceSource): Tokens {
  const c = source.cols;
  let total = 0;
  for (const s of sentences) {
    const row = columnSentence(s)!.row;
    total += c.tokenStart[row + 1]! - c.tokenStart[row]!;
  }
  const local = new Int32Array(c.stems.offsets.length - 1).fill(-1);
  const globalOf: number[] = [];
  const starts = new Int32Array(sentences.length + 1);
  const ids = new Int32Array(total);
  const stop = new Uint8Array(total);
  const proper = new Uint8Array(total);
  const numbers: (readonly string[])[] = [];
  const digits = source.wordDigits();
  const wordStrings = source.words();
  let at = 0;
  sentences.forEach((s, i) => {
    const row = columnSentence(s)!.row;
    starts[i] = at;
    let n: string[] | undefined;
    for (let k = c.tokenStart[row]!; k < c.tokenStart[row + 1]!; k++) {
      const g = c.tokenStem[k]!;
      let id = local[g]!;
      if (id < 0) {
        id = globalOf.length;
        local[g] = id;
        globalOf.push(g);
      }
      ids[at] = id;
      const f = c.tokenFlags[k]!;
      stop[at] = f & 1;
      proper[at] = (f >> 1) & 1;
      at++;
      const w = c.tokenWord[k]!;
      if (digits[w]) (n ??= []).push(wordStrings[w]!);
    }
    numbers.push(n ?? NO_NUMBERS);
  });
  starts[sentences.length] = at;
  const globalFlags = source.stemFlags();
  const stemFlags = Uint8Array.from(globalOf, (g) => globalFlags[g]!);
  const strings = source.stems();
  let terms: string[] | undefined;
  return {
    terms: () => (terms ??= globalOf.map((g) => strings[g]!)),
    base: globalOf.length,
    starts,
    ids,
    stop,
    proper,
    stemFlags,
    numbers,
  };
}

/** Views of a CSR's rows (one allocation per row, no copy). */
function rowsOf<T extends Int32Array | Float64Array>(values: T, starts: Int32Array): T[] {
  const out = new Array<T>(starts.length - 1);
  for (let i = 0; i + 1 < starts.length; i++)
    out[i] = values.subarray(starts[i]!, starts[i + 1]!) as T;
  return out;
}

/** Sorts `a[from..to)` ascending, in place (short runs: insertion sort). */
function sortRange(a: Int32Array | Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Builds the term index of a list of sentences (ids must be their indexes). */
export function buildTermIndex(sentences: readonly Sentence[]): TermIndex {
  const first = sentences[0] ? columnSentence(sentences[0]) : undefined;
  const fromColumns =
    first !== undefined && sentences.every((s) => columnSentence(s)?.source === first.source);
  const t = fromColumns ? tokensOfColumns(sentences, first!.source) : tokensOfObjects(sentences);
  const base = Math.max(1, t.base);
  const n = sentences.length;
  const { ids, stop, starts, stemFlags } = t;
  const tokenProper = t.proper;
  const sf = new Uint32Array(base);
  const proper = new Uint8Array(base);
  // Content terms and concepts per sentence, written as CSR rows (sorted, unique).
  const contentStart = new Int32Array(n + 1);
  const conceptStart = new Int32Array(n + 1);
  const contentValues = new Int32Array(ids.length);
  const conceptValues = new Float64Array(Math.max(0, ids.length - 1));
  const seen = new Int32Array(base).fill(-1);
  let cAt = 0;
  let kAt = 0;
  for (let i = 0; i < n; i++) {
    contentStart[i] = cAt;
    conceptStart[i] = kAt;
    const a = starts[i]!;
    const b = starts[i + 1]!;
    const from = cAt;
    for (let k = a; k < b; k++) {
      const id = ids[k]!;
      if (stop[k] || !(stemFlags[id]! & 2)) continue;
      if (tokenProper[k]) proper[id] = 1;
      if (seen[id] === i) continue;
      seen[id] = i;
      contentValues[cAt++] = id;
    }
    sortRange(contentValues, from, cAt);
    for (let m = from; m < cAt; m++) sf[contentValues[m]!]!++;
    const kFrom = kAt;
    for (let k = a; k + 1 < b; k++) {
      if (stop[k] && stop[k + 1]) continue;
      const x = ids[k]!;
      const y = ids[k + 1]!;
      if (!(stemFlags[x]! & 1) || !(stemFlags[y]! & 1)) continue;
      conceptValues[kAt++] = x * base + y;
    }
    sortRange(conceptValues, kFrom, kAt);
    // Unique, in place.
    let w = kFrom;
    for (let m = kFrom; m < kAt; m++)
      if (m === kFrom || conceptValues[m] !== conceptValues[m - 1])
        conceptValues[w++] = conceptValues[m]!;
    kAt = w;
  }
  contentStart[n] = cAt;
  conceptStart[n] = kAt;
  const contentCsr = contentValues.slice(0, cAt);
  const conceptCsr = conceptValues.slice(0, kAt);
  // Postings: sentences per term, ascending (a counting sort over the content rows).
  const postStart = new Int32Array(base + 1);
  for (let m = 0; m < cAt; m++) postStart[contentCsr[m]! + 1]!++;
  for (let x = 0; x < base; x++) postStart[x + 1]! += postStart[x]!;
  const fill = postStart.slice(0, base);
  const postValues = new Int32Array(cAt);
  for (let i = 0; i < n; i++)
    for (let m = contentStart[i]!; m < contentStart[i + 1]!; m++)
      postValues[fill[contentCsr[m]!]!++] = i;
  const idfs = new Float64Array(base);
  for (let x = 0; x < base; x++) idfs[x] = Math.log(1 + n / Math.max(1, sf[x]!));
  let vocab: Map<string, number> | undefined;
  return {
    get vocab() {
      return (vocab ??= new Map(t.terms().map((s, id) => [s, id])));
    },
    get terms() {
      return t.terms();
    },
    content: rowsOf(contentCsr, contentStart),
    concepts: rowsOf(conceptCsr, conceptStart),
    numbers: t.numbers,
    sf,
    proper,
    idfs,
    postings: rowsOf(postValues, postStart),
    sentenceCount: n,
    base,
  };
}

/** Inverse sentence frequency of a stem, smoothed: log(1 + N / sf) (precomputed per stem). */
export function idf(index: TermIndex, term: number): number {
  return index.idfs[term] ?? Math.log(1 + index.sentenceCount);
}
