import v8 from 'node:v8';
import type { FileStamp, SourceFile } from '../core/corpus/index.js';
import { FileTable } from '../core/corpus/file-columns.js';
import type { ModelColumns } from '../core/model.js';
import { ARROW_TABLES, columnsFromArrow, columnsToArrow } from './arrow-columns.js';
import { type Packed, pack, unpack } from './columns.js';
import type { Reads } from './read-record.js';

/**
 * A built model as snapshot sections, and back. The model's tables are its columns as Arrow IPC
 * files (`files`, `sentences`, `texts`, `stems`, `words`, `stories`): what every thread reads in
 * place. Beside them, the builder's own bookkeeping, `v8.serialize`d: `stamps` (each served file's
 * stamp as it was read, so a restart reads only what changed) and `reads` (what each file's
 * classification read of the repetition counts, so a reload reclassifies only what they changed).
 */

/** What a snapshot stores besides the columns. */
export interface SnapshotExtras {
  readonly stamps?: ReadonlyMap<string, FileStamp>;
  /** Only in exact snapshots (a provisional one is superseded within seconds by its settled one). */
  readonly reads?: ReadonlyMap<string, Reads>;
}

const serialize = (value: unknown, name: string): Uint8Array => v8.serialize(pack(value, name));
const deserialize = (bytes: Uint8Array): unknown => unpack(v8.deserialize(bytes) as Packed);

/** Sections of a snapshot of a model's columns (only the stamps of the files it serves). */
export function snapshotSections(
  columns: ModelColumns,
  extras: SnapshotExtras = {},
): Record<string, Uint8Array | (() => Uint8Array)> {
  const sections: Record<string, Uint8Array | (() => Uint8Array)> = columnsToArrow(columns);
  const ids = new FileTable(columns.files).ids();
  const served = new Map<string, FileStamp>();
  for (const id of ids) {
    const stamp = extras.stamps?.get(id);
    if (stamp) served.set(id, stamp);
  }
  sections.stamps = serialize(served, 'stamps');
  if (extras.reads) sections.reads = serialize(extras.reads, 'reads');
  return sections;
}

/** The names of the sections that hold the model's columns. */
export const COLUMN_SECTIONS: readonly string[] = ARROW_TABLES;

/** The columns of a snapshot's sections (views into their bytes). */
export function columnsFromSections(sections: Readonly<Record<string, Uint8Array>>): ModelColumns {
  return columnsFromArrow(sections);
}

/** The stamps a snapshot recorded. */
export function stampsFromSection(bytes: Uint8Array | undefined): ReadonlyMap<string, FileStamp> {
  return bytes ? (deserialize(bytes) as ReadonlyMap<string, FileStamp>) : new Map();
}

/** What each file's classification read, as a snapshot recorded it. */
export function readsFromSection(bytes: Uint8Array | undefined): ReadonlyMap<string, Reads> {
  return bytes ? (deserialize(bytes) as ReadonlyMap<string, Reads>) : new Map();
}

/** The files of a snapshot's columns (texts decoded when read). */
export function filesOfColumns(columns: ModelColumns): readonly SourceFile[] {
  return new FileTable(columns.files).files();
}
