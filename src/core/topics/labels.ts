import type { TermIndex } from '../index/index.js';
import type { Sentence } from '../segment/index.js';
import { analyze, analyzeWithEntities, stemOf, type TokenTable } from '../text/index.js';
import { isReaderLabel } from './label-shape.js';
import { type CorpusCounts, documentCounts, sharedTitle } from './shared-title.js';
import { nounChunks } from './noun-chunks.js';

/** A label and keywords for one of several sibling groups of sentences. */
export interface Naming {
  readonly label: string;
  readonly keywords: string[];
}

/** Sentences read per group to find its label (its most central ones), by default. */
const CENTRAL_SENTENCES = 4;
/** Sentences of a group in which a candidate label's recurrence is counted (its most central). */
const RECURRENCE_SENTENCES = 300;
/** Keywords shown per group. */
const KEYWORDS = 8;
/** How many times more central sentences are read for a label when the first ones give none. */
const WIDER = 4;
/**
 * Class-based TF-IDF (c-TF-IDF; Grootendorst 2022, BERTopic): a term weighs
 * `tf(t, c) · ln(1 + A / f(t))` in group `c`, where `tf` counts the group's sentences containing
 * it, `f` counts them over all sibling groups and `A` is the average number of term occurrences
 * per group: what this group has and its siblings lack. Returns the weights of one group at a
 * time (counted in a dense scratch row), so many groups never hold all their counts at once.
 */
function classWeights(groups: readonly (readonly number[])[], index: TermIndex) {
  const f = new Float64Array(index.base);
  let total = 0;
  for (const g of groups)
    for (const id of g)
      for (const t of index.content[id]!) {
        f[t]!++;
        total++;
      }
  const average = total / Math.max(1, groups.length);
  const tf = new Float64Array(index.base);
  return (g: number): Map<number, number> => {
    const touched: number[] = [];
    for (const id of groups[g]!)
      for (const t of index.content[id]!) if (tf[t]!++ === 0) touched.push(t);
    touched.sort((a, b) => a - b);
    const w = new Map<number, number>();
    for (const t of touched) {
      w.set(t, tf[t]! * Math.log(1 + average / f[t]!));
      tf[t] = 0;
    }
    return w;
  };
}

