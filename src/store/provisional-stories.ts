import { buildTermIndex } from '../core/index/index.js';
import { MAX_TOPIC_FILES } from '../core/limits.js';
import {
  renumbered as renumberedSentence,
  type Sentence,
  type SentenceSource,
  TOKEN_FLAGS,
} from '../core/segment/index.js';
import {
  CUT_SIMILARITY,
  discoverStories,
  type StoryCluster,
  type StoryOptions,
  TOPICS,
  type TopicNode,
} from '../core/topics/index.js';

/**
 * Stories right after an incremental reload, before clustering runs again: the earlier stories
 * with their sentences renumbered, a changed document kept in its story, a new document assigned
 * to the story whose centroid it is nearest (cosine of idf-weighted content terms at least the
 * hierarchy's cut, CUT_SIMILARITY) or made a story of its own, a removed document's sentences
 * dropped. Labels, keywords and ids stay those of the earlier stories; facets keep their
 * carried-over sentences. Provisional by design: `settle` replaces them with the clustering a
 * full build gives.
 */

/**
 * The new build's sentences (views of its columns) and, per earlier sentence id, its new id (-1:
 * gone or recomputed).
 */
export interface NextSentences {
  readonly sentences: readonly Sentence[];
  readonly source: SentenceSource;
  readonly carried: Int32Array;
}

function filesOf(ids: readonly number[], sentences: readonly Sentence[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const f = sentences[id]!.file;
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

function renumbered(ids: readonly number[], carried: Int32Array): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const n = carried[id]!;
    if (n >= 0) out.push(n);
  }
  return out;
}

function node<T extends TopicNode>(old: T, ids: number[], sentences: readonly Sentence[]): T {
  const files = filesOf(ids, sentences);
  const topic = {
    ...old.topic,
    files: files.slice(0, MAX_TOPIC_FILES),
    fileCount: files.length,
    sentenceCount: ids.length,
  };
  return { ...old, topic, sentenceIds: ids, files };
}

/**
 * What the centroids of the earlier stories need, read in one pass over the new columns' tokens
 * (no term index is built): each term's sentence frequency (so its idf, `log(1 + N / sf)`), each
 * story's norm of idf-weighted term frequencies, and, for the terms of the documents to place,
 * each story's frequency of them.
 */
function centroidStats(
  source: SentenceSource,
  storyOf: Int32Array,
  stories: number,
  wanted: Set<number>,
) {
  const c = source.cols;
  const flags = source.stemFlags();
  const n = c.file.length;
  const sf = new Uint32Array(flags.length);
  const last = new Int32Array(flags.length).fill(-1);
  const contents: Int32Array[] = new Array(n);
  const scratch: number[] = [];
  for (let row = 0; row < n; row++) {
    scratch.length = 0;
    for (let k = c.tokenStart[row]!; k < c.tokenStart[row + 1]!; k++) {
      const t = c.tokenStem[k]!;
      if (c.tokenFlags[k]! & TOKEN_FLAGS.stop || !(flags[t]! & 2) || last[t] === row) continue;
      last[t] = row;
      scratch.push(t);
      sf[t]!++;
    }
    contents[row] = Int32Array.from(scratch);
  }
  const idf = (t: number) => Math.log(1 + n / Math.max(1, sf[t]!));
  const tf = new Float64Array(flags.length);
  const norms = new Float64Array(stories);
  const freq = Array.from({ length: stories }, () => new Map<number, number>());
  const byStory: number[][] = Array.from({ length: stories }, () => []);
  for (let row = 0; row < n; row++) if (storyOf[row]! >= 0) byStory[storyOf[row]!]!.push(row);
  byStory.forEach((rows, k) => {
    const touched: number[] = [];
    for (const row of rows) for (const t of contents[row]!) if (tf[t]!++ === 0) touched.push(t);
    let norm = 0;
    for (const t of touched) {
      norm += (tf[t]! * idf(t)) ** 2;
      if (wanted.has(t)) freq[k]!.set(t, tf[t]!);
      tf[t] = 0;
    }
    norms[k] = norm;
  });
  return { contents, idf, norms, freq };
}

