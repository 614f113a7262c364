import { type DistinctLines, distinctLines } from '../core/classify/index.js';
import { sameLines } from '../core/classify/line-columns.js';
import type { SourceFile } from '../core/corpus/index.js';
import { FileTable } from '../core/corpus/file-columns.js';
import {
  computeColumns,
  type CorpusInput,
  type ModelColumns,
  modelFromColumns,
  type StageHooks,
  storiesWithCopies,
  storyOptions,
} from '../core/model.js';
import type { ParsedDocument } from '../core/parse/index.js';
import { decodeStrings, Dictionary } from '../core/shared/shared-arrays.js';
import { discoverStories } from '../core/topics/index.js';
import { storiesOf, storyColumns } from '../core/topics/story-columns.js';
import { provisionalStories } from './provisional-stories.js';
import { type Reads, readsHold, recordReads } from './read-record.js';

/**
 * Incremental builds: the stages run as `buildModel` runs them, but a file whose text is
 * unchanged reuses its earlier classification (while every repetition count its rules read is
 * unchanged) and its earlier sentence rows (while its line verdicts are unchanged; the rows are
 * copied, with the ids of the earlier dictionaries kept). The cross-file stages (repetition
 * counts, stories) run over the whole corpus, so the result equals a full build's; only stories
 * may be provisional (see {@link BuildOptions.provisional}).
 */

/** What one build leaves for the next. */
export interface BuildState {
  readonly columns: ModelColumns;
  /** Per file key (id and sha256): what its classification read of the repetition counts. */
  readonly reads: ReadonlyMap<string, Reads>;
  /** False while the stories are provisional (assigned, not clustered). */
  readonly exact: boolean;
  /**
   * Per file key: the file's distinct lines as the repetition rule reads them, so an unchanged
   * file is neither read (for Markdown and HTML, parsed) nor scanned again for the repetition
   * counts; it is read only if it must be classified again. Kept in memory only (a build read
   * from a snapshot has none: its first reload reads each file once).
   */
  readonly distinct?: ReadonlyMap<string, DistinctLines>;
  /**
   * The dictionaries the columns' stem and word ids index, as the builder holds them (appended to
   * by the next build, so ids never move). Kept in memory only: a build read from a snapshot
   * decodes them from its columns.
   */
  readonly dictionaries?: { readonly stems: Dictionary; readonly words: Dictionary };
}

/** Options of {@link buildIncrementally}. */
export interface BuildOptions {
  /**
   * When the sentences changed, keep the earlier stories and assign the changed documents to them
   * (fast) instead of clustering again; {@link settle} clusters later.
   */
  readonly provisional?: boolean;
  /** Files parsed ahead (see `StageHooks.parsed`): the changed Markdown and HTML files, parsed in threads. */
  readonly parsed?: ReadonlyMap<string, ParsedDocument | undefined>;
}

/** What a build reused and recomputed. */
export interface BuildReport {
  readonly files: number;
  readonly classified: number;
  readonly segmented: number;
  /** `clustered`, `reused` (sentences unchanged) or `provisional`. */
  readonly stories: 'clustered' | 'reused' | 'provisional';
}

/** The key of a file's cached results: its id and the SHA-256 of its bytes. */
export function fileKey(file: Pick<SourceFile, 'id' | 'sha256'>): string {
  return `${file.id}\u0000${file.sha256}`;
}

/** The previous build's files by key, and each file's sentence rows. */
function previousByFile(previous: BuildState | undefined) {
  const byKey = new Map<string, number>();
  if (!previous) return { byKey, first: new Int32Array(1), files: undefined };
  const files = new FileTable(previous.columns.files);
  files.files().forEach((f, i) => byKey.set(fileKey(f), i));
  const rows = previous.columns.sentences.file;
  const first = new Int32Array(files.length + 1);
  for (let r = 0; r < rows.length; r++) first[rows[r]! + 1]!++;
  for (let i = 0; i < files.length; i++) first[i + 1]! += first[i]!;
  return { byKey, first, files };
}

/**
 * Builds the model columns of `corpus`, reusing what `previous` computed for unchanged files.
 * Equal to `computeColumns(corpus)` except that stories are provisional when asked and needed.
 */
