/**
 * A columnar encoding of plain data (struct of arrays), so that `v8.serialize` writes a model as a
 * few hundred large typed arrays instead of millions of small objects, and reading it back costs
 * little more than the objects it rebuilds. Generic: any plain data round-trips exactly (key
 * order, absent keys, -0, typed-array types), whatever fields the model's records gain; nothing
 * here knows the model. Arrays of records become one column per key; arrays of strings a
 * dictionary and ids; arrays of numbers one typed array; arrays of typed arrays one buffer with
 * lengths, read back as views. Functions and class instances are refused (they do not persist).
 */

/** A packed value: what `v8.serialize` stores. */
export type Packed =
  null | undefined | boolean | number | string | bigint | ArrayBufferView | PackedNode;

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;
type TypedArrayName =
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Float32Array'
  | 'Float64Array'
  | 'BigInt64Array'
  | 'BigUint64Array';

type PackedNode =
  | { $: 'obj'; v: Record<string, Packed> }
  | { $: 'map'; k: Column; v: Column }
  | { $: 'set'; v: Column }
  | { $: 'arr'; v: Column };

/** An encoded array. */
type Column =
  | { c: 'raw'; v: unknown[] }
  | { c: 'i32'; v: Int32Array }
  | { c: 'f64'; v: Float64Array }
  | { c: 'bool'; v: Uint8Array }
  | { c: 'str'; dict: string[]; ids: Uint32Array | Uint16Array }
  | { c: 'opt'; present: Uint8Array; v: Column }
  | { c: 'rec'; n: number; shapes: string[][]; shape?: Uint16Array; cols: Record<string, Column> }
  | { c: 'list'; lens: Uint32Array; v: Column }
  | { c: 'typed'; type: TypedArrayName; lens: Uint32Array; v: TypedArray };

const TYPED: Record<TypedArrayName, new (n: number) => TypedArray> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as unknown as Record<TypedArrayName, new (n: number) => TypedArray>;

/** Sets an own property, `__proto__` included (a plain assignment would set the prototype). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else obj[key] = value;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

function typedName(x: unknown): TypedArrayName | undefined {
  if (!ArrayBuffer.isView(x) || x instanceof DataView) return undefined;
  // A subclass (Node's Buffer is a Uint8Array) is stored as its typed-array type.
  for (const [name, ctor] of Object.entries(TYPED))
    if (x instanceof (ctor as unknown as typeof Uint8Array)) return name as TypedArrayName;
  return undefined;
}

function isInt32(x: number): boolean {
  return (x | 0) === x && !Object.is(x, -0);
}

/** The kind shared by every element of an array, or `mixed`. */
function kindOf(values: readonly unknown[]): string {
  let kind: string | undefined;
  let hasUndefined = false;
  for (const v of values) {
    if (v === undefined) {
      hasUndefined = true;
      continue;
    }
    const k =
      typeof v === 'object'
        ? v === null
          ? 'null'
          : Array.isArray(v)
            ? 'array'
            : isPlainObject(v)
              ? 'record'
              : (typedName(v) ?? 'other')
        : typeof v;
    if (kind === undefined) kind = k;
    else if (kind !== k) return 'mixed';
  }
  if (kind === undefined) return 'mixed';
  return hasUndefined ? `opt:${kind}` : kind;
}

