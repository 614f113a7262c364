import { describe, expect, it } from 'vitest';
import { buildModel, modelFromTexts, summarize, verifyCitations } from '../../../src/core/index.js';

const text =
  'First line about the harbour budget approved on Monday.\nSecond line: the council voted nine to two for the harbour budget.\n';
const model = modelFromTexts([
  { file: 'news/a.txt', text },
  {
    file: 'b.txt',
    text: 'The harbour budget was approved by the council on Monday after a vote.\n',
  },
]);
const citation = summarize(model, { maxSentences: 5 })!
  .sentences.flatMap((s) => s.citations)
  .find((c) => c.file === 'news/a.txt')!;

describe('verifyCitations', () => {
  it('verifies a citation taken from a summary', () => {
    expect(verifyCitations(model, [citation])).toEqual([
      { file: citation.file, status: 'verified', sha256: citation.sha256 },
    ]);
  });

  it('reports a changed file as stale, with the text now at the offsets', () => {
    const changed = modelFromTexts([
      { file: citation.file, text: `X${text}` },
      { file: 'b.txt', text: 'other' },
    ]);
    const [result] = verifyCitations(changed, [citation]);
    expect(result!.status).toBe('stale');
    expect(result!.actual).toBe(`X${text}`.slice(citation.offsets.start, citation.offsets.end));
  });

  it('reports a quote that is not at its offsets as a mismatch with the actual text', () => {
    const [result] = verifyCitations(model, [
      { ...citation, offsets: { start: citation.offsets.start + 1, end: citation.offsets.end } },
    ]);
    expect(result!.status).toBe('mismatch');
    expect(result!.actual).toBe(citation.quote.slice(1));
  });

  it('reports wrong line numbers as a mismatch even when the quote matches', () => {
    const [result] = verifyCitations(model, [
      { ...citation, lines: { start: citation.lines.start + 1, end: citation.lines.end + 1 } },
    ]);
    expect(result!.status).toBe('mismatch');
    expect(result!.reason).toMatch(/lines/);
  });

  it('reports offsets past the end of the file as a mismatch that gives the file length, not an error', () => {
    const [result] = verifyCitations(model, [
      { ...citation, offsets: { start: 10_000, end: 10_010 } },
    ]);
    expect(result).toEqual({
      file: citation.file,
      status: 'mismatch',
      reason: `offsets 10000..10010 start past the end of the file, whose text is ${text.length} characters long`,
      sha256: citation.sha256,
    });
    const [tail] = verifyCitations(model, [
      { ...citation, offsets: { start: text.length - 5, end: text.length + 3 } },
    ]);
    expect(tail!.reason).toBe(
      `offsets ${text.length - 5}..${text.length + 3} end past the end of the file, whose text is ${text.length} characters long`,
    );
  });

  it('reports reversed offsets as reversed, whatever the file', () => {
    const [result] = verifyCitations(model, [{ ...citation, offsets: { start: 50, end: 5 } }]);
    expect(result).toEqual({
      file: citation.file,
      status: 'mismatch',
      reason: 'offsets 50..5 are reversed: start is after end',
      sha256: citation.sha256,
    });
    const [stale] = verifyCitations(model, [
      { ...citation, sha256: '0'.repeat(64), offsets: { start: 50, end: 5 } },
    ]);
    expect(stale!.reason).toBe('offsets 50..5 are reversed: start is after end');
  });

  it('reports negative offsets as negative', () => {
    const [result] = verifyCitations(model, [{ ...citation, offsets: { start: -3, end: 5 } }]);
    expect(result).toMatchObject({
      status: 'mismatch',
      reason: 'offsets -3..5 are negative: offsets count from 0',
    });
  });

  it('reports an unknown file as not_found, saying it is not in the corpus', () => {
    expect(verifyCitations(model, [{ ...citation, file: '../etc/passwd' }])).toEqual([
      {
        file: '../etc/passwd',
        status: 'not_found',
        reason: 'no file "../etc/passwd" in the corpus',
      },
    ]);
  });

  it('reports a file that is in the folder but skipped as not_found, with the reason it is skipped', () => {
    const withSkipped = buildModel({
      files: model.files,
      skipped: [{ file: 'news/b.txt', reason: 'not valid UTF-8' }],
    });
    expect(verifyCitations(withSkipped, [{ ...citation, file: 'news/b.txt' }])).toEqual([
      {
        file: 'news/b.txt',
        status: 'not_found',
        reason:
          'the file "news/b.txt" is in the data folder but skipped, so it cannot be checked: not valid UTF-8',
      },
    ]);
  });

  it('answers one result per citation, in order', () => {
    const results = verifyCitations(model, [citation, { ...citation, file: 'nope.txt' }, citation]);
    expect(results.map((r) => r.status)).toEqual(['verified', 'not_found', 'verified']);
  });
});
