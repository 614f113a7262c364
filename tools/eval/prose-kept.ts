/**
 * "Prose kept": how much of what readers wrote as sentences survives the line classifier, on a
 * folder as it is and on the same articles in every shape users save them in (tools/eval/reshape.ts).
 * Per folder and shape: the share of sentence-shaped words on content or duplicate lines
 * (`proseTally`), the share of the original's content sentences still content or duplicate in
 * the reshaped files (and their copies), the article files left with no content, and the copies
 * that name their original.
 */
import { type LineTable, proseTally } from '../../src/core/classify/index.js';
import { modelFromTexts } from '../../src/core/index.js';
import {
  copyName,
  newswireQuotes,
  SHAPES,
  type Shape,
  type ShapedDocument,
  shapedFolder,
} from './reshape.js';

/** What became of one folder in one shape. */
export interface ProseKeptRow {
  readonly corpus: string;
  /** `original`, or a {@link Shape} (with newswire quotes and a copy of every article). */
  readonly shape: 'original' | Shape;
  readonly files: number;
  /** Sentence-shaped words on content or duplicate lines / sentence-shaped words. */
  readonly proseKept: number;
  /** The original's content sentences found on content or duplicate lines, over every file. */
  readonly sentencesKept: number;
  readonly sentences: number;
  /** Article files (originals and copies) with no content or duplicate line. */
  readonly emptyFiles: number;
  /** Copies whose document info names their original (`copyOf`), of all copies. */
  readonly copiesNamed: number;
  readonly copies: number;
  /** Some of the original's content sentences not kept, for reading. */
  readonly lostExamples: readonly string[];
}

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The text of a file's content and duplicate lines, joined and with whitespace collapsed. */
function keptText(lines: LineTable, file: string): string {
  return squash(
    (lines.get(file) ?? [])
      .filter((l) => l.kind === 'content' || l.kind === 'duplicate')
      .map((l) => l.text)
      .join(' '),
  );
}

function tally(lines: LineTable): { prose: number; kept: number } {
  let prose = 0;
  let kept = 0;
  for (const table of lines.values()) {
    const t = proseTally(table);
    prose += t.prose;
    kept += t.kept;
  }
  return { prose, kept };
}

/**
 * Prose kept on a folder of plain-text articles as it is and in every shape. The original's
 * content sentences are those the full pipeline cuts from the folder as it is.
 */
export function proseKeptRows(
  corpus: string,
  documents: readonly ShapedDocument[],
  shapes: readonly Shape[] = SHAPES,
): ProseKeptRow[] {
  const original = modelFromTexts(documents, { topics: false });
  const sentencesOf = new Map<string, string[]>();
  for (const s of original.sentences) {
    const list = sentencesOf.get(s.file) ?? sentencesOf.set(s.file, []).get(s.file)!;
    list.push(squash(s.text));
  }
  const rows: ProseKeptRow[] = [];
  const base = tally(original.lines);
  const total = original.sentences.length;
  rows.push({
    corpus,
    shape: 'original',
    files: documents.length,
    proseKept: base.kept / Math.max(1, base.prose),
    sentencesKept: total,
    sentences: total,
    emptyFiles: documents.filter((d) => keptText(original.lines, d.file) === '').length,
    copiesNamed: 0,
    copies: 0,
    lostExamples: [],
  });
  for (const shape of shapes) {
    const folder = shapedFolder(documents, shape);
    const model = modelFromTexts(folder, { topics: false });
    const lines = model.lines;
    const infos = model.documentsById;
    const t = tally(lines);
    let kept = 0;
    let count = 0;
    let named = 0;
    const lost: string[] = [];
    for (const d of documents) {
      const wanted = (sentencesOf.get(d.file) ?? []).map((s) => squash(newswireQuotes(s)));
      for (const file of [d.file, copyName(d.file)]) {
        const text = keptText(lines, file);
        for (const s of wanted) {
          count++;
          if (text.includes(s)) kept++;
          else if (lost.length < 12) lost.push(`${file}: ${s}`);
        }
      }
      if (infos.get(copyName(d.file))?.copyOf === d.file) named++;
    }
    rows.push({
      corpus,
      shape,
      files: folder.length,
      proseKept: t.kept / Math.max(1, t.prose),
      sentencesKept: kept,
      sentences: count,
      emptyFiles: folder.filter((d) => keptText(lines, d.file) === '').length,
      copiesNamed: named,
      copies: documents.length,
      lostExamples: lost,
    });
  }
  return rows;
}

/** The prose-kept table, one row per folder and shape. */
export function proseKeptTable(rows: readonly ProseKeptRow[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`.padStart(8);
  const head = `${'folder'.padEnd(16)} | ${'shape'.padEnd(10)} | files | prose kept | original's content sentences kept | files with no content | copies naming their original`;
  const body = rows.map(
    (r) =>
      `${r.corpus.padEnd(16)} | ${r.shape.padEnd(10)} | ${String(r.files).padStart(5)} | ${pct(r.proseKept).padStart(10)} | ${`${pct(r.sentencesKept / Math.max(1, r.sentences))} (${r.sentencesKept}/${r.sentences})`.padStart(33)} | ${String(r.emptyFiles).padStart(21)} | ${r.shape === 'original' ? '—'.padStart(29) : `${r.copiesNamed}/${r.copies}`.padStart(29)}`,
  );
  return [head, ...body].join('\n');
}

/** Whether every reshaped row keeps 99.5% of the original's content sentences, empties no file and names every copy's original. */
export function proseKeptMet(rows: readonly ProseKeptRow[]): boolean {
  return rows
    .filter((r) => r.shape !== 'original')
    .every(
      (r) =>
        r.sentencesKept >= 0.995 * r.sentences && r.emptyFiles === 0 && r.copiesNamed === r.copies,
    );
}
