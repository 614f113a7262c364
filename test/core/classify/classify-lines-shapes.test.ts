import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMultiLing } from '../../../tools/eval/bench-data.js';
import { type ProseKeptRow, proseKeptRows } from '../../../tools/eval/prose-kept.js';
import { SHAPES, type ShapedDocument } from '../../../tools/eval/reshape.js';

/**
 * The articles already evaluated (the seeds, MultiLing 2011's 100 news articles) in every shape
 * users save them in: one line per article, one paragraph per line, hard-wrapped at 72 columns,
 * always with newswire quotation marks (``…'') and each article also saved under a second name
 * (tools/eval/reshape.ts). Every shape keeps the original's content sentences as content (or as
 * duplicates in the copies), leaves no article without content, and each copy names its original.
 */

const SEEDS = fileURLToPath(new URL('../../../data', import.meta.url));
const BENCH = fileURLToPath(new URL('../../fixtures/bench', import.meta.url));

function seeds(): ShapedDocument[] {
  return readdirSync(SEEDS)
    .sort()
    .map((file) => ({ file, text: readFileSync(join(SEEDS, file), 'utf8') }));
}

function multiling(): ShapedDocument[] {
  return loadMultiLing(BENCH).flatMap((t) =>
    t.documents.map((d) => ({ file: `${t.topic}/${d.file}`, text: d.text })),
  );
}

describe.each([
  ['the seed articles', seeds],
  ['the MultiLing 2011 articles', multiling],
])('%s in every shape', (_name, load) => {
  let rows: ProseKeptRow[];
  beforeAll(() => {
    rows = proseKeptRows('folder', load());
  }, 120_000);

  it.each(SHAPES)(
    'keeps at least 99.5%% of the original content sentences as content or duplicate when each article is %s',
    (shape) => {
      const row = rows.find((r) => r.shape === shape)!;
      expect(row.sentences).toBeGreaterThan(0);
      expect(
        row.sentencesKept / row.sentences,
        `${row.sentencesKept}/${row.sentences}; lost: ${row.lostExamples.join(' | ')}`,
      ).toBeGreaterThanOrEqual(0.995);
    },
  );

  it.each(SHAPES)('leaves no article or copy without content when each article is %s', (shape) => {
    expect(rows.find((r) => r.shape === shape)!.emptyFiles).toBe(0);
  });

  it.each(SHAPES)('has every copy name its original when each article is %s', (shape) => {
    const row = rows.find((r) => r.shape === shape)!;
    expect(row.copies).toBeGreaterThan(0);
    expect(row.copiesNamed).toBe(row.copies);
  });

  it('keeps as much sentence-shaped prose in every shape as in the original, or more', () => {
    const original = rows.find((r) => r.shape === 'original')!;
    for (const shape of SHAPES)
      expect(rows.find((r) => r.shape === shape)!.proseKept).toBeGreaterThanOrEqual(
        original.proseKept - 0.005,
      );
  });
});
