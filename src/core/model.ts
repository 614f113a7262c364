import type { DocumentInfo, SkippedFile } from '../../schemas/document.js';
import {
  type ClassifyFileHook,
  type FileLinesHook,
  classifyLines,
  type LineTable,
} from './classify/index.js';
import { documentInfos, wholeCopies } from './document-info.js';
import { compareIds, corpusFingerprint, type SourceFile, sourceFromText } from './corpus/index.js';
import { type HrefFor, linesHref } from './hrefs.js';
import { buildTermIndex, type TermIndex } from './index/index.js';
import { lazyParsedFiles, type ParsedFiles } from './parse/index.js';
import { LruMap } from './shared/lru.js';
import { segmentCorpus, type Sentence } from './segment/index.js';
import { type ConceptWeights, conceptWeights } from './summarize/index.js';
import {
  discoverStories,
  type StoryCluster,
  type TopicNode,
  withCopyFiles,
} from './topics/index.js';

/** Everything the service knows about one corpus, computed once and then only read. */
export interface CorpusModel {
  readonly files: readonly SourceFile[];
  readonly byId: ReadonlyMap<string, SourceFile>;
  readonly skipped: readonly SkippedFile[];
  /** Set when the corpus is empty or the folder is missing. */
  readonly message?: string;
  readonly lines: LineTable;
  readonly sentences: readonly Sentence[];
  readonly index: TermIndex;
  /** The stories, largest first, each with its facets. */
  readonly stories: readonly StoryCluster[];
  /** Topic id → story or facet. */
  readonly topicsById: ReadonlyMap<string, TopicNode>;
  /** SHA-256 over the files' ids and sha256: changes whenever any served file changes. */
  readonly fingerprint: string;
  readonly documents: readonly DocumentInfo[];
  /** File id → its document info. */
  readonly documentsById: ReadonlyMap<string, DocumentInfo>;
  readonly hrefFor: HrefFor;
  /** The concept weights of the whole corpus, computed on first use and kept (every corpus or query summary reads them). */
  readonly corpusWeights: () => ConceptWeights;
  /** A story's own sentences and term index, built on first use (recently used ones kept). */
  readonly storyContext: (storyId: string) => StoryContext | undefined;
}

/**
 * The part of a model that cheap reads need (documents, lines, verification, topic lists,
 * counts): no sentences (only their number) and no term index. A {@link CorpusModel} is one; the
 * server's main thread holds only this, and the workers the whole model.
 */
export type CorpusView = Pick<
  CorpusModel,
  | 'files'
  | 'byId'
  | 'skipped'
  | 'message'
  | 'lines'
  | 'stories'
  | 'topicsById'
  | 'fingerprint'
  | 'documents'
  | 'documentsById'
> & { readonly sentences: { readonly length: number } };

/**
 * A story as a corpus of its own: its sentences renumbered from 0 and their term index, so a
 * story's summary weighs terms and finds repeated facts among the story's documents exactly as
 * posting those documents would.
 */
export interface StoryContext {
  readonly sentences: readonly Sentence[];
  readonly index: TermIndex;
  /** Corpus sentence id → id in the story. */
  readonly local: ReadonlyMap<number, number>;
}

/** Story contexts kept per model. */
const STORY_CONTEXTS = 64;

/** Options of the model builder. */
export interface ModelOptions {
  /** Builds a citation's spot-check URL (default: the lines endpoint of the HTTP API). */
  hrefFor?: HrefFor;
  /** Whether to discover stories and their facets (default true). */
  topics?: boolean;
}

/** What a model is built from: the loaded files (and what the loader skipped). */
export interface CorpusInput {
  readonly files: readonly SourceFile[];
  readonly skipped?: readonly SkippedFile[];
  readonly message?: string;
}

/**
 * Optional replacements of the pipeline's stages, so a caller can reuse what an earlier build
 * computed (src/store: incremental reloads). Every hook must return exactly what the stage it
 * replaces would; absent hooks run the stages as they are.
 */
export interface StageHooks {
  /** Wraps the classification of each file (see {@link ClassifyFileHook}). */
  readonly classifyFile?: ClassifyFileHook;
  /** Wraps how each file's lines are read for the rules (see {@link FileLinesHook}). */
  readonly fileLines?: FileLinesHook;
  /** Cuts the files into sentences instead of `segmentCorpus`. */
  readonly segment?: (
    files: readonly SourceFile[],
    lines: LineTable,
    parsed: ParsedFiles,
  ) => Sentence[];
  /** Finds the stories instead of `discoverStories`. */
  readonly stories?: (sentences: readonly Sentence[], index: TermIndex) => StoryCluster[];
}

