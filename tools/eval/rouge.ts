/**
 * A reimplementation of ROUGE-1.5.5 (Lin 2004, "ROUGE: A Package for Automatic Evaluation of
 * Summaries", ACL Workshop Text Summarization Branches Out) for ROUGE-1, ROUGE-2 and ROUGE-SU,
 * following the semantics of the original `ROUGE-1.5.5.pl` line by line:
 *
 * - reading (`readText`): the file's non-empty lines are lower-cased (ASCII only, `tr/A-Z/a-z/`) and
 *   joined by a space; with `-l N` whole lines are kept while the running count of their
 *   whitespace-separated words stays below N, and the line that reaches N is cut to fit. The cut
 *   applies to the reference (model) summaries too, exactly as in the Perl script.
 * - tokenizing: `-` becomes ` - `, every other character outside `[A-Za-z0-9-]` becomes a space
 *   (a UTF-8 letter such as `é` is thus a word break), and the text is split on whitespace;
 * - filtering (`createNGram`): stop words are dropped when `-s` is given; only tokens that start with
 *   `[a-z0-9$]` are kept, so the lone `-` tokens disappear; with `-m` tokens longer than 3 characters
 *   become their WordNet base form when irregular (`children → child`) and go through ROUGE's own
 *   Porter stemmer otherwise ({@link rougeMorphStem});
 * - counting: the summary is one bag of tokens, so n-grams and skip-bigrams run across sentence
 *   boundaries. Hits are clipped per reference (`min(peer count, model count)`), and `-f A` ("model
 *   average") adds hits and totals over all references of a topic before dividing:
 *   R = Σhits / Σ(reference n-grams), P = Σhits / (references × system n-grams),
 *   F = P·R / ((1 − α)·P + α·R) with α = 0.5 (`-p 0.5`). Each topic's R, P and F are rounded to five
 *   decimals as the Perl script does (`sprintf "%7.5f"`).
 *
 * The script's per-system average over topics is a bootstrap estimate ({@link bootstrapAverageResults});
 * {@link averageResults} is the plain mean it estimates.
 */
import { rougePorterStem } from './porter.js';
import { SMART_STOPWORDS } from './smart-stopwords.js';
import { WORDNET_EXCEPTIONS } from './wordnet-exceptions.js';

export { rougePorterStem };

/** Options that mirror the ROUGE-1.5.5 command-line switches this module supports (Lin 2004). */
export interface RougeOptions {
  /** `-m`: stem tokens longer than 3 characters (WordNet exception lists, then ROUGE's Porter stemmer). */
  stem: boolean;
  /** `-s`: remove the SMART stop words (`smart_common_words.txt`). */
  removeStopwords: boolean;
  /** `-l N`: keep only the first N whitespace-separated words of every summary (system and references). */
  lengthLimitWords?: number;
  /** `-2 N`: maximum number of words allowed between the two words of a skip-bigram (`-2 4` → 4); negative means unlimited. */
  skipDistance: number;
  /** `-u`: also count unigrams in ROUGE-S (which makes it ROUGE-SU). */
  skipUnigrams: boolean;
}

