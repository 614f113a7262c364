import type { Topic } from '../../schemas/topic.js';
import type { Sentence } from './segment.js';
import { nlpWithEntities } from './nlp.js';
import { sha256Hex } from './source-file.js';
import { idf, type TermIndex } from './term-index.js';

/** A topic as the API shows it, plus the ids of its sentences (corpus order). */
export interface TopicCluster {
  readonly topic: Topic;
  readonly sentenceIds: readonly number[];
}

/** Constants of topic discovery, fixed for all corpora (see README, "Topics"). */
export const TOPICS = {
  /** Average-linkage similarity below which two groups of sentences are different topics. */
  cutSimilarity: 0.1,
  /** Weight of the neighbouring sentences of the same paragraph run in a sentence's vector. */
  contextWeight: 0.15,
  /** Largest number of sentences clustered exactly; larger corpora are sampled (Buckshot). */
  exactLimit: 1500,
  /** Most topics reported. */
  maxTopics: 40,
  /** Fewest sentences of a topic. */
  minSentences: 2,
  /** Fewest content terms that recur in two or more of a topic's sentences (what holds it together). */
  minSharedTerms: 3,
};

type Vec = Map<number, number>;

function norm(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

function dot(a: Vec, b: Vec): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/** TF-IDF vector of a sentence, smoothed with its neighbours in the same file (topic continuity). */
function sentenceVectors(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
): Vec[] {
  const base = (id: number): Vec => {
    const v: Vec = new Map();
    for (const t of index.content[id]!) v.set(t, idf(index, t));
    return v;
  };
  return ids.map((id) => {
    const v = base(id);
    const s = sentences[id]!;
    for (const nid of [id - 1, id + 1]) {
      const n = sentences[nid];
      if (!n || n.fileIndex !== s.fileIndex || Math.abs(n.position - s.position) !== 1) continue;
      for (const t of index.content[nid]!)
        v.set(t, (v.get(t) ?? 0) + TOPICS.contextWeight * idf(index, t));
    }
    return norm(v);
  });
}

/**
 * Group-average agglomerative clustering (UPGMA) with the nearest-neighbour-chain algorithm
 * (Murtagh 1983), O(n²) time; returns the merges with their similarities so the dendrogram
 * can be cut at any level.
 */
function averageLinkage(vecs: readonly Vec[]): { a: number; b: number; sim: number }[] {
  const n = vecs.length;
  const sim = new Float32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = dot(vecs[i]!, vecs[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  const size = new Array<number>(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: { a: number; b: number; sim: number }[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) {
      for (let i = 0; i < n; i++)
        if (active[i]) {
          chain.push(i);
          break;
        }
    }
    const top = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let j = 0; j < n; j++) {
      if (!active[j] || j === top) continue;
      const s = sim[top * n + j]!;
      if (s > bestSim || (s === bestSim && j === prev)) {
        best = j;
        bestSim = s;
      }
    }
    if (best === prev) {
      chain.pop();
      chain.pop();
      const [a, b] = top < prev ? [top, prev] : [prev, top];
      merges.push({ a, b, sim: bestSim });
      // Lance–Williams update for average linkage: cluster a absorbs b.
      for (let k = 0; k < n; k++) {
        if (!active[k] || k === a || k === b) continue;
        const s = (size[a]! * sim[a * n + k]! + size[b]! * sim[b * n + k]!) / (size[a]! + size[b]!);
        sim[a * n + k] = s;
        sim[k * n + a] = s;
      }
      size[a]! += size[b]!;
      active[b] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  return merges;
}

/**
 * The Buckshot assignment: for each sentence in `ids`, the index of the centroid it is most
 * similar to (first of equals), or -1 when none reaches `threshold`. The same result as
 * comparing `dot(vector, centroid)` with every centroid, bit for bit, at a fraction of the cost:
 * the products are accumulated through an inverted index of the centroids' terms, in the order
 * `dot` sums them (over the smaller vector's entries; the rare centroid smaller than the sentence
 * is compared with `dot` itself). Vectors are built and dropped in chunks, never all at once.
 */
function nearestCentroids(
  sentences: readonly Sentence[],
  ids: readonly number[],
  index: TermIndex,
  centroids: readonly Vec[],
  threshold: number,
): Int32Array {
  const k = centroids.length;
  const postings = new Map<number, { c: number[]; w: number[] }>();
  centroids.forEach((c, j) => {
    for (const [t, y] of c) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { c: [], w: [] }));
      p.c.push(j);
      p.w.push(y);
    }
  });
  const acc = new Float64Array(k);
  const out = new Int32Array(ids.length).fill(-1);
  const CHUNK = 4096;
  for (let from = 0; from < ids.length; from += CHUNK) {
    const vecs = sentenceVectors(sentences, ids.slice(from, from + CHUNK), index);
    vecs.forEach((v, i) => {
      acc.fill(0);
      for (const [t, x] of v) {
        const p = postings.get(t);
        if (!p) continue;
        const cs = p.c;
        const ws = p.w;
        for (let n = 0; n < cs.length; n++) acc[cs[n]!]! += x * ws[n]!;
      }
      let best = -1;
      let bestSim = threshold;
      for (let j = 0; j < k; j++) {
        const c = centroids[j]!;
        const s = v.size > c.size ? dot(v, c) : acc[j]!;
        if (s > bestSim) {
          best = j;
          bestSim = s;
        }
      }
      out[from + i] = best;
    });
  }
  return out;
}

/** Cuts a dendrogram at a similarity: clusters as lists of item indexes. */
function cut(
  n: number,
  merges: readonly { a: number; b: number; sim: number }[],
  threshold: number,
): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const m of merges) if (m.sim >= threshold) parent[find(m.b)] = find(m.a);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  }
  return [...groups.values()];
}

