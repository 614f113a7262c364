import { describe, expect, it } from 'vitest';
import { ANALYSIS_WINDOW_CHARS, MAX_SENTENCE_CHARS } from '../../../src/core/limits.js';
import { boundedSentences } from '../../../src/core/segment/bounded-cuts.js';
import { sentenceCuts } from '../../../src/core/segment/cuts.js';
import { analyze } from '../../../src/core/text/index.js';
import { newsSentences, runOnLine } from '../../../tools/bench/hostile-files.js';

/** The words of a text, in order. */
const words = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

describe('boundedSentences: any length of text, linear, nothing lost', () => {
  it('cuts a run-on text with no sentence end into pieces of at most MAX_SENTENCE_CHARS, losing no word', () => {
    const text = runOnLine(300_000).trimEnd();
    expect(text).not.toMatch(/[.!?]/u);
    const sentences = boundedSentences(text);
    let cursor = 0;
    for (const s of sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(s.start).toBeGreaterThanOrEqual(cursor); // in order, disjoint
      expect(text.slice(cursor, s.start).trim()).toBe(''); // nothing skipped between pieces
      cursor = s.end;
    }
    expect(text.slice(cursor).trim()).toBe('');
    expect(sentences.flatMap((s) => words(text.slice(s.start, s.end)))).toEqual(words(text));
    expect(sentences.length).toBeGreaterThan(300_000 / MAX_SENTENCE_CHARS);
  });

  it('breaks a run-on text where a reader would pause: at a comma or a dash when there is one', () => {
    const text = runOnLine(50_000).trimEnd();
    const pieces = boundedSentences(text).map((s) => text.slice(s.start, s.end));
    const atClause = pieces.slice(0, -1).filter((p) => /[,;:—–]$/u.test(p)).length;
    expect(atClause / (pieces.length - 1)).toBeGreaterThan(0.8);
  });

  it('cuts a sentence between one and two times the limit in two halves near its middle', () => {
    const clause = 'the harbour office said the evening ferry will run on Sundays';
    const text = `${Array.from({ length: 25 }, () => clause).join(', ')}.`;
    expect(text.length).toBeGreaterThan(MAX_SENTENCE_CHARS);
    expect(text.length).toBeLessThan(2 * MAX_SENTENCE_CHARS);
    const pieces = boundedSentences(text).map((s) => text.slice(s.start, s.end));
    expect(pieces).toHaveLength(2);
    expect(pieces.join(' ')).toBe(text);
    expect(Math.abs(pieces[0]!.length - pieces[1]!.length)).toBeLessThan(MAX_SENTENCE_CHARS / 4);
  });

  it('keeps a single word longer than the limit whole', () => {
    const word = 'x'.repeat(3 * MAX_SENTENCE_CHARS);
    const text = `Before it. ${word} after it.`;
    expect(boundedSentences(text).map((s) => text.slice(s.start, s.end))).toContain(word);
  });

  it('finds, in a text longer than one analysis window, exactly the sentences one analysis finds', () => {
    const text = newsSentences(ANALYSIS_WINDOW_CHARS * 2.5).join(' ');
    const whole = analyze(text);
    const expected = sentenceCuts(text, whole).map((c) => [c.start, c.end]);
    const got = boundedSentences(text).map((s) => [s.start, s.end]);
    expect(got).toEqual(expected);
  });

  it('finds the same sentences in a paragraph shorter than a window as one wink-nlp analysis', () => {
    const text = newsSentences(20_000).join(' ');
    const t = analyze(text);
    expect(boundedSentences(text).map((s) => [s.start, s.end])).toEqual(
      sentenceCuts(text, t).map((c) => [c.start, c.end]),
    );
  });
});
