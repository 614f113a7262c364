import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { type CorpusModel, modelFromParts } from '../../src/core/model.js';
import { type BuildState, buildIncrementally } from '../../src/store/incremental.js';
import {
  partsFromSections,
  snapshotSections,
  stateFromSections,
  viewFromSection,
} from '../../src/store/model-snapshot.js';
import { readSnapshot, writeSnapshot } from '../../src/store/snapshot-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'citesum-model-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXPECTED = { format: 1, pipeline: 'test' };

let built: BuildState;
let model: CorpusModel;
let sections: Record<string, unknown>;
beforeAll(async () => {
  built = buildIncrementally(await loadCorpus('data'), undefined).state;
  model = modelFromParts(built.parts);
  const file = path.join(dir, 'seed.snap');
  writeSnapshot(
    file,
    { ...EXPECTED, fingerprint: model.fingerprint, exact: true },
    snapshotSections(built, model.documents),
  );
  sections = readSnapshot(file, EXPECTED, ['view', 'model', 'reads']).sections;
});

describe('a model read back from its snapshot', () => {
  it('answers every summary, topic and document with the same bytes as the model it was written from', () => {
    const back = modelFromParts(partsFromSections(sections.view, sections.model));
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

  it('serves the cheap reads from its view alone, with no sentences or term index', () => {
    const view = viewFromSection(sections.view);
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
    const state = stateFromSections(sections.view, sections.model, sections.reads, true);
    const next = buildIncrementally({ files: model.files }, state);
    expect(next.report).toMatchObject({ classified: 0, segmented: 0, stories: 'reused' });
    expect(state.reads).toEqual(built.reads);
  });
});
