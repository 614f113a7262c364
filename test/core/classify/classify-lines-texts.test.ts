import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/core/classify/index.js';
import { sourceFromText } from '../../../src/core/corpus/index.js';

/** classifyLines on short, wrapped and very large texts. */

describe('classifyLines on short and wrapped texts', () => {
  const kinds = (text: string) =>
    classifyLines([sourceFromText('t.txt', text)])
      .get('t.txt')!
      .map((l) => l.kind);

  it('keeps a file that is a single short paragraph as content rather than taking it for a title', () => {
    expect(kinds('The tide turned at noon.\n')).toEqual(['content']);
    expect(kinds('\nThe tide turned at noon. The boats came home.')).toEqual(['blank', 'content']);
  });

  it('keeps the short lead of an article saved without its headline as content, and still reads a headline as a heading', () => {
    const body = 'Rescue teams reached the village by road on Wednesday, officials said.\n';
    expect(kinds(`A strong earthquake struck the coast of Haiti on Tuesday.\n\n${body}`)).toEqual([
      'content',
      'blank',
      'content',
    ]);
    expect(kinds(`Strong earthquake strikes Haiti\n\n${body}`)).toEqual([
      'heading',
      'blank',
      'content',
    ]);
    expect(kinds(`Tsunami aid donations deductible in the U.S.\n\n${body}`)).toEqual([
      'heading',
      'blank',
      'content',
    ]);
  });

  it('does not take the first line of a sentence wrapped onto a lower-case line for a heading', () => {
    expect(kinds('The river rose\nby two metres overnight.\n')).toEqual(['content', 'content']);
  });

  it('judges a hard-wrapped sign-up box as a whole and catches it, while the wrapped paragraphs around it survive', () => {
    const text = [
      'The city council voted on Thursday to extend the tram line to the',
      'airport, a project that has been discussed for more than ten years and',
      'that is expected to cost about 300 million euros over five years.',
      '',
      'Sign up for our weekly newsletter to get the latest stories from the',
      'city delivered to your inbox every Friday.',
      '',
      'Work on the first section is due to start next spring, and the line',
      'should carry its first passengers in 2029, officials said at a press',
      'conference after the vote, adding that bus routes would be changed.',
      '',
    ].join('\n');
    expect(kinds(text)).toEqual([
      'content',
      'content',
      'content',
      'blank',
      'boilerplate',
      'boilerplate',
      'blank',
      'content',
      'content',
      'content',
    ]);
  });

  it('keeps indented list items that finish the sentence before them as content', () => {
    const text =
      'The agreement names the four areas in which countries will act. These are\n\n    mitigation\n    adaptation\n    technology transfer\n    and financing\n\nTalks resume next year.\n';
    expect(kinds(text).slice(2, 6)).toEqual(['content', 'content', 'content', 'content']);
  });

  it('still reads a short run of unpunctuated option words as navigation', () => {
    const text =
      'The museum reopened on Sunday after a two-year renovation of its galleries.\n\nOnce\nMonthly\nAnnual\nContinue\n';
    expect(kinds(text).slice(2)).toEqual([
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'boilerplate',
    ]);
  });
});

// About 2.5 s each alone; the suite's other CPU-bound tests running beside them (the parser's
// property tests) can push them past vitest's default 5 s.
describe('classifyLines on very large files', { timeout: 30_000 }, () => {
  it('classifies a hard-wrapped file of more than 150,000 lines without running out of call arguments', () => {
    const para =
      'The harbour council met on Monday and approved the budget for the coming year after\nlong debate among the members who had argued over the dredging costs for weeks and\nfinally agreed to share them with the port authority and the regional government office.\n\n';
    const file = sourceFromText('big.txt', para.repeat(38_000));
    expect(file.lineIndex.lines.length).toBeGreaterThan(150_000);
    const lines = classifyLines([file]).get('big.txt')!;
    expect(lines.length).toBe(file.lineIndex.lines.length);
    expect(lines.slice(0, 4).map((l) => l.kind)).toEqual([
      'content',
      'content',
      'content',
      'blank',
    ]);
  });

  it('keeps a hard-wrapped paragraph of 130,000 lines as one run without running out of call arguments', () => {
    const text =
      'and the river ran on past the old mill and the bridge toward the sea far away\n'.repeat(
        130_000,
      );
    const lines = classifyLines([sourceFromText('run.txt', text)]).get('run.txt')!;
    expect(lines.length).toBe(130_000);
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['content']));
  });
});