/** Evenly spaced deterministic sample of `k` items. */
function sample<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(items[Math.floor((i * items.length) / k)]!);
  return out;
}

function centroid(vecs: readonly Vec[]): Vec {
  const c: Vec = new Map();
  for (const v of vecs) for (const [k, x] of v) c.set(k, (c.get(k) ?? 0) + x);
  return norm(c);
}

/** Most characteristic stems of a cluster: frequency in the cluster × idf in the corpus. */
function keywordsOf(ids: readonly number[], index: TermIndex): { term: number; score: number }[] {
  const tf = new Map<number, number>();
  for (const id of ids) for (const t of index.content[id]!) tf.set(t, (tf.get(t) ?? 0) + 1);
  return [...tf]
    .filter(([, n]) => n >= 2 || ids.length < 3)
    .map(([term, n]) => ({ term, score: n * idf(index, term) }))
    .sort((a, b) => b.score - a.score || a.term - b.term);
}

/** Most frequent surface word of each stem in the given sentences. */
function surfaceWords(ids: readonly number[], sentences: readonly Sentence[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of ids) {
    const s = sentences[id]!;
    s.stems.forEach((st, i) => {
      let m = counts.get(st);
      if (!m) counts.set(st, (m = new Map()));
      const w = s.words[i]!;
      m.set(w, (m.get(w) ?? 0) + 1);
    });
  }
  const out = new Map<string, string>();
  for (const [st, m] of counts)
    out.set(st, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const LINK = new Set(['of', 'on', 'and', 'for', 'in', 'against', 'over']);
const QUANTITY_ENTITIES = new Set([
  'DATE',
  'TIME',
  'DURATION',
  'CARDINAL',
  'ORDINAL',
  'PERCENT',
  'MONEY',
]);

/**
 * A key phrase for a cluster: the noun phrase (wink-nlp part-of-speech tags: a run of
 * adjectives, nouns and proper nouns, optionally joined by "of", "on", "and", …) from the
 * cluster's most central sentences whose content words carry the most keyword weight and that
 * recurs most across the cluster; shown exactly as it is written in the source.
 */
function labelOf(
  ids: readonly number[],
  sentences: readonly Sentence[],
  index: TermIndex,
  kw: Map<number, number>,
): string {
  const centrality = (id: number) => {
    let s = 0;
    for (const t of index.content[id]!) s += kw.get(t) ?? 0;
    return s / Math.sqrt(index.content[id]!.length + 1);
  };
  const central = [...ids].sort((a, b) => centrality(b) - centrality(a) || a - b).slice(0, 4);
  const clusterText = ids.map((id) => sentences[id]!.text.toLowerCase()).join('\n');
  const w = nlpWithEntities();
  let best: { text: string; value: number } | undefined;
  for (const id of central) {
    const text = sentences[id]!.text;
    const doc = w.readDoc(text);
    const values = doc.tokens().out(w.its.value) as string[];
    const spaces = doc.tokens().out(w.its.precedingSpaces) as string[];
    const pos = doc.tokens().out(w.its.pos) as string[];
    const stems = doc.tokens().out(w.its.stem as never) as unknown as string[];
    // Tokens inside dates, times, durations and quantities: a label made only of them names no story.
    const quantity = new Uint8Array(values.length);
    const types = doc.entities().out(w.its.type) as string[];
    (doc.entities().out(w.its.span) as unknown as [number, number][]).forEach(([a, b], k) => {
      if (QUANTITY_ENTITIES.has(types[k]!)) for (let t = a; t <= b; t++) quantity[t] = 1;
    });
    const starts: number[] = [];
    let at = 0;
    values.forEach((v, i) => {
      at += spaces[i]!.length;
      starts.push(at);
      at += v.length;
    });
    // Chunks: maximal nominal runs, optionally two runs joined by one linking word.
    const runs: [number, number][] = [];
    for (let i = 0; i < values.length;) {
      if (!NOMINAL.has(pos[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < values.length && NOMINAL.has(pos[j + 1]!)) j++;
      runs.push([i, j]);
      i = j + 1;
    }
    const chunks: [number, number][] = [...runs];
    for (let r = 0; r + 1 < runs.length; r++) {
      const [a0, a1] = runs[r]!;
      const [b0, b1] = runs[r + 1]!;
      if (b0 === a1 + 2 && LINK.has(values[a1 + 1]!.toLowerCase())) chunks.push([a0, b1]);
    }
    for (const chunk of chunks) {
      let i = chunk[0];
      const j = chunk[1];
      while (i <= j && pos[i] === 'ADJ' && j - i >= 1 && pos[i + 1] === 'ADJ') i++;
      // Keep hyphenated compounds whole ("full-scale invasion", "state-backed app").
      while (i >= 2 && values[i - 1] === '-' && spaces[i - 1] === '' && spaces[i] === '') i -= 2;
      const n = j - i + 1;
      if (n < 1 || n > 7) continue;
      if (!pos.slice(i, j + 1).some((p, k) => (p === 'NOUN' || p === 'PROPN') && !quantity[i + k]))
        continue;
      let weight = 0;
      for (let k = i; k <= j; k++) {
        const t = index.vocab.get(stems[k]!.toLowerCase());
        if (t !== undefined) weight += kw.get(t) ?? 0;
      }
      if (weight <= 0) continue;
      const surface = text.slice(starts[i]!, starts[j]! + values[j]!.length);
      const recurrence = clusterText.split(surface.toLowerCase()).length - 1;
      const value =
        ((weight * (1 + Math.log(Math.max(1, recurrence)))) / Math.pow(n, 0.5)) *
        (n === 1 ? 0.4 : 1);
      if (!best || value > best.value || (value === best.value && surface < best.text))
        best = { text: surface, value };
    }
  }
  return (
    best?.text ??
    [...kw.keys()]
      .slice(0, 3)
      .map((t) => index.terms[t])
      .join(', ')
  );
}

/**
 * Finds the topics of a corpus by clustering its content sentences: TF-IDF vectors smoothed
 * with neighbouring sentences, group-average agglomerative clustering cut at a fixed
 * similarity; above `exactLimit` sentences, the Buckshot scheme (Cutting et al. 1992,
 * Scatter/Gather) clusters a sample and assigns the rest to the nearest centroid. Clusters with
 * fewer than two sentences, or held together by fewer than three shared terms, are noise, not topics. Ids hash the topic's label and members, so
 * the same corpus always yields the same ids.
 */
export function discoverTopics(sentences: readonly Sentence[], index: TermIndex): TopicCluster[] {
  const ids = sentences
    .filter((s) => s.hasVerb && index.content[s.id]!.length >= 3)
    .map((s) => s.id);
  if (ids.length < TOPICS.minSentences) return [];
  let groups: number[][];
  if (ids.length <= TOPICS.exactLimit) {
    const vecs = sentenceVectors(sentences, ids, index);
    groups = cut(ids.length, averageLinkage(vecs), TOPICS.cutSimilarity).map((g) =>
      g.map((i) => ids[i]!),
    );
  } else {
    const sampled = sample(ids, TOPICS.exactLimit);
    const vecs = sentenceVectors(sentences, sampled, index);
    const seedGroups = cut(sampled.length, averageLinkage(vecs), TOPICS.cutSimilarity).filter(
      (g) => g.length >= TOPICS.minSentences,
    );
    const centroids = seedGroups.map((g) => centroid(g.map((i) => vecs[i]!)));
    groups = centroids.map(() => []);
    const nearest = nearestCentroids(sentences, ids, index, centroids, TOPICS.cutSimilarity);
    ids.forEach((id, k) => {
      const best = nearest[k]!;
      if (best >= 0) groups[best]!.push(id);
    });
  }
  const cohesive = (g: readonly number[]) => {
    const seen = new Map<number, number>();
    for (const id of g) for (const t of index.content[id]!) seen.set(t, (seen.get(t) ?? 0) + 1);
    let shared = 0;
    for (const n of seen.values()) if (n >= 2) shared++;
    return shared >= TOPICS.minSharedTerms;
  };
  const kept = groups
    .filter((g) => g.length >= TOPICS.minSentences && cohesive(g))
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .slice(0, TOPICS.maxTopics);
  const usedIds = new Set<string>();
  return kept.map((members) => {
    const kws = keywordsOf(members, index);
    const kwMap = new Map(kws.slice(0, 12).map((k) => [k.term, k.score]));
    const surface = surfaceWords(members, sentences);
    const keywords = kws
      .slice(0, 8)
      .map((k) => surface.get(index.terms[k.term]!) ?? index.terms[k.term]!);
    const label = labelOf(members, sentences, index, kwMap);
    const files = [...new Set(members.map((id) => sentences[id]!.file))].sort();
    const memberKey = members
      .map((id) => `${sentences[id]!.file}:${sentences[id]!.offsets.start}`)
      .join('|');
    let id = `t-${sha256Hex(`${label}\n${keywords.slice(0, 3).join(',')}`).slice(0, 10)}`;
    if (usedIds.has(id)) id = `t-${sha256Hex(`${label}\n${memberKey}`).slice(0, 10)}`;
    usedIds.add(id);
    return {
      topic: { id, label, keywords, files, sentenceCount: members.length },
      sentenceIds: members,
    };
  });
}
