import { idf, type TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { analyzeWithEntities, stemOf, type TokenTable } from '../text/index.js';

/** Most characteristic stems of a cluster: frequency in the cluster × idf in the corpus. */
export function keywordsOf(
  ids: readonly number[],
  index: TermIndex,
): { term: number; score: number }[] {
  const tf = new Map<number, number>();
  for (const id of ids) for (const t of index.content[id]!) tf.set(t, (tf.get(t) ?? 0) + 1);
  return [...tf]
    .filter(([, n]) => n >= 2 || ids.length < 3)
    .map(([term, n]) => ({ term, score: n * idf(index, term) }))
    .sort((a, b) => b.score - a.score || a.term - b.term);
}

/** Most frequent surface word of each stem in the given sentences. */
export function surfaceWords(
  ids: readonly number[],
  sentences: readonly Sentence[],
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of ids) {
    const s = sentences[id]!;
    s.stems.forEach((st, i) => {
      let m = counts.get(st);
      if (!m) counts.set(st, (m = new Map()));
      const w = s.words[i]!;
      m.set(w, (m.get(w) ?? 0) + 1);
    });
  }
  const out = new Map<string, string>();
  for (const [st, m] of counts)
    out.set(st, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const LINK = new Set(['of', 'on', 'and', 'for', 'in', 'against', 'over']);
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
 * Leading stacked adjectives are trimmed to one; hyphenated compounds stay whole ("full-scale
 * invasion", "state-backed app"); phrases without a noun outside a date or quantity are dropped.
 */
export function nounChunks(
  t: TokenTable & { entities: { type: string; first: number; last: number }[] },
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
    if (b0 === a1 + 2 && LINK.has(values[a1 + 1]!.toLowerCase())) chunks.push([a0, b1]);
  }
  const out: [number, number][] = [];
  for (const chunk of chunks) {
    let i = chunk[0];
    const j = chunk[1];
    while (i <= j && pos[i] === 'ADJ' && j - i >= 1 && pos[i + 1] === 'ADJ') i++;
    while (i >= 2 && values[i - 1] === '-' && spaces[i - 1] === '' && spaces[i] === '') i -= 2;
    const n = j - i + 1;
    if (n < 1 || n > 7) continue;
    if (!pos.slice(i, j + 1).some((p, k) => (p === 'NOUN' || p === 'PROPN') && !quantity[i + k]))
      continue;
    out.push([i, j]);
  }
  return out;
}

/**
 * A key phrase for a cluster: the noun phrase (wink-nlp part-of-speech tags) from the cluster's
 * most central sentences whose content words carry the most keyword weight and that recurs most
 * across the cluster; shown exactly as it is written in the source.
 */
export function labelOf(
  ids: readonly number[],
  sentences: readonly Sentence[],
  index: TermIndex,
  kw: Map<number, number>,
): string {
  const centrality = (id: number) => {
    let s = 0;
    for (const t of index.content[id]!) s += kw.get(t) ?? 0;
    return s / Math.sqrt(index.content[id]!.length + 1);
  };
  const central = [...ids].sort((a, b) => centrality(b) - centrality(a) || a - b).slice(0, 4);
  const clusterText = ids.map((id) => sentences[id]!.text.toLowerCase()).join('\n');
  let best: { text: string; value: number } | undefined;
  for (const id of central) {
    const text = sentences[id]!.text;
    const t = analyzeWithEntities(text);
    for (const [i, j] of nounChunks(t)) {
      let weight = 0;
      for (let k = i; k <= j; k++) {
        const term = index.vocab.get(stemOf(t.values[k]!));
        if (term !== undefined) weight += kw.get(term) ?? 0;
      }
      if (weight <= 0) continue;
      const n = j - i + 1;
      const surface = text.slice(t.starts[i]!, t.starts[j]! + t.values[j]!.length);
      const recurrence = clusterText.split(surface.toLowerCase()).length - 1;
      const value =
        ((weight * (1 + Math.log(Math.max(1, recurrence)))) / Math.pow(n, 0.5)) *
        (n === 1 ? 0.4 : 1);
      if (!best || value > best.value || (value === best.value && surface < best.text))
        best = { text: surface, value };
    }
  }
  return (
    best?.text ??
    [...kw.keys()]
      .slice(0, 3)
      .map((t) => index.terms[t])
      .join(', ')
  );
}
