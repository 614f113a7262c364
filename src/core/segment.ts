import model from 'wink-eng-lite-web-model';
import type { LineSpan, OffsetSpan } from '../../schemas/span.js';
import type { ClassifiedLine } from './classify-lines.js';
import { BULLET, CLAUSE_END } from './line-shapes.js';
import { nlp } from './nlp.js';
import { lineSpanOf } from './positions.js';
import type { SourceFile } from './source-file.js';

/**
 * One sentence of content with its exact place in its file and the token features the
 * index and the summarizer need. `text === file.text.slice(offsets.start, offsets.end)`.
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
  /** The exact source text of the sentence. */
  readonly text: string;
  /** Lowercased word and number tokens (punctuation, symbols and possessive endings dropped). */
  readonly words: readonly string[];
  /** Porter2 stems of `words`, same length. */
  readonly stems: readonly string[];
  /** Stop-word flags of `words`, same length. */
  readonly stop: readonly boolean[];
  /** True when the sentence has a finite verb or auxiliary: fragments ("A new domestic alternative.") have none. */
  readonly hasVerb: boolean;
}

const SPACE = /\s/u;
/**
 * A news dateline opening a paragraph: an upper-case place, perhaps a region or date, perhaps
 * an agency in parentheses, then a dash ("PINECREST, Calif. (AP) — ", "OSLO, May 8 (Reuters) - ").
 * It stays outside the sentence span, like a list marker: it is not part of the statement.
 */
const INLINE_DATELINE =
  /^\p{Lu}{3,}(?:[\s.'’-]+\p{Lu}{2,})*(?:,\s*[\p{L}\p{N}.\s]{1,30}?)?\s*(?:\([^()]{1,40}\))?\s*(?:--|[-–—])\s+(?=["“‘'\p{Lu}\p{N}])/u;

/** A paragraph: one or more adjacent content lines read as one block of running text. */
interface Paragraph {
  readonly start: number;
  readonly end: number;
}

/**
 * Groups content lines into paragraphs. A line joins the previous one when that one does not
 * end a sentence (hard-wrapped text); a bullet always opens a new paragraph, and its marker
 * stays outside the paragraph's span. Headings and boilerplate are never part of a paragraph.
 */
export function paragraphsOf(text: string, lines: readonly ClassifiedLine[]): Paragraph[] {
  const out: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | undefined;
  // Whether the open paragraph's last line ends a clause. Only the last joined line can end it,
  // so only that line is tested (re-testing the whole growing paragraph was quadratic).
  let openEnded = false;
  for (const line of lines) {
    if (line.kind !== 'content') {
      open = undefined;
      continue;
    }
    const marker = BULLET.exec(line.text);
    let start = line.start + (marker ? marker[0].length : 0);
    while (start < line.end && SPACE.test(text[start]!)) start++;
    let end = line.end;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    if (open && !marker && !openEnded) {
      open.end = end;
    } else {
      const dateline = INLINE_DATELINE.exec(text.slice(start, end));
      if (dateline && dateline[0].length < end - start) start += dateline[0].length;
      open = { start, end };
      out.push(open);
    }
    openEnded = CLAUSE_END.test(text.slice(start, end));
  }
  return out;
}

const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < 500_000) interned.set(s, s);
  return s;
}

/**
 * wink-nlp's `its.stem` is `addons.stem(token value)`, the model's Porter2 stemmer: a pure
 * function of the token's text. Memoized here, so each distinct word is stemmed once per process
 * instead of once per occurrence (stemming was half the segmenter's time).
 */
const porter2 = (model as unknown as { addons: { stem: (value: string) => string } }).addons.stem;
const stemmed = new Map<string, string>();
function stemOf(value: string): string {
  let s = stemmed.get(value);
  if (s === undefined) {
    s = intern(porter2(value).toLowerCase());
    if (stemmed.size < 500_000) stemmed.set(value, s);
  }
  return s;
}

