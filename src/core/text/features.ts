import type { TokenTable } from './analyze.js';
import { porter2 } from './nlp.js';
import { shapeOf } from './shape.js';

/** Word features of a token range: what the index and the summarizer read. */
export interface TokenFeatures {
  /** Lowercased word and number tokens (punctuation, symbols and possessive endings dropped). */
  readonly words: string[];
  /** Porter2 stems of `words`, same length. */
  readonly stems: string[];
  /** Stop-word flags of `words`, same length. */
  readonly stop: boolean[];
  /** Proper-noun flags of `words` (part-of-speech PROPN: names of people, places, organisations), same length. */
  readonly proper: boolean[];
  /** True when the range has a finite verb or auxiliary: fragments ("A new domestic alternative.") have none. */
  readonly hasVerb: boolean;
  /** Readability flags of the range (`SHAPE` bits): dangling openings, fragments, quotes, relative time. */
  readonly shape: number;
}

const LIMIT = 500_000;
const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < LIMIT) interned.set(s, s);
  return s;
}

const stemmed = new Map<string, string>();
/**
 * The lowercased Porter2 stem of a token's text (wink's `its.stem`), memoized: each distinct word
 * is stemmed once per process instead of once per occurrence (stemming was half the segmenter's time).
 */
export function stemOf(value: string): string {
  let s = stemmed.get(value);
  if (s === undefined) {
    s = intern(porter2(value).toLowerCase());
    if (stemmed.size < LIMIT) stemmed.set(value, s);
  }
  return s;
}

const POSSESSIVE_TOKEN = new Set(["'s", '’s', "'", '’']);

/**
 * Words, stems and stop flags of tokens `first..last` (inclusive), and whether they hold a verb.
 * Possessive endings are dropped from the word itself: wink-nlp learns unknown words as it reads
 * ("cafe's" is two tokens the first time and one token later in the same process), so dropping
 * the ending makes the features the same whatever was read before (same corpus → same output),
 * and the same for a corpus sentence and a query.
 */
export function featuresOf(t: TokenTable, first: number, last: number): TokenFeatures {
  const words: string[] = [];
  const stems: string[] = [];
  const stop: boolean[] = [];
  const proper: boolean[] = [];
  let hasVerb = false;
  for (let i = first; i <= last; i++) {
    const p = t.pos[i]!;
    if (p === 'VERB' || p === 'AUX') hasVerb = true;
    const type = t.types[i]!;
    if (type !== 'word' && type !== 'number') continue;
    let n = t.normals[i]!.toLowerCase();
    let v = t.values[i]!;
    if (POSSESSIVE_TOKEN.has(n)) continue;
    const possessive = /^(.+?)['’]s$/u.exec(n);
    if (possessive && /['’]s$/u.test(v)) {
      n = possessive[1]!;
      v = v.slice(0, -2);
    }
    words.push(intern(n));
    stems.push(stemOf(v));
    stop.push(Boolean(t.stops[i]));
    proper.push(p === 'PROPN');
  }
  return { words, stems, stop, proper, hasVerb, shape: shapeOf(t, first, last) };
}
