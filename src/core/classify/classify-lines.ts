import type { LineKind, LinePointer, LineReason } from '../../../schemas/document.js';
import { compareIds, type SourceFile } from '../corpus/index.js';
import type { ParsedFiles } from '../parse/index.js';
import { judgeBlockRuns } from './block-runs.js';
import {
  absorbShortLinesInBlocks,
  extendCrossPromotion,
  markEnclosedAppeals,
  markVocabularyNearBoilerplate,
} from './blocks.js';
import { markAuthorBios } from './bylines.js';
import { markDuplicates } from './copies.js';
import type { FileState } from './file-state.js';
import { judgeLines } from './judge-lines.js';
import { markupLines } from './markup-lines.js';
import { markMenuRuns, restoreListItems } from './menus.js';
import {
  type DistinctLines,
  distinctLines,
  fileLines,
  type FileLines,
  type Repetition,
  repetitionOf,
} from './repetition.js';
import { isHardWrapped, judgeWrappedRuns, lineWidth } from './wrapped.js';

/** One line of a file with its extent and what the classifier made of it. */
export interface ClassifiedLine {
  /** 1-based line number. */
  readonly number: number;
  /** Offset of the first character (0-based, UTF-16). */
  readonly start: number;
  /** Offset just past the last character before the line break. */
  readonly end: number;
  readonly text: string;
  readonly kind: LineKind;
  readonly reason?: LineReason;
  /** For a `duplicate` line: the line of the original file it copies. */
  readonly original?: LinePointer;
}

/** Classified lines of every file, by file id. */
export type LineTable = ReadonlyMap<string, readonly ClassifiedLine[]>;

/**
 * One file through the passes, in order: wrapped paragraphs as a whole, then each line by shape
 * and repetition, then the passes that read neighbours (menus, list items, blocks, link lists
 * under a "Related" label, author bios, paragraphs enclosed by appeals), and last the paragraphs
 * that copy another file's (duplicates of their original).
 */
function classifyFile(lines: FileLines, repetition: Repetition): ClassifiedLine[] {
  const { file, texts, norms, fixed, titled, shapes, runs } = lines;
  const state: FileState = {
    texts,
    norms,
    blank: texts.map((t) => t.trim() === ''),
    verdicts: texts.map(() => ({ kind: 'content' })),
  };
  // Markdown and HTML say where their paragraphs and lists are: their paragraphs are judged whole
  // (`block-runs.ts`), and the rules that guess paragraphs from line shapes (wrapped runs, menus
  // of short lines) read plain text only.
  const width = lineWidth(texts);
  const wrapped = !shapes && isHardWrapped(texts, width);
  const inRun =
    shapes && runs
      ? judgeBlockRuns(state, repetition, runs, shapes)
      : wrapped
        ? judgeWrappedRuns(state, repetition, width)
        : new Array<boolean>(texts.length).fill(false);
  judgeLines(state, { repetition, wrapped, inRun, titled, shapes });
  if (!shapes) markMenuRuns(state);
  markVocabularyNearBoilerplate(state, inRun, shapes !== undefined);
  if (!shapes) restoreListItems(state);
  absorbShortLinesInBlocks(state);
  extendCrossPromotion(state);
  markAuthorBios(state);
  markEnclosedAppeals(state);
  markDuplicates(state, file.id, repetition);
  return file.lineIndex.lines.map((e, i) => {
    const r = fixed?.[i] ?? state.verdicts[i]!;
    const line: ClassifiedLine = {
      number: i + 1,
      start: e.start,
      end: e.end,
      text: fixed ? file.text.slice(e.start, e.end) : texts[i]!,
      kind: r.kind,
    };
    if (!r.reason || r.kind === 'content') return line;
    return r.original
      ? { ...line, reason: r.reason, original: r.original }
      : { ...line, reason: r.reason };
  });
}

/**
 * Wraps the classification of one file: `classify` runs the rules over the file with the
 * repetition counts it is given (the corpus's, or a view of them); a hook may return an earlier
 * result instead when the file and every count the rules read are unchanged.
 */
export type ClassifyFileHook = (
  file: SourceFile,
  repetition: Repetition,
  classify: (repetition: Repetition) => ClassifiedLine[],
) => ClassifiedLine[];

/**
 * Wraps how a file's lines are read for the rules (for Markdown and HTML, parsing and rendering
 * them): a hook may return an earlier reading of the same file (same id and SHA-256) instead.
 */
export type FileLinesHook = (file: SourceFile, read: () => FileLines) => FileLines;

