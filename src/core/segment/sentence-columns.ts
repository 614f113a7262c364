import type { TokenFeatures } from '../text/index.js';
import {
  decodeStrings,
  Dictionary,
  Growable,
  type StringColumn,
  StringColumnBuilder,
  stringAt,
} from '../shared/shared-arrays.js';
import type { Sentence } from './segment.js';

/**
 * The sentences of a corpus as columns: one row per sentence (its file, position, line span,
 * offsets, readability flags and token range) and one row per token (stem and word as ids into
 * two append-only dictionaries, and its stop-word and proper-noun flags). A sentence's `quote` is
 * not stored (it is the slice of its file between its offsets); its rendered `text` is stored
 * only when it differs from the quote (Markdown and HTML). What the term index, the stories and
 * the summaries read is derived from these rows on demand; `Sentence` objects are views of one
 * row each ({@link SentenceSource.sentence}), made only for the sentences a computation reads.
 */
export interface SentenceColumns {
  /** File index (in the model's file order) of each sentence. */
  readonly file: Int32Array;
  /** 0-based index of each sentence within its file. */
  readonly position: Int32Array;
  readonly lineStart: Int32Array;
  readonly lineEnd: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Index into `texts` of a sentence's rendered text, or -1 when it is its quote. */
  readonly text: Int32Array;
  /** `SHAPE` bits (bit 7: the sentence has a verb). */
  readonly flags: Uint8Array;
  /** First token of each sentence; `tokenStart[n]` is the number of tokens. */
  readonly tokenStart: Int32Array;
  /** Per token: id in `stems`. */
  readonly tokenStem: Int32Array;
  /** Per token: id in `words`. */
  readonly tokenWord: Int32Array;
  /** Per token: bit 0 stop word, bit 1 proper noun. */
  readonly tokenFlags: Uint8Array;
  /** Rendered texts that differ from their quotes. */
  readonly texts: StringColumn;
  /** Stem dictionary (append-only ids). */
  readonly stems: StringColumn;
  /** Word dictionary (lowercased word and number tokens, append-only ids). */
  readonly words: StringColumn;
}

const HAS_VERB = 128;
const STOP = 1;
const PROPER = 2;

/** Appends sentences, file by file, to new columns; dictionaries may continue earlier ones. */
export class SentenceColumnsBuilder {
  readonly #file = new Growable(Int32Array);
  readonly #position = new Growable(Int32Array);
  readonly #lineStart = new Growable(Int32Array);
  readonly #lineEnd = new Growable(Int32Array);
  readonly #start = new Growable(Int32Array);
  readonly #end = new Growable(Int32Array);
  readonly #text = new Growable(Int32Array);
  readonly #flags = new Growable(Uint8Array);
  readonly #tokenStart = new Growable(Int32Array);
  readonly #tokenStem = new Growable(Int32Array, 1 << 16);
  readonly #tokenWord = new Growable(Int32Array, 1 << 16);
  readonly #tokenFlags = new Growable(Uint8Array, 1 << 16);
  readonly #texts = new StringColumnBuilder();
  readonly stems: Dictionary;
  readonly words: Dictionary;

  constructor(dictionaries?: { stems: Dictionary; words: Dictionary }) {
    this.stems = dictionaries?.stems ?? new Dictionary();
    this.words = dictionaries?.words ?? new Dictionary();
  }

  get length(): number {
    return this.#file.length;
  }

  /** Appends one sentence of file `fileIndex` (its `quote` is the file's slice, not stored). */
  add(
    fileIndex: number,
    s: Pick<
      Sentence,
      'position' | 'lines' | 'offsets' | 'quote' | 'text' | 'words' | 'stems' | 'stop' | 'proper'
    > &
      Pick<TokenFeatures, 'hasVerb' | 'shape'>,
  ): void {
    this.#file.push(fileIndex);
    this.#position.push(s.position);
    this.#lineStart.push(s.lines.start);
    this.#lineEnd.push(s.lines.end);
    this.#start.push(s.offsets.start);
    this.#end.push(s.offsets.end);
    this.#text.push(s.text === s.quote ? -1 : this.#texts.push(s.text));
    this.#flags.push((s.shape & 127) | (s.hasVerb ? HAS_VERB : 0));
    this.#tokenStart.push(this.#tokenStem.length);
    for (let k = 0; k < s.stems.length; k++) {
      this.#tokenStem.push(this.stems.id(s.stems[k]!));
      this.#tokenWord.push(this.words.id(s.words[k]!));
      this.#tokenFlags.push((s.stop[k] ? STOP : 0) | (s.proper[k] ? PROPER : 0));
    }
  }

