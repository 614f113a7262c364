import type { TokenTable } from '../text/index.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const LINK = new Set(['of', 'on', 'and', 'for', 'in', 'against', 'over']);
/**
 * Adjectives that point at the text around them rather than name anything ("the following
 * table", "the previous siblings", "other frameworks"): a label does not open with them.
 */
const DEICTIC = new Set(
  'following above below previous next same other such certain various several given respective latter former first last more most own many much few less least'.split(
    ' ',
  ),
);
const QUANTITY_ENTITIES = new Set([
  'DATE',
  'TIME',
  'DURATION',
  'CARDINAL',
  'ORDINAL',
  'PERCENT',
  'MONEY',
]);

/**
 * Noun-phrase chunks of a tagged text as inclusive token ranges: maximal runs of adjectives,
 * nouns, proper nouns and numbers, and two runs joined by one linking word ("of", "on", "and", …).
 * Leading stacked adjectives are trimmed to one, and an adjective that points at the text around
 * ("following", "previous", "other") is dropped; hyphenated compounds stay whole ("full-scale
 * invasion", "state-backed app"); phrases without a noun outside a date or quantity are dropped.
 */
export function nounChunks(
  t: TokenTable & { entities: readonly { type: string; first: number; last: number }[] },
): [number, number][] {
  const { values, spaces, pos } = t;
  // Tokens inside dates, times, durations and quantities: a label made only of them names no story.
  const quantity = new Uint8Array(values.length);
  for (const e of t.entities)
    if (QUANTITY_ENTITIES.has(e.type)) for (let k = e.first; k <= e.last; k++) quantity[k] = 1;
  const runs: [number, number][] = [];
  for (let i = 0; i < values.length;) {
    if (!NOMINAL.has(pos[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < values.length && NOMINAL.has(pos[j + 1]!)) j++;
    runs.push([i, j]);
    i = j + 1;
  }
  const chunks: [number, number][] = [...runs];
  for (let r = 0; r + 1 < runs.length; r++) {
    const [a0, a1] = runs[r]!;
    const [b0, b1] = runs[r + 1]!;
    // "Abu Ghraib prison" + "in Iraq", but not "donation" + "on Saturday": what is joined must
    // name something, not a date or an amount.
    const named = pos
      .slice(b0, b1 + 1)
      .some((p, k) => (p === 'NOUN' || p === 'PROPN') && !quantity[b0 + k]);
    if (b0 === a1 + 2 && named && LINK.has(values[a1 + 1]!.toLowerCase())) chunks.push([a0, b1]);
  }
  const out: [number, number][] = [];
  for (const chunk of chunks) {
    let i = chunk[0];
    let j = chunk[1];
    // A trailing date or amount after a linking word is not part of a name ("London on July 7"
    // → "London"); a number that belongs to a name stays ("Flight 447").
    let q = j;
    while (q > i && quantity[q]) q--;
    if (q < j && q > i && LINK.has(values[q]!.toLowerCase())) j = q - 1;
    while (i <= j && pos[i] === 'ADJ' && j - i >= 1 && pos[i + 1] === 'ADJ') i++;
    while (i < j && pos[i] === 'ADJ' && DEICTIC.has(values[i]!)) i++;
    while (i >= 2 && values[i - 1] === '-' && spaces[i - 1] === '' && spaces[i] === '') i -= 2;
    const n = j - i + 1;
    if (n < 1 || n > 7) continue;
    if (!pos.slice(i, j + 1).some((p, k) => (p === 'NOUN' || p === 'PROPN') && !quantity[i + k]))
      continue;
    out.push([i, j]);
  }
  return out;
}