/** Encodes an array as a column. */
function packColumn(values: readonly unknown[], path: string): Column {
  const kind = kindOf(values);
  if (kind.startsWith('opt:')) {
    const present = new Uint8Array(values.length);
    const kept: unknown[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) {
        present[i] = 1;
        kept.push(v);
      }
    });
    return { c: 'opt', present, v: packColumn(kept, path) };
  }
  switch (kind) {
    case 'number': {
      const nums = values as readonly number[];
      const ints = new Int32Array(nums.length);
      for (let i = 0; i < nums.length; i++) {
        const x = nums[i]!;
        if (!isInt32(x)) return { c: 'f64', v: Float64Array.from(nums) };
        ints[i] = x;
      }
      return { c: 'i32', v: ints };
    }
    case 'boolean': {
      const bits = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) if (values[i]) bits[i] = 1;
      return { c: 'bool', v: bits };
    }
    case 'string': {
      const dict: string[] = [];
      const idOf = new Map<string, number>();
      const ids = new Uint32Array(values.length);
      values.forEach((v, i) => {
        let id = idOf.get(v as string);
        if (id === undefined) {
          id = dict.length;
          idOf.set(v as string, id);
          dict.push(v as string);
        }
        ids[i] = id;
      });
      return { c: 'str', dict, ids: dict.length <= 0xffff ? Uint16Array.from(ids) : ids };
    }
    case 'record':
      return packRecords(values as Record<string, unknown>[], path);
    case 'array': {
      const arrays = values as unknown[][];
      const flat: unknown[] = [];
      for (const a of arrays) for (let i = 0; i < a.length; i++) flat.push(a[i]);
      return {
        c: 'list',
        lens: Uint32Array.from(arrays, (a) => a.length),
        v: packColumn(flat, path),
      };
    }
    default: {
      const type = typedName(values[0]);
      if (type && kind === type) {
        const arrays = values as TypedArray[];
        const lens = Uint32Array.from(arrays, (a) => a.length);
        const out = new TYPED[type](lens.reduce((n, l) => n + l, 0));
        let at = 0;
        for (const a of arrays) {
          (out as unknown as { set(a: ArrayLike<unknown>, at: number): void }).set(a, at);
          at += a.length;
        }
        return { c: 'typed', type, lens, v: out };
      }
      return { c: 'raw', v: values.map((v, i) => pack(v, `${path}[${i}]`)) };
    }
  }
}

function packRecords(rows: readonly Record<string, unknown>[], path: string): Column {
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shape = new Uint16Array(rows.length);
  const columns = new Map<string, unknown[]>();
  let last: string[] | undefined;
  let lastId = 0;
  let lastCols: unknown[][] = [];
  rows.forEach((row, r) => {
    const keys = Object.keys(row);
    // Rows of one shape follow each other: compare with the previous row's keys before hashing.
    let same = last !== undefined && keys.length === last.length;
    for (let i = 0; same && i < keys.length; i++) same = keys[i] === last![i];
    if (!same) {
      const sig = keys.join('\u0000');
      let id = shapeIds.get(sig);
      if (id === undefined) {
        id = shapes.length;
        if (id > 0xffff) throw new Error(`${path}: too many record shapes to encode`);
        shapeIds.set(sig, id);
        shapes.push(keys);
      }
      last = keys;
      lastId = id;
      lastCols = keys.map((k) => {
        let col = columns.get(k);
        if (!col) columns.set(k, (col = []));
        return col;
      });
    }
    shape[r] = lastId;
    for (let i = 0; i < keys.length; i++) lastCols[i]!.push(row[keys[i]!]);
  });
  const cols: Record<string, Column> = {};
  for (const [k, col] of columns) setOwn(cols, k, packColumn(col, `${path}[].${k}`));
  return shapes.length === 1
    ? { c: 'rec', n: rows.length, shapes, cols }
    : { c: 'rec', n: rows.length, shapes, shape, cols };
}

/**
 * Encodes plain data for `v8.serialize`. Throws on what cannot persist (a function, a class
 * instance), naming where it is.
 *
 * @example
 * v8.serialize(pack({ sentences })) // then unpack(v8.deserialize(bytes))
 */
export function pack(value: unknown, path = '$'): Packed {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
    case 'object':
      break;
    default:
      throw new Error(`${path}: a ${typeof value} cannot be persisted`);
  }
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return { $: 'arr', v: packColumn(value, path) };
  if (value instanceof Map)
    return {
      $: 'map',
      k: packColumn([...value.keys()], path),
      v: packColumn([...value.values()], path),
    };
  if (value instanceof Set) return { $: 'set', v: packColumn([...value], path) };
  if (!isPlainObject(value))
    throw new Error(
      `${path}: an instance of ${value.constructor?.name ?? 'a class'} cannot be persisted`,
    );
  const v: Record<string, Packed> = {};
  for (const [k, x] of Object.entries(value)) setOwn(v, k, pack(x, `${path}.${k}`));
  return { $: 'obj', v };
}

