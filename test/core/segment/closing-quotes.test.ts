import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/classify/index.js';
import { sourceFromText } from '../../../src/core/corpus/index.js';
import { rejoinClosingQuotes } from '../../../src/core/segment/closing-quotes.js';
import { segmentCorpus } from '../../../src/core/segment/index.js';
import { analyze } from '../../../src/core/text/index.js';

function quotes(text: string): string[] {
  const files = [sourceFromText('a.txt', text)];
  return segmentCorpus(files, classifyLines(files)).map((s) => s.quote);
}

describe('the newswire closing quote', () => {
  it("keeps '' after a full stop with the sentence it closes, so the next one starts at its first word", () => {
    const text =
      "The mayor said ``the bridge will open in May.'' Work resumed on Monday after the strike.\n";
    const got = quotes(text);
    expect(got).toEqual([
      "The mayor said ``the bridge will open in May.''",
      'Work resumed on Monday after the strike.',
    ]);
    for (const q of got) expect(text.includes(q)).toBe(true);
  });

  it('leaves no sentence made of a lone quote when two quoted sentences follow each other', () => {
    expect(
      quotes("``The vote is final.'' ``We accept it,'' the minister said in a statement.''\n"),
    ).toEqual(["``The vote is final.''", "``We accept it,'' the minister said in a statement.''"]);
  });

  it('changes nothing for straight or curly double quotes', () => {
    expect(quotes('He said “it is over.” Then he left the room.\n')).toEqual([
      'He said “it is over.”',
      'Then he left the room.',
    ]);
  });

  it('gives back only a quote written flush against the closing one, never a quote after a space', () => {
    // Tokens of "no.' 'Maybe" split after the first quote: the second quote follows a space.
    const t = {
      ...analyze('x'),
      values: ['no', '.', "'", "'", 'Maybe'],
      starts: [0, 2, 3, 5, 6],
      sentences: [
        [0, 2],
        [3, 4],
      ] as [number, number][],
    };
    expect(rejoinClosingQuotes(t)).toEqual([
      [0, 2],
      [3, 4],
    ]);
    expect(rejoinClosingQuotes({ ...t, starts: [0, 2, 3, 4, 5] })).toEqual([
      [0, 3],
      [4, 4],
    ]);
  });
});
