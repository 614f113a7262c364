import { describe, expect, it } from 'vitest';
import { modelFromTexts, summarize } from '../../../src/core/index.js';
import { readingOrder } from '../../../src/core/summarize/order.js';
import type { Sentence } from '../../../src/core/segment/index.js';

const dated = (date: string, body: string) => `Ferry news\n\n${date}\n\n${body}\n`;

/** Three articles whose file names run against their dates (a is the latest, b the earliest). */
const STRIKE = [
  {
    file: 'a.txt',
    text: dated(
      'Tuesday, March 5, 2024',
      'Ferries to the islands run to the normal timetable again after the strike.\nThe union will meet the harbour council again in May to discuss crew pay.',
    ),
  },
  {
    file: 'b.txt',
    text: dated(
      'Friday, March 1, 2024',
      'Ferry crews in Nordvik walked out on Friday over pay and the new timetable.\nThe harbour council said the strike would cost the islands dearly.',
    ),
  },
  {
    file: 'c.txt',
    text: dated(
      'Sunday, March 3, 2024',
      'Talks between the union and the harbour council over crew pay began on Sunday.\nFerries to the islands were cancelled for a third day by the strike.',
    ),
  },
];

describe('the order of a summary', () => {
  it('puts the fact most files state first, then the articles in the order of their dates, not of their names', () => {
    const summary = summarize(modelFromTexts(STRIKE, { topics: false }), {
      maxSentences: 6,
      maxWords: 250,
    })!;
    const [first, ...rest] = summary.sentences;
    expect(first!.support).toBe(Math.max(...summary.sentences.map((s) => s.support)));
    const dateOf = { 'a.txt': 5, 'b.txt': 1, 'c.txt': 3 } as Record<string, number>;
    const days = rest.map((s) => dateOf[s.citations[0]!.file]!);
    expect(days).toEqual([...days].sort((x, y) => x - y));
    expect(rest[0]!.citations[0]!.file).toBe('b.txt');
  });

  it('keeps a sentence right after the antecedent it needs, and each source in source order', () => {
    const s = (id: number, file: string, position: number) =>
      ({ id, file, fileIndex: file.charCodeAt(0), position }) as unknown as Sentence;
    const [a0, a1, b0, b3] = [s(0, 'a', 0), s(1, 'a', 1), s(2, 'b', 0), s(3, 'b', 3)];
    const placed = [
      { s: b3, support: 1, gain: 1, centrality: 1 },
      { s: a1, support: 3, gain: 5, centrality: 9 },
      { s: b0, support: 1, gain: 2, centrality: 2 },
      { s: a0, support: 1, gain: 1, centrality: 1 },
    ];
    const order = readingOrder(
      placed,
      (x) => (x === a1 ? a0 : undefined),
      () => undefined,
    ).map((p) => p.s);
    // a1 needs a0: the central block is a0, a1; then b's sentences by position.
    expect(order).toEqual([a0, a1, b0, b3]);
  });

  it("keeps a single file's sentences in the file's order, even when a later one is the most central", () => {
    const s = (id: number, position: number) =>
      ({ id, file: 'a', fileIndex: 0, position }) as unknown as Sentence;
    const [a0, a2, a5] = [s(0, 0), s(2, 2), s(5, 5)];
    const placed = [
      { s: a5, support: 1, gain: 9, centrality: 9 },
      { s: a0, support: 1, gain: 1, centrality: 1 },
      { s: a2, support: 1, gain: 2, centrality: 2 },
    ];
    const order = readingOrder(
      placed,
      () => undefined,
      () => undefined,
    ).map((p) => p.s);
    expect(order).toEqual([a0, a2, a5]);
  });
});
