import type { DocumentInfo, SkippedFile } from '../../schemas/document.js';
import {
  type ClassifiedLine,
  classifyEach,
  type ClassifyFileHook,
  type DistinctLines,
  type FileLinesHook,
  documentTitle,
  type LineTable,
  type Repetition,
} from './classify/index.js';
import { type LineColumns, LineColumnsBuilder } from './classify/line-columns.js';
import { compareIds, type SourceFile, sourceFromText } from './corpus/index.js';
import { fileColumns } from './corpus/file-columns.js';
import { type HrefFor, linesHref } from './hrefs.js';
import { buildTermIndex, type TermIndex } from './index/index.js';
import { ColumnReader, type ModelColumns, withMessage } from './model-columns.js';
import { lazyParsedFiles, type ParsedDocument } from './parse/index.js';
import { LruMap } from './shared/lru.js';
import {
  renumbered,
  type Sentence,
  type SentenceColumns,
  SentenceColumnsBuilder,
  type SentenceSource,
  segmentFileSafely,
} from './segment/index.js';
import { type ConceptWeights, conceptWeights } from './summarize/index.js';
import {
  discoverStories,
  type StoryCluster,
  type StoryOptions,
  type TopicNode,
  withCopyFiles,
} from './topics/index.js';
import { storyColumns } from './topics/story-columns.js';

export { type ModelColumns, viewFromColumns } from './model-columns.js';

