import type { DocumentInfo, SkippedFile } from '../../schemas/document.js';
import type { ClassifiedLine, LineTable } from './classify/index.js';
import type { CorpusView } from './model.js';
import {
  copiersByOriginal,
  copyOfFile,
  fallbackOf,
  lineCounts,
  type LineColumns,
  linesOf,
} from './classify/line-columns.js';
import { noContent } from './document-info.js';
import { corpusFingerprint } from './corpus/fingerprint.js';
import type { SourceFile } from './corpus/source-file.js';
import { type FileColumns, FileTable } from './corpus/file-columns.js';
import { type SentenceColumns, SentenceSource } from './segment/sentence-columns.js';
import { LruMap } from './shared/lru.js';
import { type StoryColumns, storiesOf } from './topics/story-columns.js';
import type { StoryCluster, TopicNode } from './topics/index.js';

/**
 * A built corpus as columns: the one layout the builder writes, the snapshot stores and every
 * thread reads (typed arrays in shared memory, strings in UTF-8 columns). The files, their
 * classified lines, the sentences with their tokens, and the stories with their members; what
 * the loader skipped, and the message of an empty corpus.
 */
export interface ModelColumns {
  readonly files: FileColumns;
  readonly lines: LineColumns;
  readonly sentences: SentenceColumns;
  readonly stories: StoryColumns;
  readonly skipped: readonly SkippedFile[];
  readonly message?: string;
}

/** Files whose decoded lines a reader keeps (the most recently asked). */
const KEPT_LINES = 256;

/** The classified lines of every file, read from the columns on demand (recently read files kept). */
export class ColumnLineTable implements LineTable {
  readonly #files: FileTable;
  readonly #cols: LineColumns;
  readonly #decoded = new LruMap<number, readonly ClassifiedLine[]>(KEPT_LINES);

  constructor(files: FileTable, cols: LineColumns) {
    this.#files = files;
    this.#cols = cols;
  }

  #at(i: number): readonly ClassifiedLine[] {
    let lines = this.#decoded.get(i);
    if (!lines) {
      lines = linesOf(this.#cols, i, this.#files.text(i));
      this.#decoded.set(i, lines);
    }
    return lines;
  }

  get(id: string): readonly ClassifiedLine[] | undefined {
    const i = this.#files.indexOf(id);
    return i === undefined ? undefined : this.#at(i);
  }

  has(id: string): boolean {
    return this.#files.indexOf(id) !== undefined;
  }

  get size(): number {
    return this.#files.length;
  }

  *entries(): MapIterator<[string, readonly ClassifiedLine[]]> {
    const ids = this.#files.ids();
    for (let i = 0; i < ids.length; i++) yield [ids[i]!, this.#at(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.#files.ids();
  }

  *values(): MapIterator<readonly ClassifiedLine[]> {
    for (let i = 0; i < this.#files.length; i++) yield this.#at(i);
  }

  forEach(
    fn: (value: readonly ClassifiedLine[], key: string, map: LineTable) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, lines] of this.entries()) fn.call(thisArg, lines, id, this);
  }

  [Symbol.iterator](): MapIterator<[string, readonly ClassifiedLine[]]> {
    return this.entries();
  }
}

/** Per file: its number of sentences (rows of the sentence columns are grouped by file). */
export function sentencesPerFile(cols: SentenceColumns, files: number): Int32Array {
  const out = new Int32Array(files);
  for (let i = 0; i < cols.file.length; i++) out[cols.file[i]!]!++;
  return out;
}

/**
 * The document infos of the files (what the classifier made of each), from the columns: line
 * counts, whether a file wholly copies another (`copyOf`) and which files copy an original's lines
 * (`copies`), and whether a file of prose yields no content sentence (`noContent`).
 */
