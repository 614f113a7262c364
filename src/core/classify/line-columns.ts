import { LineKindSchema, LineReasonSchema } from '../../../schemas/document.js';
import { Growable } from '../shared/shared-arrays.js';
import type { ClassifiedLine } from './classify-lines.js';

/**
 * The classified lines of a corpus as columns: per line its offsets, kind and reason (as
 * indexes into the schema's enumerations), and per file where its lines start. A line's number is
 * its place in its file; its text is the slice of the file between its offsets.
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

  /** Appends the lines of the next file. */
  add(lines: readonly ClassifiedLine[]): void {
    this.#fileStart.push(this.#start.length);
    for (const l of lines) {
      this.#start.push(l.start);
      this.#end.push(l.end);
      this.#kind.push(KIND_CODE.get(l.kind)!);
      this.#reason.push(l.reason ? REASON_CODE.get(l.reason)! : 0);
    }
  }

  /** Appends file `file`'s lines of finished columns. */
  copy(from: LineColumns, file: number): void {
    this.#fileStart.push(this.#start.length);
    const a = from.fileStart[file]!;
    const b = from.fileStart[file + 1]!;
    this.#start.append(from.start.subarray(a, b));
    this.#end.append(from.end.subarray(a, b));
    this.#kind.append(from.kind.subarray(a, b));
    this.#reason.append(from.reason.subarray(a, b));
  }

  finish(): LineColumns {
    this.#fileStart.push(this.#start.length);
    return {
      fileStart: this.#fileStart.finish(),
      start: this.#start.finish(),
      end: this.#end.finish(),
      kind: this.#kind.finish(),
      reason: this.#reason.finish(),
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
    out[i - a] = r ? { ...line, reason: REASONS[r - 1]! } : line;
  }
  return out;
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
      (a.reason[k] ? REASONS[a.reason[k]! - 1] : undefined) !== l.reason
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
  const counts = { content: 0, heading: 0, boilerplate: 0, blank: 0 };
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
