import type { LineSpan, OffsetSpan } from '../../../schemas/span.js';
import type { ClassifiedLine, LineTable } from '../classify/index.js';
import { lineSpanOf, type SourceFile } from '../corpus/index.js';
import type { TokenFeatures } from '../text/index.js';
import type { ParsedFiles } from '../parse/index.js';
import { boundedSentences } from './bounded-cuts.js';
import { type Paragraph, paragraphsOf } from './paragraphs.js';
import { renderedSentences } from './rendered.js';

/**
 * One sentence of content with its exact place in its file and the token features the
 * index and the summarizer need. `quote === file.text.slice(offsets.start, offsets.end)`.
 */
export interface Sentence {
  /** Index of the sentence in corpus order (files sorted by id, then by offset). */
  readonly id: number;
  readonly file: string;
  /** Index of the file in corpus order. */
  readonly fileIndex: number;
  /** 0-based index of the sentence within its file. */
  readonly position: number;
  readonly lines: LineSpan;
  readonly offsets: OffsetSpan;
  /** The exact source text of the sentence: `file.text.slice(offsets.start, offsets.end)`, what a citation quotes. */
  readonly quote: string;
  /**
   * The sentence as a reader sees it: for plain text, the quote itself; for marked-up sources,
   * the rendered text (markup removed). Features, budgets and summaries read this.
   */
  readonly text: string;
  /** Lowercased word and number tokens (punctuation, symbols and possessive endings dropped). */
  readonly words: readonly string[];
  /** Porter2 stems of `words`, same length. */
  readonly stems: readonly string[];
  /** Stop-word flags of `words`, same length. */
  readonly stop: readonly boolean[];
  /** Proper-noun flags of `words`, same length. */
  readonly proper: readonly boolean[];
  /** True when the sentence has a finite verb or auxiliary: fragments ("A new domestic alternative.") have none. */
  readonly hasVerb: boolean;
  /** Readability flags (`SHAPE` bits of the text façade): what the sentence needs around it to read. */
  readonly shape: number;
}

/** Splits one paragraph into sentence spans (absolute offsets) with their token features. */
function sentencesOfParagraph(
  text: string,
  para: Paragraph,
  emit: (start: number, end: number, features: TokenFeatures) => void,
): void {
  const body = text.slice(para.start, para.end);
  for (const s of boundedSentences(body))
    emit(para.start + s.start, para.start + s.end, s.features);
}

/**
 * The sentences of one file (ids and file index as if it were a corpus of one; the caller
 * renumbers). Files in `parsed` (Markdown, HTML) are cut on their rendered text. Throws when the
 * file cannot be segmented (the caller leaves it out).
 */
export function segmentFile(
  file: SourceFile,
  lines: readonly ClassifiedLine[],
  parsed?: ParsedFiles,
): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number, text: string, features: TokenFeatures): void => {
    out.push({
      id: out.length,
      file: file.id,
      fileIndex: 0,
      position: out.length,
      lines: lineSpanOf(file.lineIndex, start, end),
      offsets: { start, end },
      quote: file.text.slice(start, end),
      text,
      ...features,
    });
  };
  const doc = parsed?.get(file.id);
  if (doc)
    renderedSentences(doc, lines, file.lineIndex.lines, (r) =>
      push(r.start, r.end, r.text, r.features),
    );
  else
    for (const para of paragraphsOf(file.text, lines))
      sentencesOfParagraph(file.text, para, (start, end, features) =>
        push(start, end, file.text.slice(start, end), features),
      );
  return out;
}

/**
 * The sentences of one file, or none when it cannot be segmented: one file that cannot be
 * segmented must not take the corpus (or the service) down; its sentences are left out, so the
 * ids of the others stay dense, and the failure is reported.
 */
export function segmentFileSafely(
  file: SourceFile,
  lines: readonly ClassifiedLine[],
  parsed?: ParsedFiles,
): Sentence[] {
  try {
    return segmentFile(file, lines, parsed);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.warn(
      `citesum: could not segment ${file.id} (${message}); its sentences are left out of summaries`,
    );
    return [];
  }
}

/**
 * Cuts the content of every file into sentences with exact spans (wink-nlp sentence
 * boundary detection over each paragraph, in windows, run-on text cut at MAX_SENTENCE_CHARS:
 * bounded-cuts.ts, so time stays linear in the length of a file whatever its lines). Sentences never include headings, boilerplate or
 * list markers; offsets are into the original decoded text, lines are 1-based inclusive.
 * Files in `parsed` (Markdown, HTML) are cut on their rendered text (`rendered.ts`): `text` is
 * what a reader sees and `quote` the exact source slice, markup included.
 */
export function segmentCorpus(
  files: readonly SourceFile[],
  table: LineTable,
  parsed?: ParsedFiles,
): Sentence[] {
  const sentences: Sentence[] = [];
  files.forEach((file, fileIndex) => {
    for (const s of segmentFileSafely(file, table.get(file.id) ?? [], parsed))
      sentences.push({ ...s, id: sentences.length, fileIndex });
  });
  return sentences;
}