export function documentInfosOf(
  files: FileTable,
  lines: LineColumns,
  sentences: SentenceColumns,
): DocumentInfo[] {
  const perFile = sentencesPerFile(sentences, files.length);
  const copiers = copiersByOriginal(lines, files.length);
  const out: DocumentInfo[] = [];
  for (let i = 0; i < files.length; i++) {
    const { counts, reasons } = lineCounts(lines, i);
    const f = files.files()[i]!;
    const fallback = fallbackOf(lines, i);
    const original = counts.duplicate > 0 ? copyOfFile(lines, i) : undefined;
    const copies = copiers.get(f.id)?.map((c) => files.id(c));
    const lost =
      perFile[i] === 0 && counts.duplicate === 0
        ? noContent(linesOf(lines, i, files.text(i)))
        : undefined;
    out.push({
      file: f.id,
      sha256: f.sha256,
      bytes: f.bytes,
      lineCount: lines.fileStart[i + 1]! - lines.fileStart[i]!,
      sentenceCount: perFile[i]!,
      lines: counts,
      reasons,
      ...(fallback !== undefined ? { fallback } : {}),
      ...(original !== undefined ? { copyOf: original } : {}),
      ...(copies && copies.length > 0 ? { copies } : {}),
      ...(lost ? { noContent: lost } : {}),
    });
  }
  return out;
}

/**
 * What every reader of a model's columns derives from them, each on first use: the file views,
 * the lines, the sentence source, the document infos, the stories with their lookup, the
 * fingerprint. Shared by the main thread's view and the workers' model.
 */
export class ColumnReader {
  readonly cols: ModelColumns;
  readonly files: FileTable;
  readonly lines: ColumnLineTable;
  readonly source: SentenceSource;
  #documents: DocumentInfo[] | undefined;
  #documentsById: Map<string, DocumentInfo> | undefined;
  #stories: StoryCluster[] | undefined;
  #topicsById: Map<string, TopicNode> | undefined;
  #fingerprint: string | undefined;
  #byId: Map<string, SourceFile> | undefined;

  /** `given`: the files when this thread holds them already (their texts are not decoded again). */
  constructor(cols: ModelColumns, given?: readonly SourceFile[]) {
    this.cols = cols;
    this.files = new FileTable(cols.files, given);
    this.lines = new ColumnLineTable(this.files, cols.lines);
    this.source = new SentenceSource(
      cols.sentences,
      (i) => this.files.id(i),
      (i) => this.files.text(i),
    );
  }

  get byId(): ReadonlyMap<string, SourceFile> {
    return (this.#byId ??= new Map(this.files.files().map((f) => [f.id, f])));
  }

  get documents(): readonly DocumentInfo[] {
    return (this.#documents ??= documentInfosOf(this.files, this.cols.lines, this.cols.sentences));
  }

  get documentsById(): ReadonlyMap<string, DocumentInfo> {
    return (this.#documentsById ??= new Map(this.documents.map((d) => [d.file, d])));
  }

  get stories(): readonly StoryCluster[] {
    const cols = this.cols.sentences;
    return (this.#stories ??= storiesOf(this.cols.stories, (s) => this.files.id(cols.file[s]!)));
  }

  get topicsById(): ReadonlyMap<string, TopicNode> {
    if (this.#topicsById) return this.#topicsById;
    const out = new Map<string, TopicNode>();
    for (const s of this.stories) {
      out.set(s.topic.id, s);
      for (const f of s.facets) out.set(f.topic.id, f);
    }
    return (this.#topicsById = out);
  }

  get fingerprint(): string {
    return (this.#fingerprint ??= corpusFingerprint(this.files.files()));
  }
}

/** `target` with the empty-corpus message set, its getters kept (a spread would call them all). */
export function withMessage<T extends object>(target: T, message: string | undefined): T {
  if (message === undefined) return target;
  const out = Object.create(target) as T;
  Object.defineProperty(out, 'message', { value: message, enumerable: true });
  return out;
}

/**
 * The cheap-read view of a model's columns (the main thread's): files, lines, document infos,
 * stories and counts; no sentence views and no term index.
 */
export function viewFromColumns(cols: ModelColumns): CorpusView {
  const reader = new ColumnReader(cols);
  const view: CorpusView = {
    get files() {
      return reader.files.files();
    },
    get byId() {
      return reader.byId;
    },
    skipped: cols.skipped,
    lines: reader.lines,
    sentences: { length: cols.sentences.file.length },
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
  };
  return withMessage(view, cols.message);
}