/** Decodes a column into an array-like of its values. */
function unpackColumn(col: Column): ArrayLike<unknown> {
  switch (col.c) {
    case 'raw':
      return col.v.map((x) => unpack(x as Packed));
    case 'i32':
    case 'f64':
      return col.v;
    case 'bool':
      return Array.from(col.v, (b) => b === 1);
    case 'str': {
      const { dict, ids } = col;
      const out = new Array<string>(ids.length);
      for (let i = 0; i < ids.length; i++) out[i] = dict[ids[i]!]!;
      return out;
    }
    case 'opt': {
      const kept = unpackColumn(col.v);
      const out = new Array<unknown>(col.present.length);
      let k = 0;
      for (let i = 0; i < out.length; i++) out[i] = col.present[i] ? kept[k++] : undefined;
      return out;
    }
    case 'list':
      return unpackLists(col);
    case 'typed': {
      const View = TYPED[col.type] as unknown as new (
        b: ArrayBufferLike,
        o: number,
        n: number,
      ) => TypedArray;
      const {
        buffer,
        byteOffset,
        BYTES_PER_ELEMENT: size,
      } = col.v as TypedArray & { BYTES_PER_ELEMENT: number };
      const out = new Array<TypedArray>(col.lens.length);
      let at = 0;
      for (let i = 0; i < out.length; i++) {
        const n = col.lens[i]!;
        out[i] = new View(buffer, byteOffset + at * size, n);
        at += n;
      }
      return out;
    }
    case 'rec':
      return unpackRecords(col);
  }
}

/** Decodes a column of arrays; strings and booleans straight from their ids, without a flat copy. */
function unpackLists(col: Extract<Column, { c: 'list' }>): unknown[][] {
  const { lens, v: inner } = col;
  const out = new Array<unknown[]>(lens.length);
  let at = 0;
  if (inner.c === 'str' || inner.c === 'bool') {
    const { dict, ids } = inner.c === 'str' ? inner : { dict: [false, true], ids: inner.v };
    for (let i = 0; i < out.length; i++) {
      const n = lens[i]!;
      const a = new Array<unknown>(n);
      for (let j = 0; j < n; j++) a[j] = dict[ids[at + j]!];
      out[i] = a;
      at += n;
    }
    return out;
  }
  const flat = unpackColumn(inner);
  for (let i = 0; i < out.length; i++) {
    const n = lens[i]!;
    const a = new Array<unknown>(n);
    for (let j = 0; j < n; j++) a[j] = flat[at + j];
    out[i] = a;
    at += n;
  }
  return out;
}

function unpackRecords(col: Extract<Column, { c: 'rec' }>): Record<string, unknown>[] {
  const keys = Object.keys(col.cols);
  const values = keys.map((k) => unpackColumn(col.cols[k]!));
  const slot = new Map(keys.map((k, i) => [k, i]));
  const shapes = col.shapes.map((s) => s.map((k) => slot.get(k)!));
  const cursor = new Uint32Array(keys.length);
  const out = new Array<Record<string, unknown>>(col.n);
  for (let r = 0; r < col.n; r++) {
    const shape = shapes[col.shape ? col.shape[r]! : 0]!;
    const row: Record<string, unknown> = {};
    for (const s of shape) setOwn(row, keys[s]!, values[s]![cursor[s]!++]);
    out[r] = row;
  }
  return out;
}

/** Decodes what {@link pack} encoded: equal data, same key order, same typed-array types. */
export function unpack(packed: Packed): unknown {
  if (packed === null || typeof packed !== 'object' || ArrayBuffer.isView(packed)) return packed;
  switch (packed.$) {
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(packed.v)) setOwn(out, k, unpack(x));
      return out;
    }
    case 'arr':
      return Array.from(unpackColumn(packed.v));
    case 'map': {
      const keys = unpackColumn(packed.k);
      const values = unpackColumn(packed.v);
      const out = new Map<unknown, unknown>();
      for (let i = 0; i < keys.length; i++) out.set(keys[i], values[i]);
      return out;
    }
    case 'set':
      return new Set(Array.from(unpackColumn(packed.v)));
  }
}
