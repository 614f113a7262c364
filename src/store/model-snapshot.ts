import type { DocumentInfo, SkippedFile } from '../../schemas/document.js';
import type { ClassifiedLine, LineTable } from '../core/classify/index.js';
import {
  corpusFingerprint,
  createLineIndex,
  type FileStamp,
  type SourceFile,
} from '../core/corpus/index.js';
import type { CorpusView, ModelParts } from '../core/model.js';
import type { Sentence } from '../core/segment/index.js';
import type { TopicNode } from '../core/topics/index.js';
import type { BuildState } from './incremental.js';
import { decodeLines, encodeLines, LazyLineTable } from './lazy-lines.js';
import type { Reads } from './read-record.js';

/**
 * A built model as snapshot sections, and back. The model is split into plain data (what the
 * stages computed) and what is rebuilt on load: the lookup maps, each file's line index, the
 * closures (hrefFor, corpus weights, story contexts), and text that is a slice of a file (a line's
 * text, a sentence's quote) — stored only where it is not that slice.
 *
 * Sections: `view` (files, lines, document infos, stories: what the main thread serves cheap
 * reads from), `model` (sentences and term index: what summaries need besides the view), `reads`
 * (what each file's classification read: what an incremental build needs besides the model).
 */

/** The `view` section. */
interface ViewSection {
  readonly fingerprint: string;
  readonly files: readonly SourceFile[];
  readonly skipped: readonly SkippedFile[];
  readonly message?: string;
  /** Per file, its lines encoded apart (decoded on demand: {@link LazyLineTable}). */
  readonly lines: ReadonlyMap<string, Uint8Array>;
  readonly documents: readonly DocumentInfo[];
  readonly stories: ModelParts['stories'];
  readonly sentenceCount: number;
}

/** The `model` section. */
interface ModelSection {
  readonly sentences: readonly Sentence[];
  readonly index: ModelParts['index'];
}

/** Sections of a snapshot of a build (`stamps`: of the files as they were read, when known). */
export function snapshotSections(
  state: BuildState,
  documents: readonly DocumentInfo[],
  stamps: ReadonlyMap<string, FileStamp> = new Map(),
): Record<string, unknown> {
  const { parts } = state;
  const byId = new Map(parts.files.map((f) => [f.id, f.text]));
  const lines = new Map<string, Uint8Array>();
  for (const [id, table] of parts.lines) lines.set(id, encodeLines(table, byId.get(id) ?? ''));
  const sentences = parts.sentences.map((s) => {
    const sliced = (byId.get(s.file) ?? '').slice(s.offsets.start, s.offsets.end);
    return {
      ...s,
      quote: s.quote === sliced ? undefined : s.quote,
      text: s.text === s.quote ? undefined : s.text,
    };
  });
  const view: ViewSection = {
    fingerprint: corpusFingerprint(parts.files),
    files: parts.files.map((f) => ({
      ...f,
      lineIndex: undefined as unknown as SourceFile['lineIndex'],
    })),
    skipped: parts.skipped ?? [],
    ...(parts.message !== undefined ? { message: parts.message } : {}),
    lines,
    documents,
    stories: parts.stories,
    sentenceCount: parts.sentences.length,
  };
  const served = new Map<string, FileStamp>();
  for (const f of parts.files) {
    const stamp = stamps.get(f.id);
    if (stamp) served.set(f.id, stamp);
  }
  const sections: Record<string, unknown> = {
    view,
    model: { sentences, index: parts.index },
    stamps: served,
  };
  // What each file's classification read: kept for builds after a restart, so only in exact
  // snapshots (a provisional one is superseded within seconds by its settled one).
  if (state.exact) sections.reads = state.reads;
  return sections;
}

/** Files with their line index rebuilt on first use (only verification reads it). */
function restoreFiles(files: readonly SourceFile[]): SourceFile[] {
  for (const f of files)
    Object.defineProperty(f, 'lineIndex', {
      configurable: true,
      enumerable: true,
      get(this: SourceFile) {
        const value = createLineIndex(this.text);
        Object.defineProperty(this, 'lineIndex', { value, enumerable: true });
        return value;
      },
    });
  return files as SourceFile[];
}

/** The lines of a view: decoded on demand, or all at once (`eager`, for a build to continue from). */
function restoreLines(view: ViewSection, eager = false): LineTable {
  const texts = new Map(view.files.map((f) => [f.id, f.text]));
  if (!eager) return new LazyLineTable(view.lines, texts);
  const out = new Map<string, readonly ClassifiedLine[]>();
  for (const [id, bytes] of view.lines) out.set(id, decodeLines(bytes, texts.get(id) ?? ''));
  return out;
}

function restoreSentences(view: ViewSection, model: ModelSection): readonly Sentence[] {
  const texts = view.files.map((f) => f.text);
  for (const s of model.sentences as { -readonly [K in keyof Sentence]?: Sentence[K] }[]) {
    if (s.quote === undefined)
      s.quote = texts[s.fileIndex!]!.slice(s.offsets!.start, s.offsets!.end);
    if (s.text === undefined) s.text = s.quote;
  }
  return model.sentences;
}

/** The files of a snapshot's `view` section and the stamps they were read under. */
export function filesFromSections(
  viewSection: unknown,
  stampsSection: unknown,
): { files: SourceFile[]; stamps: ReadonlyMap<string, FileStamp> } {
  return {
    files: restoreFiles((viewSection as ViewSection).files),
    stamps: stampsSection as ReadonlyMap<string, FileStamp>,
  };
}

/**
 * The cheap-read view of a snapshot's `view` section: files, lines, document infos, stories and
 * the counts; no sentences or term index (what the main thread holds).
 */
export function viewFromSection(section: unknown): CorpusView {
  const view = section as ViewSection;
  const files = restoreFiles(view.files);
  const lines = restoreLines(view);
  const topicsById = new Map<string, TopicNode>();
  for (const s of view.stories) {
    topicsById.set(s.topic.id, s);
    for (const f of s.facets) topicsById.set(f.topic.id, f);
  }
  const out: CorpusView = {
    files,
    byId: new Map(files.map((f) => [f.id, f])),
    skipped: view.skipped,
    lines,
    sentences: { length: view.sentenceCount },
    stories: view.stories,
    topicsById,
    fingerprint: corpusFingerprint(files),
    documents: view.documents,
    documentsById: new Map(view.documents.map((d) => [d.file, d])),
  };
  return view.message !== undefined ? { ...out, message: view.message } : out;
}

/**
 * The model parts of a snapshot's `view` and `model` sections: with its lines decoded on demand
 * and its document infos as stored (a worker's model), or (`eager`) with every line decoded and
 * nothing derived (the state a build continues from).
 */
export function partsFromSections(
  viewSection: unknown,
  modelSection: unknown,
  eager = false,
): ModelParts {
  const view = viewSection as ViewSection;
  const model = modelSection as ModelSection;
  const files = restoreFiles(view.files);
  const lines = restoreLines(view, eager);
  const sentences = restoreSentences(view, model);
  return {
    files,
    skipped: view.skipped,
    ...(view.message !== undefined ? { message: view.message } : {}),
    lines,
    sentences,
    index: model.index,
    stories: view.stories,
    ...(eager ? {} : { documents: view.documents }),
  };
}

/** The build state of a snapshot (for the next incremental build). */
export function stateFromSections(
  viewSection: unknown,
  modelSection: unknown,
  readsSection: unknown,
  exact: boolean,
): BuildState {
  return {
    parts: partsFromSections(viewSection, modelSection, true),
    reads: readsSection as ReadonlyMap<string, Reads>,
    exact,
  };
}
