import { describe, expect, it } from 'vitest';
import { BULLET, CLAUSE_END, SENTENCE_END } from '../../../src/core/classify/index.js';

describe('line shapes shared by the classifier and the segmenter', () => {
  it('takes any horizontal space around a list marker, including no-break and em spaces', () => {
    for (const line of [
      '• Item',
      '-\u00a0Item',
      '1.\u2003Item',
      '\u00a0\u00a0• Item',
      '\t* Item',
      'a) Item',
    ])
      expect({ line, bullet: BULLET.test(line) }).toEqual({ line, bullet: true });
  });

  it('never takes a line break for the space after a list marker', () => {
    expect(BULLET.test('-\nItem')).toBe(false);
    expect(BULLET.test('\n• Item')).toBe(false);
    expect(BULLET.test('1.\r\nItem')).toBe(false);
  });

  it('does not take a word or a number without a following space for a list marker', () => {
    for (const line of ['-5 degrees overnight', '1.5 million people', 'Item'])
      expect({ line, bullet: BULLET.test(line) }).toEqual({ line, bullet: false });
  });

  it('reads a sentence end through closing quotes and brackets, and a clause end also at a colon or semicolon', () => {
    expect(SENTENCE_END.test('He said it was over.”')).toBe(true);
    expect(SENTENCE_END.test('(The vote was close.)')).toBe(true);
    expect(SENTENCE_END.test('These are:')).toBe(false);
    expect(CLAUSE_END.test('These are:')).toBe(true);
    expect(CLAUSE_END.test('first; ')).toBe(true);
    expect(CLAUSE_END.test('and the river ran on')).toBe(false);
  });
});