/** One ROUGE measure (Lin 2004), each value in 0..1; `f` uses α = 0.5 (`-p 0.5`). */
export interface RougeScore {
  recall: number;
  precision: number;
  f: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-SU (Lin 2004; skip distance from {@link RougeOptions.skipDistance}, SU4 under `-2 4 -u`). */
export interface RougeResult {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeSU4: RougeScore;
}

/**
 * MultiLing 2011 official settings: `-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0`
 * (no stemming, stop words kept, no length cut).
 */
export const MULTILING_OPTIONS: Readonly<RougeOptions> = Object.freeze({
  stem: false,
  removeStopwords: false,
  skipDistance: 4,
  skipUnigrams: true,
});

/**
 * DUC 2004 settings, as the published 100-word multi-document results are scored (Hong et al.,
 * LREC 2014): `-n 4 -m -a -l 100 -x` (Porter stemming, stop words kept, summaries cut after their
 * first 100 words; ROUGE-1 and ROUGE-2 recall are the figures compared).
 */
export const DUC_OPTIONS: Readonly<RougeOptions> = Object.freeze({
  stem: true,
  removeStopwords: false,
  lengthLimitWords: 100,
  skipDistance: 4,
  skipUnigrams: true,
});

/**
 * Opinosis settings: `-n 2 -2 4 -u -m -s -a -x -c 95 -r 1000 -f A -p 0.5 -t 0`
 * (Porter stemming, SMART stop words removed, no length cut).
 */
export const OPINOSIS_OPTIONS: Readonly<RougeOptions> = Object.freeze({
  stem: true,
  removeStopwords: true,
  skipDistance: 4,
  skipUnigrams: true,
});

const ALPHA = 0.5;

// ---------------------------------------------------------------------------------------------
// Stemming (`-m`): WordNet's exception lists, then ROUGE's Porter stemmer (porter.ts)

/**
 * ROUGE-1.5.5's `MorphStem`, what `-m` applies to every token longer than 3 characters (Lin 2004):
 * an irregular form listed in WordNet's exception lists becomes its base form as is (`children →
 * child`, `bought → buy`, `mice → mouse`, the base form itself not being stemmed), any other word
 * goes through {@link rougePorterStem}.
 */
export function rougeMorphStem(token: string): string {
  return WORDNET_EXCEPTIONS.get(token) ?? rougePorterStem(token);
}

// ---------------------------------------------------------------------------------------------
// Reading and tokenizing

/**
 * Perl's `split(/\s+/, $s)` on a byte string: `\s` is ASCII white space only (a no-break space is not
 * a separator), a leading empty field is kept, trailing empty fields are dropped.
 */
function perlSplitWhitespace(s: string): string[] {
  const parts = s.split(/[\t\n\v\f\r ]+/);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** ROUGE's `readText` for a plain one-sentence-per-line (SPL) summary; returns the cleaned text. */
function readText(text: string, lengthLimitWords: number | undefined): string {
  // chomp strips the LF only; Perl's tr/A-Z/a-z/ lower-cases ASCII letters only.
  const lines = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.replace(/[A-Z]/g, (ch) => ch.toLowerCase()));
  let joined: string;
  if (!lengthLimitWords) {
    joined = lines.join(' ');
  } else {
    let out = '';
    let len = 0;
    for (const s of lines) {
      const tokens = perlSplitWhitespace(s);
      if (len + tokens.length < lengthLimitWords) {
        out += len !== 0 ? ` ${s}` : s;
        len += tokens.length;
      } else {
        if (len > 0) out += ' ';
        out += tokens.slice(0, lengthLimitWords - len).join(' ');
        break;
      }
    }
    joined = out;
  }
  return joined
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .replace(/^\s+/, '')
    .replace(/\s+$/, '')
    .replace(/\s+/g, ' ');
}

/**
 * The tokens ROUGE-1.5.5 counts for one summary (Lin 2004): lower-cased, `-` and every other
 * non-alphanumeric character turned into word breaks, cut to `lengthLimitWords` whitespace-separated
 * words of the original text when set, stop words removed when `removeStopwords`, and tokens longer
 * than 3 characters stemmed as `-m` does ({@link rougeMorphStem}) when `stem`. Lines are joined;
 * sentence boundaries are not kept.
 */
export function rougeTokens(
  text: string,
  opts: Pick<RougeOptions, 'stem' | 'removeStopwords' | 'lengthLimitWords'>,
): string[] {
  const cleaned = readText(text, opts.lengthLimitWords);
  if (cleaned.length === 0) return [];
  const out: string[] = [];
  for (const token of cleaned.split(' ')) {
    if (opts.removeStopwords && SMART_STOPWORDS.has(token)) continue;
    if (!/^[a-z0-9$]/.test(token)) continue;
    out.push(opts.stem && token.length > 3 ? rougeMorphStem(token) : token);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Counting

interface GramBag {
  counts: Map<string, number>;
  total: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** ROUGE-1.5.5's `createNGram` (Lin 2004): counts of the contiguous n-grams of the whole token sequence. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  return ngramBag(tokens, n).counts;
}

function ngramBag(tokens: readonly string[], n: number): GramBag {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i <= tokens.length - n; i++) {
    bump(counts, tokens.slice(i, i + n).join(' '));
    total++;
  }
  return { counts, total };
}

/**
 * ROUGE-1.5.5's `createSkipBigram` (Lin 2004): counts of every ordered pair (tᵢ, tⱼ) with i < j ≤ i + skipDistance + 1 (at most
 * `skipDistance` words in between; unlimited when negative), plus, under `-u`, the unigram tᵢ for every
 * position except the last one, as the Perl loop stops at the second-to-last token.
 */
export function skipBigramCounts(
  tokens: readonly string[],
  skipDistance: number,
  withUnigrams: boolean,
): Map<string, number> {
  return skipBigramBag(tokens, skipDistance, withUnigrams).counts;
}

function skipBigramBag(
  tokens: readonly string[],
  skipDistance: number,
  withUnigrams: boolean,
): GramBag {
  const counts = new Map<string, number>();
  let total = 0;
  const last = tokens.length - 1;
  for (let i = 0; i < last; i++) {
    if (withUnigrams) {
      bump(counts, tokens[i]!);
      total++;
    }
    for (let j = i + 1; j <= last && (skipDistance < 0 || j <= i + skipDistance + 1); j++) {
      bump(counts, `${tokens[i]} ${tokens[j]}`);
      total++;
    }
  }
  return { counts, total };
}

/** Clipped hits of a peer bag against one model bag (ROUGE's `ngramScore`). */
function clippedHits(model: GramBag, peer: GramBag): number {
  let hit = 0;
  for (const [gram, modelCount] of model.counts) {
    const peerCount = peer.counts.get(gram);
    if (peerCount !== undefined) hit += Math.min(peerCount, modelCount);
  }
  return hit;
}

/**
 * Perl's `sprintf("%7.5f", x)` as a number, which ROUGE-1.5.5 (Lin 2004) applies to every evaluation's scores: round to 5 decimals on the exact binary value, ties to even.
 * `toFixed` also rounds the exact value but breaks ties upwards; a tie at the fifth decimal happens
 * exactly when 64·x is an odd integer.
 */
export function roundLikePerl5(x: number): number {
  const t = x * 64;
  if (Number.isInteger(t) && Math.abs(t % 2) === 1) {
    const q = Math.floor(x * 1e5);
    return (q % 2 === 0 ? q : q + 1) / 1e5;
  }
  return Number(x.toFixed(5));
}

/** R, P, F for -f A from summed hits and totals, rounded per topic as ROUGE-1.5.5 does. */
function modelAverageScore(hits: number, modelTotal: number, peerTotal: number): RougeScore {
  const recall = roundLikePerl5(modelTotal !== 0 ? hits / modelTotal : 0);
  const precision = roundLikePerl5(peerTotal !== 0 ? hits / peerTotal : 0);
  const denominator = (1 - ALPHA) * precision + ALPHA * recall;
  const f = roundLikePerl5(denominator > 0 ? (precision * recall) / denominator : 0);
  return { recall, precision, f };
}

function scoreBags(peer: GramBag, models: readonly GramBag[]): RougeScore {
  let hits = 0;
  let modelTotal = 0;
  let peerTotal = 0;
  for (const model of models) {
    hits += clippedHits(model, peer);
    modelTotal += model.total;
    peerTotal += peer.total;
  }
  return modelAverageScore(hits, modelTotal, peerTotal);
}

/**
 * Scores one system summary against the reference summaries of its topic, as ROUGE-1.5.5 with
 * `-n 2 -2 skipDistance [-u] -f A -p 0.5` (Lin 2004): hits are clipped per reference, then hits and
 * n-gram totals are summed over the references ("model average") before dividing, so a longer
 * reference weighs more than a shorter one. Precision divides by the system's n-gram count once per
 * reference. Scores are in 0..1, rounded to 5 decimals as ROUGE prints them per evaluation.
 */
export function scoreSummary(
  system: string,
  references: readonly string[],
  opts: RougeOptions,
): RougeResult {
  const peerTokens = rougeTokens(system, opts);
  const modelTokens = references.map((ref) => rougeTokens(ref, opts));
  return {
    rouge1: scoreBags(
      ngramBag(peerTokens, 1),
      modelTokens.map((t) => ngramBag(t, 1)),
    ),
    rouge2: scoreBags(
      ngramBag(peerTokens, 2),
      modelTokens.map((t) => ngramBag(t, 2)),
    ),
    rougeSU4: scoreBags(
      skipBigramBag(peerTokens, opts.skipDistance, opts.skipUnigrams),
      modelTokens.map((t) => skipBigramBag(t, opts.skipDistance, opts.skipUnigrams)),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Averaging over topics

const MEASURES = ['rouge1', 'rouge2', 'rougeSU4'] as const;
const FIELDS = ['recall', 'precision', 'f'] as const;

/**
 * Averages per-topic results the way ROUGE-1.5.5 averages evaluations (Lin 2004): the arithmetic mean
 * of each topic's (already rounded) R, P and F; F is not recomputed from the mean R and P.
 * An empty list gives zeros.
 */
export function averageResults(results: readonly RougeResult[]): RougeResult {
  const out = {} as RougeResult;
  for (const measure of MEASURES) {
    const score = {} as RougeScore;
    for (const field of FIELDS) {
      let sum = 0;
      for (const r of results) sum += r[measure][field];
      score[field] = results.length > 0 ? sum / results.length : 0;
    }
    out[measure] = score;
  }
  return out;
}

/**
 * The number ROUGE-1.5.5 actually prints as `Average_R/P/F` (Lin 2004): not the plain mean but the
 * mean of `samples` bootstrap means (`-r 1000`), each drawn with Perl's `srand(i)` / `rand` (the
 * 48-bit drand48 generator Perl uses since 5.20, and glibc's before), over the evaluations sorted
 * by their `evalID.peerID` name, then rounded to 5 decimals. Pass the per-topic results in that sorted
 * order. It differs from {@link averageResults} by a few hundredths of a point at most.
 */
export function bootstrapAverageResults(
  results: readonly RougeResult[],
  samples = 1000,
): RougeResult {
  const n = results.length;
  const out = {} as RougeResult;
  for (const measure of MEASURES) out[measure] = { recall: 0, precision: 0, f: 0 };
  if (n === 0) return out;
  // sampleMeans[measure][field][s]: the mean of bootstrap sample s, as bootstrapResampling returns it
  const sampleMeans = MEASURES.map(() => FIELDS.map(() => [] as number[]));
  const MULT = 0x5deece66dn;
  const MASK = (1n << 48n) - 1n;
  for (let s = 0; s < samples; s++) {
    let state = (BigInt(s) << 16n) + 0x330en; // srand(s)
    const sum = MEASURES.map(() => FIELDS.map(() => 0));
    for (let i = 0; i < n; i++) {
      state = (state * MULT + 0xbn) & MASK; // rand()
      const idx = Math.floor(n * (Number(state) / 2 ** 48));
      const r = results[idx]!;
      MEASURES.forEach((measure, a) =>
        FIELDS.forEach((field, b) => (sum[a]![b]! += r[measure][field])),
      );
    }
    MEASURES.forEach((_, a) => FIELDS.forEach((_, b) => sampleMeans[a]![b]!.push(sum[a]![b]! / n)));
  }
  MEASURES.forEach((measure, a) =>
    FIELDS.forEach((field, b) => {
      const ranked = [...sampleMeans[a]![b]!].sort((x, y) => x - y); // the script sums the sorted array
      let total = 0;
      for (const x of ranked) total += x;
      out[measure][field] = roundLikePerl5(total / samples);
    }),
  );
  return out;
}