/** Optional wrappers of {@link classifyLines}' per-file steps (incremental builds). */
export interface ClassifyHooks {
  readonly classifyFile?: ClassifyFileHook;
  readonly fileLines?: FileLinesHook;
  /**
   * A file's distinct lines as an earlier build read them (same id and SHA-256), so the
   * repetition counts need not read the file's lines (nor parse it) again; the file is read only
   * if it must be classified again.
   */
  readonly distinctLines?: (file: SourceFile) => DistinctLines | undefined;
  /**
   * True when the caller keeps the file's earlier lines as they are (the file and every
   * repetition count its rules read are unchanged): the file is neither read nor classified, and
   * `classifyEach` hands it on with no lines.
   */
  readonly keep?: (file: SourceFile, repetition: Repetition) => boolean;
}

/**
 * Classifies every line of every file as content, heading, boilerplate or blank, with a reason
 * for each non-content line. Uses the line's shape and repetition across files (boilerplate
 * detection in the spirit of Kohlschütter et al., "Boilerplate Detection using Shallow Text
 * Features", WSDM 2010: short lines, link/UI vocabulary and template repetition mark boilerplate).
 * Files in `parsed` (Markdown, HTML) take the verdict of their blocks on every line that holds no
 * prose, and the rules judge the rendered text of the others (`markup-lines.ts`).
 */
export function classifyLines(
  files: readonly SourceFile[],
  parsed?: ParsedFiles,
  hooks: ClassifyHooks = {},
): LineTable {
  const out: [string, readonly ClassifiedLine[]][] = [];
  // No file is kept here: every file's lines are returned.
  const { keep: _keep, ...rest } = hooks;
  classifyEach(files, parsed, rest, (file, lines) => out.push([file.id, lines!]));
  return new Map(out.sort((a, b) => compareIds(a[0], b[0])));
}

/**
 * {@link classifyLines}, handing each file's lines to `each` as soon as they are known (in the
 * order the files are given), so a caller that keeps only what it needs of them (the builder's columns) never holds
 * every file's line objects at once. A file's lines are read (for Markdown and HTML, parsed and
 * rendered) when the repetition counts or its classification first need them. `fallback`: why
 * the file was read as text with its markup stripped instead of by its parser, when it was
 * (parse/fallback.ts; undefined for a kept file, whose earlier reading the caller holds).
 */
export function classifyEach(
  files: readonly SourceFile[],
  parsed: ParsedFiles | undefined,
  hooks: ClassifyHooks,
  each: (file: SourceFile, lines: ClassifiedLine[] | undefined, fallback?: string) => void,
): void {
  const read = (f: SourceFile): FileLines => {
    const doc = parsed?.get(f.id);
    return doc ? markupLines(f, doc) : fileLines(f);
  };
  const readings = new Map<SourceFile, FileLines>();
  const reading = (f: SourceFile): FileLines => {
    let r = readings.get(f);
    if (!r) {
      r = hooks.fileLines ? hooks.fileLines(f, () => read(f)) : read(f);
      readings.set(f, r);
    }
    return r;
  };
  const repetition = repetitionOf(
    files.map((f) => hooks.distinctLines?.(f) ?? distinctLines(reading(f))),
    files.map((f) => f.id),
  );
  const hook = hooks.classifyFile;
  for (const file of files) {
    if (hooks.keep?.(file, repetition)) {
      each(file, undefined);
      continue;
    }
    let lines: ClassifiedLine[];
    try {
      lines = hook
        ? hook(file, repetition, (r) => classifyFile(reading(file), r))
        : classifyFile(reading(file), repetition);
    } catch (error) {
      // One file the rules cannot handle must not take the corpus (or the service) down: it is
      // kept, with its lines unjudged and out of summaries, and the failure is reported.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.warn(
        `citesum: could not classify the lines of ${file.id} (${message}); its lines are left out of summaries`,
      );
      lines = unjudgedLines(file);
    }
    const fallback = readings.get(file)?.fallback;
    readings.delete(file);
    each(file, lines, fallback);
  }
}

/** A file's lines when classification failed: blank lines blank, every other line kept out of summaries. */
function unjudgedLines(file: SourceFile): ClassifiedLine[] {
  return file.lineIndex.lines.map((e, i) => {
    const text = file.text.slice(e.start, e.end);
    const at = { number: i + 1, start: e.start, end: e.end, text };
    return text.trim() === ''
      ? { ...at, kind: 'blank', reason: 'blank' }
      : { ...at, kind: 'boilerplate', reason: 'fragment' };
  });
}
