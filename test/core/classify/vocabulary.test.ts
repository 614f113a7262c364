import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineWordCount, WORD } from '../../../src/core/classify/vocabulary.js';

describe('lineWordCount', () => {
  it('counts exactly the matches of WORD, for any text (letters and digits of every script, apostrophes, dots, dashes, surrogate pairs and lone surrogates)', () => {
    const alphabet = fc.constantFrom(
      ...[
        'a',
        'Z',
        '9',
        ' ',
        "'",
        '’',
        '.',
        '-',
        'é',
        '日',
        '𝒜',
        '😀',
        '—',
        ',',
        '\t',
        '\udc00',
        '\ud800',
      ],
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }),
        fc.string({ unit: 'grapheme' }),
        (chars, s) => {
          for (const text of [chars.join(''), s])
            expect(lineWordCount(text)).toBe(text.match(WORD)?.length ?? 0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts a sentence as a reader would', () => {
    expect(lineWordCount("It's 3.5 km-long — isn't it?")).toBe(5);
    expect(lineWordCount('• — 1.')).toBe(1);
  });
});
