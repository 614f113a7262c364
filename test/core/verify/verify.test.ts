import { describe, expect, it } from 'vitest';
import { modelFromTexts, summarize, verifyCitations } from '../../../src/core/index.js';

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

  it('reports offsets outside the file as a mismatch, not an error', () => {
    const [result] = verifyCitations(model, [
      { ...citation, offsets: { start: 10_000, end: 10_010 } },
    ]);
    expect(result!.status).toBe('mismatch');
  });

  it('reports an unknown file as not_found', () => {
    expect(verifyCitations(model, [{ ...citation, file: '../etc/passwd' }])[0]!.status).toBe(
      'not_found',
    );
  });

  it('answers one result per citation, in order', () => {
    const results = verifyCitations(model, [citation, { ...citation, file: 'nope.txt' }, citation]);
    expect(results.map((r) => r.status)).toEqual(['verified', 'not_found', 'verified']);
  });
});
