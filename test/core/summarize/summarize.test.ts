import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import {
  buildModel,
  countWords,
  modelFromTexts,
  summarize,
  type CorpusModel,
} from '../../../src/core/index.js';
import type { Summary } from '../../../schemas/summary.js';

let seeds: CorpusModel;
beforeAll(async () => {
  seeds = buildModel(await loadCorpus('data'));
});

/** The one summary sentence that mentions every word, or a failure naming the words. */
function sentenceWith(summary: Summary, ...words: string[]) {
  const hits = summary.sentences.filter((s) =>
    words.every((w) => s.text.toLowerCase().includes(w.toLowerCase())),
  );
  expect(hits, `sentences mentioning ${words.join(' + ')}`).toHaveLength(1);
  return hits[0]!;
}

function citedFiles(s: Summary['sentences'][number]): string[] {
  return [...new Set(s.citations.map((c) => c.file))].sort();
}

describe('summarize on the seed corpus', () => {
  it('takes every sentence verbatim from its first citation', () => {
    const summary = summarize(seeds, { maxSentences: 12, maxWords: 400 })!;
    expect(summary.sentences.length).toBeGreaterThan(5);
    for (const s of summary.sentences) {
      const first = s.citations[0]!;
      expect(s.text).toBe(first.quote.replace(/\s+/g, ' ').trim());
      const file = seeds.byId.get(first.file)!;
      expect(file.text.slice(first.offsets.start, first.offsets.end)).toBe(first.quote);
      expect(first.sha256).toBe(file.sha256);
    }
  });

  it('states a fact reported by several files once, citing every file that reports it', () => {
    const summary = summarize(seeds, { maxSentences: 12, maxWords: 400 })!;
    // The user numbers of the two apps (002 and 003).
    const users = sentenceWith(summary, '96 million');
    expect(citedFiles(users)).toEqual(
      expect.arrayContaining(['002_90d0f9c44a687009.txt', '003_2772de2c2eaa7074.txt']),
    );
    // Calls return once the apps comply with Russian law (003 and 004).
    const restored = sentenceWith(summary, 'restored', 'legislation');
    expect(citedFiles(restored)).toEqual(
      expect.arrayContaining(['003_2772de2c2eaa7074.txt', '004_91fa703387e835df.txt']),
    );
    // The two companies' statements (003 and 004). WhatsApp's is told as a participle fragment
    // in 003 ("Saying the app “defies …”") and as a quotation left open in 004, neither of which
    // may stand in a summary: 002's complete telling carries it, citing the other two.
    const whatsapp = sentenceWith(summary, 'WhatsApp', 'government attempt');
    expect(citedFiles(whatsapp)).toEqual(
      expect.arrayContaining(['003_2772de2c2eaa7074.txt', '004_91fa703387e835df.txt']),
    );
    expect(whatsapp.text).not.toMatch(/^Saying/);
    const telegram = sentenceWith(summary, 'Telegram', 'millions');
    expect(citedFiles(telegram)).toEqual(
      expect.arrayContaining(['003_2772de2c2eaa7074.txt', '004_91fa703387e835df.txt']),
    );
    for (const s of [users, restored, whatsapp, telegram])
      expect(s.support).toBe(citedFiles(s).length);
  });

  it('never cites a line that is not content, in the corpus summary or in any story or facet summary', () => {
    const summaries = [
      summarize(seeds, { maxSentences: 20, maxWords: 1000 })!,
      ...seeds.stories
        .flatMap((s) => [s, ...s.facets])
        .map((t) => summarize(seeds, { topicId: t.topic.id, maxSentences: 20, maxWords: 1000 })!),
    ];
    for (const summary of summaries)
      for (const s of summary.sentences)
        for (const c of s.citations) {
          const lines = seeds.lines.get(c.file)!;
          for (let n = c.lines.start; n <= c.lines.end; n++)
            expect(['content', 'duplicate'], `${c.file}:${n}`).toContain(lines[n - 1]!.kind);
        }
  });

  it('keeps within the word and sentence budgets and never exceeds them', () => {
    for (const [maxSentences, maxWords] of [
      [1, 10],
      [3, 60],
      [5, 250],
      [50, 30],
    ] as const) {
      const summary = summarize(seeds, { maxSentences, maxWords })!;
      expect(summary.sentences.length).toBeLessThanOrEqual(maxSentences);
      expect(summary.wordCount).toBeLessThanOrEqual(maxWords);
      expect(summary.wordCount).toBe(summary.sentences.reduce((n, s) => n + countWords(s.text), 0));
    }
  });

  it('puts the fact most files state first, then each file’s sentences in the order of the file', () => {
    const summary = summarize(seeds, { maxSentences: 10 })!;
    const [first, ...rest] = summary.sentences;
    expect(first!.support).toBe(Math.max(...summary.sentences.map((s) => s.support)));
    const lastStart = new Map<string, number>();
    for (const s of rest) {
      const { file, offsets } = s.citations[0]!;
      expect(offsets.start, file).toBeGreaterThan(lastStart.get(file) ?? -1);
      lastStart.set(file, offsets.start);
    }
  });

  it('never orders by file name: undated articles follow their positions (leads first)', () => {
    const summary = summarize(seeds, { maxSentences: 10 })!;
    const position = (s: Summary['sentences'][number]) =>
      seeds.sentences.find(
        (x) => x.file === s.citations[0]!.file && x.offsets.start === s.citations[0]!.offsets.start,
      )!.position;
    const positions = summary.sentences.slice(1).map(position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('answers a query with the sentences about it', () => {
    const summary = summarize(seeds, { query: 'state-backed messaging app', maxSentences: 3 })!;
    expect(summary.query).toBe('state-backed messaging app');
    expect(summary.sentences.length).toBeGreaterThan(0);
    for (const s of summary.sentences) expect(s.text.toLowerCase()).toMatch(/app|messag/);
    expect(summary.sentences.some((s) => s.text.includes('state-backed messaging app'))).toBe(true);
  });

  it('returns an empty summary for a query that matches nothing', () => {
    expect(summarize(seeds, { query: 'volcanic eruption in Iceland' })!.sentences).toEqual([]);
  });

  it('returns undefined for an unknown topic id', () => {
    expect(summarize(seeds, { topicId: 't-does-not-exist' })).toBeUndefined();
  });

  it('gives byte-identical output for the same corpus and options', async () => {
    const again = buildModel(await loadCorpus('data'));
    const options = [
      {},
      { maxSentences: 3 },
      { query: 'protests' },
      { topicId: seeds.stories[0]!.topic.id },
      { topicId: seeds.stories[0]!.facets[0]!.topic.id },
    ];
    for (const o of options)
      expect(JSON.stringify(summarize(again, o))).toBe(JSON.stringify(summarize(seeds, o)));
  });

  it('carries the corpus fingerprint it was computed from', () => {
    expect(summarize(seeds)!.corpus).toBe(seeds.fingerprint);
    expect(seeds.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('summarize on posted texts', () => {
  const docs = [
    {
      file: 'a.txt',
      text: 'The river flooded the town of Millbrook on Monday after three days of rain.\nEmergency crews evacuated 200 residents from the lowest streets.\nThe mayor said the school would stay closed until Friday.\n',
    },
    {
      file: 'b.txt',
      text: 'Heavy rain caused the river to flood Millbrook on Monday.\r\nAbout 200 residents were evacuated by emergency crews from the lowest streets.\r\nLocal farmers fear losses to the autumn harvest.',
    },
    {
      file: 'c.txt',
      text: 'Farmers near Millbrook counted the cost of the flood to the harvest.\n\nThe regional council promised an inquiry into the river defences.\n',
    },
  ];

  it('merges the same fact from two files into one sentence with two citations', () => {
    const model = modelFromTexts(docs);
    const summary = summarize(model, { maxSentences: 6, maxWords: 200 })!;
    const evacuated = summary.sentences.filter((s) => /evacuated/.test(s.text));
    expect(evacuated).toHaveLength(1);
    expect(citedFiles(evacuated[0]!)).toEqual(['a.txt', 'b.txt']);
    expect(evacuated[0]!.support).toBe(2);
  });

  it('cites posted texts with the sha256 of their UTF-8 bytes and exact CRLF-aware spans', () => {
    const model = modelFromTexts(docs);
    const summary = summarize(model, { maxSentences: 6, maxWords: 200 })!;
    for (const s of summary.sentences)
      for (const c of s.citations) {
        const doc = docs.find((d) => d.file === c.file)!;
        expect(doc.text.slice(c.offsets.start, c.offsets.end)).toBe(c.quote);
        const line = doc.text.slice(0, c.offsets.start).split(/\r\n|\r|\n/).length;
        expect(c.lines.start).toBe(line);
      }
  });
});

describe('summarize on a fact many files state', () => {
  it('counts every file in support but lists at most 25 citations', () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      file: `wire-${String(i).padStart(2, '0')}.txt`,
      text: `The harbour authority closed the northern pier on Monday after a storm damaged 40 moorings, reporter ${i} wrote.\nLocal note ${i}: the ${['bakery', 'library', 'school', 'museum', 'garage'][i % 5]} on street ${i} opened late.\n`,
    }));
    const summary = summarize(modelFromTexts(docs), { maxSentences: 1 })!;
    const [first] = summary.sentences;
    expect(first!.text).toContain('northern pier');
    expect(first!.support).toBe(30);
    expect(first!.citations).toHaveLength(25);
    expect(new Set(first!.citations.map((c) => c.file)).size).toBe(25);
  });
});
