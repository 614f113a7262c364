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
  /** Number of features (the bound of every vector's ids). */
  readonly features: number;
}

/**
 * TF-IDF vectors of documents for story discovery (Salton & Buckley 1988; the document model of
 * TDT event detection, Yang, Pierce & Carbonell 1998). What names an event weighs most: named
 * entities (stems tagged as proper nouns) and two-content-word concepts ("prison abuse",
 * "messaging apps") count fully, other content words `STORIES.contentWordWeight`; a sentence
 * counts more the nearer it is to the lead (inverted pyramid). Term frequency (sentences
 * containing the feature, position-weighted) is sublinear; idf is `ln(N / df)`. A feature found
 * in one document only is dropped: it cannot link two documents and would only dilute the cosine
 * of the one that has it.
 */
export function documentVectors(sentences: readonly Sentence[], index: TermIndex): DocumentVectors {
  const files: number[] = [];
  const docSentences: number[][] = [];
  const counts: Map<number, number>[] = [];
  // Concept features by first term, then second term: a flat map of every distinct concept would
  // pass V8's limit of 2^24 entries per Map on large corpora (100,000 articles).
  const featureOf = new Map<number, Map<number, number>>();
  let features = index.base;
  for (const s of sentences) {
    if (files.length === 0 || files[files.length - 1] !== s.fileIndex) {
      files.push(s.fileIndex);
      docSentences.push([]);
      counts.push(new Map());
    }
    docSentences[docSentences.length - 1]!.push(s.id);
    const m = counts[counts.length - 1]!;
    const credit = 1 / (1 + s.position / STORIES.leadScale);
    for (const t of index.content[s.id]!) m.set(t, (m.get(t) ?? 0) + credit);
    for (const c of index.concepts[s.id]!) {
      const a = Math.floor(c / index.base);
      // A concept of two content words ("prison abuse"), not "in Russia".
      if (!index.sf[a] || !index.sf[c - a * index.base]) continue;
      let second = featureOf.get(a);
      if (!second) featureOf.set(a, (second = new Map()));
      let f = second.get(c - a * index.base);
      if (f === undefined) second.set(c - a * index.base, (f = features++));
      m.set(f, (m.get(f) ?? 0) + credit);
    }
  }
  const df = new Uint32Array(features);
  for (const m of counts) for (const f of m.keys()) df[f]!++;
  const n = files.length;
  const vectors = counts.map((m) => {
    const ids: number[] = [];
    for (const f of m.keys()) if (df[f]! >= 2 && df[f]! < n) ids.push(f);
    ids.sort((a, b) => a - b);
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((f, k) => {
      const tf = m.get(f)!;
      const kind = f < index.base && !index.proper[f] ? STORIES.contentWordWeight : 1;
      const w = (tf >= 1 ? 1 + Math.log(tf) : tf) * Math.log(n / df[f]!) * kind;
      weights[k] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
    return { ids: Int32Array.from(ids), weights };
  });
  return { files, vectors, sentences: docSentences, features };
}
