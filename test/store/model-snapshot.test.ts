import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  corpusStats,
  documentLines,
  documentList,
  listStories,
  loadCorpus,
  summarize,
  topicDetail,
  verifyCitations,
} from '../../src/core/index.js';
import { type CorpusModel, modelFromColumns, viewFromColumns } from '../../src/core/model.js';
import { type BuildState, buildIncrementally } from '../../src/store/incremental.js';
import {
  columnsFromSections,
  readsFromSection,
  snapshotSections,
} from '../../src/store/model-snapshot.js';
import { readSnapshotShared, writeSnapshot } from '../../src/store/snapshot-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'citesum-model-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXPECTED = { format: 1, pipeline: 'test' };

let built: BuildState;
let model: CorpusModel;
let sections: Record<string, Uint8Array>;
beforeAll(async () => {
  built = buildIncrementally(await loadCorpus('data'), undefined).state;
  model = modelFromColumns(built.columns);
  const file = path.join(dir, 'seed.snap');
  writeSnapshot(
    file,
    { ...EXPECTED, fingerprint: model.fingerprint, exact: true },
    snapshotSections(built.columns, { reads: built.reads }),
  );
  sections = readSnapshotShared(file, EXPECTED).sections;
});

describe('a model read back from its snapshot', () => {
  it('answers every summary, topic and document with the same bytes as the model it was written from', () => {
    const back = modelFromColumns(columnsFromSections(sections));
    const same = (f: (m: CorpusModel) => unknown) =>
      expect(JSON.stringify(f(back))).toBe(JSON.stringify(f(model)));
    same((m) => summarize(m, {}));
    same((m) => summarize(m, { query: 'monthly users', maxSentences: 3 }));
    for (const story of model.stories) {
      same((m) => summarize(m, { topicId: story.topic.id }));
      same((m) => topicDetail(m, story.topic.id));
      for (const facet of story.facets) same((m) => summarize(m, { topicId: facet.topic.id }));
    }
    same((m) => listStories(m));
    same((m) => documentList(m));
    same((m) => corpusStats(m));
  });

  it('reads its columns in place: every typed array a view into the one shared buffer of the file', () => {
    const cols = columnsFromSections(sections);
    const arrays = [
      cols.files.bytes,
      cols.files.texts.bytes,
      cols.lines.start,
      cols.lines.kind,
      cols.sentences.tokenStem,
      cols.sentences.tokenStart,
      cols.stories.members,
    ];
    const buffer = sections.files!.buffer;
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const a of arrays) expect(a.buffer).toBe(buffer);
    expect(cols.sentences.file.length).toBe(model.sentences.length);
    expect(cols.lines.kind.length).toBe(built.columns.lines.kind.length);
  });

  it('stores its tables as Arrow IPC files that an Arrow reader opens on its own', () => {
    const sentences = tableFromIPC(sections.sentences!);
    expect(sentences.numRows).toBe(model.sentences.length);
    expect(sentences.schema.fields.map((f) => f.name)).toContain('tokens');
    const files = tableFromIPC(sections.files!);
    expect(files.getChild('id')!.toArray()).toEqual(model.files.map((f) => f.id));
    expect(files.getChild('text')!.get(0)).toBe(model.files[0]!.text);
  });

  it('serves the cheap reads from its view alone, with no sentences or term index', () => {
    const view = viewFromColumns(columnsFromSections(sections));
    expect('index' in view).toBe(false);
    expect(view.sentences.length).toBe(model.sentences.length);
    expect(JSON.stringify(listStories(view))).toBe(JSON.stringify(listStories(model)));
    expect(JSON.stringify(documentList(view))).toBe(JSON.stringify(documentList(model)));
    expect(corpusStats(view)).toEqual(corpusStats(model));
    const file = model.files[2]!.id;
    expect(documentLines(view, file, 1, 50)).toEqual(documentLines(model, file, 1, 50));
    const citations = summarize(model, {})!.sentences.flatMap((s) => s.citations);
    expect(verifyCitations(view, citations)).toEqual(verifyCitations(model, citations));
  });

  it('gives back the build state an incremental build continues from', () => {
    const state: BuildState = {
      columns: columnsFromSections(sections),
      reads: readsFromSection(sections.reads),
      exact: true,
    };
    const next = buildIncrementally({ files: model.files }, state);
    expect(next.report).toMatchObject({ classified: 0, segmented: 0, stories: 'reused' });
    expect(state.reads).toEqual(built.reads);
  });
});