/** Splits one paragraph into sentence spans (absolute offsets) with their token features. */
function sentencesOfParagraph(
  text: string,
  para: Paragraph,
  emit: (
    start: number,
    end: number,
    words: string[],
    stems: string[],
    stop: boolean[],
    hasVerb: boolean,
  ) => void,
): void {
  const w = nlp();
  const its = w.its;
  const body = text.slice(para.start, para.end);
  const doc = w.readDoc(body);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const stopsAll = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  // Rebuild each token's offset from its preceding spaces and value; fall back to a search
  // if the tokenizer ever normalizes a value, so spans stay exact.
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = cursor + spaces[i]!.length;
    if (body.slice(at, at + v.length) !== v) {
      const found = body.indexOf(v, cursor);
      at = found >= 0 ? found : at;
    }
    starts[i] = at;
    cursor = at + v.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [a, b] of spans) {
    let first = a;
    let last = b;
    while (first <= last && types[first] === 'tabCRLF') first++;
    while (last >= first && types[last] === 'tabCRLF') last--;
    if (first > last) continue;
    let s = starts[first]!;
    let e = starts[last]! + values[last]!.length;
    while (s < e && SPACE.test(body[s]!)) s++;
    while (e > s && SPACE.test(body[e - 1]!)) e--;
    if (e <= s) continue;
    const words: string[] = [];
    const stems: string[] = [];
    const stop: boolean[] = [];
    let hasVerb = false;
    for (let i = first; i <= last; i++) {
      const p = pos[i]!;
      if (p === 'VERB' || p === 'AUX') hasVerb = true;
      const t = types[i]!;
      if (t !== 'word' && t !== 'number') continue;
      let n = normals[i]!.toLowerCase();
      let v = values[i]!;
      if (n === "'s" || n === '’s' || n === "'" || n === '’') continue;
      // wink-nlp learns unknown words as it reads: "cafe's" is two tokens the first time and one
      // token later in the same process. Dropping the possessive ending from the word itself makes
      // the features the same whatever was read before (same corpus → same output).
      const possessive = /^(.+?)['’]s$/u.exec(n);
      if (possessive && /['’]s$/u.test(v)) {
        n = possessive[1]!;
        v = v.slice(0, -2);
      }
      words.push(intern(n));
      stems.push(stemOf(v));
      stop.push(Boolean(stopsAll[i]));
    }
    emit(para.start + s, para.start + e, words, stems, stop, hasVerb);
  }
}

/**
 * Cuts the content of every file into sentences with exact spans (wink-nlp sentence
 * boundary detection over each paragraph). Sentences never include headings, boilerplate or
 * list markers; offsets are into the original decoded text, lines are 1-based inclusive.
 */
export function segmentCorpus(
  files: readonly SourceFile[],
  table: ReadonlyMap<string, readonly ClassifiedLine[]>,
): Sentence[] {
  const sentences: Sentence[] = [];
  files.forEach((file, fileIndex) => {
    const lines = table.get(file.id) ?? [];
    const before = sentences.length;
    let position = 0;
    try {
      for (const para of paragraphsOf(file.text, lines)) {
        sentencesOfParagraph(file.text, para, (start, end, words, stems, stop, hasVerb) => {
          sentences.push({
            id: sentences.length,
            file: file.id,
            fileIndex,
            position: position++,
            lines: lineSpanOf(file.lineIndex, start, end),
            offsets: { start, end },
            text: file.text.slice(start, end),
            words,
            stems,
            stop,
            hasVerb,
          });
        });
      }
    } catch (error) {
      // One file that cannot be segmented must not take the corpus (or the service) down: its
      // sentences are left out, so the ids of the others stay dense, and the failure is reported.
      sentences.length = before;
      console.warn(
        `citesum: could not segment ${file.id}; its sentences are left out of summaries:`,
        error,
      );
    }
  });
  return sentences;
}
