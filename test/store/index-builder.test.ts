import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModel, documentList, loadCorpus } from '../../src/core/index.js';
import type { CorpusModel } from '../../src/core/model.js';
import { IndexBuilder } from '../../src/store/index-builder.js';
import { SNAPSHOT_FORMAT, pipelineVersion } from '../../src/store/pipeline-version.js';
import { readModel } from '../../src/store/read-model.js';
import { modelAnswers } from './model-answers.js';

let root: string;
let dataDir: string;
let indexDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'citesum-index-builder-'));
  dataDir = path.join(root, 'data');
  indexDir = path.join(root, 'index');
  cpSync('data', dataDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

// No racy window: the files were written just now (a real start waits 2 s to trust a stamp).
const builder = (format = SNAPSHOT_FORMAT) =>
  new IndexBuilder({ dataDir, indexDir }, { format, pipeline: pipelineVersion() }, { racyMs: 0 });

/** Every answer a model gives (test/store/model-answers.ts), with this folder's query. */
const answers = (model: CorpusModel) => modelAnswers(model, 'monthly users');

async function fullBuild(): Promise<CorpusModel> {
  return buildModel(await loadCorpus(dataDir));
}

function edit(file: string) {
  const full = path.join(dataDir, file);
  writeFileSync(
    full,
    readFileSync(full, 'utf8').replace(
      '. ',
      '. The regulator also fined a local operator on Friday. ',
    ),
  );
}

describe('the persisted index', () => {
  it('is read, not rebuilt, on a start over the unchanged folder, and answers as a full build does', async () => {
    const first = await builder().open();
    expect(first).toMatchObject({ source: 'built', exact: true, files: 5 });
    expect(first.reusedFiles).toBe(0);
    const again = await builder().open();
    expect(again).toMatchObject({ source: 'index', file: first.file, ms: { build: 0 } });
    // Read by their stamps, as the first start recorded them: no file read or hashed again.
    expect(again.reusedFiles).toBe(5);
    expect(answers(readModel(again.file, again.pipeline))).toEqual(answers(await fullBuild()));
    expect(path.dirname(again.file)).toBe(indexDir);
  });

  it('is rebuilt (incrementally, from the older snapshot) after a file was edited', async () => {
    const first = await builder().open();
    edit('002_90d0f9c44a687009.txt');
    const next = await builder().open();
    expect(next.source).toBe('incremental');
    expect(next.reusedFiles).toBe(4);
    expect(next.file).not.toBe(first.file);
    expect(next.report).toMatchObject({ segmented: 1 });
    expect(answers(readModel(next.file, next.pipeline))).toEqual(answers(await fullBuild()));
  });

  it('is refused and rebuilt when its bytes are corrupt, and never served', async () => {
    const first = await builder().open();
    const bytes = readFileSync(first.file);
    bytes[bytes.length - 100]! ^= 0x55;
    writeFileSync(first.file, bytes);
    const next = await builder().open();
    expect(next.refused).toMatch(/fails its checksum/);
    expect(next.source).toBe('built');
    expect(answers(readModel(next.file, next.pipeline))).toEqual(answers(await fullBuild()));
  });

  it('is refused and rebuilt when it has an older format version', async () => {
    await builder(SNAPSHOT_FORMAT - 1).open();
    const next = await builder().open();
    expect(next.refused).toMatch(
      new RegExp(`format ${SNAPSHOT_FORMAT - 1}, this code reads ${SNAPSHOT_FORMAT}`),
    );
    expect(next.source).toBe('built');
  });

  it('keeps the served snapshot and the one before it, and removes older ones', async () => {
    const b = builder();
    await b.open();
    for (const file of ['000_3e47eca7661924bb.txt', '001_df515b8c033e9bb4.txt']) {
      edit(file);
      await b.reload();
      await b.settle();
    }
    expect(readdirSync(indexDir).filter((n) => n.endsWith('.snap'))).toHaveLength(2);
  });
});

describe('incremental reloads', () => {
  it('publish provisional stories at once, then settled ones equal to a full rebuild', async () => {
    const b = builder();
    await b.open();
    edit('003_2772de2c2eaa7074.txt');
    writeFileSync(
      path.join(dataDir, '005_added.txt'),
      'Moscow court fines Telegram\n\nA Moscow court fined Telegram on Thursday for failing to remove content the regulator had flagged, the court said in a statement.\nThe messenger did not comment on the ruling.\n',
    );
    rmSync(path.join(dataDir, '001_df515b8c033e9bb4.txt'));
    const quick = await b.reload();
    expect(quick).toMatchObject({ exact: false, source: 'incremental' });
    expect(quick!.report!.stories).toBe('provisional');
    // The edited and the added file, and those whose verdicts moved with the lines they shared.
    expect(quick!.report!.segmented).toBeGreaterThanOrEqual(2);
    expect(quick!.report!.segmented).toBeLessThan(5);
    const provisional = readModel(quick!.file, quick!.pipeline);
    const full = await fullBuild();
    // Everything but the stories is already exact.
    expect(JSON.stringify(documentList(provisional))).toBe(JSON.stringify(documentList(full)));
    const plain = (m: CorpusModel) =>
      m.sentences.map((s) => ({
        id: s.id,
        file: s.file,
        position: s.position,
        offsets: s.offsets,
        lines: s.lines,
        quote: s.quote,
        text: s.text,
        stems: s.stems,
        shape: s.shape,
      }));
    expect(plain(provisional)).toEqual(plain(full));
    const settled = await b.settle();
    expect(settled).toMatchObject({ exact: true });
    expect(answers(readModel(settled!.file, settled!.pipeline))).toEqual(answers(full));
    expect(await b.reload()).toBeUndefined();
  });
});
