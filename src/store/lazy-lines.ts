import v8 from 'node:v8';
import type { ClassifiedLine, LineTable } from '../core/classify/index.js';
import { LruMap } from '../core/shared/lru.js';
import { type Packed, pack, unpack } from './columns.js';

/**
 * A file's classified lines stored as bytes of their own (`v8.serialize` of the columnar
 * encoding), so a reader decodes the lines of the files it is asked about, not all of them: the
 * main thread decodes a file's lines when `/v1/documents/{file}/lines` first asks, not 400,000
 * lines at every swap (at 10,000 articles that decoding held the event loop for a second).
 * A line's text is stored only when it is not the slice of its file between its offsets.
 */

/** Encodes one file's lines. */
export function encodeLines(lines: readonly ClassifiedLine[], text: string): Uint8Array {
  const slim = lines.map((l) =>
    l.text === text.slice(l.start, l.end) ? { ...l, text: undefined } : l,
  );
  return v8.serialize(pack(slim));
}

/** Decodes one file's lines (texts restored from the file's text). */
export function decodeLines(bytes: Uint8Array, text: string): ClassifiedLine[] {
  const lines = unpack(v8.deserialize(bytes) as Packed) as {
    start: number;
    end: number;
    text?: string;
  }[];
  for (const l of lines) if (l.text === undefined) l.text = text.slice(l.start, l.end);
  return lines as unknown as ClassifiedLine[];
}

/** Files whose decoded lines are kept (the most recently asked). */
const KEPT = 256;

/** A line table decoding each file's lines on first use (recently used ones kept). */
export class LazyLineTable implements LineTable {
  readonly #bytes: ReadonlyMap<string, Uint8Array>;
  readonly #texts: ReadonlyMap<string, string>;
  readonly #decoded = new LruMap<string, readonly ClassifiedLine[]>(KEPT);

  constructor(bytes: ReadonlyMap<string, Uint8Array>, texts: ReadonlyMap<string, string>) {
    this.#bytes = bytes;
    this.#texts = texts;
  }

  get(id: string): readonly ClassifiedLine[] | undefined {
    let lines = this.#decoded.get(id);
    if (lines) return lines;
    const bytes = this.#bytes.get(id);
    if (!bytes) return undefined;
    lines = decodeLines(bytes, this.#texts.get(id) ?? '');
    this.#decoded.set(id, lines);
    return lines;
  }

  has(id: string): boolean {
    return this.#bytes.has(id);
  }

  get size(): number {
    return this.#bytes.size;
  }

  *entries(): MapIterator<[string, readonly ClassifiedLine[]]> {
    for (const id of this.#bytes.keys()) yield [id, this.get(id)!];
  }

  keys(): MapIterator<string> {
    return this.#bytes.keys();
  }

  *values(): MapIterator<readonly ClassifiedLine[]> {
    for (const id of this.#bytes.keys()) yield this.get(id)!;
  }

  forEach(
    fn: (value: readonly ClassifiedLine[], key: string, map: LineTable) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, lines] of this.entries()) fn.call(thisArg, lines, id, this);
  }

  [Symbol.iterator](): MapIterator<[string, readonly ClassifiedLine[]]> {
    return this.entries();
  }
}
