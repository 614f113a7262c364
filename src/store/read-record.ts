/**
 * What a computation read from a shared object, so its result can be reused while every value it
 * read is unchanged (dependency tracking, as build systems do it). Used for the classifier's
 * repetition counts: a file's verdicts depend on its own text and on the counts of the lines the
 * rules looked up, which another file's edit may change. Nothing here knows those rules: every
 * read is recorded, and anything that cannot be recorded precisely makes the result
 * unreusable.
 */

/** The reads of one computation: properties with primitive values and keys looked up in maps. */
export interface Reads {
  /** Top-level properties read, with the values they had. */
  readonly props: readonly (readonly [string, unknown])[];
  /** Per map-valued property: the keys looked up (`get`/`has`) and what `get` returned. */
  readonly lookups: readonly {
    readonly prop: string;
    readonly keys: readonly unknown[];
    readonly values: readonly unknown[];
  }[];
  /** Set when the computation read something that cannot be recorded key by key (it iterated a map, read an array). */
  readonly opaque?: true;
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** A read-only view of a map that records the keys looked up. */
function recordingMap(
  map: ReadonlyMap<unknown, unknown>,
  lookup: { keys: unknown[]; values: unknown[] },
  markOpaque: () => void,
): ReadonlyMap<unknown, unknown> {
  const seen = new Set<unknown>();
  const note = (key: unknown, value: unknown) => {
    if (seen.has(key)) return;
    seen.add(key);
    lookup.keys.push(key);
    lookup.values.push(value);
  };
  // Made once per view, not at every property read (the rules look lines up many times a file).
  const get = (key: unknown) => {
    const v = map.get(key);
    note(key, v);
    return v;
  };
  const has = (key: unknown) => {
    note(key, map.get(key));
    return map.has(key);
  };
  return new Proxy(map, {
    get(target, prop) {
      if (prop === 'get') return get;
      if (prop === 'has') return has;
      if (prop === 'size') {
        markOpaque();
        return target.size;
      }
      markOpaque();
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * A view of `source` that records every read, and the record so far. Primitive properties are
 * recorded with their values, map properties key by key; reading anything else marks the
 * record opaque.
 *
 * @example
 * const { view, reads } = recordReads(repetition)
 * const lines = classify(view) // later: readsHold(reads(), newRepetition) → reuse `lines`
 */
export function recordReads<T extends object>(source: T): { view: T; reads: () => Reads } {
  const props: [string, unknown][] = [];
  const lookups: { prop: string; keys: unknown[]; values: unknown[] }[] = [];
  const maps = new Map<string, ReadonlyMap<unknown, unknown>>();
  let opaque = false;
  const markOpaque = () => (opaque = true);
  const view = new Proxy(source, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof prop !== 'string') {
        markOpaque();
        return v;
      }
      if (isPrimitive(v)) {
        if (!props.some(([p]) => p === prop)) props.push([prop, v]);
        return v;
      }
      if (v instanceof Map) {
        let m = maps.get(prop);
        if (!m) {
          const lookup = { prop, keys: [] as unknown[], values: [] as unknown[] };
          lookups.push(lookup);
          maps.set(prop, (m = recordingMap(v, lookup, markOpaque)));
        }
        return m;
      }
      markOpaque();
      return v;
    },
  });
  return {
    view,
    reads: () => (opaque ? { props, lookups, opaque: true } : { props, lookups }),
  };
}

/** Whether every value a recorded computation read is the same in `source` (never for an opaque record). */
export function readsHold(reads: Reads, source: object): boolean {
  if (reads.opaque) return false;
  const s = source as Record<string, unknown>;
  for (const [prop, value] of reads.props) if (!Object.is(s[prop], value)) return false;
  for (const { prop, keys, values } of reads.lookups) {
    const map = s[prop];
    if (!(map instanceof Map)) return false;
    for (let i = 0; i < keys.length; i++) if (!Object.is(map.get(keys[i]), values[i])) return false;
  }
  return true;
}
