import {
  computeParts,
  type CorpusInput,
  type ModelParts,
  type StageHooks,
  storiesWithCopies,
} from '../core/model.js';
import type { ClassifiedLine, FileLines, LineTable } from '../core/classify/index.js';
import type { SourceFile } from '../core/corpus/index.js';
import type { ParsedFiles } from '../core/parse/index.js';
import { segmentCorpus, type Sentence } from '../core/segment/index.js';
import { discoverStories } from '../core/topics/index.js';
import { provisionalStories } from './provisional-stories.js';
import { type Reads, readsHold, recordReads } from './read-record.js';

/**
 * Incremental builds: the stages run as `buildModel` runs them, but a file whose text is
 * unchanged reuses its earlier classification (while every repetition count its rules read is
 * unchanged) and its earlier sentences (while its line verdicts are unchanged). The cross-file
 * stages (repetition counts, term index, stories) always run over the whole corpus, so the result
 * equals a full build's; only stories may be provisional (see {@link BuildOptions.provisional}).
 */

/** What one build leaves for the next. */
export interface BuildState {
  readonly parts: ModelParts;
  /** Per file key (id and sha256): what its classification read of the repetition counts. */
  readonly reads: ReadonlyMap<string, Reads>;
  /** False while the stories are provisional (assigned, not clustered). */
  readonly exact: boolean;
  /**
   * Per file key: how the rules read the file's lines (for Markdown and HTML, parsed and
   * rendered), so an unchanged file is neither parsed nor scanned for repetition again. Kept in
   * memory only (a build read from a snapshot has none: its first reload reads each file once).
   */
  readonly readings?: ReadonlyMap<string, FileLines>;
}

/** Options of {@link buildIncrementally}. */
export interface BuildOptions {
  /**
   * When the sentences changed, keep the earlier stories and assign the changed documents to them
   * (fast) instead of clustering again; {@link settle} clusters later.
   */
  readonly provisional?: boolean;
}

/** What a build reused and recomputed. */
export interface BuildReport {
  readonly files: number;
  readonly classified: number;
  readonly segmented: number;
  /** `clustered`, `reused` (sentences unchanged) or `provisional`. */
  readonly stories: 'clustered' | 'reused' | 'provisional';
}

/** The key of a file's cached results: its id and the SHA-256 of its bytes. */
export function fileKey(file: Pick<SourceFile, 'id' | 'sha256'>): string {
  return `${file.id}\u0000${file.sha256}`;
}

function sameVerdicts(a: readonly ClassifiedLine[], b: readonly ClassifiedLine[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind || x.reason !== y.reason || x.start !== y.start || x.end !== y.end)
      return false;
  }
  return true;
}

/** The previous build's per-file results, by file key. */
function previousByFile(previous: BuildState | undefined) {
  const byKey = new Map<string, { index: number; lines: readonly ClassifiedLine[] }>();
  const ranges: { start: number; end: number }[] = [];
  if (!previous) return { byKey, ranges };
  const { files, lines, sentences } = previous.parts;
  files.forEach((f, i) => {
    byKey.set(fileKey(f), { index: i, lines: lines.get(f.id) ?? [] });
    ranges.push({ start: 0, end: 0 });
  });
  let k = 0;
  for (let i = 0; i < files.length; i++) {
    const start = k;
    while (k < sentences.length && sentences[k]!.fileIndex === i) k++;
    ranges[i] = { start, end: k };
  }
  return { byKey, ranges };
}

/**
 * Builds the model parts of `corpus`, reusing what `previous` computed for unchanged files.
 * Equal to `computeParts(corpus)` except that stories are provisional when asked and needed.
 */
export function buildIncrementally(
  corpus: CorpusInput,
  previous: BuildState | undefined,
  options: BuildOptions = {},
): { state: BuildState; report: BuildReport } {
  const before = previousByFile(previous);
  const reads = new Map<string, Reads>();
  let classified = 0;
  let segmented = 0;
  // Old sentence id → new id, for sentences carried over unchanged (-1: gone or recomputed).
  const oldSentences = previous?.parts.sentences.length ?? 0;
  const carried = new Int32Array(oldSentences).fill(-1);
  let allCarried = previous !== undefined && corpus.files.length === previous.parts.files.length;

  const readings = new Map<string, FileLines>();
  const fileLines: StageHooks['fileLines'] = (file, read) => {
    const key = fileKey(file);
    const old = previous?.readings?.get(key);
    const reading = old ? { ...old, file } : read();
    readings.set(key, reading);
    return reading;
  };
  const classifyFile: StageHooks['classifyFile'] = (file, repetition, classify) => {
    const key = fileKey(file);
    const old = before.byKey.get(key);
    const oldReads = previous?.reads.get(key);
    if (old && oldReads && readsHold(oldReads, repetition)) {
      reads.set(key, oldReads);
      return old.lines as ClassifiedLine[];
    }
    classified++;
    const rec = recordReads(repetition);
    const lines = classify(rec.view);
    reads.set(key, rec.reads());
    return lines;
  };
  const segment = (
    files: readonly SourceFile[],
    table: LineTable,
    parsed: ParsedFiles,
  ): Sentence[] => {
    const out: Sentence[] = [];
    files.forEach((file, fileIndex) => {
      const lines = table.get(file.id) ?? [];
      const old = before.byKey.get(fileKey(file));
      if (old && sameVerdicts(old.lines, lines)) {
        const { start, end } = before.ranges[old.index]!;
        if (old.index !== fileIndex) allCarried = false;
        for (let k = start; k < end; k++) {
          const s = previous!.parts.sentences[k]!;
          carried[k] = out.length;
          out.push({ ...s, id: out.length, fileIndex });
        }
        return;
      }
      allCarried = false;
      segmented++;
      for (const s of segmentCorpus([file], new Map([[file.id, lines]]), parsed))
        out.push({ ...s, id: out.length, fileIndex });
    });
    if (out.length !== oldSentences) allCarried = false;
    return out;
  };
  const how: { stories: BuildReport['stories'] } = { stories: 'clustered' };
  const parts = computeParts(corpus, {
    hooks: {
      fileLines,
      classifyFile,
      segment,
      stories: (sentences, index) => {
        if (previous && allCarried && previous.exact) {
          how.stories = 'reused';
          return [...previous.parts.stories];
        }
        if (previous && options.provisional) {
          how.stories = 'provisional';
          return provisionalStories(previous.parts, { sentences, index, carried });
        }
        return discoverStories(sentences, index);
      },
    },
  });
  return {
    state: { parts, reads, exact: how.stories !== 'provisional', readings },
    report: { files: corpus.files.length, classified, segmented, stories: how.stories },
  };
}

/** Clusters the stories of a provisional build: the same parts a full build gives. */
export function settle(state: BuildState): BuildState {
  if (state.exact) return state;
  const { sentences, index, files, lines } = state.parts;
  const stories = storiesWithCopies(discoverStories(sentences, index), files, lines, sentences);
  return { ...state, parts: { ...state.parts, stories }, exact: true };
}
