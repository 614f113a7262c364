import { describe, expect, it } from 'vitest';
import { loadCorpus, type SourceFile, sourceFromText } from '../../src/core/corpus/index.js';
import { computeColumns, type ModelColumns, modelFromColumns } from '../../src/core/model.js';
import { buildIncrementally, settle } from '../../src/store/incremental.js';

// A notice, not a statement (a plea to the reader): chrome when two files that otherwise differ share it.
const SHARED = 'Please note that the schedule may change at short notice.';
const A = `Harbour council approves budget\n\nThe harbour council approved the new budget on Monday after a long debate about dredging.\n${SHARED}\nThe vote was nine to two, and the mayor welcomed the result.\n`;
const B = `Wildfire spreads in the valley\n\nA wildfire spread across the northern valley on Tuesday, forcing hundreds to leave their homes.\n${SHARED}\nFirefighters said the wind would ease by the weekend.\n`;

function files(texts: Record<string, string>): SourceFile[] {
  return Object.entries(texts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, text]) => sourceFromText(id, text));
}

/**
 * What a build gives, as a reader sees it: the files, every line, every sentence with its tokens
 * (as strings: ids into the dictionaries may differ, an incremental build keeps the earlier ones),
 * and the stories.
 */
function comparable(cols: ModelColumns) {
  const model = modelFromColumns(cols);
  return {
    files: model.files.map((f) => [f.id, f.sha256, f.text]),
    lines: [...model.lines.entries()],
    sentences: model.sentences.map((s) => ({
      file: s.file,
      fileIndex: s.fileIndex,
      position: s.position,
      lines: s.lines,
      offsets: s.offsets,
      quote: s.quote,
      text: s.text,
      words: s.words,
      stems: s.stems,
      stop: s.stop,
      proper: s.proper,
      hasVerb: s.hasVerb,
      shape: s.shape,
    })),
    stories: JSON.stringify(
      model.stories.map((s) => [s.story, s.sentenceIds, s.facets.map((f) => f.sentenceIds)]),
    ),
  };
}

describe('incremental builds', () => {
  it('reuse the classification and sentences of unchanged files and equal a full build', async () => {
    const corpus = await loadCorpus('data');
    const first = buildIncrementally(corpus, undefined);
    expect(first.report).toMatchObject({ classified: 5, segmented: 5, stories: 'clustered' });
    const again = buildIncrementally(corpus, first.state);
    expect(again.report).toMatchObject({ classified: 0, segmented: 0, stories: 'reused' });
    expect(comparable(again.state.columns)).toEqual(comparable(computeColumns(corpus)));
  });

  it('read an unchanged Markdown file without parsing it again, and equal a full build after a Markdown edit', () => {
    const md = (title: string, body: string) =>
      `# ${title}\n\n${body}\n\n\`\`\`sh\nnpm run deploy -- --force\n\`\`\`\n\n[docs]: https://example.org/docs\n`;
    const before = files({
      'a.md': md('Harbour budget', 'The **harbour council** approved the budget on Monday.'),
      'b.md': md('Valley fire', 'A [wildfire](https://example.org/fire) spread on Tuesday.'),
      'c.txt': A,
    });
    const first = buildIncrementally({ files: before }, undefined);
    const readingOf = (state: typeof first.state, id: string) =>
      state.distinct!.get(
        `${id}\u0000${modelFromColumns(state.columns).files.find((f) => f.id === id)!.sha256}`,
      )!;
    expect([...first.state.distinct!.keys()].map((k) => k.split('\u0000')[0])).toEqual([
      'a.md',
      'b.md',
      'c.txt',
    ]);
    const after = files({
      'a.md': md('Harbour budget', 'The **harbour council** approved the budget on Monday.'),
      'b.md': md('Valley fire', 'A [wildfire](https://example.org/fire) spread on Wednesday.'),
      'c.txt': A,
    });
    const next = buildIncrementally({ files: after }, first.state);
    // The same reading (not an equal one parsed again) for the unchanged file, a new one for the edit.
    expect(readingOf(next.state, 'a.md')).toBe(readingOf(first.state, 'a.md'));
    expect(readingOf(next.state, 'b.md')).not.toBe(readingOf(first.state, 'b.md'));
    expect(next.report).toMatchObject({ classified: 1, segmented: 1 });
    expect(modelFromColumns(next.state.columns).sentences.map((s) => s.text)).toContain(
      'A wildfire spread on Wednesday.',
    );
    expect(comparable(next.state.columns)).toEqual(comparable(computeColumns({ files: after })));
  });

  it('reclassify an unchanged file when a line it shares stops being shared (repetition is cross-file)', () => {
    const before = files({ 'a.txt': A, 'b.txt': B });
    const first = buildIncrementally({ files: before }, undefined);
    expect(modelFromColumns(first.state.columns).lines.get('a.txt')![3]).toMatchObject({
      kind: 'boilerplate',
      reason: 'template',
    });
    const after = files({ 'a.txt': A, 'b.txt': B.replace(`${SHARED}\n`, '') });
    const next = buildIncrementally({ files: after }, first.state);
    expect(next.report.classified).toBe(2);
    expect(modelFromColumns(next.state.columns).lines.get('a.txt')![3]!.kind).toBe('content');
    expect(comparable(next.state.columns)).toEqual(comparable(computeColumns({ files: after })));
  });

  it('equal a full rebuild once the provisional stories settle, after an edit, an addition and a removal', async () => {
    const corpus = await loadCorpus('data');
    const first = buildIncrementally(corpus, undefined);
    const [f0, f1, f2, f3, f4] = corpus.files;
    const edited = sourceFromText(
      f2!.id,
      f2!.text.replace(
        '. ',
        '. The harbour council also approved a new ferry timetable on Monday. ',
      ),
    );
    const added = sourceFromText('005_new.txt', f1!.text.split('\n').reverse().join('\n'));
    const next = { files: [f0!, f1!, edited, f3!, added] };
    void f4;
    const inc = buildIncrementally(next, first.state, { provisional: true });
    expect(inc.report.stories).toBe('provisional');
    // The edited file, the added one and 001: the added file holds every line of 001 and has the
    // shorter name, so it is now the original and 001's lines are its duplicates.
    expect(inc.report.segmented).toBe(3);
    expect(
      modelFromColumns(inc.state.columns)
        .lines.get(f1!.id)!
        .filter((l) => l.kind === 'content'),
    ).toEqual([]);
    expect(inc.state.exact).toBe(false);
    // Provisional stories already cover every document with content, each once, and 001 (wholly
    // a copy) beside its original.
    const covered = modelFromColumns(inc.state.columns)
      .stories.flatMap((s) => s.files)
      .sort();
    expect(covered).toEqual(next.files.map((f) => f.id).sort());
    const settled = settle(inc.state);
    expect(settled.exact).toBe(true);
    expect(comparable(settled.columns)).toEqual(comparable(computeColumns(next)));
  });
});
