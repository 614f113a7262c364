import { describe, expect, it } from 'vitest';
import type { Summary } from '../../../schemas/summary.js';
import { type CorpusModel, modelFromTexts } from '../../../src/core/index.js';
import { readabilityReport } from '../../../tools/eval/readability.js';

/** A summary of the given sentences of a model, in the given order. */
function summaryOf(model: CorpusModel, texts: string[]): Summary {
  const sentences = texts.map((text) => {
    const s = model.sentences.find((x) => x.text === text)!;
    const citation = {
      file: s.file,
      sha256: '',
      lines: s.lines,
      offsets: s.offsets,
      quote: s.quote,
      href: '',
    };
    return { text, citations: [citation], support: 1, score: 1 };
  });
  return { sentences, wordCount: 0, corpus: model.fingerprint };
}

const model = modelFromTexts(
  [
    {
      file: 'a.txt',
      text: 'Ferry news\n\nFriday, March 1, 2024\n\nThe harbour council approved the ferry budget.\nIt buys two electric ferries for the island route.\nThe ferry strike ended today.\n',
    },
    {
      file: 'b.txt',
      text: 'Ferry news\n\nMonday, March 4, 2024\n\nThe council approved the ferry budget on Monday.\nHowever, the fishermen want a new quay.\n',
    },
  ],
  { topics: false },
);

describe('readability defects of summaries', () => {
  it('counts a pointing-back opening only when its antecedent is not the sentence before it', () => {
    const good = summaryOf(model, [
      'The harbour council approved the ferry budget.',
      'It buys two electric ferries for the island route.',
    ]);
    const bad = summaryOf(model, [
      'It buys two electric ferries for the island route.',
      'However, the fishermen want a new quay.',
    ]);
    expect(readabilityReport([{ summary: good, model }]).counts).toMatchObject({
      danglingPronouns: 0,
      danglingConnectives: 0,
    });
    const report = readabilityReport([{ summary: bad, model }]);
    expect(report.counts).toMatchObject({ danglingPronouns: 1, danglingConnectives: 1 });
    expect(report.per100.danglingPronouns).toBe(50);
  });

  it('counts pairs sharing half their content words, and relative time beside another date', () => {
    const summary = summaryOf(model, [
      'The harbour council approved the ferry budget.',
      'The council approved the ferry budget on Monday.',
      'The ferry strike ended today.',
    ]);
    expect(readabilityReport([{ summary, model }]).counts).toMatchObject({
      redundantPairs: 1,
      relativeTime: 1,
    });
    const alone = summaryOf(model, ['The ferry strike ended today.']);
    expect(readabilityReport([{ summary: alone, model }]).counts.relativeTime).toBe(0);
  });
});
