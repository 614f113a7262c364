import { nlp, nlpWithEntities } from './nlp.js';

/**
 * The tokens of a text as parallel arrays, each with its exact offset in the analysed string,
 * and the sentences as inclusive token ranges. Compact records, not wink `Doc` objects (which
 * cost ~11 MB of heap per MB of text).
 */
export interface TokenTable {
  /** Token texts, exactly as in the source. */
  readonly values: readonly string[];
  /** Offset of each token in the analysed text (UTF-16, 0-based). */
  readonly starts: readonly number[];
  /** Whitespace before each token. */
  readonly spaces: readonly string[];
  /** wink token types: `word`, `number`, `punctuation`, `tabCRLF`, … */
  readonly types: readonly string[];
  /** Universal part-of-speech tags. */
  readonly pos: readonly string[];
  /** wink's normal forms (lower case, contractions expanded). */
  readonly normals: readonly string[];
  /** Stop-word flags. */
  readonly stops: readonly boolean[];
  /** Sentences as `[firstToken, lastToken]`, inclusive. */
  readonly sentences: readonly (readonly [number, number])[];
}

/** An entity wink recognised: its type (`DATE`, `CARDINAL`, …) and inclusive token range. */
export interface EntitySpan {
  readonly type: string;
  readonly first: number;
  readonly last: number;
}

/**
 * Offsets of tokens rebuilt from their preceding spaces and values (wink keeps no offsets); if the
 * tokenizer ever normalizes a value, the next occurrence is searched for, so spans stay exact.
 */
function tokenStarts(text: string, values: readonly string[], spaces: readonly string[]): number[] {
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = cursor + spaces[i]!.length;
    if (text.slice(at, at + v.length) !== v) {
      const found = text.indexOf(v, cursor);
      at = found >= 0 ? found : at;
    }
    starts[i] = at;
    cursor = at + v.length;
  }
  return starts;
}

function tableOf(
  w: ReturnType<typeof nlp>,
  text: string,
): { table: TokenTable; doc: ReturnType<ReturnType<typeof nlp>['readDoc']> } {
  const its = w.its;
  const doc = w.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const table: TokenTable = {
    values,
    spaces,
    starts: tokenStarts(text, values, spaces),
    types: tokens.out(its.type) as string[],
    pos: tokens.out(its.pos) as string[],
    normals: tokens.out(its.normal) as string[],
    stops: tokens.out(its.stopWordFlag) as unknown as boolean[],
    sentences: doc.sentences().out(its.span) as unknown as [number, number][],
  };
  return { table, doc };
}

/** Tokenizes, tags and sentence-splits one block of text (a paragraph, a query). */
export function analyze(text: string): TokenTable {
  return tableOf(nlp(), text).table;
}

/** `analyze` plus the entities wink recognises (slower: used for the few sentences labels read). */
export function analyzeWithEntities(text: string): TokenTable & { entities: EntitySpan[] } {
  const w = nlpWithEntities();
  const { table, doc } = tableOf(w, text);
  const types = doc.entities().out(w.its.type) as string[];
  const spans = doc.entities().out(w.its.span) as unknown as [number, number][];
  return {
    ...table,
    entities: spans.map(([first, last], k) => ({ type: types[k]!, first, last })),
  };
}