/**
 * A built model as plain data: what the stages computed, without the maps, closures and
 * per-file facts {@link modelFromParts} derives from it (a persisted index stores this).
 */
export interface ModelParts extends CorpusInput {
  readonly lines: LineTable;
  readonly sentences: readonly Sentence[];
  readonly index: TermIndex;
  readonly stories: readonly StoryCluster[];
  /** The document infos when already known (a stored model); otherwise counted from the lines. */
  readonly documents?: readonly DocumentInfo[];
}

/**
 * The pipeline: parse Markdown and HTML → classify lines → segment sentences with spans → index
 * terms → discover stories and their facets.
 * Pure over the files it is given (the loader is the only part that reads the disk).
 */
export function buildModel(
  corpus: CorpusInput,
  options: ModelOptions & { hooks?: StageHooks } = {},
): CorpusModel {
  return modelFromParts(computeParts(corpus, options), options);
}

/** The stages of {@link buildModel}, without assembling the model. */
export function computeParts(
  corpus: CorpusInput,
  options: ModelOptions & { hooks?: StageHooks } = {},
): ModelParts {
  const files = corpus.files;
  const hooks = options.hooks ?? {};
  // Parsed Markdown and HTML are read by the two stages that follow and then dropped: the model
  // keeps the line verdicts and the sentences, not the blocks and their offset maps. A file is
  // parsed when a stage first asks for it, so hooks that reuse a file's earlier results skip it.
  const parsed = lazyParsedFiles(files);
  const lines = classifyLines(files, parsed, hooks);
  const sentences = (hooks.segment ?? segmentCorpus)(files, lines, parsed);
  const index = buildTermIndex(sentences);
  const stories =
    options.topics === false
      ? []
      : storiesWithCopies(
          (hooks.stories ?? discoverStories)(sentences, index),
          files,
          lines,
          sentences,
        );
  return { ...corpus, lines, sentences, index, stories };
}

/**
 * The stories as the stages found them, with each file that wholly copies a story's document
 * listed in that story (`withCopyFiles`). Every builder of stories applies it (an incremental
 * build's settling too).
 */
export function storiesWithCopies(
  stories: readonly StoryCluster[],
  files: readonly SourceFile[],
  lines: LineTable,
  sentences: readonly Sentence[],
): StoryCluster[] {
  const order = new Map(files.map((f, i) => [f.id, i]));
  return withCopyFiles(stories, sentences, wholeCopies(files, lines), order);
}

/**
 * A model from what the stages computed: the per-file facts, the lookup maps and the lazily
 * computed corpus weights and story contexts (what does not persist).
 */
export function modelFromParts(parts: ModelParts, options: ModelOptions = {}): CorpusModel {
  const { files, lines, sentences, index, stories } = parts;
  const documents = parts.documents ?? documentInfos(files, lines, sentences);
  const topicsById = new Map<string, TopicNode>();
  for (const s of stories) {
    topicsById.set(s.topic.id, s);
    for (const f of s.facets) topicsById.set(f.topic.id, f);
  }
  let weights: ConceptWeights | undefined;
  const contexts = new LruMap<string, StoryContext>(STORY_CONTEXTS);
  const storyContext = (storyId: string): StoryContext | undefined => {
    let ctx = contexts.get(storyId);
    if (ctx) return ctx;
    const story = topicsById.get(storyId);
    if (!story) return undefined;
    const local = new Map(story.sentenceIds.map((id, k) => [id, k]));
    const own = story.sentenceIds.map((id, k) => ({ ...sentences[id]!, id: k }));
    ctx = { sentences: own, index: buildTermIndex(own), local };
    contexts.set(storyId, ctx);
    return ctx;
  };
  const model: CorpusModel = {
    files,
    byId: new Map(files.map((f) => [f.id, f])),
    skipped: parts.skipped ?? [],
    lines,
    sentences,
    index,
    stories,
    topicsById,
    fingerprint: corpusFingerprint(files),
    documents,
    documentsById: new Map(documents.map((d) => [d.file, d])),
    hrefFor: options.hrefFor ?? linesHref,
    corpusWeights: () => (weights ??= conceptWeights(sentences, index)),
    storyContext,
  };
  return parts.message ? { ...model, message: parts.message } : model;
}

/** A model over texts a caller sent (nothing touches the disk); sha256 is of each text's UTF-8 bytes. */
export function modelFromTexts(
  documents: readonly { file: string; text: string }[],
  options: ModelOptions = {},
): CorpusModel {
  const files = [...documents]
    .map((d) => sourceFromText(d.file, d.text))
    .sort((a, b) => compareIds(a.id, b.id));
  return buildModel({ files }, options);
}
