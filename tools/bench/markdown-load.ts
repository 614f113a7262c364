/**
 * Markdown load throughput against plain text of the same size (issue 11: "within 2× of plain
 * text"). Two Markdown folders: the README.md of every installed package (real, markup-dense:
 * badges, code, tables, HTML) and the synthetic news corpus's Markdown articles (prose with
 * headings and bullets). Each is loaded from disk and built (loadCorpus + buildModel without
 * topics: load → parse → classify → segment → index), once as Markdown and once as the same bytes
 * under a `.txt` name, which takes the plain-text path; the two alternate in rounds and the ratio
 * is the median of the per-round ratios, since the machine is shared. The parser alone (parseFiles)
 * is timed beside them.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, loadCorpus } from '../../src/core/index.js';
import { parseFiles } from '../../src/core/parse/index.js';
import { readmeFolder } from '../eval/markdown.js';
import { DEFAULT_SEED, generateArticle } from './generate-corpus.js';
import { fmtMs, fmtNum, fmtRatio, markdownTable, median, round } from './stats.js';

/** One Markdown folder: its size and the medians of each measurement. */
export interface MarkdownLoadRow {
  readonly corpus: string;
  readonly files: number;
  readonly bytes: number;
  readonly sentences: number;
  /** Load + build as Markdown, median ms. */
  readonly markdownMs: number;
  /** Load + build of the same bytes as plain text, median ms. */
  readonly plainMs: number;
  /** parseFiles alone (files already in memory), median ms. */
  readonly parseMs: number;
  /** Median of the per-round ratios Markdown / plain. */
  readonly ratio: number;
  readonly rounds: number;
}

const mbPerSec = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** Copies a folder's files flat into `dir` under `<name>.txt` (the plain-text reading of the same bytes). */
function plainCopy(from: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(from)) copyFileSync(path.join(from, f), path.join(dir, `${f}.txt`));
}

async function measure(corpus: string, dir: string, rounds: number): Promise<MarkdownLoadRow> {
  const plainDir = `${dir}-as-txt`;
  plainCopy(dir, plainDir);
  try {
    const build = async (d: string) => {
      const t = performance.now();
      const model = buildModel(await loadCorpus(d), { topics: false });
      return { ms: performance.now() - t, model };
    };
    const warm = await build(dir);
    await build(plainDir);
    const md: number[] = [];
    const plain: number[] = [];
    const parse: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = (await build(dir)).ms;
      const b = (await build(plainDir)).ms;
      const t = performance.now();
      parseFiles(warm.model.files);
      parse.push(performance.now() - t);
      md.push(a);
      plain.push(b);
      ratios.push(a / b);
    }
    return {
      corpus,
      files: warm.model.files.length,
      bytes: warm.model.files.reduce((n, f) => n + f.bytes, 0),
      sentences: warm.model.sentences.length,
      markdownMs: round(median(md), 1),
      plainMs: round(median(plain), 1),
      parseMs: round(median(parse), 1),
      ratio: round(median(ratios), 3),
      rounds,
    };
  } finally {
    rmSync(plainDir, { recursive: true, force: true });
  }
}

/**
 * Measures both Markdown folders (`articles` Markdown news articles; `rounds` alternating rounds),
 * using `tmp` for the copies.
 */
export async function benchMarkdownLoad(
  tmp: string,
  { articles, rounds }: { articles: number; rounds: number },
): Promise<MarkdownLoadRow[]> {
  const rows: MarkdownLoadRow[] = [];
  const readmes = readmeFolder();
  try {
    rows.push(await measure('README.md of every installed package', readmes.dir, rounds));
  } finally {
    rmSync(readmes.dir, { recursive: true, force: true });
  }
  const news = path.join(tmp, 'markdown-news');
  mkdirSync(news, { recursive: true });
  let written = 0;
  for (let i = 0; written < articles; i++) {
    const a = generateArticle(DEFAULT_SEED, i);
    if (!a.file.endsWith('.md')) continue;
    writeFileSync(path.join(news, a.file.replace(/\//gu, '__')), a.text);
    written++;
  }
  try {
    rows.push(await measure('synthetic news articles (.md)', news, rounds));
  } finally {
    rmSync(news, { recursive: true, force: true });
  }
  return rows;
}

/** The section's table: throughput of each reading and the ratio. */
export function markdownLoadTable(rows: readonly MarkdownLoadRow[]): string {
  return markdownTable(
    [
      'Markdown folder',
      'files',
      'MB',
      'as Markdown (load + build)',
      'same bytes as plain text',
      'Markdown / plain',
      'parser alone',
    ],
    rows.map((r) => [
      r.corpus,
      fmtNum(r.files),
      fmtNum(r.bytes / 1e6, 2),
      `${fmtMs(r.markdownMs)} (${fmtNum(mbPerSec(r.bytes, r.markdownMs), 2)} MB/s)`,
      `${fmtMs(r.plainMs)} (${fmtNum(mbPerSec(r.bytes, r.plainMs), 2)} MB/s)`,
      fmtRatio(r.ratio),
      `${fmtMs(r.parseMs)} (${fmtNum(mbPerSec(r.bytes, r.parseMs), 2)} MB/s)`,
    ]),
  );
}
