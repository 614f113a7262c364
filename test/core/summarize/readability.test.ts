import { describe, expect, it } from 'vitest';
import type { Summary } from '../../../schemas/summary.js';
import { modelFromTexts, summarize } from '../../../src/core/index.js';
import { documentDate } from '../../../src/core/summarize/index.js';

/** The summary of small posted texts, as `[file] text` lines. */
function lines(
  docs: Record<string, string>,
  budget: { maxSentences: number; maxWords: number },
): string[] {
  const model = modelFromTexts(
    Object.entries(docs).map(([file, text]) => ({ file, text })),
    { topics: false },
  );
  const summary: Summary = summarize(model, budget)!;
  for (const s of summary.sentences) expect(s.text).toBe(s.citations[0]!.quote);
  return summary.sentences.map((s) => `[${s.citations[0]!.file}] ${s.text}`);
}

const FERRY = {
  'a.txt':
    'The harbour council approved the new ferry budget on Monday.\nIt buys two electric ferries for the island route and builds a new quay at Nordvik.\n',
  'b.txt':
    'Two electric ferries will serve the island route from next spring.\nThe harbour council approved the new ferry budget after a long debate.\n',
  'c.txt':
    'Work on a new quay at Nordvik starts in April.\nFishermen say the harbour council approved the new ferry budget too quickly.\n',
};

describe('a sentence that points back to the one before it', () => {
  it('comes right after its antecedent when that is worth its words', () => {
    const got = lines(FERRY, { maxSentences: 5, maxWords: 250 });
    const i = got.findIndex((l) => l.includes('It buys two electric ferries'));
    expect(i).toBeGreaterThan(0);
    expect(got[i - 1]).toBe('[a.txt] The harbour council approved the new ferry budget on Monday.');
  });

  it('is left out for another sentence when its antecedent does not fit', () => {
    // Alone, the pronoun sentence would cover the most; with its antecedent it is one too many.
    const docs = {
      'a.txt':
        'The harbour council approved the new ferry budget on Monday.\nIt buys two electric ferries for the island route, builds a new quay at Nordvik and hires forty new crew members.\n',
      'b.txt':
        'Two electric ferries will serve the island route from next spring.\nForty new crew members will be hired.\n',
      'c.txt':
        'Work on a new quay at Nordvik starts in April.\nThe island route needs forty new crew members for the electric ferries.\n',
    };
    const got = lines(docs, { maxSentences: 1, maxWords: 250 });
    expect(got).toHaveLength(1);
    expect(got[0]).not.toMatch(/It buys/);
    expect(lines(docs, { maxSentences: 2, maxWords: 250 })).toEqual([
      '[a.txt] The harbour council approved the new ferry budget on Monday.',
      '[a.txt] It buys two electric ferries for the island route, builds a new quay at Nordvik and hires forty new crew members.',
    ]);
  });

  it('treats an opening connective the same way as an opening pronoun', () => {
    const docs = {
      ...FERRY,
      'a.txt':
        'The harbour council approved the new ferry budget on Monday.\nHowever, the budget buys two electric ferries for the island route and a new quay at Nordvik.\n',
    };
    const both = lines(docs, { maxSentences: 5, maxWords: 250 });
    const i = both.findIndex((l) => l.includes('However, the budget'));
    expect(i).toBeGreaterThan(0);
    expect(both[i - 1]).toMatch(/approved the new ferry budget on Monday/);
    expect(lines(docs, { maxSentences: 1, maxWords: 250 })[0]).not.toMatch(/However/);
  });
});

