import { describe, expect, it } from 'vitest';
import {
  copyName,
  newswireQuotes,
  reshape,
  shapedFolder,
  wrap,
} from '../../../tools/eval/reshape.js';

const ARTICLE =
  'Harbour council approves dredging\n\nThe council said “we will start in May,” and fishermen’s groups objected.\nWork is due to last eight months.\n';

describe('reshape', () => {
  it('puts a whole article on one line, its paragraphs joined by spaces', () => {
    expect(reshape(ARTICLE, 'one-line')).toBe(
      'Harbour council approves dredging The council said “we will start in May,” and fishermen’s groups objected. Work is due to last eight months.\n',
    );
  });

  it('puts one paragraph per line with a blank line between', () => {
    expect(reshape(ARTICLE, 'paragraphs').split('\n')).toEqual([
      'Harbour council approves dredging',
      '',
      'The council said “we will start in May,” and fishermen’s groups objected.',
      '',
      'Work is due to last eight months.',
      '',
    ]);
  });

  it('wraps each paragraph at 72 columns, at spaces, keeping every word in order', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const lines = wrap(long);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(72);
    expect(lines.join(' ')).toBe(long);
    expect(reshape(`${long}\n`, 'wrapped')).toBe(`${lines.join('\n')}\n`);
  });

  it('turns quotation marks into the newswire convention and apostrophes into straight ones', () => {
    expect(newswireQuotes('He said “we will” and ‘maybe’; the groups’ "plan" failed.')).toBe(
      "He said ``we will'' and `maybe'; the groups' ``plan'' failed.",
    );
  });

  it('saves each article under a second name beside the first, in the shape asked', () => {
    const folder = shapedFolder([{ file: 'news/a.txt', text: ARTICLE }], 'one-line');
    expect(folder.map((d) => d.file)).toEqual(['news/a.txt', 'news/a-copy.txt']);
    expect(folder[1]!.text).toBe(folder[0]!.text);
    expect(folder[0]!.text).toContain("``we will start in May,''");
    expect(copyName('notes')).toBe('notes-copy');
  });
});