  /** Appends rows `from..to` of finished columns (a file's sentences carried over unchanged). */
  copy(from: SentenceColumns, first: number, last: number, fileIndex: number): void {
    for (let i = first; i < last; i++) {
      this.#file.push(fileIndex);
      this.#position.push(from.position[i]!);
      this.#lineStart.push(from.lineStart[i]!);
      this.#lineEnd.push(from.lineEnd[i]!);
      this.#start.push(from.start[i]!);
      this.#end.push(from.end[i]!);
      const t = from.text[i]!;
      this.#text.push(t < 0 ? -1 : this.#texts.push(stringAt(from.texts, t)));
      this.#flags.push(from.flags[i]!);
      this.#tokenStart.push(this.#tokenStem.length);
      const a = from.tokenStart[i]!;
      const b = from.tokenStart[i + 1]!;
      this.#tokenStem.append(from.tokenStem.subarray(a, b));
      this.#tokenWord.append(from.tokenWord.subarray(a, b));
      this.#tokenFlags.append(from.tokenFlags.subarray(a, b));
    }
  }

  finish(): SentenceColumns {
    const tokenStart = new Growable(Int32Array, this.#tokenStart.length + 1);
    tokenStart.append(this.#tokenStart.finish());
    tokenStart.push(this.#tokenStem.length);
    return {
      file: this.#file.finish(),
      position: this.#position.finish(),
      lineStart: this.#lineStart.finish(),
      lineEnd: this.#lineEnd.finish(),
      start: this.#start.finish(),
      end: this.#end.finish(),
      text: this.#text.finish(),
      flags: this.#flags.finish(),
      tokenStart: tokenStart.finish(),
      tokenStem: this.#tokenStem.finish(),
      tokenWord: this.#tokenWord.finish(),
      tokenFlags: this.#tokenFlags.finish(),
      texts: this.#texts.finish(),
      stems: this.stems.finish(),
      words: this.words.finish(),
    };
  }
}

/** Number of sentences in columns. */
export function sentenceCount(cols: SentenceColumns): number {
  return cols.file.length;
}

/**
 * What sentence views read besides the columns: the file ids and texts (decoded once per file by
 * the caller's cache) and the dictionaries' strings (decoded once per thread).
 */
export class SentenceSource {
  readonly cols: SentenceColumns;
  readonly #fileId: (fileIndex: number) => string;
  readonly #fileText: (fileIndex: number) => string;
  #stems: string[] | undefined;
  #words: string[] | undefined;
  #stemFlags: Uint8Array | undefined;
  #wordDigits: Uint8Array | undefined;

  constructor(
    cols: SentenceColumns,
    fileId: (fileIndex: number) => string,
    fileText: (fileIndex: number) => string,
  ) {
    this.cols = cols;
    this.#fileId = fileId;
    this.#fileText = fileText;
  }

  get length(): number {
    return this.cols.file.length;
  }

  fileId(fileIndex: number): string {
    return this.#fileId(fileIndex);
  }

  fileText(fileIndex: number): string {
    return this.#fileText(fileIndex);
  }

  /** Every stem, by id. */
  stems(): readonly string[] {
    return (this.#stems ??= decodeStrings(this.cols.stems));
  }

  /** Every word, by id. */
  words(): readonly string[] {
    return (this.#words ??= decodeStrings(this.cols.words));
  }

  /** Per stem id: bit 0 letters or digits, bit 1 a content term (see `isContentTerm`). */
  stemFlags(): Uint8Array {
    if (this.#stemFlags) return this.#stemFlags;
    const stems = this.stems();
    const out = new Uint8Array(stems.length);
    const ALNUM = /[\p{L}\p{N}]/u;
    const DIGIT = /\d/u;
    stems.forEach((t, id) => {
      const alnum = ALNUM.test(t);
      const content = alnum && (t.length >= 2 || DIGIT.test(t));
      out[id] = (alnum ? 1 : 0) | (content ? 2 : 0);
    });
    return (this.#stemFlags = out);
  }

  /** Per word id: 1 when the word has a digit (a number token, kept for fact matching). */
  wordDigits(): Uint8Array {
    if (this.#wordDigits) return this.#wordDigits;
    const words = this.words();
    const out = new Uint8Array(words.length);
    words.forEach((w, id) => (out[id] = /\d/u.test(w) ? 1 : 0));
    return (this.#wordDigits = out);
  }

  /** A view of row `row` as a `Sentence` with id `id` (and file index, when renumbered). */
  sentence(row: number, id = row, fileIndex = this.cols.file[row]!): Sentence {
    return new ColumnSentence(this, row, id, fileIndex);
  }
}

/** One sentence read from the columns; fields are computed when read. */
export class ColumnSentence implements Sentence {
  readonly id: number;
  readonly fileIndex: number;
  readonly source: SentenceSource;
  readonly row: number;
  #quote: string | undefined;
  #text: string | undefined;
  #stems: string[] | undefined;
  #words: string[] | undefined;
  #stop: boolean[] | undefined;
  #proper: boolean[] | undefined;

  constructor(source: SentenceSource, row: number, id: number, fileIndex: number) {
    this.source = source;
    this.row = row;
    this.id = id;
    this.fileIndex = fileIndex;
  }

  /** The same row under another id (and file index): a story's own numbering. */
  renumbered(id: number, fileIndex = this.fileIndex): ColumnSentence {
    return new ColumnSentence(this.source, this.row, id, fileIndex);
  }

  get file(): string {
    return this.source.fileId(this.source.cols.file[this.row]!);
  }

  get position(): number {
    return this.source.cols.position[this.row]!;
  }

  get lines(): { start: number; end: number } {
    const c = this.source.cols;
    return { start: c.lineStart[this.row]!, end: c.lineEnd[this.row]! };
  }

  get offsets(): { start: number; end: number } {
    const c = this.source.cols;
    return { start: c.start[this.row]!, end: c.end[this.row]! };
  }

  get quote(): string {
    if (this.#quote !== undefined) return this.#quote;
    const c = this.source.cols;
    const text = this.source.fileText(c.file[this.row]!);
    return (this.#quote = text.slice(c.start[this.row]!, c.end[this.row]!));
  }

  get text(): string {
    if (this.#text !== undefined) return this.#text;
    const t = this.source.cols.text[this.row]!;
    return (this.#text = t < 0 ? this.quote : stringAt(this.source.cols.texts, t));
  }

  get hasVerb(): boolean {
    return (this.source.cols.flags[this.row]! & HAS_VERB) !== 0;
  }

  get shape(): number {
    return this.source.cols.flags[this.row]! & 127;
  }

  #tokens(): [number, number] {
    const c = this.source.cols;
    return [c.tokenStart[this.row]!, c.tokenStart[this.row + 1]!];
  }

  get words(): string[] {
    if (this.#words) return this.#words;
    const [a, b] = this.#tokens();
    const dict = this.source.words();
    const ids = this.source.cols.tokenWord;
    const out = new Array<string>(b - a);
    for (let k = a; k < b; k++) out[k - a] = dict[ids[k]!]!;
    return (this.#words = out);
  }

  get stems(): string[] {
    if (this.#stems) return this.#stems;
    const [a, b] = this.#tokens();
    const dict = this.source.stems();
    const ids = this.source.cols.tokenStem;
    const out = new Array<string>(b - a);
    for (let k = a; k < b; k++) out[k - a] = dict[ids[k]!]!;
    return (this.#stems = out);
  }

  get stop(): boolean[] {
    if (this.#stop) return this.#stop;
    const [a, b] = this.#tokens();
    const f = this.source.cols.tokenFlags;
    const out = new Array<boolean>(b - a);
    for (let k = a; k < b; k++) out[k - a] = (f[k]! & STOP) !== 0;
    return (this.#stop = out);
  }

  get proper(): boolean[] {
    if (this.#proper) return this.#proper;
    const [a, b] = this.#tokens();
    const f = this.source.cols.tokenFlags;
    const out = new Array<boolean>(b - a);
    for (let k = a; k < b; k++) out[k - a] = (f[k]! & PROPER) !== 0;
    return (this.#proper = out);
  }
}

/** The flags of a token column (bit 0 stop, bit 1 proper). */
export const TOKEN_FLAGS = { stop: STOP, proper: PROPER } as const;

/** A sentence read from columns, or undefined for a plain object (posted documents, tests). */
export function columnSentence(s: Sentence): ColumnSentence | undefined {
  return s instanceof ColumnSentence ? s : undefined;
}

/** Sentence `s` under another id (and file index): a view for a column sentence, a copy otherwise. */
export function renumbered(s: Sentence, id: number, fileIndex = s.fileIndex): Sentence {
  return s instanceof ColumnSentence ? s.renumbered(id, fileIndex) : { ...s, id, fileIndex };
}
