import {
  type Data,
  Field,
  Float64,
  Int32,
  List,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Utf8,
} from 'apache-arrow';
import type { ModelColumns } from '../core/model.js';
import type { StringColumn } from '../core/shared/shared-arrays.js';

/**
 * The model's columns as Apache Arrow IPC files, and back without copying: the one module that
 * imports `apache-arrow`. Each table of the model is one Arrow record batch whose buffers are the
 * model's typed arrays themselves (a CSR is an Arrow `List`: its offsets and its values; a string
 * column an Arrow `Utf8`), so a snapshot is the columns' bytes, and reading one from a buffer in
 * shared memory gives views into that buffer (Arrow aligns every buffer to 8 bytes), not copies.
 * Any Arrow reader (pyarrow, DuckDB, arrow-rs) can open the tables.
 *
 * Tables: `files` (id, sha256, bytes, text, each file's lines as a list of structs, and why it
 * was read as stripped text, empty when it was not),
 * `sentences` (per sentence its place and flags, and its tokens as a list of structs),
 * `texts`, `stems` and `words` (string columns), `stories` (per topic node its members).
 */

type Columns = Record<string, Data>;

const utf8 = (c: StringColumn, length = c.offsets.length - 1): Data<Utf8> =>
  makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: c.offsets, data: c.bytes });
const int32 = (values: Int32Array): Data<Int32> =>
  makeData({ type: new Int32(), length: values.length, nullCount: 0, data: values });
const uint8 = (values: Uint8Array): Data<Uint8> =>
  makeData({ type: new Uint8(), length: values.length, nullCount: 0, data: values });
const float64 = (values: Float64Array): Data<Float64> =>
  makeData({ type: new Float64(), length: values.length, nullCount: 0, data: values });

function struct(children: Columns, length: number): Data<Struct> {
  const fields = Object.entries(children).map(([name, d]) => new Field(name, d.type, false));
  return makeData({
    type: new Struct(fields),
    length,
    nullCount: 0,
    children: Object.values(children),
  });
}

function list(offsets: Int32Array, child: Data): Data<List> {
  return makeData({
    type: new List(new Field('item', child.type, false)),
    length: offsets.length - 1,
    nullCount: 0,
    valueOffsets: offsets,
    child,
  });
}

/** One record batch of equally long columns as an Arrow IPC file, with string metadata. */
function ipc(columns: Columns, length: number, metadata: Record<string, string> = {}): Uint8Array {
  const body = struct(columns, length);
  const schema = new Schema((body.type as Struct).children, new Map(Object.entries(metadata)));
  return tableToIPC(new Table(new RecordBatch(schema, body)), 'file');
}

/** The Arrow IPC files of a model's columns, by table name, each made when called. */
export function columnsToArrow(cols: ModelColumns): Record<string, () => Uint8Array> {
  const f = cols.files;
  const files = f.bytes.length;
  const l = cols.lines;
  const s = cols.sentences;
  const lines = struct(
    {
      start: int32(l.start),
      end: int32(l.end),
      kind: uint8(l.kind),
      reason: uint8(l.reason),
      origin: utf8(l.origin),
    },
    l.start.length,
  );
  const tokens = struct(
    { stem: int32(s.tokenStem), word: int32(s.tokenWord), flags: uint8(s.tokenFlags) },
    s.tokenStem.length,
  );
  const stories = cols.stories;
  return {
    files: () =>
      ipc(
        {
          id: utf8(f.ids),
          sha256: utf8(f.sha256),
          bytes: float64(f.bytes),
          text: utf8(f.texts),
          lines: list(l.fileStart, lines),
          fallback: utf8(l.fallback),
        },
        files,
        {
          skipped: JSON.stringify(cols.skipped),
          ...(cols.message !== undefined ? { message: cols.message } : {}),
        },
      ),
    sentences: () =>
      ipc(
        {
          file: int32(s.file),
          position: int32(s.position),
          lineStart: int32(s.lineStart),
          lineEnd: int32(s.lineEnd),
          start: int32(s.start),
          end: int32(s.end),
          text: int32(s.text),
          flags: uint8(s.flags),
          tokens: list(s.tokenStart, tokens),
        },
        s.file.length,
      ),
    texts: () => ipc({ text: utf8(s.texts) }, s.texts.offsets.length - 1),
    stems: () => ipc({ stem: utf8(s.stems) }, s.stems.offsets.length - 1),
    words: () => ipc({ word: utf8(s.words) }, s.words.offsets.length - 1),
    stories: () =>
      ipc(
        { members: list(stories.memberStart, int32(stories.members)) },
        stories.memberStart.length - 1,
        { topics: new TextDecoder().decode(stories.topics.bytes) },
      ),
  };
}

