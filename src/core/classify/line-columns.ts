import { LineKindSchema, LineReasonSchema } from '../../../schemas/document.js';
import {
  Growable,
  type StringColumn,
  StringColumnBuilder,
  stringAt,
} from '../shared/shared-arrays.js';
import type { LinePointer } from '../../../schemas/document.js';
import type { ClassifiedLine } from './classify-lines.js';

/**
 * The classified lines of a corpus as columns: per line its offsets, kind and reason (as
 * indexes into the schema's enumerations), and per file where its lines start and, when its
 * parser could not read it, why it was read as stripped text instead. A line's number is its
 * place in its file; its text is the slice of the file between its offsets.
 */
export interface LineColumns {
  /** Per file its first line; `[files]` is the number of lines. */
  readonly fileStart: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Index into `LineKindSchema.options`. */
  readonly kind: Uint8Array;
  /** 0 for no reason, else 1 + index into `LineReasonSchema.options`. */
  readonly reason: Uint8Array;
  /**
   * Per file: why it was read as text with its markup stripped instead of by its parser
   * (`ParsedDocument.fallback`), or the empty string when it was not.
   */
  readonly fallback: StringColumn;
  /**
   * Per line, the line of another file a `duplicate` copies, as `file NUL line` (1-based), else
   * `''`. By file id, not index: a kept file's rows stay true when files before it come and go.
   */
  readonly origin: StringColumn;
}

/** A line's origin as stored in {@link LineColumns.origin}. */
function originKey(original: LinePointer | undefined): string {
  return original ? `${original.file}\u0000${original.line}` : '';
}

/** The origin of line row `i` (undefined when it copies nothing). */
export function originAt(cols: LineColumns, i: number): LinePointer | undefined {
  if (cols.origin.offsets[i] === cols.origin.offsets[i + 1]) return undefined;
  const key = stringAt(cols.origin, i);
  const cut = key.lastIndexOf('\u0000');
  return { file: key.slice(0, cut), line: Number(key.slice(cut + 1)) };
}

const KINDS = LineKindSchema.options;
const REASONS = LineReasonSchema.options;
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const REASON_CODE = new Map(REASONS.map((r, i) => [r, i + 1]));

/** Appends the lines of files, in file order. */
export class LineColumnsBuilder {
  readonly #fileStart = new Growable(Int32Array);
  readonly #start = new Growable(Int32Array, 1 << 14);
  readonly #end = new Growable(Int32Array, 1 << 14);
  readonly #kind = new Growable(Uint8Array, 1 << 14);
  readonly #reason = new Growable(Uint8Array, 1 << 14);
  readonly #fallback = new StringColumnBuilder();
  readonly #origin = new StringColumnBuilder();

  /** Appends the lines of the next file, with why it was read as stripped text if it was. */
  add(lines: readonly ClassifiedLine[], fallback?: string): void {
    this.#fileStart.push(this.#start.length);
    this.#fallback.push(fallback ?? '');
    for (const l of lines) {
      this.#start.push(l.start);
      this.#end.push(l.end);
      this.#kind.push(KIND_CODE.get(l.kind)!);
      this.#reason.push(l.reason ? REASON_CODE.get(l.reason)! : 0);
      this.#origin.push(originKey(l.original));
    }
  }

  /** Appends file `file`'s lines of finished columns. */
  copy(from: LineColumns, file: number): void {
    this.#fileStart.push(this.#start.length);
    this.#fallback.push(stringAt(from.fallback, file));
    const a = from.fileStart[file]!;
    const b = from.fileStart[file + 1]!;
    this.#start.append(from.start.subarray(a, b));
    this.#end.append(from.end.subarray(a, b));
    this.#kind.append(from.kind.subarray(a, b));
    this.#reason.append(from.reason.subarray(a, b));
    for (let i = a; i < b; i++)
      this.#origin.push(
        from.origin.offsets[i] === from.origin.offsets[i + 1] ? '' : stringAt(from.origin, i),
      );
  }

  finish(): LineColumns {
    this.#fileStart.push(this.#start.length);
    return {
      fileStart: this.#fileStart.finish(),
      start: this.#start.finish(),
      end: this.#end.finish(),
      kind: this.#kind.finish(),
      reason: this.#reason.finish(),
      fallback: this.#fallback.finish(),
      origin: this.#origin.finish(),
    };
  }
}

