import type { Story, Topic } from '../../../schemas/topic.js';
import { sha256Hex } from '../corpus/index.js';
import type { TermIndex } from '../index/index.js';
import { MAX_FACET_FILES, MAX_TOPIC_FILES } from '../limits.js';
import type { Sentence } from '../segment/index.js';
import { STORIES } from './constants.js';
import { documentVectors } from './doc-vectors.js';
import { discoverFacets } from './facets.js';
import { nameGroups } from './labels.js';
import { documentCounts } from './shared-title.js';
import { clusterDocuments } from './story-clustering.js';

/** A topic (story or facet) as the API shows it, with what summaries and details read. */
export interface TopicNode {
  /** The API form (at most `MAX_TOPIC_FILES` files listed for a story, `MAX_FACET_FILES` for a facet). */
  readonly topic: Topic;
  /** Sentence ids of the topic, ascending: a story's are all content sentences of its documents. */
  readonly sentenceIds: readonly number[];
  /** Every file of the topic, in corpus order. */
  readonly files: readonly string[];
}

/** A story: its documents' sentences and its facets. */
export interface StoryCluster extends TopicNode {
  readonly facets: readonly TopicNode[];
  /** The API form with the facets as `subtopics`. */
  readonly story: Story;
}

function filesOf(ids: readonly number[], sentences: readonly Sentence[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const f = sentences[id]!.file;
    if (out[out.length - 1] !== f && !out.includes(f)) out.push(f);
  }
  return out;
}

function topicOf(
  id: string,
  kind: Topic['kind'],
  naming: { label: string; keywords: string[] },
  files: readonly string[],
  sentenceCount: number,
  parent?: string,
): Topic {
  return {
    id,
    kind,
    label: naming.label,
    keywords: naming.keywords,
    files: files.slice(0, kind === 'story' ? MAX_TOPIC_FILES : MAX_FACET_FILES),
    fileCount: files.length,
    sentenceCount,
    ...(parent ? { parent } : {}),
  };
}

/** Options of {@link discoverStories}. */
export interface StoryOptions {
  /** Whether to find each story's facets (default true). */
  readonly facets?: boolean;
  /** The title of a document (its first heading, a headline), which may name its story. */
  readonly titleOf?: (file: string) => string | undefined;
}

/**
 * The stories of a corpus and the facets of each (two levels, as a reader sees a news corpus:
 * stories made of articles, each with its angles). Stories: every document with content, grouped
 * by group-average clustering of document vectors compared through an inverted index (TDT
 * retrospective event detection, Yang, Pierce & Carbonell 1998); a story of one document is still
 * a story, and there is no cap. Facets: each story's sentences clustered. Ordered by size
 * (documents, then sentences); a story is named by its most central document's title when that
 * title names what its documents share (`nameGroups`). Ids are stable: a story's id hashes its first file, a facet's the
 * story's id and its first sentence, so adding an unrelated document changes no existing id.
 */
export function discoverStories(
  sentences: readonly Sentence[],
  index: TermIndex,
  options: StoryOptions = {},
): StoryCluster[] {
  const docs = documentVectors(sentences, index);
  const groups = clusterDocuments(docs.vectors, docs.features, STORIES).map((members) =>
    members.flatMap((d) => docs.sentences[d]!),
  );
  // Ascending sentence ids are corpus order: files in id order, then position.
  for (const g of groups) g.sort((a, b) => a - b);
  const withFiles = groups
    .map((ids) => ({ ids, files: filesOf(ids, sentences) }))
    .sort(
      (a, b) =>
        b.files.length - a.files.length || b.ids.length - a.ids.length || a.ids[0]! - b.ids[0]!,
    );
  const corpus = documentCounts(sentences, index);
  const namings = nameGroups(
    withFiles.map((g) => g.ids),
    sentences,
    index,
    { titleOf: options.titleOf, corpus },
  );
  return withFiles.map(({ ids, files }, k) => {
    const naming = namings[k]!;
    const id = `s-${sha256Hex(files[0]!).slice(0, 10)}`;
    const topic = topicOf(id, 'story', naming, files, ids.length);
    const facetGroups = options.facets === false ? [] : discoverFacets(sentences, ids, index);
    // A facet's label names its angle as a story's does (its most central document's title when
    // that names what the facet's documents share, else a phrase), never the story's own label;
    // phrases are read from fewer sentences (a story has many facets).
    const facetNames = nameGroups(facetGroups, sentences, index, {
      taken: [naming.label],
      centralSentences: 2,
      titleOf: options.titleOf,
      corpus,
    });
    const facets = facetGroups.map((members, f) => {
      const first = sentences[members[0]!]!;
      const facetId = `f-${sha256Hex(`${id}\n${first.file}:${first.offsets.start}`).slice(0, 10)}`;
      const facetFiles = filesOf(members, sentences);
      return {
        topic: topicOf(facetId, 'facet', facetNames[f]!, facetFiles, members.length, id),
        sentenceIds: members,
        files: facetFiles,
      };
    });
    return {
      topic,
      sentenceIds: ids,
      files,
      facets,
      story: { ...topic, subtopics: facets.map((f) => f.topic) },
    };
  });
}