/** The names of the tables {@link columnsToArrow} writes. */
export const ARROW_TABLES = ['files', 'sentences', 'texts', 'stems', 'words', 'stories'] as const;

/** The single record batch of an IPC file, as its struct data and schema metadata. */
function batchOf(bytes: Uint8Array): { data: Data<Struct>; meta: Map<string, string> } {
  const table = tableFromIPC(bytes);
  if (table.batches.length !== 1)
    throw new Error(`expected one record batch, found ${table.batches.length}`);
  return { data: table.batches[0]!.data as Data<Struct>, meta: table.schema.metadata };
}

function child(data: Data, name: string): Data {
  const type = data.type as Struct;
  const at = type.children.findIndex((f) => f.name === name);
  if (at < 0) throw new Error(`no column "${name}"`);
  return data.children[at]!;
}

// Arrow's reader hands out views over whole (8-byte padded) buffers: each is cut to its data's
// length here, still a view (no copy).
const values = <T>(d: Data): T =>
  (d.values as Int32Array).subarray(d.offset, d.offset + d.length) as unknown as T;
const offsetsOf = (d: Data): Int32Array =>
  (d.valueOffsets as Int32Array).subarray(d.offset, d.offset + d.length + 1);
function strings(d: Data): StringColumn {
  const offsets = offsetsOf(d);
  return { offsets, bytes: (d.values as Uint8Array).subarray(0, offsets[offsets.length - 1]!) };
}

/**
 * A model's columns read from the Arrow IPC files of {@link columnsToArrow}: every typed array a
 * view into the given bytes (no copy when they lie in shared memory, 8-byte aligned).
 */
export function columnsFromArrow(tables: Readonly<Record<string, Uint8Array>>): ModelColumns {
  const need = (name: string) => {
    const bytes = tables[name];
    if (!bytes) throw new Error(`no table "${name}"`);
    return batchOf(bytes);
  };
  const files = need('files');
  const lineList = child(files.data, 'lines');
  const lines = lineList.children[0]!;
  const sentences = need('sentences').data;
  const tokenList = child(sentences, 'tokens');
  const tokens = tokenList.children[0]!;
  const stories = need('stories');
  const members = child(stories.data, 'members');
  const message = files.meta.get('message');
  const topics = new TextEncoder().encode(stories.meta.get('topics') ?? '[]');
  return {
    files: {
      ids: strings(child(files.data, 'id')),
      sha256: strings(child(files.data, 'sha256')),
      bytes: values(child(files.data, 'bytes')),
      texts: strings(child(files.data, 'text')),
    },
    lines: {
      fileStart: offsetsOf(lineList),
      start: values(child(lines, 'start')),
      end: values(child(lines, 'end')),
      kind: values(child(lines, 'kind')),
      reason: values(child(lines, 'reason')),
      fallback: strings(child(files.data, 'fallback')),
      origin: strings(child(lines, 'origin')),
    },
    sentences: {
      file: values(child(sentences, 'file')),
      position: values(child(sentences, 'position')),
      lineStart: values(child(sentences, 'lineStart')),
      lineEnd: values(child(sentences, 'lineEnd')),
      start: values(child(sentences, 'start')),
      end: values(child(sentences, 'end')),
      text: values(child(sentences, 'text')),
      flags: values(child(sentences, 'flags')),
      tokenStart: offsetsOf(tokenList),
      tokenStem: values(child(tokens, 'stem')),
      tokenWord: values(child(tokens, 'word')),
      tokenFlags: values(child(tokens, 'flags')),
      texts: strings(child(need('texts').data, 'text')),
      stems: strings(child(need('stems').data, 'stem')),
      words: strings(child(need('words').data, 'word')),
    },
    stories: {
      topics: { offsets: Int32Array.of(0, topics.length), bytes: topics },
      memberStart: offsetsOf(members),
      members: values(members.children[0]!),
    },
    skipped: JSON.parse(files.meta.get('skipped') ?? '[]'),
    ...(message !== undefined ? { message } : {}),
  };
}
