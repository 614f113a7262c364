import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyLines, type LineTable } from '../../../src/core/classify/index.js';
import { loadCorpus, sourceFromText } from '../../../src/core/corpus/index.js';
import { expectContent, expectKind, line, linesOf, range } from './classify-helpers.js';

/** classifyLines on the boilerplate fixtures of other sites (test/fixtures/boilerplate). */

const FIXTURES = fileURLToPath(new URL('../../fixtures/boilerplate', import.meta.url));

describe('classifyLines on boilerplate fixtures from other sites', () => {
  let table: LineTable;
  beforeAll(async () => {
    const corpus = await loadCorpus(FIXTURES);
    expect(corpus.skipped).toEqual([]);
    table = classifyLines(corpus.files);
  });

  it('catches a cookie notice with its buttons, and a newsletter sign-up box', () => {
    const f = 'harbour-newsletter.txt';
    expectKind(table, f, [1, 2, 3], 'boilerplate', ['call-to-action', 'navigation']);
    expectKind(table, f, range(17, 21), 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('reads a byline as a byline and a date stamp as a dateline', () => {
    expectKind(table, 'harbour-newsletter.txt', [7], 'boilerplate', ['byline']);
    expectKind(table, 'harbour-newsletter.txt', [9], 'boilerplate', ['dateline']);
    expectKind(table, 'river-share.txt', [27], 'boilerplate', ['byline']);
    expectKind(table, 'wire/northwind-daily.txt', [6], 'boilerplate', ['byline']);
    expectKind(table, 'wire/coastal-times.txt', [5], 'boilerplate', ['dateline']);
  });

  it('keeps every paragraph of the sign-up article as content and its title as a heading', () => {
    expectKind(table, 'harbour-newsletter.txt', [5], 'heading', ['heading']);
    expectContent(table, 'harbour-newsletter.txt', [11, 13, 15, 23]);
  });

  it('catches a breadcrumb trail, a photo caption with its credit, share buttons and a "Related:" link list', () => {
    const f = 'river-share.txt';
    expectKind(table, f, [1], 'boilerplate', ['navigation']);
    expectKind(table, f, [5], 'boilerplate', ['photo-credit']);
    expectKind(table, f, range(13, 18), 'boilerplate', ['call-to-action', 'navigation']);
    expectKind(table, f, range(22, 25), 'boilerplate', ['cross-promotion']);
  });

  it('keeps the paragraphs around share buttons and link lists, including one that opens with a news dateline', () => {
    expectContent(table, 'river-share.txt', [7, 9, 11, 20]);
    expectKind(table, 'river-share.txt', [3], 'heading', ['heading']);
  });

  it('reads markdown # headings as headings, keeps list items as content and catches a share line', () => {
    const f = 'solar-guide.md';
    expectKind(table, f, [1, 3, 7, 13], 'heading', ['heading']);
    expectContent(table, f, [5, 9, 11, 15, 16]);
    expectKind(table, f, [18], 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('keeps every line of a hard-wrapped article as content and no wrapped line as a heading', () => {
    const f = 'sea-wrapped.txt';
    expectKind(table, f, [1], 'heading', ['heading']);
    const para = linesOf(table, f).filter((l) => l.number > 1 && l.text.trim() !== '');
    expect(para.length).toBeGreaterThan(15);
    for (const l of para)
      expect({ n: l.number, kind: l.kind }).toEqual({ n: l.number, kind: 'content' });
  });

  it('keeps the shared paragraphs of one wire story published by two sites as content in one (the original) and as duplicates pointing there in the other', () => {
    // Both carry six paragraphs of prose; the shorter name is the original.
    expectContent(table, 'wire/coastal-times.txt', [7, 9, 11, 13, 15, 17]);
    for (const [n, m] of [
      [8, 7],
      [10, 9],
      [12, 11],
      [14, 13],
      [16, 15],
    ] as const) {
      const l = line(table, 'wire/northwind-daily.txt', n);
      expect({ n, kind: l.kind, reason: l.reason, original: l.original }).toEqual({
        n,
        kind: 'duplicate',
        reason: 'duplicate',
        original: { file: 'wire/coastal-times.txt', line: m },
      });
    }
    // The paragraph only one site printed stays content there.
    expectContent(table, 'wire/northwind-daily.txt', [18]);
  });

  it('catches each site\'s own chrome around the wire story: skip links, section crumbs, copyright, follow prompts, ads and "Most popular" lists', () => {
    expectKind(table, 'wire/northwind-daily.txt', [1, 2, 20, 21, 22], 'boilerplate', [
      'call-to-action',
      'navigation',
    ]);
    expectKind(table, 'wire/coastal-times.txt', range(19, 23), 'boilerplate', [
      'cross-promotion',
      'call-to-action',
      'navigation',
    ]);
    expectKind(table, 'wire/northwind-daily.txt', [4], 'heading');
    expectKind(table, 'wire/coastal-times.txt', [3], 'heading');
  });
});

describe('classifyLines line width', () => {
  it('still reads a hard-wrapped article as wrapped when one very long line (a URL) is added to it', async () => {
    const base = (await loadCorpus(FIXTURES)).files.find((f) => f.id === 'sea-wrapped.txt')!;
    const kinds = (text: string) =>
      classifyLines([sourceFromText('a.txt', text)])
        .get('a.txt')!
        .map((l) => l.kind);
    const before = kinds(base.text);
    const after = kinds(`${base.text}\nSource: https://example.org/${'x'.repeat(300)}\n`);
    expect(after.slice(0, before.length)).toEqual(before);
  });
});
