import { describe, expect, it } from 'vitest';
import { loadCorpus, type SourceFile, sourceFromText } from '../../src/core/corpus/index.js';
import { computeParts, type ModelParts } from '../../src/core/model.js';
import { buildIncrementally, settle } from '../../src/store/incremental.js';

const SHARED = 'You can read the full schedule at the harbour office before you travel.';
const A = `Harbour council approves budget\n\nThe harbour council approved the new budget on Monday after a long debate about dredging.\n${SHARED}\nThe vote was nine to two, and the mayor welcomed the result.\n`;
const B = `Wildfire spreads in the valley\n\nA wildfire spread across the northern valley on Tuesday, forcing hundreds to leave their homes.\n${SHARED}\nFirefighters said the wind would ease by the weekend.\n`;

function files(texts: Record<string, string>): SourceFile[] {
  return Object.entries(texts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, text]) => sourceFromText(id, text));
}

/** The parts a full build gives, minus the file objects (their line index holds closures). */
function comparable(parts: ModelParts) {
  const { files: _files, ...rest } = parts;
  return rest;
}

describe('incremental builds', () => {
  it('reuse the classification and sentences of unchanged files and equal a full build', async () => {
    const corpus = await loadCorpus('data');
    const first = buildIncrementally(corpus, undefined);
    expect(first.report).toMatchObject({ classified: 5, segmented: 5, stories: 'clustered' });
    const again = buildIncrementally(corpus, first.state);
    expect(again.report).toMatchObject({ classified: 0, segmented: 0, stories: 'reused' });
    expect(comparable(again.state.parts)).toEqual(comparable(computeParts(corpus)));
  });

  it('reclassify an unchanged file when a line it shares stops being shared (repetition is cross-file)', () => {
    const before = files({ 'a.txt': A, 'b.txt': B });
    const first = buildIncrementally({ files: before }, undefined);
    expect(first.state.parts.lines.get('a.txt')![3]).toMatchObject({
      kind: 'boilerplate',
      reason: 'repeated-across-files',
    });
    const after = files({ 'a.txt': A, 'b.txt': B.replace(`${SHARED}\n`, '') });
    const next = buildIncrementally({ files: after }, first.state);
    expect(next.report.classified).toBe(2);
    expect(next.state.parts.lines.get('a.txt')![3]!.kind).toBe('content');
    expect(comparable(next.state.parts)).toEqual(comparable(computeParts({ files: after })));
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
    expect(inc.report.segmented).toBe(2);
    expect(inc.state.exact).toBe(false);
    // Provisional stories already cover every document with content, each once.
    const covered = inc.state.parts.stories.flatMap((s) => s.files).sort();
    expect(covered).toEqual(next.files.map((f) => f.id).sort());
    const settled = settle(inc.state);
    expect(settled.exact).toBe(true);
    expect(comparable(settled.parts)).toEqual(comparable(computeParts(next)));
  });
});
