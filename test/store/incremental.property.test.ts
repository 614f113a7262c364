import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, loadCorpus } from '../../src/core/index.js';
import { type SourceFile, sourceFromText } from '../../src/core/corpus/index.js';
import { type CorpusModel, modelFromColumns } from '../../src/core/model.js';
import { type BuildState, buildIncrementally, settle } from '../../src/store/incremental.js';
import { generateArticle } from '../../tools/bench/generate-corpus.js';
import { modelAnswers } from './model-answers.js';

/** Every answer a model gives (test/store/model-answers.ts), with this folder's query. */
const answers = (model: CorpusModel) => modelAnswers(model, 'the council said');

/** One change to the folder: a file edited, added or removed. */
type Op =
  | { kind: 'edit'; file: number; donor: number; line: number }
  | { kind: 'add'; article: number }
  | { kind: 'remove'; file: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      file: fc.nat(),
      donor: fc.nat(),
      line: fc.nat(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('add' as const), article: fc.nat({ max: 200 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }), weight: 1 },
);

const byId = (a: SourceFile, b: SourceFile) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The folder after one change (edits move a line of another file into a file, so lines are shared and unshared). */
function apply(files: SourceFile[], change: Op): SourceFile[] {
  if (change.kind === 'add') {
    const a = generateArticle(7, change.article);
    const id = `gen/${change.article}-${a.file.split('/').pop()}`;
    if (files.some((f) => f.id === id)) return files;
    return [...files, sourceFromText(id, a.text)].sort(byId);
  }
  if (files.length <= 2) return files;
  const at = change.file % files.length;
  if (change.kind === 'remove') return files.filter((_, i) => i !== at);
  const donor = files[change.donor % files.length]!.text.split('\n').filter((l) => l.trim());
  const lines = files[at]!.text.split('\n');
  lines.splice(change.line % (lines.length + 1), 0, donor[change.line % donor.length] ?? 'New.');
  const next = [...files];
  next[at] = sourceFromText(files[at]!.id, lines.join('\n'));
  return next;
}

describe('incremental builds under random changes', () => {
  it('equal a full rebuild, byte for byte, after each of 50 random edits, additions and removals', async () => {
    const seeds = (await loadCorpus('data')).files;
    let files = [
      ...seeds,
      ...[0, 1, 2, 40, 41].map((k) => {
        const a = generateArticle(7, k);
        return sourceFromText(`gen/${k}-${a.file.split('/').pop()}`, a.text);
      }),
    ].sort(byId);
    const [ops] = fc.sample(fc.array(op, { minLength: 50, maxLength: 50 }), {
      numRuns: 1,
      seed: 19,
    });
    let state: BuildState = buildIncrementally({ files }, undefined).state;
    for (const [k, change] of ops!.entries()) {
      files = apply(files, change);
      const quick = buildIncrementally({ files }, state, { provisional: true });
      state = settle(quick.state);
      const incremental = answers(modelFromColumns(state.columns));
      const full = answers(buildModel({ files }));
      expect(incremental, `after change ${k}: ${JSON.stringify(change)}`).toEqual(full);
    }
  }, 900_000);
});