/** The classified lines of file `file` (texts sliced from `text`). */
export function linesOf(cols: LineColumns, file: number, text: string): ClassifiedLine[] {
  const a = cols.fileStart[file]!;
  const b = cols.fileStart[file + 1]!;
  const out = new Array<ClassifiedLine>(b - a);
  for (let i = a; i < b; i++) {
    const start = cols.start[i]!;
    const end = cols.end[i]!;
    const line: ClassifiedLine = {
      number: i - a + 1,
      start,
      end,
      text: text.slice(start, end),
      kind: KINDS[cols.kind[i]!]!,
    };
    const r = cols.reason[i]!;
    const original = originAt(cols, i);
    out[i - a] = r ? { ...line, reason: REASONS[r - 1]!, ...(original ? { original } : {}) } : line;
  }
  return out;
}

/** Why file `file` was read as stripped text instead of by its parser, or undefined. */
export function fallbackOf(cols: LineColumns, file: number): string | undefined {
  return stringAt(cols.fallback, file) || undefined;
}

/** Number of lines of file `file`. */
export function lineCountOf(cols: LineColumns, file: number): number {
  return cols.fileStart[file + 1]! - cols.fileStart[file]!;
}

/** Whether two files' lines have the same kinds, reasons and offsets. */
export function sameLines(a: LineColumns, fa: number, lines: readonly ClassifiedLine[]): boolean {
  const from = a.fileStart[fa]!;
  if (a.fileStart[fa + 1]! - from !== lines.length) return false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const k = from + i;
    if (
      a.start[k] !== l.start ||
      a.end[k] !== l.end ||
      KINDS[a.kind[k]!] !== l.kind ||
      (a.reason[k] ? REASONS[a.reason[k]! - 1] : undefined) !== l.reason ||
      originKey(originAt(a, k)) !== originKey(l.original)
    )
      return false;
  }
  return true;
}

/** Counts of a file's lines by kind and of its non-blank lines by reason (its document info). */
export function lineCounts(
  cols: LineColumns,
  file: number,
): { counts: Record<(typeof KINDS)[number], number>; reasons: Record<string, number> } {
  const counts = { content: 0, heading: 0, boilerplate: 0, duplicate: 0, blank: 0 };
  const reasons: Record<string, number> = {};
  for (let i = cols.fileStart[file]!; i < cols.fileStart[file + 1]!; i++) {
    const kind = KINDS[cols.kind[i]!]!;
    counts[kind]++;
    const r = cols.reason[i]!;
    if (r && kind !== 'blank') {
      const name = REASONS[r - 1]!;
      reasons[name] = (reasons[name] ?? 0) + 1;
    }
  }
  return { counts, reasons };
}

const DUPLICATE = KIND_CODE.get('duplicate')!;
const CONTENT = KIND_CODE.get('content')!;

/**
 * The file that file `file` wholly copies: it has duplicates of that one file's lines and no
 * content line of its own. Undefined otherwise.
 */
export function copyOfFile(cols: LineColumns, file: number): string | undefined {
  let original: string | undefined;
  for (let i = cols.fileStart[file]!; i < cols.fileStart[file + 1]!; i++) {
    if (cols.kind[i] === CONTENT) return undefined;
    if (cols.kind[i] !== DUPLICATE) continue;
    const o = originAt(cols, i);
    if (!o) continue;
    if (original !== undefined && original !== o.file) return undefined;
    original = o.file;
  }
  return original;
}

/** Per original file id, the files (by index, in order) that hold duplicates of its lines. */
export function copiersByOriginal(cols: LineColumns, files: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let f = 0; f < files; f++)
    for (let i = cols.fileStart[f]!; i < cols.fileStart[f + 1]!; i++) {
      if (cols.kind[i] !== DUPLICATE) continue;
      const o = originAt(cols, i);
      if (!o) continue;
      const list = out.get(o.file) ?? out.set(o.file, []).get(o.file)!;
      if (list[list.length - 1] !== f) list.push(f);
    }
  return out;
}
