import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyLines, type LineTable } from '../../../src/core/classify/index.js';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import { expectContent, expectKind, line, linesOf, nonContent, range } from './classify-helpers.js';

/** classifyLines on the seed articles of data/, together and one file alone. */

const SEEDS = fileURLToPath(new URL('../../../data', import.meta.url));

const S0 = '000_3e47eca7661924bb.txt';
const S1 = '001_df515b8c033e9bb4.txt';
const S2 = '002_90d0f9c44a687009.txt';
const S3 = '003_2772de2c2eaa7074.txt';
const S4 = '004_91fa703387e835df.txt';

describe('classifyLines on the seed articles', () => {
  let table: LineTable;
  beforeAll(async () => {
    table = classifyLines((await loadCorpus(SEEDS)).files);
  });

  it('gives every non-content line a reason and every content line none', () => {
    for (const lines of table.values())
      for (const l of lines) {
        if (l.kind === 'content') expect(l.reason).toBeUndefined();
        else expect(l.reason).toBeDefined();
        if (l.kind === 'blank') expect(l.text.trim()).toBe('');
      }
  });

  it('keeps the exact line text and extent of every line', async () => {
    const files = (await loadCorpus(SEEDS)).files;
    for (const f of files) {
      const lines = linesOf(table, f.id);
      expect(lines).toHaveLength(f.lineIndex.lines.length);
      for (const l of lines) expect(f.text.slice(l.start, l.end)).toBe(l.text);
    }
  });

  it('000: keeps the article as content and marks the appeal after it, with "Remind me later.", as non-content', () => {
    expectContent(table, S0, range(1, 6));
    expectKind(table, S0, range(7, 13), 'boilerplate');
    expectKind(table, S0, [15], 'boilerplate');
    expect(line(table, S0, 14).kind).toBe('blank');
    expect(nonContent(table, S0)).toEqual([...range(7, 13), 15]);
  });

  it('001: marks the "×" close button, the ad-free appeal and "Support us" as boilerplate', () => {
    expectKind(table, S1, [1], 'boilerplate', ['navigation']);
    expectKind(table, S1, range(2, 6), 'boilerplate', ['call-to-action', 'navigation']);
  });

  it('001: reads the title as a heading and the photo credit as a photo credit', () => {
    expectKind(table, S1, [8], 'heading', ['heading']);
    expectKind(table, S1, [10], 'boilerplate', ['photo-credit']);
  });

  it('001: keeps every factual paragraph (even lines 12–22) as content', () => {
    expectContent(table, S1, [12, 14, 16, 18, 20, 22]);
  });

  it('001: marks the appeal, the payment options, "Remind me later." and "Read more" as non-content', () => {
    const tail = range(24, 46).filter((n) => n !== 45 && (n % 2 === 0 || n >= 38));
    for (const n of range(24, 46))
      expect(line(table, S1, n).kind === 'content', `${S1}:${n}`).toBe(false);
    expectKind(table, S1, tail, 'boilerplate');
    expectKind(table, S1, [44], 'boilerplate', ['template', 'call-to-action']);
    expectKind(table, S1, [46], 'boilerplate', ['call-to-action', 'navigation']);
    expect(nonContent(table, S1)).toEqual([
      ...range(1, 6),
      8,
      10,
      24,
      26,
      28,
      30,
      32,
      34,
      36,
      ...range(38, 44),
      46,
    ]);
  });

  it('002: reads the title and section titles as headings and the URL slug as a URL', () => {
    expectKind(table, S2, [1, 7, 14, 18, 22], 'heading', ['heading']);
    expectKind(table, S2, [3], 'boilerplate', ['url']);
  });

  it('002: keeps the "Key Facts" bullets and the paragraphs as content', () => {
    expectContent(table, S2, [...range(9, 12), 5, 16, 20, 24]);
    expect(nonContent(table, S2)).toEqual([1, 3, 7, 14, 18, 22]);
  });

  it('003: reads the section title as a heading and "Also read …" as cross-promotion, keeping the rest', () => {
    expectKind(table, S3, [5], 'heading', ['heading']);
    expectKind(table, S3, [8], 'boilerplate', ['cross-promotion']);
    expectContent(table, S3, [1, 2, 3, 4, 6, 7, 9, 10]);
    expect(nonContent(table, S3)).toEqual([5, 8]);
  });

  it('004: keeps every line after the leading blank line as content', () => {
    expect(line(table, S4, 1).kind).toBe('blank');
    expectContent(table, S4, range(2, 15));
    expect(nonContent(table, S4)).toEqual([]);
  });
});

describe('classifyLines on a seed file alone (no repetition to lean on)', () => {
  it('000 alone: the appeal is still non-content and the article content', async () => {
    const file = (await loadCorpus(SEEDS)).files.find((f) => f.id === S0)!;
    const table = classifyLines([file]);
    expectContent(table, S0, range(1, 6));
    expect(nonContent(table, S0)).toEqual([...range(7, 13), 15]);
  });

  it('001 alone: the appeal, payment options and buttons are still non-content', async () => {
    const file = (await loadCorpus(SEEDS)).files.find((f) => f.id === S1)!;
    const table = classifyLines([file]);
    expectContent(table, S1, [12, 14, 16, 18, 20, 22]);
    for (const n of [...range(1, 6), 10, ...range(24, 46)])
      expect(line(table, S1, n).kind === 'content', `${S1}:${n}`).toBe(false);
  });
});
