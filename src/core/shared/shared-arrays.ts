/**
 * The building blocks of the model's columns: typed arrays in shared memory
 * (`SharedArrayBuffer`), growable vectors that a builder appends to, and string tables (UTF-8
 * bytes plus offsets, the layout of an Arrow `Utf8` vector). A built column lives in a buffer of
 * its own and is handed to other threads as it is (postMessage shares a `SharedArrayBuffer`, it
 * never copies it); builders write new buffers and never touch a column once it is built.
 */

/** The typed arrays the model's columns use. */
export type NumericColumn =
  Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array | Float64Array | Float32Array;

type ColumnCtor<T extends NumericColumn> = {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * A copy of `values` in shared memory, exactly as long (a zero-length column still gets its own
 * buffer, so every column is shared alike).
 */
export function toShared<T extends NumericColumn>(values: T): T {
  if (values.buffer instanceof SharedArrayBuffer && values.byteOffset === 0) {
    if (values.byteLength === values.buffer.byteLength) return values;
  }
  const Ctor = values.constructor as ColumnCtor<T>;
  const sab = new SharedArrayBuffer(Math.max(values.byteLength, 0));
  const out = new Ctor(sab, 0, values.length);
  (out as unknown as { set(a: ArrayLike<number>): void }).set(values as ArrayLike<number>);
  return out;
}

/** A typed array that grows as a builder appends to it (doubling), finished into shared memory. */
export class Growable<T extends NumericColumn> {
  readonly #Ctor: ColumnCtor<T>;
  #data: T;
  #length = 0;

  constructor(Ctor: ColumnCtor<T>, capacity = 1024) {
    this.#Ctor = Ctor;
    this.#data = new Ctor(Math.max(16, capacity));
  }

  get length(): number {
    return this.#length;
  }

  #reserve(extra: number): void {
    const need = this.#length + extra;
    if (need <= this.#data.length) return;
    let size = this.#data.length * 2;
    while (size < need) size *= 2;
    const next = new this.#Ctor(size);
    (next as unknown as { set(a: ArrayLike<number>): void }).set(
      this.#data.subarray(0, this.#length) as ArrayLike<number>,
    );
    this.#data = next;
  }

  push(x: number): void {
    if (this.#length === this.#data.length) this.#reserve(1);
    this.#data[this.#length++] = x;
  }

  /** Appends every value of `xs`. */
  append(xs: ArrayLike<number>): void {
    this.#reserve(xs.length);
    (this.#data as unknown as { set(a: ArrayLike<number>, at: number): void }).set(
      xs,
      this.#length,
    );
    this.#length += xs.length;
  }

  get(i: number): number {
    return this.#data[i]!;
  }

  set(i: number, x: number): void {
    this.#data[i] = x;
  }

  /** The values so far, in shared memory (the builder may go on appending to its own copy). */
  finish(): T {
    return toShared(this.#data.subarray(0, this.#length) as T);
  }
}

/** A column of strings: UTF-8 bytes back to back and `n + 1` offsets (Arrow's `Utf8` layout). */
export interface StringColumn {
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Appends strings to a string column. */
export class StringColumnBuilder {
  readonly #offsets = new Growable(Int32Array);
  #bytes = new Uint8Array(1 << 16);
  #used = 0;

  constructor() {
    this.#offsets.push(0);
  }

  get length(): number {
    return this.#offsets.length - 1;
  }

  /** Appends one string; returns its index. */
  push(s: string): number {
    const room = this.#bytes.length - this.#used;
    if (room < s.length * 3) {
      let size = this.#bytes.length * 2;
      while (size - this.#used < s.length * 3) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.#bytes.subarray(0, this.#used));
      this.#bytes = next;
    }
    const { written } = utf8.encodeInto(s, this.#bytes.subarray(this.#used));
    this.#used += written;
    this.#offsets.push(this.#used);
    return this.length - 1;
  }

  finish(): StringColumn {
    return {
      offsets: this.#offsets.finish(),
      bytes: toShared(this.#bytes.subarray(0, this.#used)),
    };
  }
}

/** The `i`-th string of a column (decoded on every call: callers cache what they reread). */
export function stringAt(column: StringColumn, i: number): string {
  const { offsets, bytes } = column;
  return decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
}

/** Number of strings in a column. */
export function stringCount(column: StringColumn): number {
  return column.offsets.length - 1;
}

/**
 * An append-only dictionary of strings: equal strings share one id, ids count up from the
 * dictionary's first entry and never move (a later build appends, it never renumbers).
 */
export class Dictionary {
  readonly #ids = new Map<string, number>();
  readonly #strings: string[] = [];

  /** A dictionary that continues `earlier` (its ids kept). */
  static from(earlier: readonly string[]): Dictionary {
    const d = new Dictionary();
    for (const s of earlier) d.id(s);
    return d;
  }

  get size(): number {
    return this.#strings.length;
  }

  /** The id of `s`, appended when new. */
  id(s: string): number {
    let id = this.#ids.get(s);
    if (id === undefined) {
      id = this.#strings.length;
      this.#ids.set(s, id);
      this.#strings.push(s);
    }
    return id;
  }

  /** The id of `s`, or undefined. */
  find(s: string): number | undefined {
    return this.#ids.get(s);
  }

  string(id: number): string {
    return this.#strings[id]!;
  }

  /** Every string, by id. */
  strings(): readonly string[] {
    return this.#strings;
  }

  /** The dictionary as a string column. */
  finish(): StringColumn {
    const b = new StringColumnBuilder();
    for (const s of this.#strings) b.push(s);
    return b.finish();
  }
}

/** Every string of a column, decoded once (the reader's side of a {@link Dictionary}). */
export function decodeStrings(column: StringColumn): string[] {
  const n = stringCount(column);
  const out = new Array<string>(n);
  const { offsets, bytes } = column;
  for (let i = 0; i < n; i++) out[i] = decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
  return out;
}