/** The story (index into `members`) whose centroid is nearest to a document's sentences, if near enough. */
function nearestStory(
  doc: readonly number[],
  stats: ReturnType<typeof centroidStats>,
): number | undefined {
  const weight = new Map<number, number>();
  for (const id of doc) for (const t of stats.contents[id]!) weight.set(t, stats.idf(t));
  let docNorm = 0;
  for (const w of weight.values()) docNorm += w * w;
  let best: number | undefined;
  let bestCos = CUT_SIMILARITY;
  stats.freq.forEach((freq, k) => {
    let d = 0;
    for (const [t, w] of weight) d += w * stats.idf(t) * (freq.get(t) ?? 0);
    if (d <= 0) return;
    const cos = d / Math.sqrt(stats.norms[k]! * docNorm || 1);
    if (cos > bestCos) {
      bestCos = cos;
      best = k;
    }
  });
  return best;
}

/** A document's own story (clustered within the document), its sentence ids mapped back. */
function ownStory(
  ids: readonly number[],
  sentences: readonly Sentence[],
  options: StoryOptions,
): StoryCluster[] {
  const local = ids.map((id, k) => renumberedSentence(sentences[id]!, k, 0));
  const back = (xs: readonly number[]) => xs.map((k) => ids[k]!);
  return discoverStories(local, buildTermIndex(local), options).map((s) => ({
    ...s,
    sentenceIds: back(s.sentenceIds),
    facets: s.facets.map((f) => ({ ...f, sentenceIds: back(f.sentenceIds) })),
  }));
}

/** The provisional stories of the next build (see the module comment). */
export function provisionalStories(
  previous: readonly StoryCluster[],
  next: NextSentences,
  options: StoryOptions = {},
): StoryCluster[] {
  const { sentences, source, carried } = next;
  const members = previous.map((s) => renumbered(s.sentenceIds, carried));
  const storyOfFile = new Map<string, number>();
  previous.forEach((s, k) => s.files.forEach((f) => storyOfFile.set(f, k)));
  const storyOf = new Int32Array(sentences.length).fill(-1);
  members.forEach((ids, k) => ids.forEach((id) => (storyOf[id] = k)));
  // Sentences not carried over, by document (in corpus order).
  const fresh = new Map<string, number[]>();
  for (const s of sentences)
    if (storyOf[s.id]! < 0) {
      let list = fresh.get(s.file);
      if (!list) fresh.set(s.file, (list = []));
      list.push(s.id);
    }
  const added: StoryCluster[] = [];
  const wanted = new Set<number>();
  const placing = [...fresh].filter(([file]) => !storyOfFile.has(file));
  const c = source.cols;
  for (const [, ids] of placing)
    for (const id of ids)
      for (let k = c.tokenStart[id]!; k < c.tokenStart[id + 1]!; k++) wanted.add(c.tokenStem[k]!);
  const stats =
    placing.length > 0 ? centroidStats(source, storyOf, members.length, wanted) : undefined;
  for (const [file, ids] of fresh) {
    const k = storyOfFile.get(file) ?? nearestStory(ids, stats!);
    if (k === undefined) added.push(...ownStory(ids, sentences, options));
    else members[k]!.push(...ids);
  }
  const kept = previous.flatMap((old, k) => {
    const ids = members[k]!.sort((a, b) => a - b);
    if (ids.length === 0) return [];
    const facets = old.facets
      .map((f) => node(f, renumbered(f.sentenceIds, carried), sentences))
      .filter((f) => f.sentenceIds.length >= TOPICS.minSentences);
    const story = node(old, ids, sentences);
    return [{ ...story, facets, story: { ...story.topic, subtopics: facets.map((f) => f.topic) } }];
  });
  return [...kept, ...added].sort(
    (a, b) =>
      b.files.length - a.files.length ||
      b.sentenceIds.length - a.sentenceIds.length ||
      a.sentenceIds[0]! - b.sentenceIds[0]!,
  );
}