describe('sentences that cannot be read as sentences', () => {
  it('never chooses a participle fragment, even when it carries the most shared words', () => {
    const got = lines(
      {
        'a.txt':
          'Saying the new ferry budget buys two electric ferries for the island route.\nThe mayor spoke to reporters at the harbour on Monday.\n',
        'b.txt': 'Two electric ferries will serve the island route from next spring.\n',
        'c.txt': 'The new ferry budget was approved by the harbour council on Monday.\n',
      },
      { maxSentences: 5, maxWords: 250 },
    );
    expect(got.length).toBeGreaterThan(0);
    expect(got.join('\n')).not.toMatch(/Saying/);
  });

  it('never chooses a sentence with no verb or one that opens in lower case', () => {
    const got = lines(
      {
        'a.txt':
          'Two new electric ferries and a new quay at Nordvik for the island route.\nthe island route gets two new electric ferries and a new quay at Nordvik next spring.\n',
        'b.txt': 'The island route will get two new electric ferries next spring.\n',
        'c.txt': 'A new quay at Nordvik will open for the island route.\n',
      },
      { maxSentences: 5, maxWords: 250 },
    );
    expect(got.length).toBeGreaterThan(0);
    expect(got.join('\n')).not.toMatch(/\[a\.txt\]/);
  });

  it('never chooses a sentence whose quotation marks do not pair up', () => {
    const got = lines(
      {
        'a.txt':
          'The captain said: “The two new electric ferries will serve the island route from spring.\nWe are ready.”\n',
        'b.txt': 'Two new electric ferries will serve the island route, the captain said.\n',
        'c.txt': 'The island route gets two new electric ferries in spring.\n',
      },
      { maxSentences: 5, maxWords: 250 },
    );
    expect(got.length).toBeGreaterThan(0);
    for (const l of got) expect(l).not.toMatch(/“/);
  });
});

describe('the same event told twice', () => {
  it('is said once, even when the numbers around it differ (15 sailors, March 23)', () => {
    const docs = {
      'a.txt':
        'The 15 sailors from the frigate Osprey had been inspecting a cargo ship near the river mouth.\n',
      'b.txt':
        'On March 23, the sailors from the frigate Osprey were inspecting a cargo ship when gunboats surrounded them.\n',
      'c.txt': 'The frigate Osprey returned to port a week later without its sailors.\n',
    };
    const inspecting = (got: string[]) => got.filter((l) => /inspecting a cargo ship/.test(l));
    expect(inspecting(lines(docs, { maxSentences: 5, maxWords: 250 }))).toHaveLength(1);
    // The numbers disagree, so the same-fact test alone would let both in: the overlap of their
    // content words (at least half of the smaller one's) is what keeps the second out.
    const model = modelFromTexts(
      Object.entries(docs).map(([file, text]) => ({ file, text })),
      { topics: false },
    );
    const without = summarize(
      model,
      { maxSentences: 5, maxWords: 250 },
      { selection: { redundantOverlap: 1.01 } },
    )!.sentences.map((s) => s.text);
    expect(inspecting(without)).toHaveLength(2);
  });
});

describe('relative time', () => {
  const dated = (date: string, body: string) => `Ferry news\n\n${date}\n\n${body}\n`;

  it('reads the date an article prints on a line of its own', () => {
    expect(documentDate(dated('Monday, March 4, 2024', 'The ferry sailed.'))).toBe('2024-03-04');
    expect(documentDate(dated('4 March 2024', 'The ferry sailed.'))).toBe('2024-03-04');
    expect(documentDate(dated('2024-03-04', 'The ferry sailed.'))).toBe('2024-03-04');
    expect(documentDate('The ferry sailed on March 4, 2024 from Nordvik.\n')).toBeUndefined();
  });

  it('is left out when the summary draws on articles of different dates', () => {
    const got = lines(
      {
        'a.txt': dated(
          'Friday, March 1, 2024',
          'The ferry strike in Nordvik ended today and ferries to the islands are free for students.',
        ),
        'b.txt': dated(
          'Tuesday, March 5, 2024',
          'The ferry strike in Nordvik ended after three days of talks with the union.',
        ),
        'c.txt': dated(
          'Monday, March 4, 2024',
          'Ferries to the islands are free for students until April 1, the council said.',
        ),
      },
      { maxSentences: 5, maxWords: 250 },
    );
    // The telling of another date is chosen instead of the one that says "today".
    expect(got.length).toBeGreaterThan(0);
    expect(got.join('\n')).not.toMatch(/today/);
  });

  it('is kept when every article has the same date, since "today" then means one day', () => {
    const got = lines(
      {
        'a.txt': dated(
          'Friday, March 1, 2024',
          'The ferry strike in Nordvik ended today after three days of talks.',
        ),
        'b.txt': dated(
          'Friday, March 1, 2024',
          'Ferry strike talks in Nordvik lasted three days, the union said.',
        ),
      },
      { maxSentences: 5, maxWords: 250 },
    );
    expect(got.join('\n')).toMatch(/ended today/);
  });
});