/** Everything the service knows about one corpus, computed once and then only read. */
export interface CorpusModel {
  readonly files: readonly SourceFile[];
  readonly byId: ReadonlyMap<string, SourceFile>;
  readonly skipped: readonly SkippedFile[];
  /** Set when the corpus is empty or the folder is missing. */
  readonly message?: string;
  readonly lines: LineTable;
  /** Every sentence, in corpus order (views of the columns, made on first use). */
  readonly sentences: readonly Sentence[];
  /** The corpus's term index (derived from the token columns on first use). */
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
  /** The columns the model reads (what a snapshot stores and threads share). */
  readonly columns: ModelColumns;
  /** What the sentence views read: the columns, the files' ids and texts, the dictionaries. */
  readonly sentenceSource: SentenceSource;
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

/** Rows of earlier sentence columns that are a file's sentences. */
export interface SentenceRows {
  readonly columns: SentenceColumns;
  readonly first: number;
  readonly last: number;
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
  /** A file's distinct lines as an earlier build read them (its lines then read only if needed). */
  readonly distinctLines?: (file: SourceFile) => DistinctLines | undefined;
  /** True when the caller keeps a file's earlier lines and rows (see `ClassifyHooks.keep`). */
  readonly keep?: (file: SourceFile, repetition: Repetition) => boolean;
  /** Earlier rows holding exactly the sentences a file with these lines has (not segmented again). */
  readonly sentenceRows?: (
    file: SourceFile,
    lines: readonly ClassifiedLine[],
    row: number,
  ) => SentenceRows | undefined;
  /**
   * The earlier rows of a file whose lines the classifier kept (see `ClassifyHooks.keep`): its
   * line rows and its sentence rows, copied as they are.
   */
  readonly keptRows?: (
    file: SourceFile,
    row: number,
  ) => { readonly lines: { readonly columns: LineColumns; readonly file: number } } & SentenceRows;
  /** Dictionaries the sentence columns continue (ids of an earlier build kept). */
  readonly dictionaries?: ConstructorParameters<typeof SentenceColumnsBuilder>[0];
  /**
   * Files parsed ahead, by id (`parseFile` of the same texts, e.g. in worker threads): served as
   * they are; any other Markdown or HTML file is parsed when a stage first asks for it.
   */
  readonly parsed?: ReadonlyMap<string, ParsedDocument | undefined>;
  /**
   * Finds the stories instead of `discoverStories` (the model's index is built only if read);
   * `options` names them (see {@link storyOptions}).
   */
  readonly stories?: (model: CorpusModel, options: StoryOptions) => StoryCluster[];
}

/**
 * What story discovery reads besides the sentences and their index: each document's title
 * (`documentTitle`, from its classified lines), read once per document and only when asked.
 */
export function storyOptions(model: Pick<CorpusModel, 'byId' | 'lines'>): StoryOptions {
  const titles = new Map<string, string | undefined>();
  return {
    titleOf: (id) => {
      if (!titles.has(id)) {
        const file = model.byId.get(id);
        titles.set(id, file ? documentTitle(file, model.lines.get(id) ?? []) : undefined);
      }
      return titles.get(id);
    },
  };
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
  return modelFromColumns(computeColumns(corpus, options), { ...options, files: corpus.files });
}

/**
 * The stages of {@link buildModel}, into columns: each file is parsed, classified (with the
 * repetition counts of the whole corpus), cut into sentences whose rows are appended to the
 * columns, and its intermediate objects dropped; then the stories are found over the columns.
 */
export function computeColumns(
  corpus: CorpusInput,
  options: ModelOptions & { hooks?: StageHooks } = {},
): ModelColumns {
  const files = corpus.files;
  const hooks = options.hooks ?? {};
  // Parsed Markdown and HTML are read by the two stages that follow and then dropped: the model
  // keeps the line verdicts and the sentences, not the blocks and their offset maps. A file is
  // parsed when a stage first asks for it, so hooks that reuse a file's earlier results skip it.
  const parsed = lazyParsedFiles(files, hooks.parsed);
  const lines = new LineColumnsBuilder();
  const sentences = new SentenceColumnsBuilder(hooks.dictionaries);
  // Each file's lines become rows as soon as they are classified, and its sentences right after:
  // no stage holds every file's line or sentence objects at once.
  let fileIndex = 0;
  classifyEach(files, parsed, hooks, (file, fileLines, fallback) => {
    if (!fileLines) {
      const kept = hooks.keptRows!(file, sentences.length);
      lines.copy(kept.lines.columns, kept.lines.file);
      sentences.copy(kept.columns, kept.first, kept.last, fileIndex);
      fileIndex++;
      return;
    }
    lines.add(fileLines, fallback);
    const rows = hooks.sentenceRows?.(file, fileLines, sentences.length);
    if (rows) sentences.copy(rows.columns, rows.first, rows.last, fileIndex);
    else for (const s of segmentFileSafely(file, fileLines, parsed)) sentences.add(fileIndex, s);
    parsed.release?.(file.id);
    fileIndex++;
  });
  const base = {
    files: fileColumns(files),
    lines: lines.finish(),
    sentences: sentences.finish(),
    stories: storyColumns([]),
    skipped: corpus.skipped ?? [],
    ...(corpus.message !== undefined ? { message: corpus.message } : {}),
  };
  if (options.topics === false) return base;
  const model = modelFromColumns(base, { files });
  const named = storyOptions(model);
  const stories = hooks.stories
    ? hooks.stories(model, named)
    : discoverStories(model.sentences, model.index, named);
  return { ...base, stories: storyColumns(storiesWithCopies(stories, model)) };
}

/**
 * The stories as the stages found them, with each file that wholly copies a story's document
 * listed in that story (`withCopyFiles`). Every builder of stories applies it (an incremental
 * build's provisional stories and its settling too).
 */
export function storiesWithCopies(
  stories: readonly StoryCluster[],
  model: Pick<CorpusModel, 'documents' | 'sentences'>,
): StoryCluster[] {
  const copies = new Map<string, string>();
  const order = new Map<string, number>();
  model.documents.forEach((d, i) => {
    order.set(d.file, i);
    if (d.copyOf !== undefined) copies.set(d.file, d.copyOf);
  });
  return withCopyFiles(stories, model.sentences, copies, order);
}

/**
 * A model read from its columns: file views, lines, sentence views, the term index, the document
 * infos and the stories, each derived on first use; the corpus weights and story contexts
 * computed when a summary first needs them. `files`: the files when this thread holds them
 * already (a build), so their texts are not decoded again.
 */
export function modelFromColumns(
  cols: ModelColumns,
  options: ModelOptions & { files?: readonly SourceFile[] } = {},
): CorpusModel {
  const reader = new ColumnReader(cols, options.files);
  const source = reader.source;
  let sentences: Sentence[] | undefined;
  let index: TermIndex | undefined;
  let weights: ConceptWeights | undefined;
  const all = (): Sentence[] => {
    if (sentences) return sentences;
    const n = source.length;
    sentences = new Array<Sentence>(n);
    for (let i = 0; i < n; i++) sentences[i] = source.sentence(i);
    return sentences;
  };
  const contexts = new LruMap<string, StoryContext>(STORY_CONTEXTS);
  const storyContext = (storyId: string): StoryContext | undefined => {
    let ctx = contexts.get(storyId);
    if (ctx) return ctx;
    const story = reader.topicsById.get(storyId);
    if (!story) return undefined;
    const local = new Map(story.sentenceIds.map((id, k) => [id, k]));
    const own = story.sentenceIds.map((id, k) => renumbered(source.sentence(id), k));
    ctx = { sentences: own, index: buildTermIndex(own), local };
    contexts.set(storyId, ctx);
    return ctx;
  };
  const model: CorpusModel = {
    get files() {
      return reader.files.files();
    },
    get byId() {
      return reader.byId;
    },
    skipped: cols.skipped,
    lines: reader.lines,
    get sentences() {
      return all();
    },
    get index() {
      return (index ??= buildTermIndex(all()));
    },
    get stories() {
      return reader.stories;
    },
    get topicsById() {
      return reader.topicsById;
    },
    get fingerprint() {
      return reader.fingerprint;
    },
    get documents() {
      return reader.documents;
    },
    get documentsById() {
      return reader.documentsById;
    },
    hrefFor: options.hrefFor ?? linesHref,
    corpusWeights: () => (weights ??= conceptWeights(all(), model.index)),
    storyContext,
    columns: cols,
    sentenceSource: source,
  };
  return withMessage(model, cols.message);
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
