import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { STORIES } from './constants.js';

/** A unit-length sparse vector: feature ids ascending, with their weights. */
export interface SparseVec {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** The documents that have content, with their vectors and sentences. */
export interface DocumentVectors {
  /** File index (corpus order) of each document with content. */
  readonly files: readonly number[];
  /** Unit TF-IDF vector of each document. */
  readonly vectors: readonly SparseVec[];
  /** Sentence ids of each document, in order. */
  readonly sentences: readonly (readonly number[])[];
}

/** Feature ids and weights of one sentence, added to its document's counts. */
function addSentence(
  s: Sentence,
  index: TermIndex,
  counts: Map<number, number>,
  conceptFeature: (c: number) => number,
  entities: Set<number>,
): void {
  // The lead says what the story is (inverted pyramid): sentence p counts 1 / (1 + p / leadScale).
  const credit = 1 / (1 + s.position / STORIES.leadScale);
  const add = (f: number) => counts.set(f, (counts.get(f) ?? 0) + credit);
  s.stems.forEach((stem, k) => {
    if (s.stop[k]) return;
    const t = index.vocab.get(stem);
    if (t === undefined || !index.sf[t]) return;
    if (s.proper[k]) entities.add(t);
    add(t);
  });
  for (const c of index.concepts[s.id]!) {
    const a = Math.floor(c / index.base);
    // A concept of two content words ("prison abuse", "messaging apps"), not "in Russia".
    if (index.sf[a] && index.sf[c - a * index.base]) add(conceptFeature(c));
  }
}

/**
 * TF-IDF vectors of documents for story discovery (Salton & Buckley 1988; the document model of
 * TDT event detection, Yang, Pierce & Carbonell 1998). What names an event weighs most: named
 * entities (words tagged as proper nouns anywhere in the corpus) and two-content-word concepts
 * count fully, other content words `STORIES.contentWordWeight`; occurrences in a document's lead
 * count more. Term frequency is sublinear, idf is `ln(N / df)`. A feature found in one document
 * only is dropped: it cannot link two documents and would only dilute the cosine of the one that
 * has it.
 */
export function documentVectors(sentences: readonly Sentence[], index: TermIndex): DocumentVectors {
  const files: number[] = [];
  const docSentences: number[][] = [];
  const counts: Map<number, number>[] = [];
  const entities = new Set<number>();
  const featureOf = new Map<number, number>();
  let nextFeature = index.base;
  const conceptFeature = (c: number): number => {
    let f = featureOf.get(c);
    if (f === undefined) featureOf.set(c, (f = nextFeature++));
    return f;
  };
  for (const s of sentences) {
    if (files.length === 0 || files[files.length - 1] !== s.fileIndex) {
      files.push(s.fileIndex);
      docSentences.push([]);
      counts.push(new Map());
    }
    docSentences[docSentences.length - 1]!.push(s.id);
    addSentence(s, index, counts[counts.length - 1]!, conceptFeature, entities);
  }
  const df = new Uint32Array(nextFeature);
  for (const m of counts) for (const f of m.keys()) df[f]!++;
  const n = files.length;
  const vectors = counts.map((m) => {
    const entries: [number, number][] = [];
    let norm = 0;
    for (const [f, tf] of m) {
      const d = df[f]!;
      if (d < 2) continue;
      const kind = f < index.base && !entities.has(f) ? STORIES.contentWordWeight : 1;
      const w = (tf >= 1 ? 1 + Math.log(tf) : tf) * Math.log(n / d) * kind;
      if (w <= 0) continue;
      entries.push([f, w]);
      norm += w * w;
    }
    entries.sort((a, b) => a[0] - b[0]);
    norm = Math.sqrt(norm) || 1;
    return {
      ids: Int32Array.from(entries, (e) => e[0]),
      weights: Float64Array.from(entries, (e) => e[1] / norm),
    };
  });
  return { files, vectors, sentences: docSentences };
}
