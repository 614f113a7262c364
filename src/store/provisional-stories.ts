import { buildTermIndex, type TermIndex } from '../core/index/index.js';
import { MAX_TOPIC_FILES } from '../core/limits.js';
import type { ModelParts } from '../core/model.js';
import type { Sentence } from '../core/segment/index.js';
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

/** The new build's sentences and, per earlier sentence id, its new id (-1: gone or recomputed). */
export interface NextSentences {
  readonly sentences: readonly Sentence[];
  readonly index: TermIndex;
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

/** The story (index into `members`) whose centroid is nearest to a document's sentences, if near enough. */
function nearestStory(
  doc: readonly number[],
  members: readonly (readonly number[])[],
  storyOf: Int32Array,
  index: TermIndex,
): number | undefined {
  const weight = new Map<number, number>();
  for (const id of doc) for (const t of index.content[id]!) weight.set(t, index.idfs[t]!);
  let docNorm = 0;
  for (const w of weight.values()) docNorm += w * w;
  const dot = new Map<number, number>();
  for (const [t, w] of weight)
    for (const s of index.postings[t]!) {
      const k = storyOf[s]!;
      if (k >= 0) dot.set(k, (dot.get(k) ?? 0) + w * index.idfs[t]!);
    }
  let best: number | undefined;
  let bestCos = CUT_SIMILARITY;
  for (const [k, d] of [...dot].sort((a, b) => a[0] - b[0])) {
    const tf = new Map<number, number>();
    for (const id of members[k]!)
      for (const t of index.content[id]!) tf.set(t, (tf.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, n] of tf) norm += (n * index.idfs[t]!) ** 2;
    const cos = d / Math.sqrt(norm * docNorm || 1);
    if (cos > bestCos) {
      bestCos = cos;
      best = k;
    }
  }
  return best;
}

/** A document's own story (clustered within the document), its sentence ids mapped back. */
function ownStory(
  ids: readonly number[],
  sentences: readonly Sentence[],
  options: StoryOptions,
): StoryCluster[] {
  const local = ids.map((id, k) => ({ ...sentences[id]!, id: k, fileIndex: 0 }));
  const back = (xs: readonly number[]) => xs.map((k) => ids[k]!);
  return discoverStories(local, buildTermIndex(local), options).map((s) => ({
    ...s,
    sentenceIds: back(s.sentenceIds),
    facets: s.facets.map((f) => ({ ...f, sentenceIds: back(f.sentenceIds) })),
  }));
}

/** The provisional stories of the next build (see the module comment). */
export function provisionalStories(
  previous: ModelParts,
  next: NextSentences,
  options: StoryOptions = {},
): StoryCluster[] {
  const { sentences, index, carried } = next;
  const members = previous.stories.map((s) => renumbered(s.sentenceIds, carried));
  const storyOfFile = new Map<string, number>();
  previous.stories.forEach((s, k) => s.files.forEach((f) => storyOfFile.set(f, k)));
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
  for (const [file, ids] of fresh) {
    const k = storyOfFile.get(file) ?? nearestStory(ids, members, storyOf, index);
    if (k === undefined) added.push(...ownStory(ids, sentences, options));
    else members[k]!.push(...ids);
  }
  const kept = previous.stories.flatMap((old, k) => {
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
