import v8 from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../src/store/columns.js';

/** Encodes, serializes, deserializes and decodes, as a snapshot does. */
function roundTrip(value: unknown): unknown {
  return unpack(v8.deserialize(v8.serialize(pack(value))));
}

describe('the columnar encoding', () => {
  it('round-trips records with optional keys in their own key order', () => {
    const rows = [
      { number: 1, start: 0, end: 3, text: 'abc', kind: 'content' },
      { number: 2, start: 4, end: 4, text: '', kind: 'blank', reason: 'blank' },
      { kind: 'heading', number: 3, start: 5, end: 9, text: 'Head' },
    ];
    const back = roundTrip(rows) as typeof rows;
    expect(back).toEqual(rows);
    expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
    expect('reason' in back[0]!).toBe(false);
  });

  it('keeps typed arrays their type, -0 and non-integers exact, and maps and sets in order', () => {
    const value = {
      content: [Int32Array.of(1, 2, 3), Int32Array.of(), Int32Array.of(7)],
      concepts: [Float64Array.of(1e10, 2.5)],
      numbers: [0, -0, 1.5, 2 ** 40, -7],
      flags: [true, false, true],
      vocab: new Map([
        ['b', 1],
        ['a', 0],
      ]),
      seen: new Set(['x', 'y']),
      nested: { lines: { start: 1, end: 2 }, maybe: undefined, none: null },
      mixed: [1, 'a', null, { x: 1 }],
      optional: [1, undefined, 3],
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.content[0]).toBeInstanceOf(Int32Array);
    expect(Object.is(back.numbers[1], -0)).toBe(true);
    expect([...back.vocab.keys()]).toEqual(['b', 'a']);
  });

  it('refuses functions and class instances, naming where they are', () => {
    expect(() => pack({ a: [{ f: () => 1 }] })).toThrow(
      /\$\.a\[\]\.f\[0\]: a function cannot be persisted/,
    );
    expect(() => pack({ when: new Date() })).toThrow(/\$\.when: an instance of Date/);
  });

  it('round-trips any JSON-like data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(roundTrip(value)).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips arrays of records with random optional fields (property)', () => {
    const record = fc.record(
      {
        id: fc.integer(),
        file: fc.string(),
        score: fc.double({ noNaN: true }),
        tags: fc.array(fc.string()),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.array(record), (rows) => {
        const back = roundTrip(rows) as typeof rows;
        expect(back).toEqual(rows);
        expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
      }),
      { numRuns: 500 },
    );
  });
});