/** Most frequent surface word of each of some stems in the given sentences. */
function surfaceWords(
  ids: readonly number[],
  sentences: readonly Sentence[],
  stems: ReadonlySet<string>,
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of ids) {
    const s = sentences[id]!;
    s.stems.forEach((st, i) => {
      if (!stems.has(st)) return;
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

/**
 * The exact text of tokens `i..j` grown to whole words (never a cut name such as "Ban Ki" of
 * "Ban Ki-moon"), without surrounding punctuation or a possessive ending (an abbreviation keeps
 * its final period: "U.S.").
 */
function wholeWords(text: string, t: TokenTable, i: number, j: number): string {
  let start = t.starts[i]!;
  let end = t.starts[j]! + t.values[j]!.length;
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
  while (end < text.length && !/\s/u.test(text[end]!)) end++;
  return text
    .slice(start, end)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/(?<!(?:^|[\s.])\p{L})[^\p{L}\p{N}]+$/u, '')
    .replace(/['’]s$/u, '');
}

/**
 * A phrase can name a group: balanced brackets and quotes, not one bare common word, and a label a
 * reader would write (`isReaderLabel`: no code token, version, licence word, lone capitals, stub).
 */
function nameable(phrase: string, proper: boolean): boolean {
  if (!phrase || /[()[\]{}"“”«»]/u.test(phrase)) return false;
  if (!/\s/u.test(phrase) && !proper) return false;
  return isReaderLabel(phrase);
}

/** Candidate labels of one group, best first (value, then text). */
function candidates(
  ids: readonly number[],
  sentences: readonly Sentence[],
  index: TermIndex,
  weights: ReadonlyMap<number, number>,
  central: number,
): string[] {
  const centrality = (id: number) => {
    let s = 0;
    for (const t of index.content[id]!) s += weights.get(t) ?? 0;
    return s / Math.sqrt(index.content[id]!.length + 1);
  };
  const ranked = [...ids].sort((a, b) => centrality(b) - centrality(a) || a - b);
  const groupText = ranked
    .slice(0, RECURRENCE_SENTENCES)
    .map((id) => sentences[id]!.text.toLowerCase())
    .join('\n');
  const best = new Map<string, number>();
  for (const id of ranked.slice(0, central)) {
    const text = sentences[id]!.text;
    const t = analyzeWithEntities(text);
    for (const [i, j] of nounChunks(t)) {
      let weight = 0;
      for (let k = i; k <= j; k++) {
        const term = index.vocab.get(stemOf(t.values[k]!));
        if (term !== undefined) weight += weights.get(term) ?? 0;
      }
      if (weight <= 0) continue;
      // A proper noun opening a sentence may be a capitalised common word ("Access to …").
      const proper = t.pos.slice(i, j + 1).some((p, k) => p === 'PROPN' && (i + k > 0 || j > i));
      const phrase = wholeWords(text, t, i, j);
      if (!nameable(phrase, proper)) continue;
      const single = !/\s/u.test(phrase);
      const recurrence = groupText.split(phrase.toLowerCase()).length - 1;
      // A name (a proper noun) says what the group is about better than common words do; a name
      // with what happened to it ("Chile earthquake") better than the name alone.
      const value =
        weight * (1 + Math.log(Math.max(1, recurrence))) * (proper ? 1.5 : 1) * (single ? 0.5 : 1);
      if (value > (best.get(phrase) ?? 0)) best.set(phrase, value);
    }
  }
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([p]) => p);
}

/** Whether a word, read alone, is a noun or a name (a keyword that can name something). */
function isNoun(word: string): boolean {
  const p = analyze(word).pos[0];
  return p === 'NOUN' || p === 'PROPN';
}

/**
 * Labels and keywords for sibling groups of sentences (the stories of a corpus, or the facets of
 * one story). A group is named by the title of its most central document (a Markdown or HTML
 * first heading, a news headline) when that title names what its documents share (`titleOf`
 * gives the titles; `corpus` counts the documents with content, and those with a term, counted
 * when not given); otherwise the label is a complete noun phrase from the
 * group's most central sentences (wink-nlp part-of-speech tags), weighed by c-TF-IDF so it is
 * distinctive against the siblings, never a bare common word nor a code token, version number,
 * licence word, lone all-caps word or abbreviation stub (`isReaderLabel`), and never the same as
 * a sibling's label (or one in `options.taken`) up to case. Groups are named in the order given
 * (largest first), so the larger keeps a contested name.
 */
export function nameGroups(
  groups: readonly (readonly number[])[],
  sentences: readonly Sentence[],
  index: TermIndex,
  options: {
    taken?: readonly string[];
    centralSentences?: number;
    titleOf?: (file: string) => string | undefined;
    corpus?: CorpusCounts;
  } = {},
): Naming[] {
  const { taken = [], centralSentences = CENTRAL_SENTENCES, titleOf } = options;
  const weightsOf = classWeights(groups, index);
  const used = new Set(taken.map((l) => l.toLowerCase()));
  const corpus = options.corpus ?? (titleOf ? documentCounts(sentences, index) : undefined);
  const free = (c: string | undefined) => c !== undefined && !used.has(c.toLowerCase());
  return groups.map((ids, g) => {
    const w = weightsOf(g);
    const top = [...w]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, KEYWORDS)
      .map(([t]) => index.terms[t]!);
    const surface = surfaceWords(ids, sentences, new Set(top));
    const keywords = top.map((stem) => surface.get(stem) ?? stem);
    let label =
      titleOf && corpus ? sharedTitle(ids, sentences, index, w, corpus, titleOf) : undefined;
    if (!free(label)) label = candidates(ids, sentences, index, w, centralSentences).find(free);
    // None in the most central sentences: read more of them before giving up on a phrase.
    if (!free(label))
      label = candidates(ids, sentences, index, w, centralSentences * WIDER).find(free);
    // No phrase to be had (a group of fragments): its most distinctive keyword a reader would
    // write, made distinct from its siblings' labels.
    if (!free(label)) {
      const readable = keywords.filter((k) => isReaderLabel(k));
      const nouns = readable.filter(isNoun);
      const words = nouns.length > 0 ? nouns : readable;
      label = words[0] ?? keywords[0] ?? 'untitled';
      for (let k = 1; used.has(label.toLowerCase()) && k < words.length; k++)
        label = `${words[0]} and ${words[k]}`;
    }
    used.add(label!.toLowerCase());
    return { label: label!, keywords };
  });
}
