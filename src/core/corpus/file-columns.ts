import { LruMap } from '../shared/lru.js';
import {
  type StringColumn,
  StringColumnBuilder,
  stringAt,
  stringCount,
  toShared,
} from '../shared/shared-arrays.js';
import { createLineIndex, type LineIndex } from './positions.js';
import type { SourceFile } from './source-file.js';

/**
 * The files of a corpus as columns: id, SHA-256 and size, and the decoded text once (UTF-8 bytes,
 * Arrow's `Utf8` layout). A reader decodes a file's text when a request reads it (recently read
 * ones kept), so every thread shares the one copy of the bytes.
 */
export interface FileColumns {
  readonly ids: StringColumn;
  readonly sha256: StringColumn;
  /** Size of each file in bytes (of the file on disk, BOM included). */
  readonly bytes: Float64Array;
  /** Each file's decoded text (BOM removed), UTF-8. */
  readonly texts: StringColumn;
}

/** The columns of some files, in the order given. */
export function fileColumns(files: readonly SourceFile[]): FileColumns {
  const ids = new StringColumnBuilder();
  const sha = new StringColumnBuilder();
  const texts = new StringColumnBuilder();
  const bytes = new Float64Array(files.length);
  files.forEach((f, i) => {
    ids.push(f.id);
    sha.push(f.sha256);
    texts.push(f.text);
    bytes[i] = f.bytes;
  });
  return { ids: ids.finish(), sha256: sha.finish(), bytes: toShared(bytes), texts: texts.finish() };
}

/** Decoded texts and line indexes kept per reader (the most recently read files). */
const KEPT_TEXTS = 512;

/**
 * The files of a model, read from their columns: `SourceFile` views whose text is decoded on
 * first read (and kept while recently used), a lookup by id, and the files' texts given up front
 * when the caller holds them already (a build in this thread, posted documents).
 */
export class FileTable {
  readonly cols: FileColumns;
  readonly #texts = new LruMap<number, string>(KEPT_TEXTS);
  readonly #lineIndexes = new LruMap<number, LineIndex>(KEPT_TEXTS);
  readonly #given: readonly SourceFile[] | undefined;
  #ids: string[] | undefined;
  #byId: Map<string, number> | undefined;
  #files: SourceFile[] | undefined;

  constructor(cols: FileColumns, given?: readonly SourceFile[]) {
    this.cols = cols;
    this.#given = given;
  }

  get length(): number {
    return stringCount(this.cols.ids);
  }

  /** Every file id, in order. */
  ids(): readonly string[] {
    if (this.#ids) return this.#ids;
    const n = this.length;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.#given?.[i]?.id ?? stringAt(this.cols.ids, i);
    return (this.#ids = out);
  }

  id(i: number): string {
    return this.ids()[i]!;
  }

  /** The index of a file id, or undefined. */
  indexOf(id: string): number | undefined {
    this.#byId ??= new Map(this.ids().map((x, i) => [x, i]));
    return this.#byId.get(id);
  }

  text(i: number): string {
    const given = this.#given?.[i];
    if (given) return given.text;
    let t = this.#texts.get(i);
    if (t === undefined) {
      t = stringAt(this.cols.texts, i);
      this.#texts.set(i, t);
    }
    return t;
  }

  lineIndex(i: number): LineIndex {
    const given = this.#given?.[i];
    if (given) return given.lineIndex;
    let l = this.#lineIndexes.get(i);
    if (!l) {
      l = createLineIndex(this.text(i));
      this.#lineIndexes.set(i, l);
    }
    return l;
  }

  /** Every file as a `SourceFile` (views: texts decoded when read). */
  files(): readonly SourceFile[] {
    if (this.#files) return this.#files;
    if (this.#given) return (this.#files = [...this.#given]);
    const n = this.length;
    const out = new Array<SourceFile>(n);
    for (let i = 0; i < n; i++) out[i] = new ColumnFile(this, i);
    return (this.#files = out);
  }
}

/** One file read from the columns. */
class ColumnFile implements SourceFile {
  readonly #table: FileTable;
  readonly #i: number;
  readonly id: string;
  readonly sha256: string;
  readonly bytes: number;

  constructor(table: FileTable, i: number) {
    this.#table = table;
    this.#i = i;
    this.id = table.id(i);
    this.sha256 = stringAt(table.cols.sha256, i);
    this.bytes = table.cols.bytes[i]!;
  }

  get text(): string {
    return this.#table.text(this.#i);
  }

  get lineIndex(): LineIndex {
    return this.#table.lineIndex(this.#i);
  }
}