export function buildIncrementally(
  corpus: CorpusInput,
  previous: BuildState | undefined,
  options: BuildOptions = {},
): { state: BuildState; report: BuildReport } {
  const before = previousByFile(previous);
  const reads = new Map<string, Reads>();
  let classified = 0;
  let segmented = 0;
  // Old sentence row → new id, for sentences carried over unchanged (-1: gone or recomputed).
  const oldSentences = previous?.columns.sentences.file.length ?? 0;
  const carried = new Int32Array(oldSentences).fill(-1);
  let allCarried = previous !== undefined && corpus.files.length === before.byKey.size;

  const distinct = new Map<string, DistinctLines>();
  const fileLines: StageHooks['fileLines'] = (file, read) => {
    const reading = read();
    distinct.set(fileKey(file), distinctLines(reading));
    return reading;
  };
  const earlierDistinct: StageHooks['distinctLines'] = (file) => {
    const key = fileKey(file);
    const old = previous?.distinct?.get(key);
    if (old) distinct.set(key, old);
    return old;
  };
  const keep: StageHooks['keep'] = (file, repetition) => {
    const key = fileKey(file);
    const old = before.byKey.get(key);
    const oldReads = previous?.reads.get(key);
    if (old === undefined || !oldReads || !readsHold(oldReads, repetition)) return false;
    reads.set(key, oldReads);
    return true;
  };
  const classifyFile: StageHooks['classifyFile'] = (file, repetition, classify) => {
    const key = fileKey(file);
    classified++;
    const rec = recordReads(repetition);
    const lines = classify(rec.view);
    reads.set(key, rec.reads());
    return lines;
  };
  let fileIndex = 0;
  const keptRows: StageHooks['keptRows'] = (file, row) => {
    const at = fileIndex++;
    const old = before.byKey.get(fileKey(file))!;
    const first = before.first[old]!;
    const last = before.first[old + 1]!;
    if (old !== at || first !== row) allCarried = false;
    for (let r = first; r < last; r++) carried[r] = row + (r - first);
    return {
      lines: { columns: previous!.columns.lines, file: old },
      columns: previous!.columns.sentences,
      first,
      last,
    };
  };
  const sentenceRows: StageHooks['sentenceRows'] = (file, lines, row) => {
    const at = fileIndex++;
    const old = before.byKey.get(fileKey(file));
    if (old !== undefined && sameLines(previous!.columns.lines, old, lines)) {
      const first = before.first[old]!;
      const last = before.first[old + 1]!;
      if (old !== at || first !== row) allCarried = false;
      for (let r = first; r < last; r++) carried[r] = row + (r - first);
      return { columns: previous!.columns.sentences, first, last };
    }
    allCarried = false;
    segmented++;
    return undefined;
  };
  const how: { stories: BuildReport['stories'] } = { stories: 'clustered' };
  const dictionaries =
    previous?.dictionaries ??
    (previous
      ? {
          stems: Dictionary.from(decodeStrings(previous.columns.sentences.stems)),
          words: Dictionary.from(decodeStrings(previous.columns.sentences.words)),
        }
      : { stems: new Dictionary(), words: new Dictionary() });
  const columns = computeColumns(corpus, {
    hooks: {
      fileLines,
      distinctLines: earlierDistinct,
      keep,
      keptRows,
      classifyFile,
      sentenceRows,
      dictionaries,
      ...(options.parsed ? { parsed: options.parsed } : {}),
      stories: (model, named) => {
        if (model.columns.sentences.file.length !== oldSentences) allCarried = false;
        if (previous && allCarried && previous.exact) {
          how.stories = 'reused';
          return [...storiesOfState(previous)];
        }
        if (previous && options.provisional) {
          how.stories = 'provisional';
          return provisionalStories(
            storiesOfState(previous),
            { sentences: model.sentences, source: model.sentenceSource, carried },
            named,
          );
        }
        return discoverStories(model.sentences, model.index, named);
      },
    },
  });
  return {
    state: { columns, reads, exact: how.stories !== 'provisional', distinct, dictionaries },
    report: { files: corpus.files.length, classified, segmented, stories: how.stories },
  };
}

/** The stories of a build's columns. */
function storiesOfState(state: BuildState) {
  const files = new FileTable(state.columns.files);
  const cols = state.columns.sentences;
  return storiesOf(state.columns.stories, (s) => files.id(cols.file[s]!));
}

/** Clusters the stories of a provisional build: the same columns a full build gives. */
export function settle(state: BuildState): BuildState {
  if (state.exact) return state;
  const model = modelFromColumns(state.columns);
  const stories = storiesWithCopies(
    discoverStories(model.sentences, model.index, storyOptions(model)),
    model,
  );
  return { ...state, columns: { ...state.columns, stories: storyColumns(stories) }, exact: true };
}
